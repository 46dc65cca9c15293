/** `policy import`: a policy's git history (renames included) as its archive, in a real repository. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { majorEdit, SEED, useTempRepos, type TempRepo } from './archive-helpers.js';
import { runPolicy } from './helpers/cli.js';

const repo = useTempRepos();
const NOW = new Date('2026-11-29T12:00:00Z');

function git(made: TempRepo, args: string[], date?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Legal', GIT_AUTHOR_EMAIL: 'legal@example.com', GIT_COMMITTER_NAME: 'Legal', GIT_COMMITTER_EMAIL: 'legal@example.com' };
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return execFileSync('git', args, { cwd: made.root, env, encoding: 'utf8' });
}

/** Four commits: the seed (as policies/privacy.md), a minor edit, a rename with no visible change, a major edit; plus one unrelated commit. */
function history(): { made: TempRepo; commits: string[] } {
  const made = repo({ archive: false });
  git(made, ['init', '-q', '-b', 'main']);
  renameSync(join(made.root, 'policies/privacy-policy.md'), join(made.root, 'policies/privacy.md'));
  const commits: string[] = [];
  const commit = (message: string, date: string) => {
    git(made, ['add', '-A']);
    git(made, ['commit', '-qm', message], date);
    commits.push(git(made, ['rev-parse', 'HEAD']).trim());
  };
  commit('privacy policy', '2021-08-27T10:00:00+08:00');
  made.write('policies/privacy.md', SEED.replace('我们会收集和存储', '我们会收集并存储'));
  commit('wording', '2022-03-01T09:00:00Z');
  git(made, ['mv', 'policies/privacy.md', 'policies/privacy-policy.md']);
  commit('rename', '2022-06-01T09:00:00Z');
  mkdirSync(join(made.root, 'docs'));
  made.write('docs/readme.txt', 'unrelated\n');
  commit('docs', '2022-07-01T09:00:00Z');
  made.write('policies/privacy-policy.md', majorEdit(made.read('policies/privacy-policy.md')));
  commit('new contact address', '2023-01-15T09:00:00Z');
  return { made, commits };
}

