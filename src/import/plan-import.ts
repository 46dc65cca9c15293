/**
 * `policy import`: a policy's git history as its archive. Each committed
 * version becomes a version of its own, byte for byte as it was committed,
 * dated by its commit, classified against the version before it exactly as
 * publish would, marked as imported (with its commit), and given its revision
 * record like any published version. Pure: the git reads and the writes are in
 * the command.
 */
import { entryHash } from '../archive/canonical-json.js';
import { sha256Hex } from '../hash.js';
import { isIsoDate, utcDate } from '../archive/dates.js';
import { automaticVerdict } from '../publish/plan.js';
import { buildRevisionRecord, recordFileName, renderRevisionRecord } from '../publish/record.js';
import { renderInitialSummary, renderSummary } from '../publish/summary.js';
import { FIRST_VERSION, nextVersion } from '../archive/version.js';
import { isPolicyError } from '../errors.js';
import { parsePolicyBytes } from '../policy/parse-policy.js';
import { comparePolicies } from '../revision.js';
import type { ArchivedVersion, Lang, Policy, Revision } from '../types.js';

/** One committed version of the file. */
export interface CommittedVersion {
  commit: string;
  /** Committer date, ISO 8601. */
  committedAt: string;
  /** The file's path at that commit. */
  path: string;
  bytes: Buffer;
}

/** An archive entry recorded as imported from git. */
export type ImportedEntry = ArchivedVersion & { imported: { commit: string; path: string } };

/** One version the import writes. */
export interface ImportedVersion {
  entry: ImportedEntry;
  bytes: Buffer;
  /** `<version>.revision.json` and its bytes (canonical JSON; `entry.record` is their sha256). */
  recordFile: string;
  recordBytes: Buffer;
  policy: Policy;
  /** Against the version before (null for the first). */
  revision: Revision | null;
}

/** What an import writes, and what it leaves out and why. */
export interface ImportPlan {
  id: string;
  title: string;
  lang: Lang;
  versions: ImportedVersion[];
  skipped: { commit: string; date: string; reason: string }[];
  warnings: string[];
}

/** The effective date a committed version declares in its front matter, when it is a valid date on or after `date`. */
function declaredEffective(policy: Policy, date: string): string {
  const value = policy.frontMatter.effective;
  const text = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
  return typeof text === 'string' && isIsoDate(text) && text >= date ? text : date;
}

/** Plans the import of `history` (oldest first) as the archive of policy `id`. Pure. */
export function planImport(history: readonly CommittedVersion[], id: string, toolVersion: string): ImportPlan {
  const versions: ImportedVersion[] = [];
  const skipped: ImportPlan['skipped'] = [];
  const warnings: string[] = [];
  for (const committed of history) {
    const short = committed.commit.slice(0, 7);
    let date = utcDate(new Date(committed.committedAt));
    const label = `${committed.path}@${short}`;
    let policy: Policy;
    try {
      policy = parsePolicyBytes(committed.bytes, label, id);
    } catch (error) {
      if (!isPolicyError(error)) throw error;
      skipped.push({ commit: committed.commit, date, reason: `does not parse: ${error.message}` });
      continue;
    }
    const before = versions.at(-1);
    if (before && date < before.entry.date) {
      // A rebased history can have commit dates out of order; the archive's dates never go back.
      warnings.push(`${label}: committed ${date}, before ${id}@${before.entry.version} (${before.entry.date}); dated ${before.entry.date}`);
      date = before.entry.date;
    }
    const revision = before ? comparePolicies(before.policy, policy) : null;
    if (revision && revision.level === 'none') {
      skipped.push({ commit: committed.commit, date, reason: `no visible change since ${id}@${before!.entry.version}` });
      continue;
    }
    const level = revision ? (revision.level as 'major' | 'minor') : 'initial';
    const version = before ? nextVersion(before.entry.version, level as 'major' | 'minor') : FIRST_VERSION;
    // As publish keeps them: trigger numbers only when the list judged against is the policy's own.
    const triggers = automaticVerdict(revision)?.triggers ?? [];
    const entry: ImportedEntry = {
      version,
      date,
      effective: declaredEffective(policy, date),
      file: `${version}.md`,
      sha256: sha256Hex(committed.bytes),
      level,
      triggers,
      summary: revision ? renderSummary(revision) : renderInitialSummary(policy.lang),
      publishedAt: new Date(committed.committedAt).toISOString(),
      previous: before ? entryHash(before.entry) : null,
      imported: { commit: committed.commit, path: committed.path },
    };
    // Nobody reviewed a verdict made from history: the record says so, as for publish --yes.
    const record = buildRevisionRecord({
      version,
      previousVersion: before?.entry.version ?? null,
      revision,
      policy,
      entry,
      reviewed: false,
      bookkeeping: revision?.bookkeeping ?? [],
      toolVersion,
    });
    const recordBytes = Buffer.from(renderRevisionRecord(record), 'utf8');
    entry.record = sha256Hex(recordBytes);
    versions.push({ entry, bytes: committed.bytes, recordFile: recordFileName(version), recordBytes, policy, revision });
  }
  const last = versions.at(-1)?.policy;
  return { id, title: last?.title ?? id, lang: last?.lang ?? 'en', versions, skipped, warnings };
}

/** The report of an import (or, with `dryRun`, of what it would write). Pure. */
export function renderImportReport(plan: ImportPlan, file: string, archiveLabel: string, dryRun: boolean): string {
  const lines: string[] = [];
  const count = `${plan.versions.length} ${plan.versions.length === 1 ? 'version' : 'versions'}`;
  lines.push(`${plan.id}: ${dryRun ? 'would import' : 'imported'} ${count} from the git history of ${file}`);
  for (const { entry } of plan.versions) {
    lines.push(`  ${entry.version.padEnd(6)} ${entry.date}  ${entry.level.padEnd(7)}  ${entry.imported.commit.slice(0, 7)}  ${entry.summary}`);
  }
  for (const skip of plan.skipped) lines.push(`  skipped ${skip.commit.slice(0, 7)} (${skip.date}): ${skip.reason}`);
  lines.push(
    dryRun
      ? `dry run: nothing written (would write ${archiveLabel}/${plan.id}/)`
      : `wrote ${archiveLabel}/${plan.id}/; check it with policy verify, then commit it`,
  );
  return `${lines.join('\n')}\n`;
}
