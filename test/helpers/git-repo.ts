/** A temporary git repository whose `main` holds given files, with a `pr` branch checked out: the pull request `policy check --base main` judges. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runPolicy } from './cli.js';

/** The repository, its `policy check`, and a way to remove it. */
export interface PullRequestRepo {
  dir: string;
  write(path: string, text: string): void;
  check(args: string[]): ReturnType<typeof runPolicy>;
  remove(): void;
}

/** Creates the repository; `now` is the clock of `check`. */
export function makePullRequestRepo(files: Record<string, string>, now: Date): PullRequestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'policy-pr-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  git('init', '-q');
  for (const [path, text] of Object.entries(files)) write(path, text);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'pr');
  return {
    dir,
    write,
    check: (args) => runPolicy(['check', ...args], { cwd: dir, now }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
