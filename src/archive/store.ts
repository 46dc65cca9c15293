/**
 * The archive's files: reading an archived version (checked against its
 * recorded hash) and writing a new one. index.json lives in index-file.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PolicyError, MESSAGES } from '../errors.js';
import type { ArchivedVersion } from '../types.js';
import { makeDirDurable, removeTempFiles, writeFileAtomic } from '../atomic-write.js';
import { sha256Hex } from '../hash.js';
import { readDirIfExists } from '../read-dir.js';

/** Reads `archive/<id>/<file>` and checks it against `sha256`; `what` names it in messages ("version 2.0"). */
async function readHashedFile(archiveDir: string, id: string, file: string, sha256: string, what: string, label: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(archiveDir, id, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`missing, but index.json lists it as ${what} (run policy verify)`, { file: label }), { cause: error });
    }
    throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`cannot read: ${(error as Error).message}`, { file: label }), { cause: error });
  }
  const actual = sha256Hex(bytes);
  if (actual !== sha256) {
    throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`altered since it was archived (sha256 ${actual.slice(0, 12)}…, index.json records ${sha256.slice(0, 12)}…; run policy verify)`, { file: label }));
  }
  return bytes;
}

/** Reads the bytes of an archived version; throws ARCHIVE_INVALID when the file is missing or no longer matches its sha256. */
export async function readArchivedBytes(archiveDir: string, id: string, entry: ArchivedVersion, label: string): Promise<Buffer> {
  return readHashedFile(archiveDir, id, entry.file, entry.sha256, `version ${entry.version}`, label);
}

/**
 * Reads the bytes of a version's revision record (`<version>.revision.json`),
 * checked against the sha256 its entry holds; null for a version archived
 * before records existed.
 */
export async function readArchivedRecordBytes(archiveDir: string, id: string, entry: ArchivedVersion, label: string): Promise<Buffer | null> {
  if (entry.record === undefined) return null;
  return readHashedFile(archiveDir, id, `${entry.version}.revision.json`, entry.record, `the record of version ${entry.version}`, label);
}

/**
 * Writes `archive/<id>/<file>` atomically, creating the folder, after removing
 * temporary files that an interrupted publish left there. An unlisted file of
 * the same name (from an interrupted publish) is replaced.
 */
export async function writeVersionFile(archiveDir: string, id: string, file: string, bytes: Uint8Array): Promise<void> {
  const dir = join(archiveDir, id);
  await makeDirDurable(dir);
  await removeTempFiles(dir);
  // Read-only: an archived version is never edited (verify would flag it), only ever replaced while unlisted.
  await writeFileAtomic(join(dir, file), bytes, { mode: 0o444 });
}

/** The Markdown files directly in the policies folder, sorted (dot files and temporary files skipped). */
export async function listPolicyFiles(policiesDir: string): Promise<string[]> {
  return (await readDirIfExists(policiesDir))
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && /\.md$/i.test(entry.name))
    .map((entry) => join(policiesDir, entry.name))
    .sort();
}
