/** Commitment terms (a purpose, a kind of data, a recipient, a right, a fee …) added or removed in the sentences the edits touch. */
import { sentenceAt } from '../lists.js';
import { conceptDelta } from '../signals.js';
import type { Hunk } from '../hunks.js';
import { MAJOR_WHERE_GOVERNED, type EditDetector } from './types.js';

/** Detector `concept`. */
export const concept: EditDetector = {
  id: 'concept',
  on: 'edit',
  step: 'substance',
  reads: 'concepts',
  levels: MAJOR_WHERE_GOVERNED,
  why: 'A commitment term (a purpose, a kind of data, a recipient, a right, a fee …) was added or removed.',
  applies: () => true,
  detect: (e) => {
    // The rest of the block is the same on both sides.
    const touched = (text: string, at: (h: Hunk) => number): string => [...new Set(e.substantive.map((h) => sentenceAt(text, at(h), true)))].join('\n');
    const found = conceptDelta(touched(e.a, (h) => h.oldStart), touched(e.b, (h) => h.newStart), e.substantive);
    return found ? [found] : [];
  },
};
