/** Implementation of `policy import`. */
import { relative, resolve, sep } from 'node:path';
import { isIsoDate } from '../../archive/dates.js';
import { readArchiveIndex, writeArchiveIndex } from '../../archive/index-file.js';
import { withLock } from '../../file-lock.js';
import { publishLockPath } from '../../publish/publish.js';
import { validatePolicyId } from '../../archive/policy-id.js';
import { archiveDirOf, displayPath } from '../../archive/reference.js';
import { writeVersionFile } from '../../archive/store.js';
import { beginArchiveWrite, clearPublishIntent, publishIntentsDir } from '../../archive/intent.js';
import { signArchiveEntries } from '../../archive/signing.js';
import { readFileAtCommit, readFileHistory, readRepoRoot } from '../../check/git.js';
import { readConfig } from '../../config.js';
import { type Context, warn } from '../../context.js';
import { EXIT, PolicyError, MESSAGES } from '../../errors.js';
import { planImport, renderImportReport, type CommittedVersion } from '../../import/plan-import.js';
import { parsePolicyBytes, policyIdFromPath } from '../../policy/parse-policy.js';
import { readPolicyFile } from '../../policy/read-policy.js';
import { TOOL_VERSION } from '../../tool-version.js';
import type { ArchiveIndex } from '../../types.js';
import type { ImportCliOptions } from './import.js';

/** Imports the git history of `file` as its policy's archive. */
export async function runImport(ctx: Context, file: string, options: ImportCliOptions): Promise<number> {
  const { config } = await readConfig(ctx);
  if (options.since !== undefined && !isIsoDate(options.since)) {
    throw new PolicyError('USAGE', MESSAGES.USAGE(`--since: expected a date YYYY-MM-DD, found ${JSON.stringify(options.since)}`));
  }
  // The id publish would give the file: its front matter `id`, else its name.
  const current = parsePolicyBytes(await readPolicyFile(file, ctx), file);
  const declared = current.frontMatter.id;
  if (declared !== undefined && typeof declared !== 'string') throw new PolicyError('BAD_ID', MESSAGES.BAD_ID('front matter "id" must be a string', { file }));
  const id = declared !== undefined ? validatePolicyId(declared, `${file}: front matter "id"`) : validatePolicyId(policyIdFromPath(file), file);
  const archiveDir = archiveDirOf(ctx, config);
  const archiveLabel = displayPath(ctx, archiveDir);
  const existing = await readArchiveIndex(archiveDir, id, `${archiveLabel}/${id}/index.json`);
  if (existing !== null) {
    throw new PolicyError('REFUSED', MESSAGES.REFUSED(`${id} already has an archive (${existing.versions.length} versions in ${archiveLabel}/${id}/); import only starts the archive of a policy that has none`, { file }));
  }
  const root = await readRepoRoot(ctx.cwd);
  if (root === null) throw new PolicyError('USAGE', MESSAGES.USAGE('not inside a git repository, so there is no history to import', { file }));
  const inRepo = relative(root, resolve(ctx.cwd, file)).split(sep).join('/');
  const history = await readFileHistory(root, inRepo, options.since);
  const committed: CommittedVersion[] = [];
  for (const commit of history) {
    const bytes = await readFileAtCommit(root, commit.commit, commit.path, `${commit.path}@${commit.commit.slice(0, 7)}`);
    if (bytes !== null) committed.push({ ...commit, bytes });
  }
  const plan = planImport(committed, id, TOOL_VERSION);
  if (plan.versions.length === 0) {
    throw new PolicyError('NOT_FOUND', MESSAGES.NOT_FOUND(`no committed version to import${options.since ? ` since ${options.since}` : ''} (commit the policy first)`, { file }));
  }
  for (const message of plan.warnings) warn(ctx, message);
  // Signed (when signing.publicKeys asks for it) before anything is written; refused here when it cannot be.
  const entries = signArchiveEntries(ctx.env, config, id, plan.versions.map((version) => version.entry));
  if (!options.dryRun) {
    const intentsDir = publishIntentsDir(ctx);
    const lockPath = publishLockPath(ctx);
    await withLock(lockPath, { now: () => ctx.now(), label: displayPath(ctx, lockPath) }, async () => {
      // Checked again under the lock: a publish may have started the archive meanwhile.
      if ((await readArchiveIndex(archiveDir, id)) !== null) throw new PolicyError('REFUSED', MESSAGES.REFUSED(`${id} already has an archive`, { file }));
      for (const [i, version] of plan.versions.entries()) {
        const entry = entries[i] ?? version.entry;
        const files = [{ file: entry.file, sha256: entry.sha256 }, ...(entry.record ? [{ file: version.recordFile, sha256: entry.record }] : [])];
        await beginArchiveWrite(archiveDir, intentsDir, { id, version: entry.version, files }, (path) => (path === undefined ? archiveLabel : `${archiveLabel}/${path}`));
        await writeVersionFile(archiveDir, id, entry.file, version.bytes);
        await writeVersionFile(archiveDir, id, version.recordFile, version.recordBytes);
      }
      const index: ArchiveIndex = { id, title: plan.title, lang: plan.lang, versions: entries };
      // index.json last: the commit point, as for a publish.
      await writeArchiveIndex(archiveDir, index);
      for (const entry of entries) await clearPublishIntent(intentsDir, id, entry.version);
    });
  }
  ctx.stdout.write(renderImportReport(plan, file, archiveLabel, Boolean(options.dryRun)));
  return EXIT.ok;
}
