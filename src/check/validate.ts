/**
 * The validations `policy check` runs on a revision besides its level: the
 * trigger list must not vanish, "last updated" must not go back, and a major
 * revision needs its notice period; and a policy must not be deleted. Each
 * returns a problem or null. Pure.
 */
import { addDays, daysBetween, isIsoDate } from '../archive/dates.js';
import type { Revision } from '../types.js';
import { anchorLine } from './lines.js';
import type { CheckProblem, DeletedSubject } from './types.js';

/** A problem when the base had its own list of major changes and the new version has none. */
export function findTriggerListRemoval(revision: Revision, file: string, map?: Map<number, number>): CheckProblem | null {
  const { old: base, new: head } = revision;
  if (base.triggerSource === 'default' || head.triggerSource !== 'default') return null;
  const count = base.triggers.length;
  const where =
    base.triggerSource === 'front-matter'
      ? `front matter majorChangeTriggers of ${base.path}`
      : `${base.path}, line ${base.triggers[0]?.line ?? '?'}`;
  const line = base.triggerSource === 'policy' && base.triggerBlocks ? anchorLine(revision, base.triggerBlocks[0], map) : 1;
  return {
    kind: 'triggers-removed',
    file,
    line,
    message: `the policy's list of major changes (${count} item${count === 1 ? '' : 's'}, ${where}) was removed; without it the built-in default list would decide what is major — restore the list (edit it rather than delete it)`,
  };
}

/** A problem when the "last updated" date is earlier than the base's. */
export function findLastUpdatedRegression(revision: Revision, file: string): CheckProblem | null {
  const before = revision.old.lastUpdated;
  const after = revision.new.lastUpdated;
  if (!before || !after || after.date >= before.date) return null;
  return {
    kind: 'last-updated',
    file,
    line: after.line,
    message: `"last updated" date ${after.date} is earlier than ${before.date} in ${revision.old.path}`,
  };
}

/** The front matter `effective` date as YYYY-MM-DD, null when absent, or undefined when it is not a date. */
export function parseEffectiveDate(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return typeof value === 'string' && isIsoDate(value.trim()) ? value.trim() : undefined;
}

/**
 * A problem when a major revision's `effective` date is missing or less than
 * `noticeDays` days after `today` (the day it would be published).
 */
export function findNoticeProblem(revision: Revision, file: string, noticeDays: number | undefined, today: string): CheckProblem | null {
  if (revision.level !== 'major' || noticeDays === undefined) return null;
  const head = revision.new;
  const earliest = addDays(today, noticeDays);
  const raw = head.frontMatter.effective;
  const effective = parseEffectiveDate(raw);
  const line = head.frontMatterLines?.effective ?? 1;
  const need = `${noticeDays} days' notice from today (${today}) means ${earliest} or later`;
  if (effective === null) {
    return { kind: 'notice', file, line, message: `major revision without a front matter "effective" date; ${need} (add effective: ${earliest})` };
  }
  if (effective === undefined) {
    return { kind: 'notice', file, line, message: `front matter "effective" must be a date written YYYY-MM-DD, found ${JSON.stringify(raw)}` };
  }
  const days = daysBetween(today, effective);
  if (days >= noticeDays) return null;
  return {
    kind: 'notice',
    file,
    line,
    message: `major revision takes effect on ${effective}, ${days} day${Math.abs(days) === 1 ? '' : 's'} after today; ${need}`,
  };
}

/** Where a deleted policy still lives, in a few words (the report's note). Pure. */
export function renderDeletionNote(subject: DeletedSubject): string {
  const { archived, ref, id } = subject;
  const parts = [
    archived ? `${archived.folder} still publishes ${id}@${archived.version}` : '',
    ref ? `the file is in ${ref}` : '',
  ].filter(Boolean);
  return parts.join('; ');
}

/**
 * The failure for a deleted policy. Always a failure, whatever `--fail-on`:
 * archived versions are immutable and stay public, so a deleted source leaves
 * the archive (and the site built from it) showing a policy that no longer
 * exists here, and the next publish could never announce its end.
 */
export function findDeletion(subject: DeletedSubject): CheckProblem {
  const { archived, ref, id, file } = subject;
  const why = archived
    ? `${archived.folder} still publishes ${id}@${archived.version}, so the public archive would show a policy that no longer exists${ref ? ` (the file is in ${ref})` : ''}; restore the file, or retire the policy by publishing a version that says so`
    : `${id} is in ${ref ?? 'the base'} and not archived yet, so nothing public is lost, but a policy never disappears silently: restore the file, or merge its removal knowingly past this check`;
  return { kind: 'deleted', file, line: 1, message: `the policy was deleted; archived policies stay published — ${why}` };
}
