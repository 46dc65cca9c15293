/** A negation, modal or scope word added or removed (不会 → 会, may → will, only). */
import { compareMarkers } from '../markers.js';
import { flipSignal } from '../signals.js';
import { insertedRanges } from '../hunks.js';
import { MAJOR_WHERE_GOVERNED, type EditDetector } from './types.js';

/** Detector `flip`. */
export const flip: EditDetector = {
  id: 'flip',
  on: 'edit',
  step: 'substance',
  reads: 'markers',
  levels: MAJOR_WHERE_GOVERNED,
  why: 'Adding or removing a negation, modal or scope word (不会 → 会, may → will, only) reverses or widens a commitment.',
  applies: (e) => e.flipHunks.length > 0,
  detect: (e) => {
    const runs = { before: e.flipHunks.map((h) => [h.oldStart, h.oldStart + h.deleted.length] as const), after: insertedRanges(e.flipHunks) };
    const flips = compareMarkers(e.a, e.flipBase, runs);
    return flips.length > 0 ? [flipSignal(flips, e.changedText)] : [];
  },
};
