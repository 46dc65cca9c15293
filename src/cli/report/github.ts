/**
 * The `--format github` report of `policy check`: GitHub Actions workflow
 * commands, so that findings show inline on the pull request's files. A change
 * that makes the check fail is an `::error`, another major change a
 * `::warning`, a minor one a `::notice`.
 */
import type { CheckProblem, CheckProblemKind, CheckResult } from '../../check/types.js';
import type { ClassifiedChange, Revision } from '../../types.js';
import { hasOwnTriggers, sectionOf, triggersHit } from '../../describe-revision.js';
import { trimClause } from '../../check/evaluate-check.js';
import { changeLines, mapBlocks } from '../../check/lines.js';
import { renderCheckVerdict } from './check-text.js';
import { NEEDS_DECISION, renderVerdict } from './text.js';

/** Severity of a workflow command. */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** Where an annotation points. */
export interface AnnotationProperties {
  file?: string;
  line?: number;
  endLine?: number;
  title?: string;
}

/** Escapes a workflow command's message (GitHub's rules: %, CR, LF). Pure. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (as data, plus `:` and `,`). Pure. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line, e.g. `::error file=a.md,line=3,title=T::message`. Pure. */
export function renderAnnotation(level: AnnotationLevel, properties: AnnotationProperties, message: string): string {
  const props = (Object.entries(properties) as [string, string | number | undefined][])
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

const TITLES: Record<Exclude<CheckProblemKind, 'threshold'>, string> = {
  invalid: 'Policy does not parse',
  'triggers-removed': 'List of major changes removed',
  archive: 'Archive fails verify',
  history: 'Archive history rewritten',
  'last-updated': 'Last-updated date goes back',
  notice: 'Notice period too short',
  deleted: 'Policy deleted',
  translation: 'Translation not in step',
  note: 'Change note missing',
  unsure: 'Needs a decision',
};

function changeTitle(level: string, triggers: readonly number[]): string {
  const name = level === 'major' ? 'Major change' : 'Minor change';
  if (triggers.length === 0) return name;
  return `${name} (trigger${triggers.length === 1 ? '' : 's'} ${triggers.join(', ')})`;
}

function changeMessage(revision: Revision, change: ClassifiedChange): string {
  const own = hasOwnTriggers(revision);
  const named = own ? triggersHit(revision, change.triggers).map((trigger) => `trigger ${trigger.index}: ${trimClause(trigger.text)}`) : [];
  return `${change.level} change (${change.kind}) in "${sectionOf(change) || '(top)'}"${named.length > 0 ? `, ${named.join('; ')}` : ''}`;
}

function withReasons(message: string, change: ClassifiedChange | undefined): string {
  return change && change.reasons.length > 0 ? `${message}\n${change.reasons.join('\n')}` : message;
}

function failureAnnotation(problem: CheckProblem, change: ClassifiedChange | undefined): string {
  const title =
    problem.kind === 'threshold'
      ? changeTitle(problem.level ?? 'major', problem.triggers ?? [])
      : problem.kind === 'unsure'
        ? `${TITLES.unsure} (${changeTitle(problem.level ?? 'major', problem.triggers ?? []).toLowerCase()})`
        : TITLES[problem.kind];
  return renderAnnotation('error', { file: problem.file, line: problem.line, endLine: problem.endLine, title }, withReasons(problem.message, change));
}

/** Renders a check result as workflow commands, one per line, ending with the verdict. Pure. */
export function renderCheckGithub(result: CheckResult): string {
  const lines: string[] = [];
  const failing = new Map<string, CheckProblem>();
  for (const problem of result.failures) {
    if (problem.change) failing.set(`${problem.change.id}#${problem.change.index}`, problem);
  }
  const changeOf = (problem: CheckProblem): ClassifiedChange | undefined => {
    if (!problem.change) return undefined;
    const { id, index } = problem.change;
    const policy = result.policies.find((entry) => entry.status === 'compared' && entry.id === id);
    return policy?.status === 'compared' ? policy.revision.changes[index] : undefined;
  };
  for (const problem of result.failures) lines.push(failureAnnotation(problem, changeOf(problem)));
  for (const warning of result.warnings ?? []) {
    if (warning.kind !== 'threshold') lines.push(renderAnnotation('warning', { file: warning.file, line: warning.line, title: TITLES[warning.kind] }, warning.message));
  }

  for (const policy of result.policies) {
    // A deleted policy's ::error is among the failures above; there is no file left to annotate further.
    if (policy.status === 'deleted') continue;
    if (policy.status === 'new') {
      for (const warning of policy.head.warnings) lines.push(renderAnnotation('warning', { file: policy.file, title: 'policy' }, warning));
      lines.push(renderAnnotation('notice', { file: policy.file, line: 1, title: 'New policy' }, `${policy.id} is new: ${policy.note}`));
      continue;
    }
    const { revision, file } = policy;
    for (const warning of revision.warnings) lines.push(renderAnnotation('warning', { file, title: 'policy' }, warning));
    const map = mapBlocks(revision);
    revision.changes.forEach((change, index) => {
      if (failing.has(`${policy.id}#${index}`)) return;
      const [line, endLine] = changeLines(revision, change, map);
      const triggers = hasOwnTriggers(revision) ? change.triggers : [];
      // A low-confidence change is a warning whatever its level: a person has to decide it.
      const unsure = change.confidence === 'low';
      const title = unsure ? `${TITLES.unsure} (${changeTitle(change.level, triggers).toLowerCase()})` : changeTitle(change.level, triggers);
      lines.push(
        renderAnnotation(
          change.level === 'major' || unsure ? 'warning' : 'notice',
          { file, line, endLine: endLine > line ? endLine : undefined, title },
          withReasons(`${changeMessage(revision, change)}${unsure ? `; ${NEEDS_DECISION}` : ''}`, change),
        ),
      );
    });
    lines.push(renderVerdict(revision));
  }
  lines.push(renderCheckVerdict(result));
  return lines.join('\n') + '\n';
}
