/** A web address a reader could not see (`<example.com>` hides as an unknown tag) written out, or the reverse. */
import { isChannelSentence } from '../links.js';
import { isPunctuationOrSpace } from '../text.js';
import { isBareAddress, trivialEdit } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `hidden-address`. */
export const hiddenAddress: HunkDetector = {
  id: 'hidden-address',
  on: 'hunk',
  reads: 'links',
  levels: MINOR,
  why: 'What a reader does not see is not a change: an address that did not render, now written out.',
  applies: ({ hunk: h }) => (isPunctuationOrSpace(h.deleted) && isBareAddress(h.inserted)) || (isPunctuationOrSpace(h.inserted) && isBareAddress(h.deleted)),
  detect: ({ hunk, ctx }) => (isChannelSentence(ctx.after, hunk.newStart) ? null : trivialEdit('link', hunk)),
};
