/** A heading reworded. */
import { makeSignal } from '../signals.js';
import { MINOR, type EditDetector } from './types.js';

/** Detector `heading-changed`. */
export const headingChanged: EditDetector = {
  id: 'heading-changed',
  on: 'edit',
  step: 'whole',
  reads: 'structure',
  levels: MINOR,
  why: 'Headings name sections; they promise nothing.',
  applies: (e) => e.before.kind === 'heading' && e.after.kind === 'heading',
  // A re-pointed link in the heading still shows beside it; its harmless edits do not.
  detect: (e, ctx) => [makeSignal('heading', { id: 'heading-changed', from: e.a, to: e.b }), ...ctx.notes.filter((x) => x.kind === 'link')],
};
