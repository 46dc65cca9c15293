/** A whole sentence added or removed. */
import { contentKey } from '../text.js';
import { conceptsIn, makeSignal, type Signal } from '../signals.js';
import { MAJOR_WHERE_GOVERNED, type EditHunkDetector } from './types.js';

/** Detector `sentence`. */
export const sentence: EditHunkDetector = {
  id: 'sentence',
  on: 'edit',
  step: 'substance',
  eachHunk: true,
  reads: 'sentences',
  levels: MAJOR_WHERE_GOVERNED,
  why: 'A whole sentence was added to or removed from a governed passage.',
  applies: (h) => h.addedSentences.length > 0 || h.removedSentences.length > 0,
  detect: (h, e) => {
    const out: Signal[] = [];
    const added = h.addedSentences;
    const removed = h.removedSentences;
    if (added.length > 0) out.push(makeSignal('sentence', { id: 'sentence', change: 'added', text: added[0]! }, conceptsIn(added.join(' '))));
    // A sentence still there elsewhere in the block was not removed.
    if (removed.length > 0 && !contentKey(e.b).includes(contentKey(removed[0]!))) out.push(makeSignal('sentence', { id: 'sentence', change: 'removed', text: removed[0]! }, conceptsIn(removed.join(' '))));
    return out;
  },
};
