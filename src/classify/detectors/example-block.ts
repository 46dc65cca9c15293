/** An example added as a block of its own that restates a category the section names. */
import { makeSignal } from '../signals.js';
import { isExample } from '../trivial.js';
import { sides } from './boilerplate-block.js';
import { MINOR, type BlockDetector } from './types.js';

/** Detector `example-block`. */
export const exampleBlock: BlockDetector = {
  id: 'example-block',
  on: 'block',
  alone: true,
  reads: 'concepts',
  levels: MINOR,
  why: 'An example that restates an existing category does not change a commitment.',
  applies: (b) => b.kind === 'added',
  detect: (b) => (isExample(b.text, { before: '', after: b.text, sectionText: b.sectionText }) ? [makeSignal('example', { id: 'trivial-example', ...sides(b.kind, b.text), more: 0 })] : []),
};
