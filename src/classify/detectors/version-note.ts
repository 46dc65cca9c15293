/** Sentences added about the policy's own versions (where earlier ones can be read, what this one changed). */
import { contentWords } from '../text.js';
import { isOnlyWholeSentences } from '../lists.js';
import { isVersionNote } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `version-note`. */
export const versionNote: HunkDetector = {
  id: 'version-note',
  on: 'hunk',
  reads: 'sentences',
  levels: MINOR,
  why: 'A note on the policy’s own versions speaks of the document, not of what is done with data; the edits it describes are judged where they happen.',
  applies: ({ hunk }) => contentWords(hunk.deleted).length === 0,
  detect: ({ hunk }) => {
    return isOnlyWholeSentences(hunk.inserted) && isVersionNote(hunk.inserted) ? { kind: 'restatement', what: 'version', text: hunk.inserted.trim() } : null;
  },
};
