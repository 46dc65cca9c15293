/** Letter case changed, nothing else. */
import { contentKey, isPunctuationOrSpace } from '../text.js';
import { trivialEdit } from '../trivial.js';
import { lettersOf } from './punctuation.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `case`. */
export const letterCase: HunkDetector = {
  id: 'case',
  on: 'hunk',
  reads: 'words',
  levels: MINOR,
  why: 'Letter case does not change a commitment.',
  applies: ({ hunk: h }) => contentKey(h.deleted) === contentKey(h.inserted) && !(isPunctuationOrSpace(h.deleted) && isPunctuationOrSpace(h.inserted)),
  detect: ({ hunk: h }) => (lettersOf(h.deleted) === lettersOf(h.inserted) && h.deleted.toLowerCase() === h.inserted.toLowerCase() ? trivialEdit('case', h) : null),
};
