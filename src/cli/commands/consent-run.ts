/** Implementation of `policy consent-needed`. */
import { decideConsent } from '../../archive/consent-status.js';
import { INDEX_FILE, readArchiveIndex } from '../../archive/index-file.js';
import { validatePolicyId } from '../../archive/policy-id.js';
import { archiveDirOf, displayPath } from '../../archive/reference.js';
import { readConfig } from '../../config.js';
import type { Context } from '../../context.js';
import { EXIT, PolicyError, MESSAGES } from '../../errors.js';
import { todayIso } from '../../site/model.js';
import type { ConsentOptions } from './consent.js';

/** Prints the JSON answer; exit 1 when the user must accept again, 0 when not. */
export async function runConsentNeeded(ctx: Context, id: string, options: ConsentOptions): Promise<number> {
  validatePolicyId(id, 'policy consent-needed');
  const { config } = await readConfig(ctx);
  const archiveDir = archiveDirOf(ctx, config);
  const label = displayPath(ctx, archiveDir);
  const index = await readArchiveIndex(archiveDir, id, `${label}/${id}/${INDEX_FILE}`);
  if (index === null) throw new PolicyError('NOT_FOUND', MESSAGES.NOT_FOUND(`${label}/${id}: ${id} has no archived versions (no ${INDEX_FILE})`));
  const answer = decideConsent(index, options.since, todayIso(ctx.now()));
  ctx.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  return answer.consentNeeded ? EXIT.failed : EXIT.ok;
}
