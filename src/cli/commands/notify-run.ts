/** Implementation of `policy notify`. */
import { join } from 'node:path';
import { utcDate } from '../../archive/dates.js';
import { readArchiveIndex } from '../../archive/index-file.js';
import { archiveDirOf, displayPath, parseReference, resolveReference } from '../../archive/reference.js';
import { assertArchiveVerified } from '../../archive/verify.js';
import { readConfig } from '../../config.js';
import type { Context } from '../../context.js';
import { EXIT, PolicyError, MESSAGES } from '../../errors.js';
import { noticeFailure, sendVersionNotices } from '../../notify/send-notices.js';
import type { NotifyCliOptions } from './notify.js';

/** Sends the notices of the referenced version; exit 3 when some were not delivered. */
export async function runNotify(ctx: Context, ref: string, options: NotifyCliOptions): Promise<number> {
  const { config } = await readConfig(ctx);
  const reference = parseReference(ref);
  await assertArchiveVerified(ctx, config, 'no notices were sent');
  const archiveDir = archiveDirOf(ctx, config);
  const folder = displayPath(ctx, join(archiveDir, reference.id));
  const index = await readArchiveIndex(archiveDir, reference.id, `${folder}/index.json`);
  if (index === null) throw new PolicyError('NOT_FOUND', MESSAGES.NOT_FOUND(`${reference.id} has no archive (no ${folder}/index.json)`, { subject: ref }));
  const { version } = resolveReference(index, reference, utcDate(ctx.now()));
  const result = await sendVersionNotices(
    ctx,
    config,
    {
      id: reference.id,
      version,
      ...(options.to !== undefined ? { to: options.to } : {}),
      resume: Boolean(options.resume),
      dryRun: Boolean(options.dryRun),
    },
    { summary: ctx.stdout },
  );
  if (result.skipped) throw new PolicyError('USAGE', MESSAGES.USAGE(`${reference.id}@${version}: no notices sent: ${result.reason ?? 'nothing to send'}`));
  const failure = noticeFailure(result, reference.id, version);
  if (failure) throw failure;
  return EXIT.ok;
}
