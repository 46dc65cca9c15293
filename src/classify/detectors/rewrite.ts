/** A passage rewritten beyond recognition, with commitment terms in what changed. */
import { findConcepts, isStrong } from '../concepts.js';
import { conceptsIn, makeSignal } from '../signals.js';
import { contentWords, similarity } from '../text.js';
import { TUNING } from '../tuning.js';
import { MAJOR_WHERE_GOVERNED, type EditDetector } from './types.js';

/** Detector `rewrite`. */
export const rewrite: EditDetector = {
  id: 'rewrite',
  on: 'edit',
  step: 'substance',
  reads: 'words',
  levels: MAJOR_WHERE_GOVERNED,
  why: 'A governed passage was rewritten beyond recognition.',
  applies: (e) => contentWords(e.changedText).length >= TUNING.edits.rewriteWords && similarity(e.a, e.b) < TUNING.edits.rewriteSimilarity,
  detect: (e) => {
    const committal = findConcepts(e.changedText).some((h) => isStrong(h.concept) && !h.weak);
    return committal ? [makeSignal('rewrite', { id: 'rewrite', from: e.a, to: e.b }, conceptsIn(e.changedText))] : [];
  },
};
