/** A cross-reference added or removed as a block of its own. */
import { makeSignal } from '../signals.js';
import { isCrossReference } from '../trivial.js';
import { sides } from './boilerplate-block.js';
import { MINOR, type BlockDetector } from './types.js';

/** Detector `cross-reference-block`. */
export const crossReferenceBlock: BlockDetector = {
  id: 'cross-reference-block',
  on: 'block',
  alone: true,
  reads: 'sentences',
  levels: MINOR,
  why: 'A cross-reference restates what another section already says.',
  applies: () => true,
  detect: (b) => (isCrossReference(b.text) ? [makeSignal('cross-reference', { id: 'trivial-cross-reference', ...sides(b.kind, b.text), more: 0 })] : []),
};
