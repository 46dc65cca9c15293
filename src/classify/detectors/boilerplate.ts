/** An edit inside a copyright or trade-mark notice. */
import { noticeAround, trivialEdit } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `boilerplate`. */
export const boilerplate: HunkDetector = {
  id: 'boilerplate',
  on: 'hunk',
  reads: 'sentences',
  levels: MINOR,
  why: 'Copyright and trade-mark notices are company boilerplate, not commitments.',
  applies: () => true,
  detect: ({ hunk: h, ctx }) => {
    const before = noticeAround(ctx.before, h.oldStart, h.oldStart + h.deleted.length);
    const after = before === null ? null : noticeAround(ctx.after, h.newStart, h.newStart + h.inserted.length);
    return before !== null && after !== null ? trivialEdit('boilerplate', h, before, after) : null;
  },
};
