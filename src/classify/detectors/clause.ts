/**
 * A clause (a condition, a purpose, a promise) added or cut with nothing in its place — only as the
 * block's one edit: a reworded sentence cuts and adds pieces all over.
 */
import { conceptsIn, isClause, makeSignal } from '../signals.js';
import { contentWords } from '../text.js';
import { MAJOR_WHERE_GOVERNED, type EditHunkDetector } from './types.js';

/** Detector `clause`. */
export const clause: EditHunkDetector = {
  id: 'clause',
  on: 'edit',
  step: 'substance',
  eachHunk: true,
  reads: 'words',
  levels: MAJOR_WHERE_GOVERNED,
  why: 'A clause (a condition, a purpose, a promise) was added to or cut from a governed passage with nothing in its place.',
  applies: (h, _e, ctx) => ctx.hunkCount === 1 && h.addedSentences.length === 0 && h.removedSentences.length === 0 && h.enumeration === null,
  detect: ({ hunk: h }) => {
    if (isClause(h.inserted) && contentWords(h.deleted).length === 0) return [makeSignal('clause', { id: 'clause', change: 'added', text: h.inserted }, conceptsIn(h.inserted))];
    if (isClause(h.deleted) && contentWords(h.inserted).length === 0) return [makeSignal('clause', { id: 'clause', change: 'removed', text: h.deleted }, conceptsIn(h.deleted))];
    return [];
  },
};
