/** An edit inside a web address written in the text, where the sentence names no request or contact channel. */
import { isChannelSentence, samePages } from '../links.js';
import { trivialEdit, withinEntity } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `link`. */
export const link: HunkDetector = {
  id: 'link',
  on: 'hunk',
  reads: 'links',
  levels: MINOR,
  why: 'A re-pointed link is not a commitment (a request or contact channel is read by `channel-link`).',
  applies: () => true,
  detect: ({ hunk, ctx }) => {
    const url = withinEntity(hunk, ctx, 'url');
    // Only its query changed, or its sentence is about no request or way to contact us.
    if (url && (samePages([url[0]], [url[1]]) || !isChannelSentence(ctx.after, hunk.newStart))) return trivialEdit('link', hunk, url[0], url[1]);
    return null;
  },
};
