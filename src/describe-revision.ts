/** Small pure helpers that describe a revision's changes, shared by the reports, check and publish. */
import { countChanges } from './count-changes.js';
import type { ClassifiedChange, InlinePart, Revision, Trigger } from './types.js';

/** The section a change sits in: its own text for a heading, else the innermost heading above it. */
export function sectionOf(change: ClassifiedChange): string {
  const block = change.newBlock ?? change.oldBlock;
  if (!block) return '';
  if (block.kind === 'frontMatter') return 'front matter';
  if (block.kind === 'heading') return block.text;
  return block.section[block.section.length - 1] ?? '';
}

/** The triggers of the OLD version that a revision hit, with their texts. */
export function triggersHit(revision: Revision, indices: readonly number[] = revision.triggers): Trigger[] {
  return indices
    .map((index) => revision.old.triggers.find((trigger) => trigger.index === index))
    .filter((trigger): trigger is Trigger => trigger !== undefined);
}

/** True when trigger indices are the policy's own (not the built-in default list). */
export function hasOwnTriggers(revision: Revision): boolean {
  return revision.old.triggerSource !== 'default';
}

/**
 * Shortens the equal stretches of a redline to `context` characters on each
 * side of a change, so a one-word edit in a long paragraph stays readable.
 */
export function elideRedline(parts: readonly InlinePart[], context = 60): InlinePart[] {
  return parts.map((part, i) => {
    if (part.op !== 'equal') return part;
    const chars = Array.from(part.text);
    const isFirst = i === 0;
    const isLast = i === parts.length - 1;
    const keep = isFirst || isLast ? context : context * 2;
    if (chars.length <= keep + 1) return part;
    if (isFirst) return { op: 'equal', text: '…' + chars.slice(chars.length - context).join('') };
    if (isLast) return { op: 'equal', text: chars.slice(0, context).join('') + '…' };
    return { op: 'equal', text: chars.slice(0, context).join('') + ' … ' + chars.slice(chars.length - context).join('') };
  });
}

/** The redline of a change of any kind: modified changes have one; others are one insertion or deletion. */
export function redlineOf(change: ClassifiedChange): InlinePart[] {
  if (change.kind === 'modified' && change.inline.length > 0) return change.inline;
  const before = change.oldBlock?.text ?? '';
  const after = change.newBlock?.text ?? '';
  if (change.kind === 'moved') return [{ op: 'equal', text: after }];
  if (change.kind === 'modified' && before === after) return [{ op: 'equal', text: after }];
  const parts: InlinePart[] = [];
  if (before) parts.push({ op: 'delete', text: before });
  if (after) parts.push({ op: 'insert', text: after });
  return parts;
}

/** Counts of changes by level (see countChanges, the one count every surface states). */
export function countLevels(revision: Revision): { major: number; minor: number } {
  const { major, minor } = countChanges(revision.changes);
  return { major, minor };
}
