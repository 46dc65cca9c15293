/** A cross-reference taken out. */
import { isPunctuationOrSpace } from '../text.js';
import { isCrossReference, isFunctionWordEdit, trivialEdit } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `cross-reference-removed`. */
export const crossReferenceRemoved: HunkDetector = {
  id: 'cross-reference-removed',
  on: 'hunk',
  reads: 'sentences',
  levels: MINOR,
  why: 'A cut cross-reference took away no commitment: the section it pointed to still says it.',
  applies: ({ hunk: h }) => isPunctuationOrSpace(h.inserted) || isFunctionWordEdit(h.inserted, ''),
  detect: ({ hunk }) => (isCrossReference(hunk.deleted) ? trivialEdit('cross-reference', hunk) : null),
};
