/**
 * `archive/<id>/index.json`: the list of a policy's archived versions, oldest
 * first, each entry hash-chained to the one before. Parsing validates every
 * field; rendering writes the fields in a fixed order, two-space indented, so
 * the file reads well in a pull request.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PolicyError, MESSAGES } from '../errors.js';
import type { ArchiveIndex, ArchivedVersion } from '../types.js';
import { writeFileAtomic } from '../atomic-write.js';
import { isIsoDate } from './dates.js';
import { findIdProblem } from './policy-id.js';
import { isVersion } from './version.js';
import { readDirIfExists } from '../read-dir.js';

/** The manifest's file name inside `archive/<id>/`. */
export const INDEX_FILE = 'index.json';

const SHA256 = /^[0-9a-f]{64}$/;
const LEVELS = ['initial', 'major', 'minor'];
const CHANGE_LEVELS = ['major', 'minor'];
/** Field order of an entry in the file (the hash does not depend on it). */
const ENTRY_KEYS = [
  'version',
  'date',
  'effective',
  'file',
  'sha256',
  'level',
  'triggers',
  'summary',
  'publishedAt',
  'previous',
  'automatic',
  'override',
  'record',
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTriggerList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => Number.isInteger(item) && (item as number) > 0);
}

function isTimestamp(value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

function entryProblems(entry: unknown, at: string): string[] {
  if (!isRecord(entry)) return [`${at} must be an object`];
  const { version, date, effective, file, sha256, level, triggers, summary, publishedAt, previous, automatic, override, record } =
    entry;
  const problems: string[] = [];
  if (record !== undefined && (typeof record !== 'string' || !SHA256.test(record))) {
    problems.push(`${at}.record must be 64 lowercase hex digits (the sha256 of ${String(version)}.revision.json)`);
  }
  if (typeof version !== 'string' || !isVersion(version)) {
    problems.push(`${at}.version must be a version such as "1.0", found ${JSON.stringify(version)}`);
  }
  if (typeof date !== 'string' || !isIsoDate(date)) problems.push(`${at}.date must be YYYY-MM-DD, found ${JSON.stringify(date)}`);
  if (typeof effective !== 'string' || !isIsoDate(effective)) {
    problems.push(`${at}.effective must be YYYY-MM-DD, found ${JSON.stringify(effective)}`);
  }
  if (typeof file !== 'string' || file !== `${String(version)}.md`) {
    problems.push(`${at}.file must be "${String(version)}.md", found ${JSON.stringify(file)}`);
  }
  if (typeof sha256 !== 'string' || !SHA256.test(sha256)) problems.push(`${at}.sha256 must be 64 lowercase hex digits`);
  if (typeof level !== 'string' || !LEVELS.includes(level)) {
    problems.push(`${at}.level must be one of ${LEVELS.join(', ')}, found ${JSON.stringify(level)}`);
  }
  if (!isTriggerList(triggers)) problems.push(`${at}.triggers must be a list of trigger numbers`);
  if (typeof summary !== 'string') problems.push(`${at}.summary must be a string`);
  if (!isTimestamp(publishedAt)) problems.push(`${at}.publishedAt must be an ISO timestamp, found ${JSON.stringify(publishedAt)}`);
  if (previous !== null && (typeof previous !== 'string' || !SHA256.test(previous))) {
    problems.push(`${at}.previous must be null or 64 lowercase hex digits`);
  }
  if (automatic !== undefined) {
    if (!isRecord(automatic) || !CHANGE_LEVELS.includes(automatic.level as string) || !isTriggerList(automatic.triggers)) {
      problems.push(`${at}.automatic must be {level: "major"|"minor", triggers: [numbers]}`);
    }
  }
  if (entry.translates !== undefined && (typeof entry.translates !== 'string' || !isVersion(entry.translates))) {
    problems.push(`${at}.translates must be the version of the original it translates, found ${JSON.stringify(entry.translates)}`);
  }
  if (override !== undefined) {
    if (
      !isRecord(override) ||
      !CHANGE_LEVELS.includes(override.level as string) ||
      typeof override.reason !== 'string' ||
      !isTimestamp(override.at)
    ) {
      problems.push(`${at}.override must be {level: "major"|"minor", reason: string, at: ISO timestamp}`);
    }
  }
  return problems;
}

/**
 * Every way `raw` (parsed JSON) fails to be an archive index, as readable
 * phrases; empty when it is one. Checks shape only, not hashes or order. Pure.
 */
export function findIndexProblems(raw: unknown): string[] {
  if (!isRecord(raw)) return ['must be a JSON object'];
  const problems: string[] = [];
  if (typeof raw.id !== 'string' || findIdProblem(raw.id) !== null) problems.push(`"id" must be a valid policy id, found ${JSON.stringify(raw.id)}`);
  if (typeof raw.title !== 'string') problems.push('"title" must be a string');
  if (raw.lang !== 'zh' && raw.lang !== 'en') problems.push(`"lang" must be "zh" or "en", found ${JSON.stringify(raw.lang)}`);
  if (raw.translationOf !== undefined && (typeof raw.translationOf !== 'string' || findIdProblem(raw.translationOf) !== null || raw.translationOf === raw.id)) {
    problems.push(`"translationOf" must be the id of another policy, found ${JSON.stringify(raw.translationOf)}`);
  }
  if (!Array.isArray(raw.versions)) {
    problems.push('"versions" must be a list');
  } else {
    if (raw.versions.length === 0) problems.push('"versions" lists no version');
    raw.versions.forEach((entry, i) => problems.push(...entryProblems(entry, `versions[${i}]`)));
  }
  return problems;
}

/** Parses and validates the text of an index file; throws ARCHIVE_INVALID naming `file` and the first problem. Pure. */
export function parseArchiveIndex(text: string, file: string): ArchiveIndex {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`invalid JSON: ${(error as Error).message}`, { file }), { cause: error });
  }
  const problems = findIndexProblems(raw);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems; run policy verify)` : '';
    throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`${problems[0]}${more}`, { file }));
  }
  return raw as ArchiveIndex;
}

/** Puts an entry's keys in the documented order, keeping any extra keys after them. */
function orderEntry(entry: ArchivedVersion): ArchivedVersion {
  const ordered: Record<string, unknown> = {};
  const record = entry as unknown as Record<string, unknown>;
  for (const key of ENTRY_KEYS) if (record[key] !== undefined) ordered[key] = record[key];
  for (const [key, value] of Object.entries(record)) if (!(key in ordered) && value !== undefined) ordered[key] = value;
  return ordered as unknown as ArchivedVersion;
}

/** The text of an index file: fields in a fixed order, two-space indented, newline at the end. Pure. */
export function renderArchiveIndex(index: ArchiveIndex): string {
  const ordered = {
    id: index.id,
    title: index.title,
    lang: index.lang,
    ...(index.translationOf !== undefined ? { translationOf: index.translationOf } : {}),
    versions: index.versions.map(orderEntry),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * Reads `archive/<id>/index.json`; null when the policy has no archive yet.
 * Throws ARCHIVE_INVALID for an unreadable or malformed index.
 */
export async function readArchiveIndex(archiveDir: string, id: string, label = join(archiveDir, id, INDEX_FILE)): Promise<ArchiveIndex | null> {
  let text: string;
  try {
    text = await readFile(join(archiveDir, id, INDEX_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`cannot read: ${(error as Error).message}`, { file: label }), { cause: error });
  }
  const index = parseArchiveIndex(text, label);
  if (index.id !== id) throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`"id" is ${JSON.stringify(index.id)}, expected ${JSON.stringify(id)} (the folder's name)`, { file: label }));
  return index;
}

/** Writes `archive/<id>/index.json` atomically: the commit point of a publish. */
export async function writeArchiveIndex(archiveDir: string, index: ArchiveIndex): Promise<void> {
  await writeFileAtomic(join(archiveDir, index.id, INDEX_FILE), renderArchiveIndex(index));
}

/** The newest entry of an index (versions are oldest first). */
export function latestVersion(index: ArchiveIndex): ArchivedVersion {
  const latest = index.versions[index.versions.length - 1];
  if (!latest) throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`archive index of ${index.id} lists no version`));
  return latest;
}

/** The ids of the policies the archive holds: its folders with an index.json, sorted. */
export async function readArchivedIds(archiveDir: string): Promise<string[]> {
  const ids: string[] = [];
  for (const entry of await readDirIfExists(archiveDir)) {
    if (!entry.isDirectory()) continue;
    const names = await readdir(join(archiveDir, entry.name));
    if (names.includes(INDEX_FILE)) ids.push(entry.name);
  }
  return ids.sort();
}
