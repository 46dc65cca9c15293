/**
 * Where in the current version of a file a finding belongs. A removed block has
 * no line of its own, so it is placed at the block that now stands where it was.
 */
import type { ClassifiedChange, Revision } from '../types.js';

/**
 * Maps each old block index to its new index: blocks no change mentions are the
 * unchanged ones, and they correspond in order; modified and moved blocks are
 * paired by their change. Pure.
 */
export function mapBlocks(revision: Revision): Map<number, number> {
  const map = new Map<number, number>();
  const changedOld = new Set<number>();
  const changedNew = new Set<number>();
  for (const change of revision.changes) {
    if (change.oldIndex >= 0) changedOld.add(change.oldIndex);
    if (change.newIndex >= 0) changedNew.add(change.newIndex);
    if (change.oldIndex >= 0 && change.newIndex >= 0) map.set(change.oldIndex, change.newIndex);
  }
  const keptOld = revision.old.blocks.map((_, i) => i).filter((i) => !changedOld.has(i));
  const keptNew = revision.new.blocks.map((_, i) => i).filter((i) => !changedNew.has(i));
  keptOld.forEach((oldIndex, k) => {
    const newIndex = keptNew[k];
    if (newIndex !== undefined) map.set(oldIndex, newIndex);
  });
  return map;
}

/**
 * The line in the new version where old block `oldIndex` was: the first block
 * at or after it that still exists, else the end of the last block, else 1. Pure.
 */
export function anchorLine(revision: Revision, oldIndex: number, map: Map<number, number> = mapBlocks(revision)): number {
  for (let i = Math.max(oldIndex, 0); i < revision.old.blocks.length; i++) {
    const newIndex = map.get(i);
    if (newIndex !== undefined) return revision.new.blocks[newIndex]!.line;
  }
  return revision.new.blocks[revision.new.blocks.length - 1]?.endLine ?? 1;
}

/** The lines `[start, end]` of the new version that a change concerns. Pure. */
export function changeLines(revision: Revision, change: ClassifiedChange, map?: Map<number, number>): [number, number] {
  if (change.newBlock) return [change.newBlock.line, Math.max(change.newBlock.endLine, change.newBlock.line)];
  if (change.oldIndex < 0) return [1, 1];
  const line = anchorLine(revision, change.oldIndex, map);
  return [line, line];
}
