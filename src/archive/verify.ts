/**
 * `policy verify`: recompute every archived file's hash and the chain of
 * entries. The check itself is pure over a snapshot (names, hashes, index
 * texts); `verifyArchive` reads the snapshot from disk.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { PolicyError, MESSAGES } from '../errors.js';
import type { ArchivedVersion, ArchiveIndex } from '../types.js';
import { isTempFileName } from '../atomic-write.js';
import { matchesIntent, publishIntentsDir, readPublishIntents, type PublishIntent } from './intent.js';
import { archiveDirOf, displayPath } from './reference.js';
import { findSignatureProblem, type SigningConfig } from './signing.js';
import { entryHash } from './canonical-json.js';
import { findIndexProblems, INDEX_FILE } from './index-file.js';
import { findIdProblem } from './policy-id.js';
import { compareVersions } from './version.js';

/** One file in a policy's archive folder. */
export interface ArchiveFileInfo {
  name: string;
  /** SHA-256 of a regular file's bytes; null for anything else (a folder, a socket …). */
  sha256: string | null;
}

/** What verification needs to know about `archive/<id>/`. */
export interface PolicyFolderSnapshot {
  id: string;
  /** The text of index.json, or null when there is none. */
  indexText: string | null;
  /** Every entry of the folder except index.json. */
  files: ArchiveFileInfo[];
}

/** What verification needs to know about the archive folder. */
export interface ArchiveSnapshot {
  /** The archive folder as shown in messages, e.g. `archive`. */
  label: string;
  /** False when the archive folder does not exist. */
  exists: boolean;
  folders: PolicyFolderSnapshot[];
  /** Files directly in the archive folder, outside any policy's folder. */
  looseFiles: string[];
  /** Symbolic links directly in the archive folder (a policy folder must be a real folder). */
  links: string[];
  /** The recorded intents of publishes that have not reached their commit point. */
  intents: PublishIntent[];
}

/** A problem, naming the file it is in. */
export interface VerifyIssue {
  file: string;
  message: string;
}

/** The outcome of a verification: ok when there are no errors. */
export interface VerifyResult {
  ok: boolean;
  errors: VerifyIssue[];
  warnings: VerifyIssue[];
  /** Policies and versions checked. */
  policies: number;
  versions: number;
  /** Versions archived before revision records existed (`id@version`): valid without one. */
  preRecord: string[];
}

