/** Items added to or removed from an enumeration (data kinds, grounds, recipients). */
import { conceptsIn, makeSignal } from '../signals.js';
import { MAJOR_WHERE_GOVERNED, type EditHunkDetector } from './types.js';

/** Detector `enumeration`. */
export const enumeration: EditHunkDetector = {
  id: 'enumeration',
  on: 'edit',
  step: 'substance',
  eachHunk: true,
  reads: 'lists',
  levels: MAJOR_WHERE_GOVERNED,
  why: 'An item added to or removed from an enumeration (data kinds, grounds, recipients) widens or narrows the commitment.',
  // Examples that restate a category are `examples-gained`, just before.
  applies: (h, _e, ctx) => h.enumeration !== null && ctx.hunkFound.every((s) => s.rule !== 'examples-gained'),
  detect: (h) => {
    const en = h.enumeration!;
    return [makeSignal('enumeration', { id: 'enumeration', sentence: en.sentence, added: en.added, removed: en.removed }, conceptsIn(en.sentence))];
  },
};
