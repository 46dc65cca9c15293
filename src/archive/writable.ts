/**
 * The pre-flight check of a command that writes several files: before the
 * first write, every target must be writable, so that a read-only folder, an
 * immutable file or a full disk stops the run with nothing changed rather than
 * halfway through. Each folder is tested the only reliable way, by writing a
 * probe of the size that will be written there (removed at once); an existing
 * file is opened for writing without changing it.
 */
import { randomBytes } from 'node:crypto';
import { lstat, open, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Context } from '../context.js';
import { environmentError } from '../errors.js';
import { displayPath } from './reference.js';

/** A file a command is about to write, and roughly how many bytes. */
export interface WriteTarget {
  path: string;
  bytes?: number;
}

/** The largest probe written: enough to notice a nearly full disk without writing a policy's worth of zeros twice. */
const MAX_PROBE_BYTES = 16 * 1024 * 1024;

async function existingKind(path: string): Promise<'dir' | 'file' | null> {
  try {
    return (await lstat(path)).isDirectory() ? 'dir' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw error;
  }
}

/** The folder that will hold `dir`'s new entries: `dir` itself or its nearest existing ancestor. */
async function nearestFolder(dir: string): Promise<string> {
  for (let current = dir; ; current = dirname(current)) {
    const kind = await existingKind(current);
    if (kind === 'dir') return current;
    if (kind === 'file') throw Object.assign(new Error(`${current}: not a folder`), { code: 'ENOTDIR', path: current });
    if (dirname(current) === current) return current;
  }
}

/** Writes and removes a probe file of `bytes` bytes in `folder` (flushed, so a full disk says so now). */
async function probeFolder(folder: string, bytes: number): Promise<void> {
  // Named like an atomic write's temporary file: a probe a kill left in archive/<id>/ is then reported by
  // verify as an interrupted write's leftover, and removed by the next version written there.
  const probe = join(folder, `.writable.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(probe, 'wx', 0o600);
    try {
      // writeFile, not write: a single write may be short on a nearly full disk without failing.
      if (bytes > 0) await handle.writeFile(Buffer.alloc(Math.min(bytes, MAX_PROBE_BYTES)));
      await handle.sync();
    } finally {
      await handle.close();
    }
  } finally {
    await rm(probe, { force: true });
  }
}

/**
 * Throws ENVIRONMENT (exit 4), naming the path, unless every target can be
 * written: its folder (or the nearest existing ancestor, which will hold the
 * new folders) takes a new file of the target's size, and an existing target
 * can be opened for writing. Writes nothing that stays.
 */
export async function assertWritable(ctx: Context, targets: readonly WriteTarget[]): Promise<void> {
  const folders = new Map<string, number>();
  for (const target of targets) {
    const dir = dirname(target.path);
    folders.set(dir, Math.max(folders.get(dir) ?? 0, target.bytes ?? 0));
  }
  const note = '; nothing was written';
  for (const [dir, bytes] of folders) {
    try {
      await probeFolder(await nearestFolder(dir), bytes);
    } catch (error) {
      // The folder is what cannot be written (a failed write names no path; a failed create names the probe).
      throw environmentError(error, () => displayPath(ctx, dir), note) ?? error;
    }
  }
  for (const target of targets) {
    if ((await existingKind(target.path)) !== 'file') continue;
    try {
      // Opening for writing (without truncating) is refused for a read-only or immutable file.
      await (await open(target.path, 'r+')).close();
    } catch (error) {
      throw environmentError(error, () => displayPath(ctx, target.path), note) ?? error;
    }
  }
}
