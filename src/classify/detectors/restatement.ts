/** An added run that restates what is there: security measures described, a limit repeated by pointing back, a gloss. */
import { contentWords } from '../text.js';
import { restatement as restatementOf } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `restatement`. */
export const restatement: HunkDetector = {
  id: 'restatement',
  on: 'hunk',
  reads: 'concepts',
  levels: MINOR,
  why: 'Describing security measures, repeating a limit already set or glossing a word restates the policy; it changes no commitment.',
  applies: ({ hunk }) => contentWords(hunk.deleted).length === 0,
  detect: ({ hunk, ctx }) => {
    const what = restatementOf(hunk.inserted, ctx.before);
    return what ? { kind: 'restatement', what, text: hunk.inserted.trim() } : null;
  },
};
