/**
 * The I/O half of `policy check`: finds the policies, reads each one and the
 * version it is compared with (the latest archived one, or the file at a git
 * ref), and verifies the archive. `evaluateCheck` does the rest.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { readReference } from '../archive/reference.js';
import { readArchiveIndex } from '../archive/index-file.js';
import { listPolicyFiles } from '../archive/store.js';
import { verifyArchive } from '../archive/verify.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { isPolicyError, PolicyError } from '../errors.js';
import { parsePolicyBytes, policyIdFromPath } from '../policy/parse-policy.js';
import { readPolicyFile } from '../policy/read-policy.js';
import type { Policy } from '../types.js';
import { readCommit, readFileAtCommit, readRepoRoot } from './git.js';
import type { CheckProblem, CheckSubject } from './types.js';

/** What `evaluateCheck` needs. */
export interface CheckSources {
  subjects: CheckSubject[];
  /** Problems found while reading (an archive that fails verify). */
  problems: CheckProblem[];
  /** What the policies are compared with, for the report. */
  base: string;
}

/** A problem of an input as a failure: the line an error names (else 1), the message without the file name. */
function problemOf(error: PolicyError, file: string): { line: number; message: string } {
  const line = /\bat line (\d+)/.exec(error.message);
  const message = error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message;
  return { line: line ? Number(line[1]) : 1, message };
}

/** Errors that mean the argument is wrong (usage), as opposed to a policy that does not parse. */
const USAGE_CODES = new Set(['FILE_NOT_FOUND', 'NOT_A_FILE']);

interface Located {
  /** The path as given on the command line (or relative to the working directory). */
  argument: string;
  absolute: string;
  /** Relative to the repository root, `/`-separated. */
  file: string;
  id: string;
}

async function locateFiles(ctx: Context, config: Config, cwd: string, root: string, files: readonly string[]): Promise<Located[]> {
  const toRepo = (absolute: string) => relative(root, absolute).split(sep).join('/');
  let paths: { argument: string; absolute: string }[];
  if (files.length > 0) {
    paths = files.map((argument) => ({ argument, absolute: resolve(cwd, argument) }));
  } else {
    const dir = resolve(cwd, config.policies);
    paths = (await listPolicyFiles(dir)).map((absolute) => ({ argument: relative(cwd, absolute).split(sep).join('/'), absolute }));
    if (paths.length === 0) throw new PolicyError('NOT_FOUND', `${config.policies}/: no policies (*.md files) to check`);
  }
  return paths.map(({ argument, absolute }) => {
    const file = toRepo(absolute);
    if (file.startsWith('../') || isAbsolute(file)) {
      throw new PolicyError('USAGE', `${argument}: outside the git repository at ${root}`);
    }
    return { argument, absolute, file, id: policyIdFromPath(absolute) };
  });
}

type Head = { policy: Policy } | { problem: { line: number; message: string } };

async function readHead(ctx: Context, located: Located): Promise<Head> {
  try {
    const bytes = await readPolicyFile(located.argument, ctx);
    return { policy: parsePolicyBytes(bytes, located.file, located.id) };
  } catch (error) {
    if (!isPolicyError(error) || USAGE_CODES.has(error.code)) throw error;
    return { problem: problemOf(error, located.file) };
  }
}

/** Issues of `archive/<id>/` (or of the whole archive when `ids` is null) from `policy verify`, as failures. */
async function readArchiveProblems(archiveDir: string, label: string, ids: Set<string> | null): Promise<CheckProblem[]> {
  const result = await verifyArchive(archiveDir, { label });
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
    if (!reported) problems.push({ kind: 'archive', file: `${folder}/index.json`, line: 1, message: error.message });
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

/**
 * Reads every policy to check (`files`, else each `*.md` under the policies
 * folder) with its base: the file at git ref `baseRef`, or else the latest
 * archived version. Paths in the result are relative to the repository root.
 */
export async function readCheckSources(ctx: Context, config: Config, files: readonly string[], baseRef?: string): Promise<CheckSources> {
  const cwd = await realpath(ctx.cwd);
  const repoRoot = await readRepoRoot(cwd);
  if (baseRef !== undefined && repoRoot === null) {
    throw new PolicyError('USAGE', `--base ${baseRef}: ${ctx.cwd} is not inside a git repository`);
  }
  const root = repoRoot ?? cwd;
  const commit = baseRef !== undefined ? await readCommit(root, baseRef) : null;
  const located = await locateFiles(ctx, config, cwd, root, files);

  const archiveDir = resolve(cwd, config.archive);
  const archiveLabel = relative(root, archiveDir).split(sep).join('/') || '.';
  const ids = files.length > 0 ? new Set(located.map((entry) => entry.id)) : null;
  const problems = await readArchiveProblems(archiveDir, archiveLabel, ids);

  const subjects: CheckSubject[] = [];
  for (const entry of located) {
    const head = await readHead(ctx, entry);
    if ('problem' in head) {
      subjects.push({ kind: 'invalid', id: entry.id, file: entry.file, ...head.problem });
      continue;
    }
    const subject =
      commit !== null && baseRef !== undefined
        ? await readGitBase(root, commit, baseRef, entry, head.policy)
        : await readArchivedBase(ctx, config, archiveDir, archiveLabel, entry, head.policy, problems);
    if (subject) subjects.push(subject);
  }
  return { subjects, problems, base: baseRef ?? 'the latest archived versions' };
}
