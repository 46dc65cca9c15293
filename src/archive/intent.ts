/**
 * Publish intents: before its first write into the archive, publish records
 * what it is about to write (policy id, version, and the name and sha256 of
 * every file) in the state folder, and clears the record once index.json
 * lists the version (the commit point). A file that index.json does not list
 * is then either the leftover of an interrupted publish — it matches a
 * recorded intent byte for byte — or something nobody published, which
 * `verify` reports as an error and publish refuses to overwrite.
 */
import { lstat, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { PolicyError, MESSAGES } from '../errors.js';
import { readDirIfExists } from '../read-dir.js';
import { makeDirDurable, removeTempFiles, writeFileAtomic } from '../atomic-write.js';
import { sha256Hex } from '../hash.js';
import { stateDir } from '../state-dir.js';

/** One file a publish is about to write into `archive/<id>/`. */
export interface IntendedFile {
  /** The file's name inside the policy's folder, e.g. `2.0.md`. */
  file: string;
  sha256: string;
}

/** What a publish is about to archive. */
export interface PublishIntent {
  id: string;
  version: string;
  files: IntendedFile[];
}

const SHA256 = /^[0-9a-f]{64}$/;
const SUFFIX = '.json';

/** The folder of the intents: `publish-intents/` in the state folder, beside the publish lock. */
export function publishIntentsDir(ctx: Context): string {
  return join(stateDir(ctx), 'publish-intents');
}

function intentFileName(id: string, version: string): string {
  return `${id}@${version}${SUFFIX}`;
}

/** Parses an intent file's text; null when it is not one (a damaged record proves nothing). Pure. */
export function parsePublishIntent(text: string): PublishIntent | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { id, version, files } = raw as Record<string, unknown>;
  if (typeof id !== 'string' || typeof version !== 'string' || !Array.isArray(files)) return null;
  const parsed: IntendedFile[] = [];
  for (const item of files) {
    const { file, sha256 } = (item ?? {}) as Record<string, unknown>;
    if (typeof file !== 'string' || typeof sha256 !== 'string' || !SHA256.test(sha256)) return null;
    parsed.push({ file, sha256 });
  }
  return { id, version, files: parsed };
}

/** Reads every recorded intent (damaged records are skipped). Empty when there are none. */
export async function readPublishIntents(dir: string): Promise<PublishIntent[]> {
  const intents: PublishIntent[] = [];
  for (const entry of await readDirIfExists(dir)) {
    if (!entry.isFile() || !entry.name.endsWith(SUFFIX) || entry.name.startsWith('.')) continue;
    const intent = parsePublishIntent(await readFile(join(dir, entry.name), 'utf8'));
    if (intent) intents.push(intent);
  }
  return intents;
}

/** Records an intent before the first write of a publish (replacing an older record for the same version). */
export async function recordPublishIntent(dir: string, intent: PublishIntent): Promise<void> {
  await makeDirDurable(dir);
  const name = intentFileName(intent.id, intent.version);
  await removeTempFiles(dir, name);
  await writeFileAtomic(join(dir, name), `${JSON.stringify(intent, null, 2)}\n`);
}

/** Clears the intent of a version once index.json lists it. */
export async function clearPublishIntent(dir: string, id: string, version: string): Promise<void> {
  await rm(join(dir, intentFileName(id, version)), { force: true });
}

/** True when `file` with `sha256` in `archive/<id>/` is something a recorded intent was about to write. Pure. */
export function matchesIntent(intents: readonly PublishIntent[], id: string, file: string, sha256: string | null): boolean {
  return sha256 !== null && intents.some((intent) => intent.id === id && intent.files.some((f) => f.file === file && f.sha256 === sha256));
}

/**
 * Before publish writes `archive/<id>/<file>`: refuses when a file of that
 * name is already there and is not the leftover of an interrupted publish
 * (no recorded intent has its bytes) — publish never overwrites what nobody
 * published. `label` names the file in the message.
 */
export async function assertReplaceable(archiveDir: string, intentsDir: string, id: string, file: string, label: string): Promise<void> {
  const path = join(archiveDir, id, file);
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const sha256 = info.isFile() ? sha256Hex(await readFile(path)) : null;
  if (!matchesIntent(await readPublishIntents(intentsDir), id, file, sha256)) {
    throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID('already exists, and no interrupted publish recorded these bytes; publish never overwrites it (remove it if it is yours, or restore index.json)', { file: label }));
  }
}

/**
 * Refuses a policy folder (or archive folder) that is a symbolic link: publish
 * writes only into real folders of the repository, never through a link to
 * somewhere else.
 */
export async function assertRealFolder(path: string, label: string): Promise<void> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (info.isSymbolicLink()) {
    throw new PolicyError('REFUSED', MESSAGES.REFUSED('is a symbolic link; the archive must be real folders inside the repository, so nothing was written', { file: label }));
  }
  if (!info.isDirectory()) throw new PolicyError('REFUSED', MESSAGES.REFUSED('is not a folder; nothing was written', { file: label }));
}

/**
 * The first write of a publish into `archive/<id>/`: checks that the archive
 * and policy folders are real folders and that no file about to be written
 * replaces anything but an interrupted publish's leftover, then records the
 * intent. `labelOf` names a path (relative to the archive folder) in messages.
 */
export async function beginArchiveWrite(
  archiveDir: string,
  intentsDir: string,
  intent: PublishIntent,
  labelOf: (relative?: string) => string,
): Promise<void> {
  await assertRealFolder(archiveDir, labelOf());
  await assertRealFolder(join(archiveDir, intent.id), labelOf(intent.id));
  for (const { file } of intent.files) await assertReplaceable(archiveDir, intentsDir, intent.id, file, labelOf(`${intent.id}/${file}`));
  await recordPublishIntent(intentsDir, intent);
}
