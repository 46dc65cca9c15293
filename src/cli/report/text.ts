/** The terminal report of a revision: each change with its section, line, redline, level and trigger. */
import type { ClassifiedChange, InlinePart, Revision } from '../../types.js';
import { countLevels, elideRedline, hasOwnTriggers, redlineOf, sectionOf, triggersHit } from '../../describe-revision.js';

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
      if (part.op === 'equal') return part.text;
      if (part.op === 'delete') return color ? paint('red', paint('strike', part.text)) : `[-${part.text}-]`;
      return color ? paint('green', paint('underline', part.text)) : `{+${part.text}+}`;
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
  const lines = [`${level}  ${change.kind}  ${paint('bold', sectionOf(change) || '(top)')}  ${paint('dim', lineLabel(change))}${unsure}`];
  lines.push(`  ${redline(redlineOf(change), paint, color)}`);
  const label = hasOwnTriggers(revision) ? 'trigger' : 'default category';
  for (const trigger of triggersHit(revision, change.triggers)) lines.push(`  ${label} ${trigger.index}: ${trigger.text}`);
  for (const reason of change.reasons) lines.push(paint('dim', `  why: ${reason}`));
  return lines;
}

/** The one-line verdict that ends the report. */
export function renderVerdict(revision: Revision): string {
  if (revision.level === 'none') return `${revision.new.id}: no visible change`;
  if (revision.changes.length === 0) return `${revision.new.id}: ${revision.level.toUpperCase()} revision — no change besides the re-stamped date (bookkeeping)`;
  const { major, minor } = countLevels(revision);
  const label = hasOwnTriggers(revision) ? 'triggers hit' : 'default categories hit';
  const triggers = revision.triggers.length > 0 ? `; ${label}: ${revision.triggers.join(', ')}` : '';
  const unsure = revision.needsDecision > 0 ? `; ${revision.needsDecision} ${NEEDS_DECISION}` : '';
  return `${revision.new.id}: ${revision.level.toUpperCase()} revision — ${revision.changes.length} change${revision.changes.length === 1 ? '' : 's'} (${major} major, ${minor} minor)${triggers}${unsure}`;
}

/** One line listing publish's bookkeeping edits (not changes), or '' when there are none. Pure. */
export function renderBookkeeping(revision: Revision): string {
  const items = (revision.bookkeeping ?? []).map((item) => {
    const what = item.kind === 'date-line' ? 'last-updated date' : `front matter ${item.field}`;
    return `${what} ${item.before ?? '(none)'} → ${item.after ?? '(none)'}`;
  });
  return items.length === 0 ? '' : `bookkeeping (not counted as changes): ${items.join('; ')}`;
}

/** Renders a revision for a terminal. Pure. */
export function renderRevisionText(revision: Revision, style: TextStyle): string {
  const paint = painter(style.color);
  const out: string[] = [];
  const { old: before, new: after } = revision;
  out.push(paint('bold', `${after.title} (${after.id}, ${after.lang})`));
  out.push(`old: ${before.path}${before.lastUpdated ? ` (last updated ${before.lastUpdated.date})` : ''}`);
  out.push(`new: ${after.path}${after.lastUpdated ? ` (last updated ${after.lastUpdated.date})` : ''}`);
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
