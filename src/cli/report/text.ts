/** The terminal report of a revision: each change with its section, line, redline, level and trigger. */
import type { ClassifiedChange, InlinePart, Revision } from '../../types.js';
import { countChanges, renderChangeCounts } from '../../count-changes.js';
import { elideRedline, hasOwnTriggers, oneLine, redlineOf, sectionOf, triggersHit } from '../../describe-revision.js';

export interface TextStyle {
  /** Use ANSI colours (only on a terminal, and never with NO_COLOR). */
  color: boolean;
}

const ANSI = {
  bold: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  red: ['\u001b[31m', '\u001b[39m'],
  green: ['\u001b[32m', '\u001b[39m'],
  yellow: ['\u001b[33m', '\u001b[39m'],
  strike: ['\u001b[9m', '\u001b[29m'],
  underline: ['\u001b[4m', '\u001b[24m'],
} as const;

/** The marker of a low-confidence change: its level is the classifier's best guess, for a person to confirm. */
export const NEEDS_DECISION = 'needs a decision';

type Paint = (style: keyof typeof ANSI, text: string) => string;

function painter(color: boolean): Paint {
  return (style, text) => (color ? `${ANSI[style][0]}${text}${ANSI[style][1]}` : text);
}

function redline(parts: readonly InlinePart[], paint: Paint, color: boolean): string {
  return elideRedline(parts)
    .map((part) => {
      const shown = oneLine(part.text);
      if (part.op === 'equal') return shown;
      if (part.op === 'delete') return color ? paint('red', paint('strike', shown)) : `[-${shown}-]`;
      return color ? paint('green', paint('underline', shown)) : `{+${shown}+}`;
    })
    .join('');
}

function lineLabel(change: ClassifiedChange): string {
  const oldLine = change.oldBlock?.line;
  const newLine = change.newBlock?.line;
  if (oldLine !== undefined && newLine !== undefined) return oldLine === newLine ? `line ${newLine}` : `line ${oldLine} → ${newLine}`;
  return newLine !== undefined ? `line ${newLine}` : `old line ${oldLine}`;
}

function renderChange(revision: Revision, change: ClassifiedChange, paint: Paint, color: boolean): string[] {
  const level = change.level === 'major' ? paint('bold', paint('red', 'MAJOR')) : paint('yellow', 'minor');
  const unsure = change.confidence === 'low' ? `  ${paint('yellow', NEEDS_DECISION)}` : '';
  const lines = [`${level}  ${change.kind}  ${paint('bold', oneLine(sectionOf(change)) || '(top)')}  ${paint('dim', lineLabel(change))}${unsure}`];
  lines.push(`  ${redline(redlineOf(change), paint, color)}`);
  const label = hasOwnTriggers(revision) ? 'trigger' : 'default category';
  for (const trigger of triggersHit(revision, change.triggers)) lines.push(`  ${label} ${trigger.index}: ${oneLine(trigger.text)}`);
  for (const reason of change.reasons) lines.push(paint('dim', `  why: ${oneLine(reason)}`));
  return lines;
}

/** The one-line verdict that ends the report. */
export function renderVerdict(revision: Revision): string {
  const id = oneLine(revision.new.id);
  if (revision.level === 'none') return `${id}: no visible change`;
  if (revision.changes.length === 0) return `${id}: ${revision.level.toUpperCase()} revision — no change besides the re-stamped date (bookkeeping)`;
  const label = hasOwnTriggers(revision) ? 'triggers hit' : 'default categories hit';
  const triggers = revision.triggers.length > 0 ? `; ${label}: ${revision.triggers.join(', ')}` : '';
  const unsure = revision.needsDecision > 0 ? `; ${revision.needsDecision} ${NEEDS_DECISION}` : '';
  return `${id}: ${revision.level.toUpperCase()} revision — ${renderChangeCounts(countChanges(revision.changes))}${triggers}${unsure}`;
}

/** One line listing publish's bookkeeping edits (not changes), or '' when there are none. Pure. */
export function renderBookkeeping(revision: Revision): string {
  const items = (revision.bookkeeping ?? []).map((item) => {
    const what = item.kind === 'date-line' ? 'last-updated date' : `front matter ${item.field}`;
    return `${what} ${oneLine(item.before ?? '(none)')} → ${oneLine(item.after ?? '(none)')}`;
  });
  return items.length === 0 ? '' : `bookkeeping (not counted as changes): ${items.join('; ')}`;
}

/** Renders a revision for a terminal. Pure. */
export function renderRevisionText(revision: Revision, style: TextStyle): string {
  const paint = painter(style.color);
  const out: string[] = [];
  const { old: before, new: after } = revision;
  out.push(paint('bold', oneLine(`${after.title} (${after.id}, ${after.lang})`)));
  out.push(oneLine(`old: ${before.path}${before.lastUpdated ? ` (last updated ${before.lastUpdated.date})` : ''}`));
  out.push(oneLine(`new: ${after.path}${after.lastUpdated ? ` (last updated ${after.lastUpdated.date})` : ''}`));
  out.push('');
  for (const change of revision.changes) {
    out.push(...renderChange(revision, change, paint, style.color));
    out.push('');
  }
  const bookkeeping = renderBookkeeping(revision);
  if (bookkeeping) out.push(paint('dim', bookkeeping), '');
  const verdict = renderVerdict(revision);
  out.push(revision.level === 'major' ? paint('bold', paint('red', verdict)) : paint('bold', verdict));
  return out.join('\n') + '\n';
}
