/** Implementation of `policy log`. */
import { INDEX_FILE, readArchivedIds, readArchiveIndex } from '../../archive/index-file.js';
import { validatePolicyId } from '../../archive/policy-id.js';
import { archiveDirOf, displayPath } from '../../archive/reference.js';
import { readConfig } from '../../config.js';
import type { Context } from '../../context.js';
import { EXIT, PolicyError, MESSAGES } from '../../errors.js';
import { renderChangeCounts, type ChangeCounts } from '../../count-changes.js';
import { readRecordedVerdict } from '../../publish/read-record.js';
import { splitNoteParagraphs } from '../../policy/change-note.js';
import { renderOneLine } from '../../notify/notice-model.js';
import type { ArchivedVersion, ArchiveIndex } from '../../types.js';
import type { LogOptions } from './log.js';
import { stringifyReportJson } from '../report/json.js';
import { requirePolicies } from '../../project-root.js';

function levelText(entry: ArchivedVersion): string {
  if (!entry.override || !entry.automatic) return entry.level;
  return `${entry.level} (classified ${entry.automatic.level}; overridden${entry.override.reason ? `: ${entry.override.reason}` : ''})`;
}

/** The counts of each version's recorded changes, by version (null: a first version, or one archived before records). */
export type LogCounts = ReadonlyMap<string, ChangeCounts | null>;

function countText(entry: ArchivedVersion, counts: LogCounts): string {
  if (entry.level === 'initial') return '';
  const found = counts.get(entry.version);
  return found ? renderChangeCounts(found) : 'no record';
}

/** The change notes the records keep, by version (versions without one are absent). */
export type LogNotes = ReadonlyMap<string, string>;

/**
 * The text of `policy log` for one policy: a header, then one line per version, newest first,
 * each followed by its change note (the owners' words, indented) when it has one. Pure.
 */
export function renderLogText(index: ArchiveIndex, counts: LogCounts = new Map(), notes: LogNotes = new Map()): string {
  const withCounts = index.versions.some((entry) => entry.level !== 'initial');
  const rows = [...index.versions].reverse().map((entry) => [
    entry.version,
    entry.date,
    `effective ${entry.effective}`,
    levelText(entry),
    entry.triggers.length > 0 ? `triggers ${entry.triggers.join(', ')}` : 'no triggers',
    ...(withCounts ? [countText(entry, counts)] : []),
    entry.summary,
  ]);
  const last = rows[0]!.length - 1;
  const widths = rows[0]!.map((_cell, column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  const newestFirst = [...index.versions].reverse();
  const lines = rows.flatMap((row, i) => {
    const line = `  ${row.map((cell, column) => (column < last ? cell.padEnd(widths[column] as number) : cell)).join('  ')}`.trimEnd();
    const note = notes.get(newestFirst[i]!.version);
    return note === undefined ? [line] : [line, ...splitNoteParagraphs(note).map((part) => `      ${renderOneLine(part)}`)];
  });
  return `${index.id} — ${index.title}\n${lines.join('\n')}\n`;
}

/** The JSON of one policy's log: its versions newest first, each with the counts of its recorded changes. Pure. */
export function renderLogJson(
  index: ArchiveIndex,
  counts: LogCounts = new Map(),
  notes: LogNotes = new Map(),
): ArchiveIndex & { versions: (ArchivedVersion & { counts: ChangeCounts | null; changeNote: string | null })[] } {
  return {
    id: index.id,
    title: index.title,
    lang: index.lang,
    versions: [...index.versions].reverse().map((entry) => ({ ...entry, counts: counts.get(entry.version) ?? null, changeNote: notes.get(entry.version) ?? null })),
  };
}

/** Reads the counts and change notes of every recorded version of a policy from its records (each checked against its sha256). */
async function readLogCounts(archiveDir: string, index: ArchiveIndex, folder: string): Promise<{ counts: LogCounts; notes: LogNotes }> {
  const counts = new Map<string, ChangeCounts | null>();
  const notes = new Map<string, string>();
  for (const entry of index.versions) {
    // The same reader as the site's versions table and feed.
    const verdict = await readRecordedVerdict(archiveDir, index.id, entry, folder);
    counts.set(entry.version, verdict === null || entry.level === 'initial' ? null : verdict.counts);
    if (verdict?.changeNote) notes.set(entry.version, verdict.changeNote);
  }
  return { counts, notes };
}

/** Prints the versions of one policy (or of all), newest first. */
export async function runLog(ctx: Context, id: string | undefined, options: LogOptions): Promise<number> {
  const { config } = await readConfig(ctx);
  await requirePolicies(ctx, config);
  const archiveDir = archiveDirOf(ctx, config);
  const label = displayPath(ctx, archiveDir);
  const ids = id === undefined ? await readArchivedIds(archiveDir) : [validatePolicyId(id, 'policy log')];
  const indexes: ArchiveIndex[] = [];
  const counts = new Map<string, LogCounts>();
  const notes = new Map<string, LogNotes>();
  for (const each of ids) {
    const index = await readArchiveIndex(archiveDir, each, `${label}/${each}/${INDEX_FILE}`);
    if (index === null) throw new PolicyError('NOT_FOUND', MESSAGES.NOT_FOUND(`${label}/${each}: ${each} has no archived versions (no ${INDEX_FILE})`));
    indexes.push(index);
    const records = await readLogCounts(archiveDir, index, `${label}/${each}`);
    counts.set(each, records.counts);
    notes.set(each, records.notes);
  }
  if (options.format === 'json') {
    const one = (index: ArchiveIndex) => renderLogJson(index, counts.get(index.id), notes.get(index.id));
    const json = id === undefined ? { policies: indexes.map(one) } : one(indexes[0] as ArchiveIndex);
    ctx.stdout.write(`${stringifyReportJson(json)}\n`);
  } else if (indexes.length === 0) {
    ctx.stdout.write(`${label}: no archived policies\n`);
  } else {
    ctx.stdout.write(indexes.map((index) => renderLogText(index, counts.get(index.id), notes.get(index.id))).join('\n'));
  }
  return EXIT.ok;
}
