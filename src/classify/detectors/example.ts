/** An example inserted (例如 …, for example …) that restates a category the block or its section already names. */
import { isPunctuationOrSpace } from '../text.js';
import { isExample, isFunctionWordEdit, trivialEdit } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `example`. */
export const example: HunkDetector = {
  id: 'example',
  on: 'hunk',
  reads: 'concepts',
  levels: MINOR,
  why: 'An example that restates an existing category does not change a commitment.',
  applies: ({ hunk: h }) => isPunctuationOrSpace(h.deleted) || isFunctionWordEdit(h.deleted, ''),
  detect: ({ hunk, ctx }) => (isExample(hunk.inserted, ctx) ? trivialEdit('example', hunk) : null),
};
