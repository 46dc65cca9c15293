/** The GitHub Action's script, run with the environment action.yml gives it, on a real git repository. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { majorEdit, ROOT, useTempRepos } from './archive-helpers.js';

const repo = useTempRepos();
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });

/** A pull request's checkout: main committed (and known as origin/main), the policy edited on top. */
function pullRequest(): string {
  const made = repo();
  git(made.root, 'init', '-q', '-b', 'main');
  git(made.root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '.');
  git(made.root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'base');
  git(made.root, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  made.write('policies/privacy-policy.md', majorEdit(made.read('policies/privacy-policy.md')));
  return made.root;
}

function runAction(workspace: string, inputs: Record<string, string>) {
  const runner = mkdtempSync(join(tmpdir(), 'policy-runner-'));
  temps.push(runner);
  const output = join(runner, 'output');
  const summary = join(runner, 'summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  // What action.yml's step sets: the inputs as INPUT_*, and what GitHub sets for every step.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NO_COLOR: '1',
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_WORKSPACE: workspace,
    GITHUB_BASE_REF: 'main',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'example/legal',
    GITHUB_RUN_ID: '42',
    RUNNER_TEMP: runner,
    ...Object.fromEntries(Object.entries(inputs).map(([key, value]) => [`INPUT_${key.toUpperCase().replace(/-/g, '_')}`, value])),
  };
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/action-check.mjs')], { cwd: runner, env, encoding: 'utf8', timeout: 120_000 });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs, summary: readFileSync(summary, 'utf8') };
}

describe('action.yml', () => {
  it('declares the inputs and calls the script', () => {
    const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    for (const name of ['base', 'fail-on', 'notice-days', 'require-note', 'format', 'comment']) {
      expect(action).toMatch(new RegExp(`^  ${name}:$`, 'm'));
      expect(action).toContain(`INPUT_${name.toUpperCase().replace(/-/g, '_')}: \${{ inputs.${name} }}`);
    }
    expect(action).toContain('using: composite');
    expect(action).toContain('run: node "$GITHUB_ACTION_PATH/scripts/action-check.mjs"');
    const workflow = readFileSync(join(ROOT, '.github/workflows/policy-check.yml'), 'utf8');
    expect(workflow).toContain('uses: ./');
    // The shipped workflow asks major revisions for a change note.
    expect(workflow).toContain('require-note: major');
  });

  it('require-note major fails a major revision without a changeNote, and passes it with one', () => {
    const workspace = pullRequest();
    const failed = runAction(workspace, { 'require-note': 'major', format: 'github', comment: 'false' });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^::error file=policies\/privacy-policy\.md,line=1,title=Change note missing::major revision without a change note/m);
    const file = join(workspace, 'policies/privacy-policy.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 隐私政策\n', 'title: 隐私政策\nchangeNote: |\n  联络邮箱变更。\n'));
    expect(runAction(workspace, { 'require-note': 'major', format: 'text', comment: 'false' }).code).toBe(0);
    expect(runAction(workspace, { 'require-note': 'always' }).stderr).toBe('policy action: require-note: expected never, minor or major, found "always"\n');
  });

  it('fails on a major change with fail-on major: annotations, job summary, and the comment body', () => {
    const result = runAction(pullRequest(), { 'fail-on': 'major', format: 'github', comment: 'true' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=policies\/privacy-policy\.md,line=\d+/m);
    expect(result.summary.startsWith('<!-- policy-check -->')).toBe(true);
    const commentFile = result.outputs['comment-file'] as string;
    expect(existsSync(commentFile)).toBe(true);
    const body = readFileSync(commentFile, 'utf8');
    expect(body.startsWith('<!-- policy-check -->')).toBe(true);
    expect(body).toContain('major');
    // The comment's run does not append the report to the summary a second time.
    expect(result.summary.split('<!-- policy-check -->')).toHaveLength(2);
  });

  it('reports only with the defaults (fail-on never), and writes no comment with comment: false', () => {
    const result = runAction(pullRequest(), { 'fail-on': '', format: '', comment: 'false', base: '', 'notice-days': '' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^::warning /m);
    expect(result.outputs['comment-file']).toBeUndefined();
  });

  it('notice-days gates a major change without an effective date', () => {
    const result = runAction(pullRequest(), { 'notice-days': '30', format: 'text', comment: 'false' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('effective');
  });

  it('refuses a bad input with exit 2, naming it', () => {
    const result = runAction(pullRequest(), { 'fail-on': 'sometimes' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('policy action: fail-on: expected never, minor or major, found "sometimes"\n');
  });
});
