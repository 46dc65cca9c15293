/**
 * Text still in the policy elsewhere: a removed block whose rewrite was added (it reappears), an added
 * block cut from a changed old block (a split), a removed one merged into a changed new block.
 */
import { makeSignal } from '../signals.js';
import { MINOR, type ChangeDetector } from './types.js';

/** Detector `text-elsewhere`. */
export const textElsewhere: ChangeDetector = {
  id: 'text-elsewhere',
  on: 'change',
  reads: 'whole-change',
  levels: MINOR,
  why: 'The text is still in the policy, elsewhere.',
  applies: (c) => (c.kind === 'added' && c.newBlock !== null) || (c.kind === 'removed' && c.oldBlock !== null),
  detect: (c, ctx) => {
    const partner = ctx.pairs.get(ctx.index);
    const other = partner === undefined ? undefined : ctx.all[partner]!;
    if (c.kind === 'removed' && other?.newBlock) {
      const trig = ctx.oldTriggersAt(c.oldIndex)[0];
      return { signals: [makeSignal('text-elsewhere', { id: 'reappears', line: other.newBlock.line, trigger: trig ? trig.index : null })], changedText: '' };
    }
    const block = c.kind === 'added' ? c.newBlock! : c.oldBlock!;
    const found = ctx.textElsewhere(block, c.kind === 'added' ? 'added' : 'removed');
    return found ? ctx.withTriggerList(found, c.kind === 'added' ? -1 : c.oldIndex, c.kind === 'added' ? c.newIndex : -1) : null;
  },
};
