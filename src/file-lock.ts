/**
 * A lock file that serialises publishes. It is created atomically (a fully
 * written temporary file hard-linked into place, so it is never seen half
 * written) and names its holder; a lock whose process is gone is stale and is
 * broken by the next publish instead of blocking it forever.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { environmentError, PolicyError, MESSAGES } from './errors.js';
import { makeDirDurable } from './atomic-write.js';

/** What a lock file records about its holder. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** ISO time the lock was taken. */
  startedAt: string;
  /** Distinguishes two holders with the same pid (a reused pid). */
  token: string;
}

/** How to take the lock. */
export interface LockOptions {
  /** How long to wait for a live holder before failing, in milliseconds. Default 60 000. */
  waitMs?: number;
  /** Interval between attempts while waiting, in milliseconds. Default 100. */
  pollMs?: number;
  /** The time written into the lock. Default: the system clock. */
  now?: () => Date;
  /** Called once, when the lock is found held by a live process and waiting begins. */
  onWait?: (holder: LockHolder) => void;
  /** The path shown in messages. Default: the lock's path. */
  label?: string;
}

/** A held lock. */
export interface Lock {
  path: string;
  holder: LockHolder;
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
}

/** Locks held by this process, so that a lock naming our own pid but not held here is known to be stale. */
const held = new Set<string>();

/** True when a process with this pid exists (on this machine). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (
      typeof value.pid === 'number' &&
      Number.isInteger(value.pid) &&
      value.pid > 0 &&
      typeof value.hostname === 'string' &&
      typeof value.startedAt === 'string' &&
      typeof value.token === 'string'
    ) {
      return value as LockHolder;
    }
  } catch {
    // fall through: not a lock we wrote
  }
  return null;
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Whether the holder is certainly gone: same machine and its process no longer exists (or is us, without holding it). */
function isStale(holder: LockHolder, path: string): boolean {
  if (holder.hostname !== hostname()) return false;
  if (holder.pid === process.pid) return !held.has(path);
  return !isProcessAlive(holder.pid);
}

async function tryCreate(path: string, content: string): Promise<boolean> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, content, { flag: 'wx' });
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

/** Moves a stale lock aside; if another process replaced it in the meantime, puts that one back. */
async function breakStaleLock(path: string, staleText: string): Promise<void> {
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readText(aside);
  if (moved !== staleText) {
    // We raced with a process that had just broken the stale lock and taken its own: restore it.
    await link(aside, path).catch(() => undefined);
  }
  await rm(aside, { force: true });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Takes the lock at `path`, waiting up to `waitMs` for a live holder and
 * breaking a stale one. Throws LOCKED when it cannot be had.
 */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<Lock> {
  const waitMs = options.waitMs ?? 60_000;
  const pollMs = options.pollMs ?? 100;
  const label = options.label ?? path;
  const now = options.now ?? (() => new Date());
  await makeDirDurable(dirname(path));
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: now().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const content = `${JSON.stringify(holder)}\n`;
  let waited = 0;
  let announced = false;
  for (;;) {
    let created: boolean;
    try {
      created = await tryCreate(path, content);
    } catch (error) {
      // A failed write names no path: say which lock could not be written (disk full, read-only).
      throw environmentError(error, () => label) ?? error;
    }
    if (created) {
      held.add(path);
      return {
        path,
        holder,
        release: async () => {
          held.delete(path);
          const current = await readText(path);
          if (current !== null && parseHolder(current)?.token === holder.token) await rm(path, { force: true });
        },
      };
    }
    const text = await readText(path);
    if (text === null) continue; // released between our attempt and the read
    const other = parseHolder(text);
    if (other === null) {
      throw new PolicyError('LOCKED', MESSAGES.LOCKED('lock file is not one this tool wrote; if no publish is running, delete it and try again', { file: label }));
    }
    if (isStale(other, path)) {
      await breakStaleLock(path, text);
      continue;
    }
    if (waited >= waitMs) {
      throw new PolicyError('LOCKED', MESSAGES.LOCKED(`another publish is running (pid ${other.pid} on ${other.hostname}, since ${other.startedAt}); ` +
          'try again when it has finished, or delete the lock file if that process is gone', { file: label, holder: other }));
    }
    if (!announced) {
      announced = true;
      options.onWait?.(other);
    }
    await sleep(pollMs);
    waited += pollMs;
  }
}

/** Runs `fn` while holding the lock at `path`, releasing it afterwards whatever happens. */
export async function withLock<T>(path: string, options: LockOptions, fn: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(path, options);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}
