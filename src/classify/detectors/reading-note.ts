/** Sentences added that help a reader through the policy (please read …, key terms in bold, a summary that does not replace it). */
import { contentWords } from '../text.js';
import { isOnlyWholeSentences } from '../lists.js';
import { isReadingAid } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `reading-note`. */
export const readingNote: HunkDetector = {
  id: 'reading-note',
  on: 'hunk',
  reads: 'sentences',
  levels: MINOR,
  why: 'A note on how to read the policy (read it with …, terms in bold, a summary that does not replace it) speaks of the document; it adds no commitment when every term it names is already in the policy.',
  applies: ({ hunk }) => contentWords(hunk.deleted).length === 0,
  detect: ({ hunk, ctx }) => {
    const known = ctx.documentText ?? (() => `${ctx.before}\n${ctx.sectionText}`);
    return isOnlyWholeSentences(hunk.inserted) && isReadingAid(hunk.inserted, known) ? { kind: 'restatement', what: 'reading', text: hunk.inserted.trim() } : null;
  },
};
