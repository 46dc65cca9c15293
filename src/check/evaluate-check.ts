/**
 * `policy check` as a pure function: the policies found, compared with their
 * base, judged against `--fail-on` and the validations, into one result.
 */
import { hasOwnTriggers, sectionOf } from '../describe-revision.js';
import { comparePolicies } from '../revision.js';
import type { ChangeLevel, Revision } from '../types.js';
import { changeLines, mapBlocks } from './lines.js';
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
 * deleted policy.
 * `problems` found while reading (the archive's verify) come first. Pure.
 */
export function evaluateCheck(subjects: readonly CheckSubject[], options: CheckOptions, base: string, problems: readonly CheckProblem[] = []): CheckResult {
  const failures: CheckProblem[] = [...problems];
  const policies: CheckedPolicy[] = [];
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
      continue;
    }
    const revision = comparePolicies(subject.base, subject.head);
    const map = mapBlocks(revision);
    policies.push({ status: 'compared', id: subject.id, file: subject.file, revision });
    failures.push(...thresholdProblems(revision, subject.file, options.failOn, map));
    if (options.failOnUnsure) failures.push(...unsureProblems(revision, subject.file, map));
    for (const problem of [
      findTriggerListRemoval(revision, subject.file, map),
      findLastUpdatedRegression(revision, subject.file),
      findNoticeProblem(revision, subject.file, options.noticeDays, options.today),
    ]) {
      if (problem) failures.push(problem);
    }
  }
  const needsDecision = policies.reduce((n, p) => n + (p.status === 'compared' ? p.revision.needsDecision : 0), 0);
  return { ok: failures.length === 0, failures, policies, failOn: options.failOn, failOnUnsure: options.failOnUnsure === true, needsDecision, base };
}
