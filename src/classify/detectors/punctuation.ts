/** Punctuation changed around the same words (a letter-case change that also moves a mark counts here too). */
import { contentKey, isPunctuationOrSpace } from '../text.js';
import { trivialEdit } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** The letters and digits of a run, lower-cased. */
export const lettersOf = (t: string): string => t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Detector `punctuation`. */
export const punctuation: HunkDetector = {
  id: 'punctuation',
  on: 'hunk',
  reads: 'words',
  levels: MINOR,
  why: 'Punctuation fixes do not change a commitment.',
  applies: ({ hunk }) => contentKey(hunk.deleted) === contentKey(hunk.inserted),
  detect: ({ hunk: h }) => {
    if (isPunctuationOrSpace(h.deleted) && isPunctuationOrSpace(h.inserted)) return trivialEdit('punctuation', h);
    const sameLetters = lettersOf(h.deleted) === lettersOf(h.inserted);
    return sameLetters && h.deleted.toLowerCase() !== h.inserted.toLowerCase() ? trivialEdit('punctuation', h) : null;
  },
};
