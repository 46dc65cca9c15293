/**
 * Reads what the site is built from: every `archive/<id>/index.json`, checked
 * for ids and version names that could not be used as file names in the site.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { INDEX_FILE, parseArchiveIndex } from '../archive/index-file.js';
import { PolicyError, MESSAGES } from '../errors.js';
import type { ArchiveIndex } from '../types.js';
import { assertSafeId, assertSafeVersion } from './paths.js';

/** One archived policy as the site builder sees it. */
export interface ArchivedPolicy {
  index: ArchiveIndex;
  /** The index file's exact bytes (copied through to the site). */
  indexBytes: Buffer;
}

/** Reads every policy's index in the archive folder, sorted by id; warns about folders without one. */
export async function readArchivedPolicies(archiveDir: string, cwd: string, warn: (message: string) => void): Promise<ArchivedPolicy[]> {
  const label = relative(cwd, archiveDir) || '.';
  let names: string[];
  try {
    const entries = await readdir(archiveDir, { withFileTypes: true });
    names = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new PolicyError('FILE_NOT_FOUND', MESSAGES.FILE_NOT_FOUND(label, 'no archive folder here (publish a policy first with policy publish)'), { cause: error });
    }
    if (code === 'ENOTDIR') throw new PolicyError('NOT_A_FILE', MESSAGES.NOT_A_FILE(label, 'is a file, expected the archive folder'), { cause: error });
    throw error;
  }
  names.sort();
  const policies: ArchivedPolicy[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = join(archiveDir, name, INDEX_FILE);
    const fileLabel = relative(cwd, file);
    let indexBytes: Buffer;
    try {
      indexBytes = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        warn(`${relative(cwd, join(archiveDir, name))}: no ${INDEX_FILE}, skipped`);
        continue;
      }
      throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`cannot read: ${(error as Error).message}`, { file: fileLabel }), { cause: error });
    }
    const index = parseArchiveIndex(indexBytes.toString('utf8'), fileLabel);
    if (index.id !== name) {
      throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`"id" is ${JSON.stringify(index.id)}, expected ${JSON.stringify(name)} (the folder's name)`, { file: fileLabel }));
    }
    assertSafeId(index.id, fileLabel);
    // Ids that differ only in case would share a folder on case-insensitive file systems.
    const folded = index.id.toLowerCase();
    const clash = seen.get(folded);
    if (clash !== undefined) throw new PolicyError('BAD_ID', MESSAGES.BAD_ID(`policy id "${index.id}" differs from "${clash}" only in case`, { file: fileLabel }));
    seen.set(folded, index.id);
    const versions = new Set<string>();
    for (const entry of index.versions) {
      assertSafeVersion(entry.version, fileLabel);
      if (entry.file !== `${entry.version}.md` || entry.file.includes('/') || entry.file.includes('\\')) {
        throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`version ${entry.version} names file "${entry.file}", expected "${entry.version}.md"`, { file: fileLabel }));
      }
      if (versions.has(entry.version.toLowerCase())) throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`version ${entry.version} is listed twice`, { file: fileLabel }));
      versions.add(entry.version.toLowerCase());
    }
    policies.push({ index, indexBytes });
  }
  return policies;
}
