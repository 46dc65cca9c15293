/** Implementation of `policy verify`. */
import { archiveDirOf, displayPath } from '../../archive/reference.js';
import { verifyProjectArchive, type VerifyResult } from '../../archive/verify.js';
import { readConfig } from '../../config.js';
import type { Context } from '../../context.js';
import { EXIT } from '../../errors.js';
import type { VerifyCliOptions } from './verify.js';
import { requirePolicies } from '../../project-root.js';

/** The text report of a verification. Pure. */
export function renderVerifyText(result: VerifyResult, label: string): string {
  const lines: string[] = [];
  for (const issue of result.errors) lines.push(`error: ${issue.file}: ${issue.message}`);
  for (const issue of result.warnings) lines.push(`warning: ${issue.file}: ${issue.message}`);
  if (result.preRecord.length > 0) {
    lines.push(`note: archived before revision records existed (valid without one): ${result.preRecord.join(', ')}`);
  }
  const counted = `${result.policies} ${result.policies === 1 ? 'policy' : 'policies'}, ${result.versions} ${result.versions === 1 ? 'version' : 'versions'}`;
  lines.push(
    result.ok
      ? `${label}: OK (${counted} verified${result.warnings.length > 0 ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : ''})`
      : `${label}: FAILED (${result.errors.length} error${result.errors.length === 1 ? '' : 's'} in ${counted})`,
  );
  return `${lines.join('\n')}\n`;
}

/** Verifies the archive, prints the report, and returns 1 when it fails. */
export async function runVerify(ctx: Context, options: VerifyCliOptions): Promise<number> {
  const { config } = await readConfig(ctx);
  await requirePolicies(ctx, config);
  const label = displayPath(ctx, archiveDirOf(ctx, config));
  const result = await verifyProjectArchive(ctx, config, { strict: Boolean(options.strict) });
  if (options.format === 'json') ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else ctx.stdout.write(renderVerifyText(result, label));
  return result.ok ? EXIT.ok : EXIT.failed;
}
