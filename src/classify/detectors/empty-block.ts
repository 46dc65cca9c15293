/** A block with no words: a rule, an empty paragraph, a link definition (whose target is read like a link's). */
import { linkSignals, makeSignal } from '../signals.js';
import { contentKey } from '../text.js';
import { MINOR, type BlockDetector } from './types.js';

/** Detector `empty-block`. */
export const emptyBlock: BlockDetector = {
  id: 'empty-block',
  on: 'block',
  alone: true,
  reads: 'structure',
  levels: MINOR,
  why: 'Structure (a rule, a link definition, an empty block) is not a commitment.',
  applies: (b) => contentKey(b.text) === '' || b.block.kind === 'thematicBreak' || b.block.kind === 'definition',
  detect: ({ block, kind }) => {
    const links = block.kind === 'definition' ? linkSignals({ text: '', urls: kind === 'removed' ? block.urls : [] }, { text: '', urls: kind === 'added' ? block.urls : [] }) : [];
    return links.length > 0 ? links : [makeSignal('structure', { id: 'empty-block', change: kind, blockKind: block.kind })];
  },
};
