/**
 * Atomic file replacement: write a temporary file beside the target, fsync it,
 * rename it over the target, fsync the folder. A crash at any instant leaves
 * either the old file or the new one, never a mix; at worst a temporary file
 * is left over, which `verify` reports and the next publish removes.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readDirIfExists } from './read-dir.js';

const TEMP = /^\..+\.[0-9]+\.[0-9a-f]{8}\.tmp$/;

/** True for the name of a temporary file left by an interrupted `writeFileAtomic`. */
export function isTempFileName(name: string): boolean {
  return TEMP.test(name);
}

/** Flushes a folder's entries (a rename is durable only once its folder is). Ignored where unsupported. */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Windows cannot open or fsync a directory; some file systems refuse fsync on one.
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error;
  } finally {
    await handle?.close();
  }
}

/** Creates a folder and its parents, making each new entry durable. */
export async function makeDirDurable(dir: string): Promise<void> {
  const created = await mkdir(dir, { recursive: true });
  if (created === undefined) return;
  // Every folder from the first one created down to `dir` is a new entry of its parent.
  const top = dirname(created);
  for (let current = dir; current !== top && current !== dirname(current); current = dirname(current)) {
    await syncDir(dirname(current));
  }
}

/**
 * Replaces `path` with `data` atomically and durably. The file gets `mode`
 * when given; otherwise an existing file keeps its permission bits.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, options: { mode?: number } = {}): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let mode = options.mode;
  if (mode === undefined) {
    try {
      mode = (await stat(path)).mode & 0o777;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  // A new file without a given mode gets the usual default (0666 less the umask); otherwise the
  // mode is applied once the bytes are in, so that a read-only mode does not stop the write.
  const handle = await open(temp, 'wx', mode === undefined ? 0o666 : 0o600);
  try {
    try {
      await handle.writeFile(data);
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dir);
}

/** Removes temporary files that interrupted writes left in `dir` (optionally only those for `target`). Returns their names. */
export async function removeTempFiles(dir: string, target?: string): Promise<string[]> {
  const names = (await readDirIfExists(dir)).map((entry) => entry.name);
  const prefix = target === undefined ? '.' : `.${target}.`;
  const stale = names.filter((name) => isTempFileName(name) && name.startsWith(prefix));
  for (const name of stale) await rm(join(dir, name), { force: true });
  return stale;
}
