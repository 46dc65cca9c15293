/** Small pure helpers that describe a revision's changes, shared by the reports, check and publish. */
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

/** Line breaks of every kind. */
const LINE_BREAKS = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/g;
/** Control characters (ANSI and OSC-8 escapes start with ESC) and bidirectional overrides, which can disguise text. */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A field of policy text (a title, a section, a reason, a file name) as it may
 * appear in any report: on one line — line breaks and tabs shown as a space, so
 * policy text never starts a line of output (a `::error` of its own in CI) — and
 * with every other control character shown as a visible `\u{1b}` escape, so no
 * ANSI or OSC-8 sequence reaches a terminal or an annotation. Pure.
 */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROLS, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}
