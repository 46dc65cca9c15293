/** A cross-reference inserted (参见第 5 条, see Section 5) with nothing of its own. */
import { isPunctuationOrSpace } from '../text.js';
import { isCrossReference, isFunctionWordEdit, trivialEdit } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `cross-reference`. */
export const crossReference: HunkDetector = {
  id: 'cross-reference',
  on: 'hunk',
  reads: 'sentences',
  levels: MINOR,
  why: 'A cross-reference restates what another section already says.',
  applies: ({ hunk: h }) => isPunctuationOrSpace(h.deleted) || isFunctionWordEdit(h.deleted, ''),
  detect: ({ hunk }) => (isCrossReference(hunk.inserted) ? trivialEdit('cross-reference', hunk) : null),
};
