/** A block added or removed whole that helps a reader through the policy: a table of contents, a reading guide, a note on bold terms, a summary that does not replace the policy. */
import { makeSignal } from '../signals.js';
import { isReadingAid } from '../trivial.js';
import { MINOR, type BlockDetector } from './types.js';

/** Detector `reading-aid`. */
export const readingAid: BlockDetector = {
  id: 'reading-aid',
  on: 'block',
  alone: true,
  reads: 'sentences',
  levels: MINOR,
  why: 'A table of contents, a reading guide or a summary that says it does not replace the policy speaks of the document; it adds no commitment when every term it names is in the policy already.',
  applies: (b) => b.block.kind !== 'heading',
  detect: (b) => (isReadingAid(b.text, b.documentText, b.headings) ? [makeSignal('restatement', { id: 'restates', what: 'reading', text: b.text })] : []),
};
