/** The same text in another kind of block (a paragraph made a list item, a heading that now renders). */
import { makeSignal } from '../signals.js';
import { MINOR, type EditDetector } from './types.js';

/** Detector `block-kind`. */
export const blockKind: EditDetector = {
  id: 'block-kind',
  on: 'edit',
  step: 'unchanged',
  reads: 'structure',
  levels: MINOR,
  why: 'Structure is not a commitment.',
  applies: (e) => e.before.kind !== e.after.kind || e.before.depth !== e.after.depth,
  detect: (e) => [makeSignal('structure', { id: 'block-kind', from: e.before.kind, to: e.after.kind })],
};
