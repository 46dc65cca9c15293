/** Implementation of `policy log`. */
import { INDEX_FILE, readArchivedIds, readArchiveIndex } from '../../archive/index-file.js';
import { validatePolicyId } from '../../archive/policy-id.js';
import { archiveDirOf, displayPath } from '../../archive/reference.js';
import { readConfig } from '../../config.js';
import type { Context } from '../../context.js';
import { EXIT, PolicyError } from '../../errors.js';
import type { ArchivedVersion, ArchiveIndex } from '../../types.js';
import type { LogOptions } from './log.js';
import { requirePolicies } from '../../project-root.js';

function levelText(entry: ArchivedVersion): string {
  if (!entry.override || !entry.automatic) return entry.level;
  return `${entry.level} (classified ${entry.automatic.level}; overridden${entry.override.reason ? `: ${entry.override.reason}` : ''})`;
}

/** The text of `policy log` for one policy: a header, then one line per version, newest first. Pure. */
export function renderLogText(index: ArchiveIndex): string {
  const rows = [...index.versions].reverse().map((entry) => [
    entry.version,
    entry.date,
    `effective ${entry.effective}`,
    levelText(entry),
    entry.triggers.length > 0 ? `triggers ${entry.triggers.join(', ')}` : 'no triggers',
    entry.summary,
  ]);
  const widths = [0, 1, 2, 3, 4].map((column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  const lines = rows.map((row) => `  ${row.map((cell, column) => (column < 5 ? cell.padEnd(widths[column] as number) : cell)).join('  ')}`.trimEnd());
  return `${index.id} — ${index.title}\n${lines.join('\n')}\n`;
}

/** The JSON of one policy's log: its versions newest first. Pure. */
export function renderLogJson(index: ArchiveIndex): ArchiveIndex {
  return { id: index.id, title: index.title, lang: index.lang, versions: [...index.versions].reverse() };
}

/** Prints the versions of one policy (or of all), newest first. */
export async function runLog(ctx: Context, id: string | undefined, options: LogOptions): Promise<number> {
  const { config } = await readConfig(ctx);
  await requirePolicies(ctx, config);
  const archiveDir = archiveDirOf(ctx, config);
  const label = displayPath(ctx, archiveDir);
  const ids = id === undefined ? await readArchivedIds(archiveDir) : [validatePolicyId(id, 'policy log')];
  const indexes: ArchiveIndex[] = [];
  for (const each of ids) {
    const index = await readArchiveIndex(archiveDir, each, `${label}/${each}/${INDEX_FILE}`);
    if (index === null) throw new PolicyError('NOT_FOUND', `${label}/${each}: ${each} has no archived versions (no ${INDEX_FILE})`);
    indexes.push(index);
  }
  if (options.format === 'json') {
    const json = id === undefined ? { policies: indexes.map(renderLogJson) } : renderLogJson(indexes[0] as ArchiveIndex);
    ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else if (indexes.length === 0) {
    ctx.stdout.write(`${label}: no archived policies\n`);
  } else {
    ctx.stdout.write(indexes.map(renderLogText).join('\n'));
  }
  return EXIT.ok;
}
