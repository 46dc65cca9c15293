/** A copyright or trade-mark notice added or removed whole. */
import { makeSignal } from '../signals.js';
import { isBoilerplate } from '../trivial.js';
import { MINOR, type BlockDetector } from './types.js';

/** Detector `boilerplate-block`. */
export const boilerplateBlock: BlockDetector = {
  id: 'boilerplate-block',
  on: 'block',
  alone: true,
  reads: 'sentences',
  levels: MINOR,
  why: 'Copyright and trade-mark notices are company boilerplate, not commitments.',
  applies: () => true,
  detect: (b) => (isBoilerplate(b.text) ? [makeSignal('boilerplate', { id: 'trivial-boilerplate', ...sides(b.kind, b.text), more: 0 })] : []),
};

/** The words before and after a block that came or went: the whole text on one side. */
export function sides(kind: 'added' | 'removed', text: string): { before: string; after: string } {
  return kind === 'added' ? { before: '', after: text } : { before: text, after: '' };
}