/** How strict a verification is. */
export interface VerifyOptions {
  /** Report leftovers of interrupted publishes as errors instead of warnings. Default false. */
  strict?: boolean;
  /** The public keys of signed entries (`signing` of the configuration); none: signatures are not checked. */
  signing?: SigningConfig;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** The revision record of a version (see src/publish/record.ts). */
export function recordFileOf(entry: Pick<ArchivedVersion, 'version'>): string {
  return `${entry.version}.revision.json`;
}

/** Checks a version's revision record against the sha256 its entry holds; notes a version from before records. */
function verifyRecord(entry: ArchivedVersion, files: Map<string, ArchiveFileInfo>, base: string, index: ArchiveIndex, result: VerifyResult): void {
  const name = recordFileOf(entry);
  const found = files.get(name);
  if (entry.record === undefined) {
    result.preRecord.push(`${index.id}@${entry.version}`);
    if (found) result.errors.push({ file: `${base}/${name}`, message: `index.json records no hash for it (version ${entry.version} has no "record")` });
    return;
  }
  if (!found) result.errors.push({ file: `${base}/${name}`, message: `missing: index.json records it for version ${entry.version}` });
  else if (found.sha256 === null) result.errors.push({ file: `${base}/${name}`, message: `not a regular file (the record of version ${entry.version})` });
  else if (found.sha256 !== entry.record) {
    result.errors.push({
      file: `${base}/${name}`,
      message: `altered: its sha256 is ${short(found.sha256)}, index.json records ${short(entry.record)} for the record of version ${entry.version}`,
    });
  }
}

function verifyEntries(index: ArchiveIndex, folder: PolicyFolderSnapshot, base: string, result: VerifyResult, signing: SigningConfig | undefined): void {
  const errors = result.errors;
  const indexFile = `${base}/${INDEX_FILE}`;
  const files = new Map(folder.files.map((file) => [file.name, file]));
  let before: ArchivedVersion | null = null;
  for (const entry of index.versions) {
    const file = `${base}/${entry.file}`;
    verifyRecord(entry, files, base, index, result);
    const found = files.get(entry.file);
    if (!found) {
      errors.push({ file, message: `missing: index.json lists it as version ${entry.version}` });
    } else if (found.sha256 === null) {
      errors.push({ file, message: `not a regular file (index.json lists it as version ${entry.version})` });
    } else if (found.sha256 !== entry.sha256) {
      errors.push({
        file,
        message: `altered: its sha256 is ${short(found.sha256)}, index.json records ${short(entry.sha256)} for version ${entry.version}`,
      });
    }
    if (before === null) {
      if (entry.previous !== null) {
        errors.push({ file: indexFile, message: `chain broken at version ${entry.version}: the first entry's "previous" must be null` });
      }
    } else {
      const expected = entryHash(before);
      if (entry.previous !== expected) {
        errors.push({
          file: indexFile,
          message: `chain broken at version ${entry.version}: "previous" is ${entry.previous === null ? 'null' : short(entry.previous)}, the entry of version ${before.version} hashes to ${short(expected)}`,
        });
      }
      if (compareVersions(entry.version, before.version) <= 0) {
        errors.push({ file: indexFile, message: `version ${entry.version} follows ${before.version}: versions must increase` });
      }
      if (entry.date < before.date) {
        errors.push({ file: indexFile, message: `version ${entry.version} is dated ${entry.date}, before version ${before.version} (${before.date})` });
      }
      if (entry.level === 'initial') {
        errors.push({ file: indexFile, message: `version ${entry.version} has level "initial", which only the first version may have` });
      }
    }
    const signature = findSignatureProblem(signing, folder.id, entry);
    if (signature !== null) errors.push({ file: indexFile, message: signature });
    before = entry;
  }
}

function verifyFolder(folder: PolicyFolderSnapshot, snapshot: ArchiveSnapshot, result: VerifyResult, leftovers: VerifyIssue[], signing: SigningConfig | undefined): void {
  const { label } = snapshot;
  const base = `${label}/${folder.id}`;
  const idProblem = findIdProblem(folder.id);
  if (idProblem !== null) {
    result.errors.push({ file: base, message: `folder name is not a valid policy id: ${idProblem}` });
    return;
  }
  let listed = new Set<string>();
  if (folder.indexText === null) {
    if (folder.files.length === 0) return;
  } else {
    const indexFile = `${base}/${INDEX_FILE}`;
    let raw: unknown;
    try {
      raw = JSON.parse(folder.indexText);
    } catch (error) {
      result.errors.push({ file: indexFile, message: `invalid JSON: ${(error as Error).message}` });
      return;
    }
    const problems = findIndexProblems(raw);
    if (problems.length > 0) {
      for (const problem of problems) result.errors.push({ file: indexFile, message: problem });
      return;
    }
    const index = raw as ArchiveIndex;
    if (index.id !== folder.id) {
      result.errors.push({ file: indexFile, message: `"id" is ${JSON.stringify(index.id)}, expected ${JSON.stringify(folder.id)} (the folder's name)` });
    }
    result.policies += 1;
    result.versions += index.versions.length;
    verifyEntries(index, folder, base, result, signing);
    listed = new Set(index.versions.flatMap((entry) => (entry.record === undefined ? [entry.file] : [entry.file, recordFileOf(entry)])));
  }
  for (const file of folder.files) {
    if (listed.has(file.name)) continue;
    const where = `${base}/${file.name}`;
    if (isTempFileName(file.name)) {
      leftovers.push({ file: where, message: 'temporary file left by an interrupted write; the next publish removes it' });
    } else if (matchesIntent(snapshot.intents, folder.id, file.name, file.sha256)) {
      const listedWhere = folder.indexText === null ? 'there is no index.json in this folder yet' : 'not listed in index.json yet';
      leftovers.push({ file: where, message: `${listedWhere}: left by an interrupted publish, which recorded these bytes; the next publish completes it` });
    } else {
      // Nobody published this file: a removed index entry, or a file slipped into the archive.
      const why = folder.indexText === null ? 'there is no index.json in this folder' : 'index.json does not list it';
      result.errors.push({ file: where, message: `${why}, and no interrupted publish recorded these bytes (a removed entry, or a file added by hand)` });
    }
  }
}

/** Checks an archive snapshot: every listed file present and unaltered, every chain link intact. Pure. */
export function verifySnapshot(snapshot: ArchiveSnapshot, options: VerifyOptions = {}): VerifyResult {
  const result: VerifyResult = { ok: true, errors: [], warnings: [], policies: 0, versions: 0, preRecord: [] };
  const leftovers: VerifyIssue[] = [];
  for (const folder of snapshot.folders) verifyFolder(folder, snapshot, result, leftovers, options.signing);
  for (const name of snapshot.looseFiles) {
    result.errors.push({ file: `${snapshot.label}/${name}`, message: 'not inside a policy folder (archive/<id>/): nothing publishes files there' });
  }
  for (const name of snapshot.links) {
    result.errors.push({ file: `${snapshot.label}/${name}`, message: 'a symbolic link: a policy folder must be a real folder, so that nothing is read or written outside the repository' });
  }
  (options.strict ? result.errors : result.warnings).push(...leftovers);
  result.ok = result.errors.length === 0;
  return result;
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Reads what `verifySnapshot` needs from the archive folder: folder names,
 * file hashes, index texts, and the intents recorded in `intentsDir` (none
 * when it is not given).
 */
export async function readArchiveSnapshot(archiveDir: string, label: string = archiveDir, intentsDir?: string): Promise<ArchiveSnapshot> {
  const intents = intentsDir === undefined ? [] : await readPublishIntents(intentsDir);
  let entries;
  try {
    entries = await readdir(archiveDir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { label, exists: false, folders: [], looseFiles: [], links: [], intents };
    throw error;
  }
  const snapshot: ArchiveSnapshot = { label, exists: true, folders: [], looseFiles: [], links: [], intents };
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.isSymbolicLink()) {
      snapshot.links.push(entry.name);
      continue;
    }
    if (!entry.isDirectory()) {
      snapshot.looseFiles.push(entry.name);
      continue;
    }
    const dir = join(archiveDir, entry.name);
    const folder: PolicyFolderSnapshot = { id: entry.name, indexText: null, files: [] };
    const children = await readdir(dir, { withFileTypes: true });
    for (const child of children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (child.name === INDEX_FILE && child.isFile()) {
        folder.indexText = await readFile(join(dir, child.name), 'utf8');
      } else {
        folder.files.push({ name: child.name, sha256: child.isFile() ? await hashFile(join(dir, child.name)) : null });
      }
    }
    snapshot.folders.push(folder);
  }
  return snapshot;
}

/**
 * Verifies the archive at `archiveDir`; `label` is how messages name the
 * folder (default: the path as given); `intentsDir` holds the intents of
 * interrupted publishes (without it, every unlisted file is an error).
 */
export async function verifyArchive(archiveDir: string, options: VerifyOptions & { label?: string; intentsDir?: string } = {}): Promise<VerifyResult> {
  return verifySnapshot(await readArchiveSnapshot(archiveDir, options.label ?? archiveDir, options.intentsDir), options);
}

/** Verifies the project's archive as `policy verify` does: the configured folders, intents and signing keys. */
export async function verifyProjectArchive(ctx: Context, config: Config, options: VerifyOptions = {}): Promise<VerifyResult> {
  const archiveDir = archiveDirOf(ctx, config);
  return verifyArchive(archiveDir, {
    ...options,
    label: displayPath(ctx, archiveDir),
    intentsDir: publishIntentsDir(ctx),
    ...(config.signing ? { signing: config.signing } : {}),
  });
}

/**
 * Throws ARCHIVE_INVALID, naming the first problem, when the project's archive
 * fails verification; `what` says what was therefore not done (e.g. "nothing
 * was published"). Leftovers of an interrupted publish are not failures.
 */
export async function assertArchiveVerified(ctx: Context, config: Config, what: string): Promise<void> {
  const verified = await verifyProjectArchive(ctx, config);
  if (verified.ok) return;
  const [first] = verified.errors;
  const more = verified.errors.length > 1 ? ` (and ${verified.errors.length - 1} more)` : '';
  throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`${first?.message}${more}; the archive fails policy verify, so ${what}`, { file: first?.file }));
}
