/** Temporary policy repositories for the archive and publish tests: real files, removed afterwards. */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

/** The project root (this repository). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The shipped seed policy's text. */
export const SEED = readFileSync(join(ROOT, 'policies/privacy-policy.md'), 'utf8');

export interface TempRepo {
  root: string;
  read(path: string): string;
  readBytes(path: string): Buffer;
  write(path: string, text: string | Buffer): void;
  exists(path: string): boolean;
  /** Every file under the repository with its bytes (as base64), for "nothing was written" checks. */
  snapshot(): Record<string, string>;
  remove(): void;
}

/** A temporary repository holding the seed policy and the shipped archive (1.0). */
export function makeRepo(options: { archive?: boolean } = {}): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'policy-repo-'));
  mkdirSync(join(root, 'policies'));
  cpSync(join(ROOT, 'policies/privacy-policy.md'), join(root, 'policies/privacy-policy.md'));
  if (options.archive !== false) cpSync(join(ROOT, 'archive/privacy-policy'), join(root, 'archive/privacy-policy'), { recursive: true });
  const walk = (dir: string, out: Record<string, string>) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, out);
      else out[relative(root, path)] = readFileSync(path).toString('base64');
    }
    return out;
  };
  return {
    root,
    read: (path) => readFileSync(join(root, path), 'utf8'),
    readBytes: (path) => readFileSync(join(root, path)),
    write: (path, text) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      // Archived versions are read-only; a test that tampers with one makes it writable first.
      if (existsSync(join(root, path))) chmodSync(join(root, path), 0o644);
      writeFileSync(join(root, path), text);
    },
    exists: (path) => {
      try {
        statSync(join(root, path));
        return true;
      } catch {
        return false;
      }
    },
    snapshot: () => walk(root, {}),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The seed with its contact address changed: a major revision (trigger 5, contact channels). */
export function majorEdit(source: string = SEED): string {
  const edited = source.replace('将您的问题发送至 [legal@pingcap.com](mailto:legal@pingcap.com)', '将您的问题发送至 [privacy@pingcap.com](mailto:privacy@pingcap.com)');
  if (edited === source) throw new Error('majorEdit: the seed text to replace was not found');
  return edited;
}

/** The wordings minorEdit cycles through: each a minor rewording of the last. */
const INTRO_WORDINGS = ['极为重要', '十分重要', '非常重要'];

/**
 * A minor revision: one word of the opening paragraph reworded (cycling, so
 * every call changes it) and the "last updated" date set to `date` (which on
 * its own is bookkeeping, not a change).
 */
export function minorEdit(source: string, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const dated = source.replace(/最新更新于 \d{4} 年 \d{1,2} 月 \d{1,2} 日/, `最新更新于 ${y} 年 ${m} 月 ${d} 日`);
  const edited = dated.replace(/访问者(极为重要|十分重要|非常重要)/, (_all, word: string) => `访问者${INTRO_WORDINGS[(INTRO_WORDINGS.indexOf(word) + 1) % INTRO_WORDINGS.length]}`);
  if (edited === dated) throw new Error('minorEdit: the opening paragraph to reword was not found');
  return edited;
}

/** A factory of temporary repositories that are removed after each test of the file that calls it. */
export function useTempRepos(): (options?: { archive?: boolean }) => TempRepo {
  const repos: TempRepo[] = [];
  afterEach(() => {
    for (const made of repos.splice(0)) made.remove();
  });
  return (options) => {
    const made = makeRepo(options);
    repos.push(made);
    return made;
  };
}
