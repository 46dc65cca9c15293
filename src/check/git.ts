/**
 * The few git reads `policy check --base` needs, through the git executable:
 * the repository root, a commit, the files of a folder at that commit, and a
 * file's bytes at that commit.
 * git runs with the process's own environment (it needs PATH and HOME, which
 * the injected context of a test need not carry); it only reads.
 */
import { execFile } from 'node:child_process';
import { MAX_POLICY_BYTES } from '../policy/decode.js';
import { PolicyError, MESSAGES } from '../errors.js';

interface GitOutput {
  stdout: Buffer;
  stderr: string;
}

class GitFailure extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
    readonly exitCode: number | null,
    options: { cause: unknown },
  ) {
    super(`git ${args.join(' ')} failed: ${stderr.trim().split('\n')[0] ?? ''}`, options);
  }
}

function runGit(cwd: string, args: string[], maxBuffer = 1024 * 1024): Promise<GitOutput> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer, windowsHide: true }, (error, stdout, stderr) => {
      const errText = stderr.toString('utf8');
      if (error) {
        // spawn's ENOENT: there is no git to run (the cwd exists: it is the repository being checked).
        if (error.code === 'ENOENT') {
          reject(new PolicyError('ENVIRONMENT', MESSAGES.ENVIRONMENT('git: not found on PATH; policy check --base needs git to read the base commit'), { cause: error }));
          return;
        }
        const code = typeof error.code === 'number' ? error.code : null;
        reject(new GitFailure(args, errText || error.message, code, { cause: error }));
        return;
      }
      resolvePromise({ stdout, stderr: errText });
    });
  });
}

/** The root of the git work tree containing `cwd`, or null when `cwd` is not in one. Throws ENVIRONMENT when git is missing. */
export async function readRepoRoot(cwd: string): Promise<string | null> {
  try {
    const { stdout } = await runGit(cwd, ['rev-parse', '--show-toplevel']);
    const root = stdout.toString('utf8').trim();
    return root === '' ? null : root;
  } catch (error) {
    if (error instanceof PolicyError) throw error;
    return null;
  }
}

/**
 * The commit a ref names (`origin/main`, a tag, a sha). Throws BAD_REFERENCE
 * with a hint when it names none, e.g. because the CI checkout is shallow.
 */
