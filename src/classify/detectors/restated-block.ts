/** A block added that restates what its section says (security measures, a repeated limit, a gloss). */
import { makeSignal } from '../signals.js';
import { restatement } from '../trivial.js';
import { MINOR, type BlockDetector } from './types.js';

/** Detector `restated-block`. */
export const restatedBlock: BlockDetector = {
  id: 'restated-block',
  on: 'block',
  alone: true,
  reads: 'concepts',
  levels: MINOR,
  why: 'Describing security measures, repeating a limit already set or glossing a word restates the policy; it changes no commitment.',
  applies: (b) => b.kind === 'added',
  detect: (b) => {
    const what = restatement(b.text, b.sectionText);
    return what ? [makeSignal('restatement', { id: 'restates', what, text: b.text })] : [];
  },
};
