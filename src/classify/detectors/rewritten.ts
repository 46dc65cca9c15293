/** An added block paired with a removed one of like text: one block rewritten (or moved and edited), read as an edit. */
import { MINOR, type ChangeDetector } from './types.js';

/** Detector `rewritten`. */
export const rewritten: ChangeDetector = {
  id: 'rewritten',
  on: 'change',
  reads: 'whole-change',
  levels: MINOR,
  why: 'Routes a rewritten block to the edit and list stages; its findings are theirs.',
  applies: (c, ctx) => c.kind === 'added' && c.newBlock !== null && ctx.pairs.has(ctx.index) && ctx.all[ctx.pairs.get(ctx.index)!]!.oldBlock !== null,
  detect: (c, ctx) => {
    const other = ctx.all[ctx.pairs.get(ctx.index)!]!;
    return ctx.withTriggerList(ctx.analyzeEdit(other.oldBlock!, c.newBlock!), other.oldIndex, c.newIndex);
  },
};
