/**
 * A modified block: read by the edit stage (with the text of a split or merged paragraph put back, so
 * that text that only moved is not read as cut or added), then against the trigger list.
 */
import { makeSignal } from '../signals.js';
import { MINOR, type ChangeDetector } from './types.js';

/** Detector `edited`. */
export const edited: ChangeDetector = {
  id: 'edited',
  on: 'change',
  reads: 'whole-change',
  levels: MINOR,
  why: 'Routes a modified block to the edit and list stages; its findings are theirs.',
  applies: (c) => c.kind === 'modified' && c.oldBlock !== null && c.newBlock !== null,
  detect: (c, ctx) => {
    const [before, after] = ctx.splitsAndMerges(c);
    const a = ctx.analyzeEdit(before, after);
    // Nothing but text that came from (or went to) a neighbouring block: a paragraph split or merged.
    if ((before !== c.oldBlock || after !== c.newBlock) && a.signals.every((x) => x.kind === 'same-text')) {
      a.signals = [makeSignal('text-elsewhere', { id: 'rejoined', how: before !== c.oldBlock ? 'merged' : 'split' }, [], { rule: 'text-elsewhere' })];
    }
    return ctx.withTriggerList(a, c.oldIndex, c.newIndex);
  },
};
