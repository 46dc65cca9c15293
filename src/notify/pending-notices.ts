/**
 * Notices a publish still owes. Before index.json lists a new version (the
 * commit point), publish records a marker `<ledger>/pending-notices/<id>@<version>.json`;
 * the marker goes once every recipient of that version has an accepted
 * message. A publish killed after its commit point, or whose notices failed,
 * thus leaves a marker that the next `policy publish` finds and resumes, so
 * nobody is skipped because someone forgot the resume command.
 *
 * One file per version rather than one shared list: adding and removing a
 * marker are then a single atomic write or unlink, so `policy notify` clearing
 * its version (it does not take the publish lock) can never lose a marker that
 * a publish adds at the same moment. The file name is what counts; the
 * content is a record for humans.
 */
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeDirDurable, syncDir, writeFileAtomic } from '../atomic-write.js';
import { findIdProblem } from '../archive/policy-id.js';
import { compareVersions, isVersion } from '../archive/version.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { readDirIfExists } from '../read-dir.js';

/** A version whose notices are owed. */
export interface PendingNotice {
  id: string;
  version: string;
  /** The level recorded with the marker (null when its content cannot be read). */
  level: 'major' | 'minor' | null;
  /** When the publish recorded it (ISO), or null. */
  recordedAt: string | null;
}

/** The folder of the markers: `pending-notices/` in the ledger folder (`notify.ledger`, default `.policy`). */
export function pendingNoticesDir(ctx: Context, config: Config): string {
  return resolve(ctx.cwd, config.notify.ledger, 'pending-notices');
}

/** The marker file of `<id>@<version>` in `dir`. */
export function pendingNoticePath(dir: string, id: string, version: string): string {
  return join(dir, `${id}@${version}.json`);
}

/** The id and version a marker's file name stands for, or null for any other name. Pure. */
export function parsePendingNoticeName(name: string): { id: string; version: string } | null {
  const match = /^(.+)@([^@]+)\.json$/.exec(name);
  if (!match) return null;
  const [, id, version] = match as unknown as [string, string, string];
  if (findIdProblem(id) !== null || !isVersion(version)) return null;
  return { id, version };
}

async function readMarkerContent(path: string): Promise<Pick<PendingNotice, 'level' | 'recordedAt'>> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as { level?: unknown; recordedAt?: unknown };
    return {
      level: data.level === 'major' || data.level === 'minor' ? data.level : null,
      recordedAt: typeof data.recordedAt === 'string' ? data.recordedAt : null,
    };
  } catch {
    // The name alone says what is owed; a marker edited by hand still counts.
    return { level: null, recordedAt: null };
  }
}

/** The pending notices recorded in `dir`, by id then version (none when the folder does not exist). */
export async function readPendingNotices(dir: string): Promise<PendingNotice[]> {
  const names = (await readDirIfExists(dir)).map((entry) => entry.name);
  const found: PendingNotice[] = [];
  for (const name of names) {
    const parsed = parsePendingNoticeName(name);
    if (parsed === null) continue;
    found.push({ ...parsed, ...(await readMarkerContent(join(dir, name))) });
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : compareVersions(a.version, b.version)));
}

/** Records that the notices of `notice.id@notice.version` are owed (atomically and durably). */
export async function savePendingNotice(dir: string, notice: PendingNotice): Promise<void> {
  await makeDirDurable(dir);
  const record = { id: notice.id, version: notice.version, level: notice.level, recordedAt: notice.recordedAt };
  await writeFileAtomic(pendingNoticePath(dir, notice.id, notice.version), `${JSON.stringify(record, null, 2)}\n`);
}

/** Removes the marker of `<id>@<version>`; resolves true when there was one. */
export async function clearPendingNotice(dir: string, id: string, version: string): Promise<boolean> {
  const path = pendingNoticePath(dir, id, version);
  try {
    await rm(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  await syncDir(dir);
  return true;
}
