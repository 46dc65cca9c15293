/** Implementation of `policy triggers`. */
import type { Context } from '../../context.js';
import { EXIT } from '../../errors.js';
import { describeTriggers, type TriggerReport } from '../../policy/describe-triggers.js';
import type { Policy } from '../../types.js';
import { readPolicyVersions } from './load-version.js';
import type { TriggersOptions } from './triggers.js';

const SOURCES: Record<TriggerReport['source'], string> = {
  policy: 'the policy',
  'front-matter': 'the front matter (majorChangeTriggers)',
  default: 'the built-in default list',
};

/** The terminal report of a trigger list. Pure. */
export function renderTriggersText(report: TriggerReport): string {
  const out = [`${report.file}: ${report.triggers.length} trigger${report.triggers.length === 1 ? '' : 's'} from ${SOURCES[report.source]}`];
  if (report.source === 'policy') out.push(`  found in section "${report.section ?? '(top)'}", line ${report.line}: ${report.leadIn}`);
  for (const t of report.triggers) out.push(`  ${t.index}. ${t.text}${t.line ? `  (line ${t.line})` : ''}`);
  for (const p of report.promises) out.push(`  left out (a promise, not a kind of change): ${p.text}  (line ${p.line})`);
  for (const w of report.warnings) out.push(`warning: ${w}`);
  return out.join('\n') + '\n';
}

/** Prints the trigger list of one policy; with `--require`, exit 1 when it has no list of its own. */
export async function runTriggers(ctx: Context, file: string, options: TriggersOptions): Promise<number> {
  const [policy] = (await readPolicyVersions([file], ctx)) as [Policy];
  const report = describeTriggers(policy);
  ctx.stdout.write(options.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderTriggersText(report));
  return options.require && report.source === 'default' ? EXIT.failed : EXIT.ok;
}
