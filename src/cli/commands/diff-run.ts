/** Implementation of `policy diff`. */
import { type Context, useColor, warn } from '../../context.js';
import { EXIT } from '../../errors.js';
import { comparePolicies } from '../../revision.js';
import type { Policy } from '../../types.js';
import { renderRevisionJson } from '../../revision-json.js';
import { stringifyReportJson } from '../report/json.js';
import { renderRevisionMarkdown } from '../report/markdown.js';
import { renderRevisionText } from '../report/text.js';
import type { DiffOptions } from './diff.js';
import { readPolicyVersions } from './load-version.js';

/** Compares two versions, prints the report, and returns the exit status. */
export async function runDiff(ctx: Context, oldRef: string, newRef: string, options: DiffOptions): Promise<number> {
  const [oldPolicy, newPolicy] = (await readPolicyVersions([oldRef, newRef], ctx)) as [Policy, Policy];
  const revision = comparePolicies(oldPolicy, newPolicy);
  for (const warning of revision.warnings) warn(ctx, warning);
  switch (options.format) {
    case 'json':
      ctx.stdout.write(stringifyReportJson(renderRevisionJson(revision)) + '\n');
      break;
    case 'markdown':
      ctx.stdout.write(renderRevisionMarkdown(revision));
      break;
    default:
      ctx.stdout.write(renderRevisionText(revision, { color: useColor(ctx, ctx.stdout) }));
  }
  return options.exitCode && revision.level === 'major' ? EXIT.failed : EXIT.ok;
}
