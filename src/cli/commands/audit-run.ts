/** Implementation of `policy audit`. */
import { INDEX_FILE, readArchivedIds, readArchiveIndex } from '../../archive/index-file.js';
import { validatePolicyId } from '../../archive/policy-id.js';
import { archiveDirOf, displayPath } from '../../archive/reference.js';
import { readArchivedBytes, readArchivedRecordBytes } from '../../archive/store.js';
import { readConfig } from '../../config.js';
import type { Context } from '../../context.js';
import { EXIT, PolicyError, MESSAGES } from '../../errors.js';
import { parsePolicyBytes } from '../../policy/parse-policy.js';
import { auditVersion, renderAuditText, type AuditFinding } from '../../publish/audit.js';
import { parseRevisionRecord, recordFileName } from '../../publish/record.js';
import { comparePolicies } from '../../revision.js';
import type { Policy } from '../../types.js';
import type { AuditOptions } from './audit.js';
import { stringifyReportJson } from '../report/json.js';

/** Audits the archived verdicts of one policy (or all); returns 1 when today's classifier decides some differently. */
export async function runAudit(ctx: Context, id: string | undefined, options: AuditOptions): Promise<number> {
  const { config } = await readConfig(ctx);
  const archiveDir = archiveDirOf(ctx, config);
  const label = displayPath(ctx, archiveDir);
  const ids = id === undefined ? await readArchivedIds(archiveDir) : [validatePolicyId(id, 'policy audit')];
  const findings: AuditFinding[] = [];
  for (const each of ids) {
    const folder = `${label}/${each}`;
    const index = await readArchiveIndex(archiveDir, each, `${folder}/${INDEX_FILE}`);
    if (index === null) throw new PolicyError('NOT_FOUND', MESSAGES.NOT_FOUND(`${each} has no archived versions (no ${INDEX_FILE})`, { file: folder }));
    let before: Policy | null = null;
    for (const [i, entry] of index.versions.entries()) {
      const policy = parsePolicyBytes(await readArchivedBytes(archiveDir, each, entry, `${folder}/${entry.file}`), `${each}@${entry.version}`, each);
      const previous = index.versions[i - 1];
      if (before !== null && previous !== undefined) {
        const recordLabel = `${folder}/${recordFileName(entry.version)}`;
        const bytes = await readArchivedRecordBytes(archiveDir, each, entry, recordLabel);
        const record = bytes === null ? null : parseRevisionRecord(bytes.toString('utf8'), recordLabel);
        findings.push(auditVersion(each, previous, entry, record, comparePolicies(before, policy)));
      }
      before = policy;
    }
  }
  if (options.format === 'json') ctx.stdout.write(`${stringifyReportJson({ findings, differ: findings.filter((f) => f.differs.length > 0).length })}\n`);
  else ctx.stdout.write(renderAuditText(findings));
  return findings.some((finding) => finding.differs.length > 0) ? EXIT.failed : EXIT.ok;
}
