/** Every command works from any folder of the project, and fails loudly where there is none. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findProjectRoot, rebasePath } from '../src/project-root.js';
import { majorEdit, useTempRepos } from './archive-helpers.js';
import { runPolicy } from './helpers/cli.js';

const repo = useTempRepos();
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-root-'));
  temps.push(dir);
  return dir;
}
function gitInit(dir: string): void {
  execFileSync('git', ['init', '-q', dir]);
}

describe('findProjectRoot', () => {
  it('walks up to policy.config.json', async () => {
    const made = repo();
    made.write('policy.config.json', '{}\n');
    mkdirSync(join(made.root, 'policies/deep/er'), { recursive: true });
    expect(await findProjectRoot(join(made.root, 'policies/deep/er'))).toEqual({ dir: made.root, source: 'config' });
  });

  it('walks up to a package.json with a "policy" key, and ignores one without', async () => {
    const made = repo();
    made.write('package.json', JSON.stringify({ name: 'legal', policy: {} }));
    made.write('policies/sub/package.json', JSON.stringify({ name: 'other' }));
    expect(await findProjectRoot(join(made.root, 'policies/sub'))).toEqual({ dir: made.root, source: 'package.json' });
  });

  it('takes the git top level when it holds policies/, not otherwise', async () => {
    const made = repo();
    gitInit(made.root);
    mkdirSync(join(made.root, 'policies/x'), { recursive: true });
    expect(await findProjectRoot(join(made.root, 'policies/x'))).toEqual({ dir: made.root, source: 'git' });
    const other = tempDir();
    gitInit(other);
    mkdirSync(join(other, 'src'));
    expect(await findProjectRoot(join(other, 'src'))).toEqual({ dir: join(other, 'src'), source: 'cwd' });
  });

  it('rebases a path typed in a subfolder onto the root', () => {
    expect(rebasePath({ cwd: '/r', invocationDir: '/r/policies' }, 'a.md')).toBe('policies/a.md');
    expect(rebasePath({ cwd: '/r', invocationDir: '/r/policies' }, '../../elsewhere.md')).toBe('/elsewhere.md');
    expect(rebasePath({ cwd: '/r' }, 'a.md')).toBe('a.md');
  });
});

describe('commands from a subfolder', () => {
  it('verify, log, diff, check and publish run from policies/ of a git repository', async () => {
    const made = repo();
    gitInit(made.root);
    const sub = join(made.root, 'policies');
    const verify = await runPolicy(['verify'], { cwd: sub });
    expect(verify.stdout).toContain('archive: OK (1 policy, 1 version verified)');
    expect(verify.code).toBe(0);
    const log = await runPolicy(['log', 'privacy-policy'], { cwd: sub });
    expect(log.code).toBe(0);
    expect(log.stdout).toContain('1.0');
    made.write('policies/privacy-policy.md', majorEdit(made.read('policies/privacy-policy.md')));
    const diff = await runPolicy(['diff', 'privacy-policy@latest', 'privacy-policy.md', '--format', 'json'], { cwd: sub });
    expect(diff.code).toBe(0);
    expect(JSON.parse(diff.stdout).level).toBe('major');
    const triggers = await runPolicy(['triggers', 'privacy-policy.md'], { cwd: sub });
    expect(triggers.code, triggers.stderr).toBe(0);
    expect(triggers.stdout).toContain('重大变更');
    const check = await runPolicy(['check', 'privacy-policy.md'], { cwd: sub });
    expect(check.stdout).toContain('privacy-policy');
    expect(check.stderr).not.toContain('no such file');
    const publish = await runPolicy(['publish', 'privacy-policy.md', '--yes', '--no-notify', '--effective', '2026-12-31'], { cwd: sub });
    expect(publish.stderr).toBe('');
    expect(publish.code).toBe(0);
    expect(made.exists('archive/privacy-policy/2.0.md')).toBe(true);
  });

  it('site --out from a subfolder writes relative to that subfolder', async () => {
    const made = repo();
    made.write('policy.config.json', '{}\n');
    mkdirSync(join(made.root, 'docs'));
    const result = await runPolicy(['site', '--out', 'public'], { cwd: join(made.root, 'docs') });
    expect(result.code).toBe(0);
    expect(made.exists('docs/public/index.html')).toBe(true);
  });
});

describe('no policies found', () => {
  for (const command of [['verify'], ['log'], ['check'], ['site'], ['publish', '--yes']]) {
    it(`${command[0]} exits 2 where there is no project`, async () => {
      const dir = tempDir();
      const result = await runPolicy(command, { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`policy: no policies found (looked in ${join(dir, 'policies')} and ${join(dir, 'archive')})`);
      expect(result.stdout).not.toContain('OK');
    });
  }

  it('a project with an empty policies folder is still "no policies"', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'policy.config.json'), '{}\n');
    mkdirSync(join(dir, 'policies'));
    mkdirSync(join(dir, 'deeper'));
    const result = await runPolicy(['verify'], { cwd: join(dir, 'deeper') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no policies found');
  });
});
