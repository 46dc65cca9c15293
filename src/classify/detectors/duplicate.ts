/** Deleted words that are still there (a doubled word, a defined term still quoted, a sentence still present). */
import { isPunctuationOrSpace } from '../text.js';
import { isDuplicateDeletion, isFunctionWordEdit, trivialEdit } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `duplicate`. */
export const duplicate: HunkDetector = {
  id: 'duplicate',
  on: 'hunk',
  reads: 'words',
  levels: MINOR,
  why: 'Removing text that is still there does not change a commitment.',
  applies: ({ hunk: h }) => h.inserted.trim() === '' || isPunctuationOrSpace(h.inserted) || isFunctionWordEdit('', h.inserted),
  detect: ({ hunk, ctx }) => (isDuplicateDeletion(hunk, ctx) ? trivialEdit('duplicate', hunk) : null),
};
