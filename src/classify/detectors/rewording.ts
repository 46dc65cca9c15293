/** The catch-all: an edit of content words that no other detector read. */
import { sentenceAt } from '../lists.js';
import { makeSignal } from '../signals.js';
import { MINOR, type EditDetector } from './types.js';

/** Detector `rewording`. */
export const rewording: EditDetector = {
  id: 'rewording',
  on: 'edit',
  step: 'substance',
  reads: 'words',
  levels: MINOR,
  why: 'Rewording that neither widens nor narrows a commitment is minor (and in doubt when it brings in new words: see confidence).',
  applies: (_e, ctx) => ctx.found.length === 0,
  detect: (e) => {
    const h = e.substantive[0]!;
    return [makeSignal('rewording', { id: 'rewording', from: sentenceAt(e.a, h.oldStart), to: sentenceAt(e.b, h.newStart) })];
  },
};
