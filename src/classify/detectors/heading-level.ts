/** The same text, now a heading of another level. */
import { makeSignal } from '../signals.js';
import { MINOR, type EditDetector } from './types.js';

/** Detector `heading-level`. */
export const headingLevel: EditDetector = {
  id: 'heading-level',
  on: 'edit',
  step: 'unchanged',
  reads: 'structure',
  levels: MINOR,
  why: 'Headings name sections; they promise nothing.',
  applies: (e) => e.before.kind === 'heading' && e.after.kind === 'heading',
  detect: (e) => [makeSignal('heading', { id: 'heading-level', text: e.a, from: e.before.depth, to: e.after.depth })],
};
