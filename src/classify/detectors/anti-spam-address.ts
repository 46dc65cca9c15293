/** An e-mail address spelt out against spam (privacy [at] example [dot] com), or the note that says how to read one. */
import { isPunctuationOrSpace } from '../text.js';
import { isAntiSpamNote, trivialEdit } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `anti-spam-address`. */
export const antiSpamAddress: HunkDetector = {
  id: 'anti-spam-address',
  on: 'hunk',
  reads: 'links',
  levels: MINOR,
  why: 'An address rewritten against spam is the same address.',
  applies: ({ hunk: h }) => isAntiSpamNote(h.inserted),
  detect: ({ hunk: h }) => (isPunctuationOrSpace(h.deleted) || isAntiSpamNote(h.deleted) ? trivialEdit('link', h) : null),
};
