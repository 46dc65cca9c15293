/**
 * The I/O half of `policy check`: finds the policies, reads each one and the
 * version it is compared with (the latest archived one, or the file at a git
 * ref), finds the policies that were deleted (in the base or the archive but
 * gone from the working tree), and verifies the archive. `evaluateCheck` does
 * the rest.
 */
import { lstat, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { readReference } from '../archive/reference.js';
import { latestVersion, readArchivedIds, readArchiveIndex } from '../archive/index-file.js';
import { listPolicyFiles } from '../archive/store.js';
import { verifyArchive } from '../archive/verify.js';
import { publishIntentsDir } from '../archive/intent.js';
import { readHistoryRewrites } from './append-only.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { isPolicyError, PolicyError, MESSAGES } from '../errors.js';
import { parsePolicyBytes, policyIdFromPath } from '../policy/parse-policy.js';
import { readPolicyFile } from '../policy/read-policy.js';
import type { ArchiveIndex, Policy } from '../types.js';
import { readCommit, readFileAtCommit, readFolderAtCommit, readRepoRoot } from './git.js';
import type { CheckProblem, CheckSubject, DeletedBase, DeletedSubject } from './types.js';
import type { TranslationLink } from './translations.js';
import { TRANSLATION_KEY, translationOf } from '../policy/translation.js';
import { sha256Hex } from '../hash.js';
import type { ArchivedVersion } from '../types.js';
import { assertNoTodoMarkers } from '../policy/todo-markers.js';

/** What `evaluateCheck` needs. */
export interface CheckSources {
  subjects: CheckSubject[];
  /** Problems found while reading (an archive that fails verify). */
  problems: CheckProblem[];
  /** What the policies are compared with, for the report. */
  base: string;
  /** Every translation in the policies folder, with what check needs to keep it in step. */
  translations: TranslationLink[];
}

/** A problem of an input as a failure: the line and the problem from the error's details (the line defaults to 1); the message is never taken apart. */
export function problemOf(error: PolicyError): { line: number; message: string } {
  return { line: error.details.line ?? 1, message: error.details.problem };
}

/** Errors that mean the argument is wrong (usage), as opposed to a policy that does not parse. */
const USAGE_CODES = new Set(['FILE_NOT_FOUND', 'NOT_A_FILE', 'UNFINISHED_POLICY']);

interface Located {
  /** The path as given on the command line (or relative to the working directory). */
  argument: string;
  absolute: string;
  /** Relative to the repository root, `/`-separated. */
  file: string;
  id: string;
}

async function locateFiles(config: Config, cwd: string, root: string, files: readonly string[]): Promise<Located[]> {
  const toRepo = (absolute: string) => relative(root, absolute).split(sep).join('/');
  let paths: { argument: string; absolute: string }[];
  if (files.length > 0) {
    paths = files.map((argument) => ({ argument, absolute: resolve(cwd, argument) }));
  } else {
    const dir = resolve(cwd, config.policies);
    // None at all is an error only if nothing was deleted either (checked once deletions are known).
    paths = (await listPolicyFiles(dir)).map((absolute) => ({ argument: relative(cwd, absolute).split(sep).join('/'), absolute }));
  }
  return paths.map(({ argument, absolute }) => {
    const file = toRepo(absolute);
    if (file.startsWith('../') || isAbsolute(file)) {
      throw new PolicyError('USAGE', MESSAGES.USAGE(`outside the git repository at ${root}`, { subject: argument }));
    }
    return { argument, absolute, file, id: policyIdFromPath(absolute) };
  });
}

type Head = { policy: Policy } | { problem: { line: number; message: string } };

async function readHead(ctx: Context, located: Located): Promise<Head> {
  try {
    const bytes = await readPolicyFile(located.argument, ctx);
    const policy = parsePolicyBytes(bytes, located.file, located.id);
    assertNoTodoMarkers(policy.source, located.file);
    return { policy };
  } catch (error) {
    if (!isPolicyError(error) || USAGE_CODES.has(error.code)) throw error;
    return { problem: problemOf(error) };
  }
}

/** Issues of `archive/<id>/` (or of the whole archive when `ids` is null) from `policy verify`, as failures. */
async function readArchiveProblems(archiveDir: string, label: string, config: Config, intentsDir: string, ids: Set<string> | null): Promise<CheckProblem[]> {
  const result = await verifyArchive(archiveDir, { label, intentsDir, ...(config.signing ? { signing: config.signing } : {}) });
  return result.errors
    .filter((issue) => ids === null || [...ids].some((id) => issue.file === `${label}/${id}` || issue.file.startsWith(`${label}/${id}/`)))
    .map((issue) => ({ kind: 'archive' as const, file: issue.file, line: 1, message: `${issue.message} (policy verify fails)` }));
}

async function readArchivedBase(
  ctx: Context,
  config: Config,
  archiveDir: string,
  archiveLabel: string,
  located: Located,
  head: Policy,
  problems: CheckProblem[],
): Promise<CheckSubject | null> {
  const { id, file } = located;
  const folder = `${archiveLabel}/${id}`;
  try {
    const index = await readArchiveIndex(archiveDir, id, `${folder}/index.json`);
    if (index === null) return { kind: 'new', id, file, head, note: `${id} has no archived version yet (no ${folder}/index.json)` };
    const archived = await readReference({ id, selector: { kind: 'latest' }, text: `${id}@latest` }, ctx, config);
    return { kind: 'compared', id, file, head, base: parsePolicyBytes(archived.bytes, archived.path, id) };
  } catch (error) {
    if (!isPolicyError(error)) throw error;
    // verify has already said what is wrong with this policy's archive; say it once.
    const reported = problems.some((problem) => problem.file === folder || problem.file.startsWith(`${folder}/`));
    if (!reported) {
      const { line, message } = problemOf(error);
      problems.push({ kind: 'archive', file: error.details.file ?? `${folder}/index.json`, line, message });
    }
    return null;
  }
}

async function readGitBase(root: string, commit: string, ref: string, located: Located, head: Policy): Promise<CheckSubject> {
  const { id, file } = located;
  const label = `${ref}:${file}`;
  try {
    const bytes = await readFileAtCommit(root, commit, file, label);
    if (bytes === null) return { kind: 'new', id, file, head, note: `${file} is not in ${ref}` };
    return { kind: 'compared', id, file, head, base: parsePolicyBytes(bytes, label, id) };
  } catch (error) {
    if (!isPolicyError(error) || error.code === 'BAD_REFERENCE') throw error;
    // A base that does not parse is no reason to block the change that may fix it.
    return { kind: 'new', id, file, head, note: `the version in ${ref} cannot be read (${error.message}), so there is nothing to compare with` };
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Where the working tree's archive still publishes `id` (its latest version), or null. */
async function readArchived(archiveDir: string, archiveLabel: string, id: string): Promise<{ folder: string; version: string; index: ArchiveIndex } | null> {
  const folder = `${archiveLabel}/${id}`;
  let index: ArchiveIndex | null;
  try {
    index = await readArchiveIndex(archiveDir, id, `${folder}/index.json`);
  } catch (error) {
    // An index that cannot be read is verify's to report.
    if (isPolicyError(error)) return null;
    throw error;
  }
  if (index === null || index.versions.length === 0) return null;
  return { folder: `${folder}/`, version: latestVersion(index).version, index };
}

/** Where a deleted policy is compared from: the archive (no --base) or a git ref. */
interface DeletionContext {
  archiveDir: string;
  archiveLabel: string;
  git: { root: string; commit: string; ref: string } | null;
}

/**
 * The deleted subject for `file` (repository path of a policy that is not in
 * the working tree), or null when neither the base ref nor the archive has it.
 */
async function readDeletion(where: DeletionContext, file: string, id: string): Promise<DeletedSubject | null> {
  const found = await readArchived(where.archiveDir, where.archiveLabel, id);
  const archived = found ? { folder: found.folder, version: found.version } : null;
  if (where.git) {
    const { root, commit, ref } = where.git;
    const label = `${ref}:${file}`;
    const bytes = await readFileAtCommit(root, commit, file, label);
    if (bytes === null) return null;
    let base: DeletedBase = { path: label, title: null, lang: null, lastUpdated: null, sha256: null };
    try {
      const policy = parsePolicyBytes(bytes, label, id);
      base = { path: label, title: policy.title, lang: policy.lang, lastUpdated: policy.lastUpdated?.date ?? null, sha256: policy.sha256 };
    } catch (error) {
      // What the base held need not parse for its deletion to matter.
      if (!isPolicyError(error)) throw error;
    }
    return { kind: 'deleted', id, file, base, ref, archived };
  }
  if (!found) return null;
  const latest = latestVersion(found.index);
  const base = { path: `${found.folder}${latest.file}`, title: found.index.title, lang: found.index.lang, lastUpdated: null, sha256: latest.sha256 };
  return { kind: 'deleted', id, file, base, ref: null, archived };
}

/**
 * The policies deleted from the working tree, when no files are named: those
 * in the policies folder at the base ref that are gone, or (no --base) those
 * the archive holds whose id no policy file has.
 */
async function readDeletions(where: DeletionContext, root: string, policiesDir: string, knownIds: ReadonlySet<string>): Promise<DeletedSubject[]> {
  const folder = relative(root, policiesDir).split(sep).join('/');
  const candidates: { file: string; id: string }[] = [];
  if (where.git) {
    for (const file of await readFolderAtCommit(where.git.root, where.git.commit, folder)) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      if (name.startsWith('.') || !/\.md$/i.test(name)) continue;
      if (!(await exists(join(root, file)))) candidates.push({ file, id: policyIdFromPath(file) });
    }
  } else {
    for (const id of await readArchivedIds(where.archiveDir)) {
      if (!knownIds.has(id)) candidates.push({ file: `${folder === '' ? '' : `${folder}/`}${id}.md`, id });
    }
  }
  const deleted: DeletedSubject[] = [];
  for (const { file, id } of candidates) {
    const subject = await readDeletion(where, file, id);
    if (subject) deleted.push(subject);
  }
  return deleted;
}

/**
 * Reads every policy to check (`files`, else each `*.md` under the policies
 * folder) with its base: the file at git ref `baseRef`, or else the latest
 * archived version; then the policies deleted from the working tree (in the
 * base, or in the archive, and gone). Paths in the result are relative to the
 * repository root.
 */
export async function readCheckSources(ctx: Context, config: Config, files: readonly string[], baseRef?: string): Promise<CheckSources> {
  const cwd = await realpath(ctx.cwd);
  const repoRoot = await readRepoRoot(cwd);
  if (baseRef !== undefined && repoRoot === null) {
    throw new PolicyError('USAGE', MESSAGES.USAGE(`--base ${baseRef}: ${ctx.cwd} is not inside a git repository`));
  }
  const root = repoRoot ?? cwd;
  const commit = baseRef !== undefined ? await readCommit(root, baseRef) : null;
  const located = await locateFiles(config, cwd, root, files);

  const archiveDir = resolve(cwd, config.archive);
  const archiveLabel = relative(root, archiveDir).split(sep).join('/') || '.';
  const ids = files.length > 0 ? new Set(located.map((entry) => entry.id)) : null;
  const problems = await readArchiveProblems(archiveDir, archiveLabel, config, publishIntentsDir(ctx), ids);
  // Against a base, the archive must be an append-only continuation of the base's.
  if (commit !== null && baseRef !== undefined && repoRoot !== null && !archiveLabel.startsWith('..')) problems.push(...(await readHistoryRewrites(root, commit, baseRef, archiveLabel)));

  const where: DeletionContext = { archiveDir, archiveLabel, git: commit !== null && baseRef !== undefined ? { root, commit, ref: baseRef } : null };
  const subjects: CheckSubject[] = [];
  const knownIds = new Set<string>();
  for (const entry of located) {
    knownIds.add(entry.id);
    if (files.length > 0 && !(await exists(entry.absolute))) {
      // A named file that is gone: deleted if the base or the archive has it; otherwise readHead says "no such file".
      const deleted = await readDeletion(where, entry.file, entry.id);
      if (deleted) {
        subjects.push(deleted);
        continue;
      }
    }
    const head = await readHead(ctx, entry);
    if ('problem' in head) {
      subjects.push({ kind: 'invalid', id: entry.id, file: entry.file, ...head.problem });
      continue;
    }
    const declared = head.policy.frontMatter.id;
    if (typeof declared === 'string') knownIds.add(declared);
    const subject =
      commit !== null && baseRef !== undefined
        ? await readGitBase(root, commit, baseRef, entry, head.policy)
        : await readArchivedBase(ctx, config, archiveDir, archiveLabel, entry, head.policy, problems);
    if (subject) subjects.push(subject);
  }
  if (files.length === 0) {
    const deleted = await readDeletions(where, root, resolve(cwd, config.policies), knownIds);
    if (located.length === 0 && deleted.length === 0) {
      throw new PolicyError('NOT_FOUND', MESSAGES.NOT_FOUND(`${config.policies}/: no policies (*.md files) to check`));
    }
    subjects.push(...deleted);
  }
  const translations = await readTranslationLinks(ctx, resolve(cwd, config.policies), root, where, subjects, problems);
  return { subjects, problems, base: baseRef ?? 'the latest archived versions', translations };
}

/** The latest archived entry of `id`, or null when it has no (readable) archive; verify reports unreadable ones. */
async function readLatestEntry(archiveDir: string, id: string): Promise<{ latest: ArchivedVersion; versions: ArchivedVersion[] } | null> {
  try {
    const index = await readArchiveIndex(archiveDir, id);
    return index && index.versions.length > 0 ? { latest: latestVersion(index), versions: index.versions } : null;
  } catch (error) {
    if (isPolicyError(error)) return null;
    throw error;
  }
}

/**
 * Every translation among the policy files (named or not: a major revision of
 * an original concerns all of its translations), with whether it changed
 * against the base, the original version it follows, and the original's latest
 * major version. Subjects already read are not read again.
 */
async function readTranslationLinks(
  ctx: Context,
  policiesDir: string,
  root: string,
  where: DeletionContext,
  subjects: readonly CheckSubject[],
  problems: CheckProblem[],
): Promise<TranslationLink[]> {
  const links: TranslationLink[] = [];
  for (const absolute of await listPolicyFiles(policiesDir)) {
    const id = policyIdFromPath(absolute);
    const file = relative(root, absolute).split(sep).join('/');
    const subject = subjects.find((entry) => entry.id === id && (entry.kind === 'compared' || entry.kind === 'new'));
    let head: Policy;
    try {
      head = subject && (subject.kind === 'compared' || subject.kind === 'new') ? subject.head : parsePolicyBytes(await readPolicyFile(absolute, ctx), file, id);
    } catch (error) {
      // A file that does not parse is reported when it is checked; it cannot be judged as a translation.
      if (isPolicyError(error)) continue;
      throw error;
    }
    let original: string | null;
    try {
      original = translationOf(head);
    } catch (error) {
      if (!isPolicyError(error)) throw error;
      problems.push({ kind: 'invalid', file, line: head.frontMatterLines?.[TRANSLATION_KEY] ?? 1, message: error.details.problem });
      continue;
    }
    if (original === null) continue;
    let changed = true;
    if (!subject) {
      if (where.git) {
        const bytes = await readFileAtCommit(where.git.root, where.git.commit, file, `${where.git.ref}:${file}`);
        changed = bytes === null || sha256Hex(bytes) !== head.sha256;
      } else {
        const archived = await readLatestEntry(where.archiveDir, id);
        changed = archived === null || archived.latest.sha256 !== head.sha256;
      }
    }
    const own = await readLatestEntry(where.archiveDir, id);
    const originalArchive = await readLatestEntry(where.archiveDir, original);
    const major = originalArchive ? [...originalArchive.versions].reverse().find((entry) => entry.level === 'major' || entry.level === 'initial') : undefined;
    links.push({
      id,
      file,
      line: head.frontMatterLines?.[TRANSLATION_KEY] ?? 1,
      original,
      changed,
      follows: own?.latest.translates ?? null,
      originalLatestMajor: major?.version ?? null,
    });
  }
  return links;
}
