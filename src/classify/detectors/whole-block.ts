/** A block added or removed whole: read by the block stage, then against the trigger list. */
import { MINOR, type ChangeDetector } from './types.js';

/** Detector `whole-block`. */
export const wholeBlock: ChangeDetector = {
  id: 'whole-block',
  on: 'change',
  reads: 'whole-change',
  levels: MINOR,
  why: 'Routes a block that came or went to the block and list stages; its findings are theirs.',
  applies: (c) => (c.kind === 'added' && c.newBlock !== null) || (c.kind === 'removed' && c.oldBlock !== null),
  detect: (c, ctx) => {
    const added = c.kind === 'added';
    return ctx.withTriggerList(ctx.analyzeBlock(added ? c.newBlock! : c.oldBlock!, added ? 'added' : 'removed'), added ? -1 : c.oldIndex, added ? c.newIndex : -1);
  },
};
