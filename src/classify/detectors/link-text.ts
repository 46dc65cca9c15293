/** Only the words of links changed, their targets the same ("click here" → "Cookie Notice"). */
import { linkTextEdit } from '../signals.js';
import { MINOR, type EditDetector } from './types.js';

/** Detector `link-text`. */
export const linkText: EditDetector = {
  id: 'link-text',
  on: 'edit',
  step: 'whole',
  reads: 'links',
  levels: MINOR,
  why: 'The reader is sent to the same place, now with a description: what a reader does not see is not a change.',
  applies: (e) => e.links !== undefined && e.before.urls.length > 0,
  detect: (e, ctx) => {
    const relabelled = linkTextEdit(e.before, e.after, e.substantive, e.links);
    return relabelled ? [relabelled, ...ctx.notes] : [];
  },
};
