/** The terminal report of `policy check`: each policy's report, then the problems, then the verdict. */
import type { CheckResult } from '../../check/types.js';
import { NEEDS_DECISION, renderRevisionText, type TextStyle } from './text.js';

/** The check's one-line verdict, e.g. `policy check: failed — 2 problems (compared with origin/main)`. Pure. */
export function renderCheckVerdict(result: CheckResult): string {
  const count = result.failures.length;
  const state = result.ok ? 'passed' : `failed — ${count} problem${count === 1 ? '' : 's'}`;
  const unsure = result.needsDecision > 0 ? `; ${result.needsDecision} change${result.needsDecision === 1 ? '' : 's'} ${NEEDS_DECISION}` : '';
  const flags = `--fail-on ${result.failOn}${result.failOnUnsure ? ', --fail-on-unsure' : ''}`;
  return `policy check: ${state} (${result.policies.length} polic${result.policies.length === 1 ? 'y' : 'ies'} compared with ${result.base}; ${flags}${unsure})`;
}

/** One line per failure: `file:line: message`. Pure. */
export function renderFailureLines(result: CheckResult): string[] {
  return result.failures.map((failure) => `${failure.file}:${failure.line}: ${failure.message}`);
}

/** Renders a check result for a terminal. Pure. */
export function renderCheckText(result: CheckResult, style: TextStyle): string {
  const parts: string[] = [];
  for (const policy of result.policies) {
    if (policy.status === 'compared') {
      parts.push(renderRevisionText(policy.revision, style));
    } else if (policy.status === 'deleted') {
      parts.push(`${policy.base.title ?? policy.id} (${policy.id})\ndeleted: ${policy.file}\n\n${policy.id}: deleted — ${policy.note}\n`);
    } else {
      parts.push(`${policy.head.title} (${policy.id}, ${policy.head.lang})\nnew: ${policy.file}\n\n${policy.id}: new policy — ${policy.note}\n`);
    }
  }
  const tail: string[] = [];
  if (result.failures.length > 0) tail.push('Problems:', ...renderFailureLines(result).map((line) => `  ${line}`), '');
  tail.push(renderCheckVerdict(result));
  parts.push(tail.join('\n') + '\n');
  return parts.join('\n');
}
