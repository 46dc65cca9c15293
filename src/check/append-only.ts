/**
 * `policy check --base <ref>`: the archive may only grow. Every file the
 * archive held at the base must still be there byte for byte, and every
 * index.json entry the base listed must still be there, unchanged, in the
 * same place; new entries may only follow them. The hash chain alone cannot
 * catch a rewrite of the newest entries (rewrite them all consistently and the
 * chain holds); comparing with the base in CI can.
 */
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson } from '../archive/canonical-json.js';
import { INDEX_FILE } from '../archive/index-file.js';
import { readBlob, readTreeAtCommit } from './git.js';
import type { CheckProblem } from './types.js';

/** One archive file as the base had it, and as the working tree has it (null: gone, or not a regular file). */
export interface ArchiveFilePair {
  /** Repository path, e.g. `archive/privacy-policy/2.0.md`. */
  path: string;
  base: Buffer;
  head: Buffer | null;
}

type Entry = Record<string, unknown>;

function parseEntries(bytes: Buffer): Entry[] | null {
  try {
    const raw = JSON.parse(bytes.toString('utf8')) as unknown;
    const versions = (raw as { versions?: unknown } | null)?.versions;
    return Array.isArray(versions) ? (versions as Entry[]) : null;
  } catch {
    return null;
  }
}

/** 1-based lines of the `"version":` keys of a rendered index, in order (one per entry). Linear. */
function entryLines(text: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*"version"\s*:/.test(line)) lines.push(i + 1);
  });
  return lines;
}

function label(entry: Entry | undefined, i: number): string {
  return typeof entry?.version === 'string' ? `version ${entry.version}` : `entry ${i + 1}`;
}

/** The fields of two entries that differ, sorted. */
function changedFields(before: Entry, after: Entry): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => canonicalJson(before[key] ?? null) !== canonicalJson(after[key] ?? null)).sort();
}

function indexProblems(pair: ArchiveFilePair & { head: Buffer }, ref: string): CheckProblem[] {
  const before = parseEntries(pair.base);
  // A base index that does not parse has no entries to keep; fixing it is allowed.
  if (before === null) return [];
  const headText = pair.head.toString('utf8');
  const after = parseEntries(pair.head);
  if (after === null) {
    return [{ kind: 'history', file: pair.path, line: 1, message: `no longer a readable index, but ${ref} lists ${before.length} archived versions in it; the archive may only grow` }];
  }
  const lines = entryLines(headText);
  const baseLines = entryLines(pair.base.toString('utf8'));
  const problems: CheckProblem[] = [];
  before.forEach((entry, i) => {
    const now = after[i];
    if (now === undefined) {
      const line = lines[lines.length - 1] ?? 1;
      problems.push({
        kind: 'history',
        file: pair.path,
        line,
        message: `${label(entry, i)} (line ${baseLines[i] ?? 1} in ${ref}) was removed; the archive may only grow, archived entries are never taken back`,
      });
      return;
    }
    if (canonicalJson(entry) === canonicalJson(now)) return;
    const fields = changedFields(entry, now);
    problems.push({
      kind: 'history',
      file: pair.path,
      line: lines[i] ?? 1,
      message: `${label(entry, i)} differs from ${ref} (${fields.join(', ')}); archived entries are never edited, only appended to`,
    });
  });
  return problems;
}

/** Every way the working tree's archive is not an append-only continuation of the base's. Pure. */
export function findHistoryRewrites(pairs: readonly ArchiveFilePair[], ref: string): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const pair of pairs) {
    const name = pair.path.slice(pair.path.lastIndexOf('/') + 1);
    if (pair.head === null) {
      problems.push({ kind: 'history', file: pair.path, line: 1, message: `removed, but ${ref} has it; the archive may only grow` });
    } else if (name === INDEX_FILE) {
      problems.push(...indexProblems({ ...pair, head: pair.head }, ref));
    } else if (!pair.head.equals(pair.base)) {
      problems.push({ kind: 'history', file: pair.path, line: 1, message: `altered since ${ref}; archived files are never edited` });
    }
  }
  return problems;
}

async function readWorkingFile(path: string): Promise<Buffer | null> {
  try {
    // A link in place of an archived file is not that file, whatever it points to.
    if (!(await lstat(path)).isFile()) return null;
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

/**
 * Reads the archive folder `archivePath` (repository path) at `commit` and in
 * the working tree under `root`, and returns what is not append-only.
 */
export async function readHistoryRewrites(root: string, commit: string, ref: string, archivePath: string): Promise<CheckProblem[]> {
  const pairs: ArchiveFilePair[] = [];
  for (const file of await readTreeAtCommit(root, commit, archivePath)) {
    const base = await readBlob(root, file.object, `${ref}:${file.path}`);
    pairs.push({ path: file.path, base, head: await readWorkingFile(join(root, ...file.path.split('/'))) });
  }
  return findHistoryRewrites(pairs, ref);
}
