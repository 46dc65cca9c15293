/** The header row of a table added or removed: the names of its columns. */
import type { Block, Policy } from '../../types.js';
import { extractEntities } from '../entities.js';
import { committalMarkers } from '../markers.js';
import { makeSignal } from '../signals.js';
import { cjkCount, contentWords, hasCjk } from '../text.js';
import { MINOR, type ChangeDetector } from './types.js';

/** A bound, not a tuning: a column label is a few words (联系方式, Retention period); more is a statement. */
const LABEL_WORDS = 4;
const LABEL_IDEOGRAPHS = 8;

/** True when `at` is the first row of a table whose next row follows it (Markdown puts the |---| line between). */
function isHeaderRow(policy: Policy, at: number): boolean {
  const row = policy.blocks[at];
  const next = policy.blocks[at + 1];
  const prev = policy.blocks[at - 1];
  if (!row || row.kind !== 'tableRow' || !next || next.kind !== 'tableRow') return false;
  // A trigger list laid out as a table is read by the list stage, header and all.
  const list = policy.triggerBlocks;
  if (list && at >= list[0] - 1 && at < list[1]) return false;
  return !(prev && prev.kind === 'tableRow' && prev.endLine >= row.line - 1);
}

/** True when every cell is a short label: no entity, no promise (not, may, only …), a few words. */
function isLabelRow(block: Block): boolean {
  const cells = block.text.split(' | ');
  return cells.every((cell) => {
    if (extractEntities(cell).length > 0 || committalMarkers(cell).length > 0) return false;
    return hasCjk(cell) ? cjkCount(cell) <= LABEL_IDEOGRAPHS : contentWords(cell).length <= LABEL_WORDS;
  });
}

/** Detector `table-header`. */
export const tableHeader: ChangeDetector = {
  id: 'table-header',
  on: 'change',
  reads: 'structure',
  levels: MINOR,
  why: "A table's header row names its columns; what the table says is in its rows (a list re-laid out as a table gains one, saying nothing new).",
  applies: (c, ctx) => (c.kind === 'added' ? isHeaderRow(ctx.neu, c.newIndex) : c.kind === 'removed' && isHeaderRow(ctx.old, c.oldIndex)),
  detect: (c) => {
    const block = (c.kind === 'added' ? c.newBlock : c.oldBlock)!;
    if (!isLabelRow(block)) return null;
    return { signals: [makeSignal('structure', { id: 'table-header', change: c.kind === 'added' ? 'added' : 'removed', text: block.text })], changedText: '' };
  },
};