describe('policy import', () => {
  it('--dry-run lists the versions it would write and writes nothing', async () => {
    const { made, commits } = history();
    const before = made.snapshot();
    const result = await runPolicy(['import', 'policies/privacy-policy.md', '--dry-run'], { cwd: made.root, now: NOW });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('privacy-policy: would import 3 versions from the git history of policies/privacy-policy.md');
    expect(lines[1]).toMatch(new RegExp(`^  1\\.0 +2021-08-27  initial  ${commits[0]!.slice(0, 7)}  首次发布$`));
    expect(lines[2]).toMatch(new RegExp(`^  1\\.1 +2022-03-01  minor    ${commits[1]!.slice(0, 7)}  `));
    expect(lines[3]).toMatch(new RegExp(`^  2\\.0 +2023-01-15  major    ${commits[4]!.slice(0, 7)}  `));
    expect(lines[4]).toBe(`  skipped ${commits[2]!.slice(0, 7)} (2022-06-01): no visible change since privacy-policy@1.1`);
    expect(result.stdout).toContain('dry run: nothing written');
    expect(made.snapshot()).toEqual(before);
  });

  it('archives each committed version byte for byte, dated by its commit, classified against the one before, marked as imported', async () => {
    const { made, commits } = history();
    const result = await runPolicy(['import', 'policies/privacy-policy.md'], { cwd: made.root, now: NOW });
    expect(result.code, result.stderr).toBe(0);
    const index = JSON.parse(made.read('archive/privacy-policy/index.json'));
    expect(index.versions.map((v: { version: string; date: string; level: string }) => [v.version, v.date, v.level])).toEqual([
      ['1.0', '2021-08-27', 'initial'],
      ['1.1', '2022-03-01', 'minor'],
      ['2.0', '2023-01-15', 'major'],
    ]);
    expect(index.versions[0].publishedAt).toBe('2021-08-27T02:00:00.000Z');
    expect(index.versions[2].triggers).toEqual([5]);
    expect(index.versions.map((v: { imported: { commit: string } }) => v.imported.commit)).toEqual([commits[0], commits[1], commits[4]]);
    expect(index.versions[0].imported.path).toBe('policies/privacy.md');
    expect(made.read('archive/privacy-policy/1.0.md')).toBe(git(made, ['show', `${commits[0]}:policies/privacy.md`]));
    expect(made.read('archive/privacy-policy/2.0.md')).toBe(made.read('policies/privacy-policy.md'));

    // Each version has its record, as a published one does: the verdict, not reviewed by anyone.
    const record = JSON.parse(made.read('archive/privacy-policy/2.0.revision.json'));
    expect(record).toMatchObject({ version: '2.0', previousVersion: '1.1', level: 'major', review: { reviewed: false } });
    expect(record.triggers.map((t: { index: number }) => t.index)).toEqual([5]);
    expect(JSON.parse(made.read('archive/privacy-policy/1.0.revision.json'))).toMatchObject({ version: '1.0', level: 'initial', changes: [] });
    expect(index.versions.every((v: { record?: string }) => typeof v.record === 'string' && v.record.length === 64)).toBe(true);
    const changes = await runPolicy(['show', 'privacy-policy@2.0', '--changes', '--format', 'json'], { cwd: made.root, now: NOW });
    expect(changes.code, changes.stderr).toBe(0);
    expect(JSON.parse(changes.stdout)).toMatchObject({ recorded: true, level: 'major' });

    const verify = await runPolicy(['verify'], { cwd: made.root });
    expect(verify.stdout).toContain('OK (1 policy, 3 versions verified)');
    const diff = await runPolicy(['diff', 'privacy-policy@1.1', 'privacy-policy@latest', '--format', 'json'], { cwd: made.root, now: NOW });
    expect(JSON.parse(diff.stdout).level).toBe('major');
    // The next publish continues the imported archive.
    made.write('policies/privacy-policy.md', made.read('policies/privacy-policy.md').replace('最新更新于 2021 年 8 月 27 日', '最新更新于 2021 年 8 月 28 日'));
    const publish = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root, now: NOW });
    expect(publish.code, publish.stderr).toBe(0);
    expect(made.exists('archive/privacy-policy/2.1.md')).toBe(true);
  });

  it('--since leaves out older commits', async () => {
    const { made } = history();
    const result = await runPolicy(['import', 'policies/privacy-policy.md', '--since', '2022-01-01', '--dry-run'], { cwd: made.root, now: NOW });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('privacy-policy: would import 2 versions from the git history of policies/privacy-policy.md');
    expect(result.stdout).toMatch(/^ {2}1\.0 +2022-03-01 {2}initial/m);
  });

  it('refuses a policy that already has an archive, and bad input, writing nothing', async () => {
    const { made } = history();
    expect((await runPolicy(['import', 'policies/privacy-policy.md'], { cwd: made.root, now: NOW })).code).toBe(0);
    const before = made.snapshot();
    const again = await runPolicy(['import', 'policies/privacy-policy.md'], { cwd: made.root, now: NOW });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'policy: policies/privacy-policy.md: privacy-policy already has an archive (3 versions in archive/privacy-policy/); import only starts the archive of a policy that has none\n',
    );
    expect(made.snapshot()).toEqual(before);
    const since = await runPolicy(['import', 'policies/privacy-policy.md', '--since', 'last year'], { cwd: made.root });
    expect([since.code, since.stderr]).toEqual([2, 'policy: --since: expected a date YYYY-MM-DD, found "last year"\n']);
  });

  it("uses the id publish would: the front matter's, else the file name", async () => {
    const { made } = history();
    made.write('policies/privacy-policy.md', made.read('policies/privacy-policy.md').replace('type: privacy-policy\n', 'type: privacy-policy\nid: privacy\n'));
    git(made, ['commit', '-qam', 'id'], '2023-02-01T09:00:00Z');
    const result = await runPolicy(['import', 'policies/privacy-policy.md'], { cwd: made.root, now: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(made.read('archive/privacy/index.json')).id).toBe('privacy');
    expect(made.exists('archive/privacy-policy')).toBe(false);
  });

  it('says so when the file was never committed', async () => {
    const made = repo({ archive: false });
    git(made, ['init', '-q']);
    const result = await runPolicy(['import', 'policies/privacy-policy.md'], { cwd: made.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('policy: policies/privacy-policy.md: no committed version to import (commit the policy first)\n');
  });
});
