/** An example taken out, where what it named is still named in the block. */
import { isPunctuationOrSpace } from '../text.js';
import { isExample, isFunctionWordEdit, trivialEdit } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `example-removed`. */
export const exampleRemoved: HunkDetector = {
  id: 'example-removed',
  on: 'hunk',
  reads: 'concepts',
  levels: MINOR,
  why: 'An example cut whose category is still named does not change a commitment.',
  applies: ({ hunk: h }) => isPunctuationOrSpace(h.inserted) || isFunctionWordEdit(h.inserted, ''),
  detect: ({ hunk, ctx }) => (isExample(hunk.deleted, { before: ctx.after, after: ctx.after, sectionText: '' }) ? trivialEdit('example', hunk) : null),
};
