/** Implementation of `policy check`. */
import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { utcDate } from '../../archive/dates.js';
import { evaluateCheck } from '../../check/evaluate-check.js';
import { readCheckSources } from '../../check/read-sources.js';
import type { CheckResult } from '../../check/types.js';
import { readConfig } from '../../config.js';
import { type Context, useColor, warn } from '../../context.js';
import { EXIT } from '../../errors.js';
import { renderCheckJson } from '../report/check-json.js';
import { renderCheckMarkdown } from '../report/check-markdown.js';
import { renderCheckText, renderFailureLines } from '../report/check-text.js';
import { renderCheckGithub } from '../report/github.js';
import type { CheckCommandOptions } from './check.js';
import { requirePolicies } from '../../project-root.js';

function policyWarnings(result: CheckResult): string[] {
  return result.policies.flatMap((policy) =>
    policy.status === 'compared' ? policy.revision.warnings : policy.status === 'new' ? policy.head.warnings : [],
  );
}

/** Appends the Markdown report to the job summary; a failure to do so is a warning, never the verdict. */
async function writeStepSummary(ctx: Context, result: CheckResult): Promise<void> {
  const summary = ctx.env.GITHUB_STEP_SUMMARY;
  if (!summary) return;
  try {
    await appendFile(resolve(ctx.cwd, summary), renderCheckMarkdown(result) + '\n', 'utf8');
  } catch (error) {
    warn(ctx, `GITHUB_STEP_SUMMARY: cannot append the report: ${(error as Error).message}`);
  }
}

/** Checks the policies, prints the report, and returns the exit status. */
export async function runCheck(ctx: Context, files: string[], options: CheckCommandOptions): Promise<number> {
  const { config } = await readConfig(ctx);
  // With --base, a policy deleted since the base is what the check reports, so an empty folder is not "no policies".
  if (files.length === 0 && options.base === undefined) await requirePolicies(ctx, config);
  const sources = await readCheckSources(ctx, config, files, options.base);
  const noticeDays = options.noticeDays ?? config.noticeDays;
  const result = evaluateCheck(
    sources.subjects,
    {
      failOn: options.failOn,
      failOnUnsure: options.failOnUnsure === true,
      requireNote: options.requireNote ?? 'never',
      ...(noticeDays !== undefined ? { noticeDays } : {}),
      today: utcDate(ctx.now()),
    },
    sources.base,
    sources.problems,
    sources.translations,
  );
  // The github format shows warnings as annotations; elsewhere they go to stderr so stdout stays parseable.
  if (options.format !== 'github') {
    for (const message of policyWarnings(result)) warn(ctx, message);
    for (const finding of result.warnings ?? []) warn(ctx, `${finding.file}:${finding.line}: ${finding.message}`);
  }
  switch (options.format) {
    case 'json':
      ctx.stdout.write(JSON.stringify(renderCheckJson(result), null, 2) + '\n');
      break;
    case 'markdown':
      ctx.stdout.write(renderCheckMarkdown(result));
      break;
    case 'github':
      ctx.stdout.write(renderCheckGithub(result));
      break;
    default:
      ctx.stdout.write(renderCheckText(result, { color: useColor(ctx, ctx.stdout) }));
  }
  if (options.format === 'json' || options.format === 'markdown') {
    for (const line of renderFailureLines(result)) ctx.stderr.write(`policy: ${line}\n`);
  }
  await writeStepSummary(ctx, result);
  return result.ok ? EXIT.ok : EXIT.failed;
}
