/** A heading added or removed. */
import { makeSignal } from '../signals.js';
import { MINOR, type BlockDetector } from './types.js';

/** Detector `heading-block`. */
export const headingBlock: BlockDetector = {
  id: 'heading-block',
  on: 'block',
  alone: true,
  reads: 'structure',
  levels: MINOR,
  why: 'Headings name sections; they promise nothing.',
  applies: (b) => b.block.kind === 'heading',
  detect: (b) => [makeSignal('heading', { id: 'heading-block', change: b.kind, text: b.text })],
};
