/**
 * `policy check` as a pure function: the policies found, compared with their
 * base, judged against `--fail-on` and the validations, into one result.
 */
import { isPolicyError } from '../errors.js';
import { hasOwnTriggers, sectionOf } from '../describe-revision.js';
import { comparePolicies } from '../revision.js';
import type { ChangeLevel, Revision, RevisionLevel } from '../types.js';
import { findTranslationProblems, type TranslationLink } from './translations.js';
import { changeLines, mapBlocks } from './lines.js';
import { CHANGE_NOTE_KEY, changeNoteOf } from '../policy/change-note.js';
import type { CheckedPolicy, CheckOptions, CheckProblem, CheckResult, CheckSubject, FailOn } from './types.js';
import { findDeletion, findLastUpdatedRegression, findNoticeProblem, findTriggerListRemoval, renderDeletionNote } from './validate.js';

/** A trigger's text without the clause punctuation that ends it in its list (`；`, `;`, `。` …), for quoting inside a sentence. Pure. */
export function trimClause(text: string): string {
  return text.replace(/[\s；;。.，,、：:]+$/u, '');
}

/** True when a change of `level` makes a check with `failOn` fail. */
export function reachesFailOn(level: ChangeLevel, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return failOn === 'minor' || level === 'major';
}

function thresholdProblems(revision: Revision, file: string, failOn: FailOn, map: Map<number, number>): CheckProblem[] {
  const own = hasOwnTriggers(revision);
  const problems: CheckProblem[] = [];
  revision.changes.forEach((change, index) => {
    if (!reachesFailOn(change.level, failOn)) return;
    const [line, endLine] = changeLines(revision, change, map);
    const triggers = own ? change.triggers : [];
    const named = triggers
      .map((n) => revision.old.triggers.find((trigger) => trigger.index === n))
      .filter((trigger) => trigger !== undefined)
      .map((trigger) => `trigger ${trigger.index}: ${trimClause(trigger.text)}`);
    const section = sectionOf(change) || '(top)';
    problems.push({
      kind: 'threshold',
      file,
      line,
      ...(endLine > line ? { endLine } : {}),
      message: `${change.level} change (${change.kind}) in "${section}"${named.length > 0 ? `, ${named.join('; ')}` : ''}; fails --fail-on ${failOn}`,
      change: { id: revision.new.id, index },
      level: change.level,
      triggers,
    });
  });
  return problems;
}

/** A revision that reaches `requireNote` without a change note (or with one that is not text), on the front matter's first line. Pure. */
export function findMissingNote(revision: Revision, file: string, requireNote: FailOn): CheckProblem | null {
  if (revision.level === 'none' || !reachesFailOn(revision.level, requireNote)) return null;
  let note: string | null;
  try {
    note = changeNoteOf(revision.new);
  } catch (error) {
    if (!isPolicyError(error)) throw error;
    return { kind: 'note', file, line: revision.new.frontMatterLines?.[CHANGE_NOTE_KEY] ?? 1, message: error.details.problem };
  }
  if (note !== null) return null;
  return {
    kind: 'note',
    file,
    line: 1,
    message: `${revision.level} revision without a change note: add "${CHANGE_NOTE_KEY}: |" to the front matter, saying what changed and why in the policy's language; fails --require-note ${requireNote}`,
  };
}

/** Low-confidence changes, each a failure under `--fail-on-unsure`: a person has to decide the level. */
function unsureProblems(revision: Revision, file: string, map: Map<number, number>): CheckProblem[] {
  const problems: CheckProblem[] = [];
  revision.changes.forEach((change, index) => {
    if (change.confidence !== 'low') return;
    const [line, endLine] = changeLines(revision, change, map);
    problems.push({
      kind: 'unsure',
      file,
      line,
      ...(endLine > line ? { endLine } : {}),
      message: `${change.level} change (${change.kind}) in "${sectionOf(change) || '(top)'}" needs a decision (low confidence); fails --fail-on-unsure`,
      change: { id: revision.new.id, index },
      level: change.level,
      triggers: change.triggers,
    });
  });
  return problems;
}

/**
 * Compares every subject with its base and collects the failures: changes that
 * reach `failOn`, policies that do not parse, a removed trigger list, a
 * "last updated" date going back, a major revision without enough notice, a
 * deleted policy, a translation left behind by a major revision of its original.
 * `problems` found while reading (the archive's verify) come first. Pure.
 */
export function evaluateCheck(
  subjects: readonly CheckSubject[],
  options: CheckOptions,
  base: string,
  problems: readonly CheckProblem[] = [],
  translations: readonly TranslationLink[] = [],
): CheckResult {
  const failures: CheckProblem[] = [...problems];
  const policies: CheckedPolicy[] = [];
  const levels = new Map<string, RevisionLevel>();
  const changed = new Map<string, boolean>();
  for (const subject of subjects) {
    if (subject.kind === 'invalid') {
      failures.push({ kind: 'invalid', file: subject.file, line: subject.line, message: subject.message });
      continue;
    }
    if (subject.kind === 'deleted') {
      policies.push({ status: 'deleted', id: subject.id, file: subject.file, base: subject.base, note: renderDeletionNote(subject) });
      failures.push(findDeletion(subject));
      continue;
    }
    if (subject.kind === 'new') {
      policies.push({ status: 'new', id: subject.id, file: subject.file, head: subject.head, note: subject.note });
      changed.set(subject.id, true);
      continue;
    }
    const revision = comparePolicies(subject.base, subject.head);
    levels.set(subject.id, revision.level);
    changed.set(subject.id, revision.changes.length > 0);
    const map = mapBlocks(revision);
    policies.push({ status: 'compared', id: subject.id, file: subject.file, revision });
    failures.push(...thresholdProblems(revision, subject.file, options.failOn, map));
    if (options.failOnUnsure) failures.push(...unsureProblems(revision, subject.file, map));
    for (const problem of [
      findMissingNote(revision, subject.file, options.requireNote ?? 'never'),
      findTriggerListRemoval(revision, subject.file, map),
      findLastUpdatedRegression(revision, subject.file),
      findNoticeProblem(revision, subject.file, options.noticeDays, options.today),
    ]) {
      if (problem) failures.push(problem);
    }
  }
  // A translation the check compared counts as changed when a reader would see a difference.
  const links = translations.map((link) => ({ ...link, changed: changed.get(link.id) ?? link.changed }));
  const found = findTranslationProblems(links, levels);
  failures.push(...found.failures);
  const needsDecision = policies.reduce((n, p) => n + (p.status === 'compared' ? p.revision.needsDecision : 0), 0);
  return {
    ok: failures.length === 0,
    failures,
    policies,
    failOn: options.failOn,
    failOnUnsure: options.failOnUnsure === true,
    needsDecision,
    base,
    warnings: found.warnings,
  };
}
