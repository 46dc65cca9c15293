/**
 * References to archived versions: `<id>@<version>`, `<id>@<date>` (the
 * version in effect on that date), `<id>@latest` (the latest published, in
 * effect or not) and `<id>@current` (the one in effect today). `policy show`,
 * `policy diff`, `policy notify` and `policy check` accept them; the site's
 * `/<id>/latest/` and `/<id>/current/` mean the same.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { PolicyError, MESSAGES } from '../errors.js';
import type { ArchivedVersion, ArchiveIndex } from '../types.js';
import { isIsoDate, utcDate } from './dates.js';
import { readArchiveIndex } from './index-file.js';
import { findIdProblem } from './policy-id.js';
import { readArchivedBytes } from './store.js';
import { compareVersions, isVersion } from './version.js';

/** Which version a reference selects. */
export type VersionSelector = { kind: 'version'; version: string } | { kind: 'date'; date: string } | { kind: 'latest' } | { kind: 'current' };

/** A parsed `<id>@<selector>`. */
export interface Reference {
  id: string;
  selector: VersionSelector;
  /** The reference as written. */
  text: string;
}

/** An archived version, read and checked against its recorded hash. */
export interface ArchivedFile {
  /** The file, relative to the working directory, with `/` separators (e.g. `archive/privacy-policy/1.0.md`). */
  path: string;
  /** Absolute path of the file. */
  absolutePath: string;
  /** `<id>@<version>`, the name reports use for it. */
  label: string;
  bytes: Buffer;
  entry: ArchivedVersion;
  index: ArchiveIndex;
}

/** Parses `<id>@<version|YYYY-MM-DD|latest|current>`; throws BAD_REFERENCE saying what was expected. Pure. */
export function parseReference(text: string): Reference {
  const at = text.lastIndexOf('@');
  const expected = 'expected <id>@<version>, <id>@<YYYY-MM-DD>, <id>@latest or <id>@current (e.g. privacy-policy@1.0)';
  if (at <= 0 || at === text.length - 1) {
    throw new PolicyError('BAD_REFERENCE', MESSAGES.BAD_REFERENCE(`not a file or an archive reference; ${expected}`, { subject: JSON.stringify(text) }));
  }
  const id = text.slice(0, at);
  const rest = text.slice(at + 1);
  const problem = findIdProblem(id);
  if (problem !== null) throw new PolicyError('BAD_REFERENCE', MESSAGES.BAD_REFERENCE(`invalid policy id ${JSON.stringify(id)}: ${problem}`, { subject: JSON.stringify(text) }));
  if (rest === 'latest') return { id, selector: { kind: 'latest' }, text };
  if (rest === 'current') return { id, selector: { kind: 'current' }, text };
  if (isVersion(rest)) return { id, selector: { kind: 'version', version: rest }, text };
  if (isIsoDate(rest)) return { id, selector: { kind: 'date', date: rest }, text };
  throw new PolicyError('BAD_REFERENCE', MESSAGES.BAD_REFERENCE(`${JSON.stringify(rest)} is not a version, a date, "latest" or "current"; ${expected}`, { subject: JSON.stringify(text) }));
}

/**
 * The entry a reference selects. A date selects the version in effect on it:
 * the newest whose effective date is on or before it; `current` is the date
 * `today` (YYYY-MM-DD, UTC). Throws NOT_FOUND. Pure.
 */
export function resolveReference(index: ArchiveIndex, reference: Reference, today: string): ArchivedVersion {
  const selector: VersionSelector = reference.selector.kind === 'current' ? { kind: 'date', date: today } : reference.selector;
  const versions = index.versions;
  const available = versions.map((entry) => entry.version).join(', ');
  if (selector.kind === 'latest') {
    const latest = versions[versions.length - 1];
    if (latest) return latest;
  } else if (selector.kind === 'version') {
    const found = versions.find((entry) => compareVersions(entry.version, selector.version) === 0);
    if (found) return found;
    throw new PolicyError('NOT_FOUND', MESSAGES.NOT_FOUND(`no version ${selector.version} of ${reference.id} in the archive (versions: ${available})`, { subject: reference.text }));
  } else if (selector.kind === 'date') {
    let found: ArchivedVersion | null = null;
    for (const entry of versions) if (entry.effective <= selector.date) found = entry;
    if (found) return found;
    const first = versions[0];
    throw new PolicyError('NOT_FOUND', MESSAGES.NOT_FOUND(`no version of ${reference.id} was in effect on ${selector.date}` +
        (first ? ` (the first, ${first.version}, took effect on ${first.effective})` : ''), { subject: reference.text }));
  }
  throw new PolicyError('NOT_FOUND', MESSAGES.NOT_FOUND(`the archive of ${reference.id} lists no version`, { subject: reference.text }));
}

/** A path as shown to the user: relative to the working directory when inside it, `/`-separated. */
export function displayPath(ctx: Context, path: string): string {
  const rel = relative(ctx.cwd, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path;
  return rel.split(sep).join('/');
}

/** The absolute path of the archive folder. */
export function archiveDirOf(ctx: Context, config: Config): string {
  return resolve(ctx.cwd, config.archive);
}

/**
 * Reads the archived version a reference names, checking its bytes against
 * the recorded sha256. Throws BAD_REFERENCE, NOT_FOUND, or ARCHIVE_INVALID
 * when the file is missing or altered.
 */
export async function readReference(reference: Reference | string, ctx: Context, config: Config): Promise<ArchivedFile> {
  const ref = typeof reference === 'string' ? parseReference(reference) : reference;
  const archiveDir = archiveDirOf(ctx, config);
  const folderLabel = displayPath(ctx, join(archiveDir, ref.id));
  const index = await readArchiveIndex(archiveDir, ref.id, `${folderLabel}/index.json`);
  if (index === null) {
    throw new PolicyError('NOT_FOUND', MESSAGES.NOT_FOUND(`${ref.id} has no archive (no ${folderLabel}/index.json); publish it first with policy publish`, { subject: ref.text }));
  }
  const entry = resolveReference(index, ref, utcDate(ctx.now()));
  const absolutePath = join(archiveDir, ref.id, entry.file);
  const path = displayPath(ctx, absolutePath);
  const bytes = await readArchivedBytes(archiveDir, ref.id, entry, path);
  return { path, absolutePath, label: `${ref.id}@${entry.version}`, bytes, entry, index };
}

/**
 * How a command-line argument that names a policy version is meant: an
 * existing file is a file; otherwise something shaped like `<id>@<x>` is a
 * reference; anything else is a file (whose reading reports it missing).
 */
export async function readArgumentKind(argument: string, ctx: Context): Promise<'file' | 'reference'> {
  try {
    await stat(resolve(ctx.cwd, argument));
    return 'file';
  } catch {
    return argument.includes('@') && !/[/\\]/.test(argument.slice(argument.lastIndexOf('@'))) ? 'reference' : 'file';
  }
}