export async function readCommit(root: string, ref: string): Promise<string> {
  if (ref === '' || ref.startsWith('-') || /[\0\n]/.test(ref)) {
    throw new PolicyError('BAD_REFERENCE', MESSAGES.BAD_REFERENCE(`--base ${JSON.stringify(ref)}: not a git ref`));
  }
  try {
    const { stdout } = await runGit(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return stdout.toString('utf8').trim();
  } catch (error) {
    throw new PolicyError('BAD_REFERENCE', MESSAGES.BAD_REFERENCE(`--base ${ref}: no such commit in this repository (fetch it first, e.g. git fetch origin; in CI check out with fetch-depth: 0)`), { cause: error });
  }
}

/**
 * The bytes of `path` (relative to the repository root, `/`-separated) at
 * `commit`; null when the file is not there. Throws FILE_TOO_LARGE over the
 * policy size limit, labelling the file `label`.
 */
export async function readFileAtCommit(root: string, commit: string, path: string, label: string): Promise<Buffer | null> {
  let listing: string;
  try {
    // --literal-pathspecs: a file name with * or ? means itself, not a pattern.
    const { stdout } = await runGit(root, ['--literal-pathspecs', 'ls-tree', '-z', '-l', commit, '--', path]);
    listing = stdout.toString('utf8');
  } catch (error) {
    throw new PolicyError('BAD_REFERENCE', MESSAGES.BAD_REFERENCE(`cannot list it with git: ${(error as Error).message}`, { file: label }), { cause: error });
  }
  // "<mode> SP <type> SP <object> SP+ <size> TAB <path>" NUL
  const entry = listing.split('\0').find((line) => line.slice(line.indexOf('\t') + 1) === path);
  if (!entry) return null;
  const [mode, type, object, size] = entry.slice(0, entry.indexOf('\t')).trim().split(/\s+/);
  if (type !== 'blob' || !object || mode === '120000') return null;
  const bytes = Number(size);
  if (bytes > MAX_POLICY_BYTES) {
    throw new PolicyError('FILE_TOO_LARGE', MESSAGES.FILE_TOO_LARGE(label, bytes, MAX_POLICY_BYTES));
  }
  try {
    const { stdout } = await runGit(root, ['cat-file', 'blob', object], MAX_POLICY_BYTES + 1024);
    return stdout;
  } catch (error) {
    throw new PolicyError('BAD_REFERENCE', MESSAGES.BAD_REFERENCE(`cannot read it with git: ${(error as Error).message}`, { file: label }), { cause: error });
  }
}

/**
 * The regular files directly inside folder `dir` (relative to the repository
 * root, `/`-separated; `''` for the root) at `commit`, as repository paths.
 * Empty when the folder is not there.
 */
export async function readFolderAtCommit(root: string, commit: string, dir: string): Promise<string[]> {
  const prefix = dir === '' || dir === '.' ? '' : `${dir.replace(/\/+$/, '')}/`;
  let listing: string;
  try {
    const { stdout } = await runGit(root, ['--literal-pathspecs', 'ls-tree', '-z', commit, '--', ...(prefix ? [prefix] : [])], 16 * 1024 * 1024);
    listing = stdout.toString('utf8');
  } catch (error) {
    throw new PolicyError('BAD_REFERENCE', MESSAGES.BAD_REFERENCE(`${commit}:${prefix}: cannot list it with git: ${(error as Error).message}`), { cause: error });
  }
  const files: string[] = [];
  for (const entry of listing.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (type === 'blob' && mode !== '120000' && path.startsWith(prefix) && !path.slice(prefix.length).includes('/')) files.push(path);
  }
  return files.sort();
}

/** A regular file under a folder at a commit: its repository path and blob id. */
export interface TreeFile {
  path: string;
  object: string;
}

/**
 * Every regular file under folder `dir` (relative to the repository root,
 * `/`-separated), at any depth, at `commit`, sorted by path. Empty when the
 * folder is not there.
 */
export async function readTreeAtCommit(root: string, commit: string, dir: string): Promise<TreeFile[]> {
  const prefix = `${dir.replace(/\/+$/, '')}/`;
  let listing: string;
  try {
    const { stdout } = await runGit(root, ['--literal-pathspecs', 'ls-tree', '-r', '-z', commit, '--', prefix], 64 * 1024 * 1024);
    listing = stdout.toString('utf8');
  } catch (error) {
    throw new PolicyError('BAD_REFERENCE', MESSAGES.BAD_REFERENCE(`${commit}:${prefix}: cannot list it with git: ${(error as Error).message}`), { cause: error });
  }
  const files: TreeFile[] = [];
  for (const entry of listing.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, object] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (type === 'blob' && mode !== '120000' && object && path.startsWith(prefix)) files.push({ path, object });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The bytes of a blob (`label` names it in errors). */
export async function readBlob(root: string, object: string, label: string): Promise<Buffer> {
  try {
    const { stdout } = await runGit(root, ['cat-file', 'blob', object], 64 * 1024 * 1024);
    return stdout;
  } catch (error) {
    throw new PolicyError('BAD_REFERENCE', MESSAGES.BAD_REFERENCE(`cannot read it with git: ${(error as Error).message}`, { file: label }), { cause: error });
  }
}

/** One commit that changed a file, as `git log --follow` lists it. */
export interface FileCommit {
  commit: string;
  /** Committer date, ISO 8601 with offset. */
  committedAt: string;
  /** The file's path at that commit (relative to the repository root, `/`-separated). */
  path: string;
}

/**
 * The commits that changed `path` (relative to the repository root), oldest
 * first, following renames (`git log --follow`), optionally only since a date.
 * Commits that deleted the file are left out.
 */
export async function readFileHistory(root: string, path: string, since?: string): Promise<FileCommit[]> {
  try {
    await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  } catch {
    return []; // A repository without a commit yet has no history.
  }
  let text: string;
  try {
    const args = ['--literal-pathspecs', 'log', '--follow', '--diff-filter=AMRC', '--format=%x1e%H%x00%cI', '--name-only', ...(since ? [`--since=${since}`] : []), '--', path];
    const { stdout } = await runGit(root, args, 64 * 1024 * 1024);
    text = stdout.toString('utf8');
  } catch (error) {
    throw new PolicyError('BAD_REFERENCE', MESSAGES.BAD_REFERENCE(`cannot read its git history: ${(error as Error).message}`, { file: path }), { cause: error });
  }
  const commits: FileCommit[] = [];
  for (const chunk of text.split('\x1e')) {
    const lines = chunk.split('\n').filter((line) => line !== '');
    const [head, ...names] = lines;
    if (!head) continue;
    const [commit, committedAt] = head.split('\0');
    const name = names.at(-1);
    if (commit && committedAt && name) commits.push({ commit, committedAt, path: name });
  }
  return commits.reverse();
}
