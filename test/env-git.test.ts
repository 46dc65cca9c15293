/**
 * `policy check --base` without git on PATH says that git is missing (exit 4,
 * the environment), not that the folder is not a git repository. Run as a real
 * process, since git is looked up on the process's own PATH.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnPolicy } from './helpers/cli.js';
import { ROOT, useTempRepos } from './archive-helpers.js';

const repo = useTempRepos();

describe('a missing tool', () => {
  it('check --base without git on PATH: exit 4 naming git', () => {
    const made = repo();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: made.root, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'base');
    mkdirSync(join(made.root, 'empty-bin'));
    cpSync(join(ROOT, 'policies/privacy-policy.md'), join(made.root, 'policies/privacy-policy.md'));

    const withGit = spawnPolicy(['check', '--base', 'main'], { cwd: made.root });
    expect(withGit.code).toBe(0);
    const without = spawnPolicy(['check', '--base', 'main'], { cwd: made.root, env: { PATH: join(made.root, 'empty-bin') } });
    expect(without.stderr).not.toContain('not inside a git repository');
    expect(without.stderr.trim()).toMatch(/^policy: git: not found on PATH/);
    expect(without.code).toBe(4);
  });
});
