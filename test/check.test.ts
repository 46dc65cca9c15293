/**
 * `policy check` end to end, in temporary git repositories: a base commit on
 * `main` with the seed policy, then a pull-request branch that edits it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPolicy, spawnPolicy, type RunOptions } from './helpers/cli.js';
import { readFixture } from './helpers/policies.js';

const seed = readFixture('policies/privacy-policy.zh.md');
const POLICY = 'policies/privacy-policy.md';
const NOW = new Date('2026-11-29T12:00:00Z');
const CONTACT_LINE = 87;
const temporary: string[] = [];

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** Replaces exactly one occurrence, so a fixture drift fails loudly instead of testing nothing. */
function edit(source: string, from: string, to: string): string {
  const count = source.split(from).length - 1;
  if (count !== 1) throw new Error(`expected exactly one ${JSON.stringify(from)} in the policy, found ${count}`);
  return source.replace(from, () => to);
}

const contactChange = (source: string) =>
  edit(source, '[legal@pingcap.com](mailto:legal@pingcap.com)。我们将', '[privacy@pingcap.com](mailto:privacy@pingcap.com)。我们将');
const typoFix = (source: string) => edit(source, '我们搜集的有关您的信息', '我们收集的有关您的信息');
const withEffective = (source: string, date: string) => edit(source, 'title: 隐私政策\n', `title: 隐私政策\neffective: ${date}\n`);

interface Repo {
  dir: string;
  git(...args: string[]): string;
  write(path: string, text: string): void;
  commit(message: string): void;
  check(args: string[], options?: Partial<RunOptions>): ReturnType<typeof runPolicy>;
}

/** A git repository whose `main` holds `base`, with a `pr` branch checked out (files are then edited on it). */
function makeRepo(base: Record<string, string>): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'policy-check-'));
  temporary.push(dir);
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Policy Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
      { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
  };
  git('init', '-q');
  for (const [path, text] of Object.entries(base)) write(path, text);
  commit('base');
  git('checkout', '-q', '-b', 'pr');
  const check = (args: string[], options: Partial<RunOptions> = {}) => runPolicy(['check', ...args], { cwd: dir, now: NOW, ...options });
  return { dir, git, write, commit, check };
}

/** A pull request that changes the policy from the seed to `text`. */
function pullRequest(text: string, base: Record<string, string> = { [POLICY]: seed }): Repo {
  const repo = makeRepo(base);
  repo.write(POLICY, text);
  repo.commit('edit the policy');
  return repo;
}

const annotations = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::'));

describe('policy check --base (a pull request)', () => {
  it('passes a typo fix as minor, with a notice on the changed line', async () => {
    const repo = pullRequest(typoFix(seed));
    const result = await repo.check(['--base', 'main', '--format', 'github', '--fail-on', 'major']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = annotations(result.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::notice file=policies\/privacy-policy\.md,line=40,title=Minor change::minor change \(modified\) in "5\. 我们如何存储和保护个人信息"/);
    expect(result.stdout).toContain('privacy-policy: MINOR revision');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      'policy check: passed (1 policy compared with main; --fail-on major)',
    );
    const strict = await repo.check(['--base', 'main', '--format', 'github', '--fail-on', 'minor']);
    expect(strict.code).toBe(1);
    expect(annotations(strict.stdout)[0]).toMatch(
      /^::error file=policies\/privacy-policy\.md,line=40,title=Minor change::minor change \(modified\) in "5\. 我们如何存储和保护个人信息"; fails --fail-on minor%0A/,
    );
  });

  it('fails a contact e-mail change under --fail-on major, naming trigger 5 on the changed line', async () => {
    const repo = pullRequest(contactChange(seed));
    const result = await repo.check(['--base', 'main', '--format', 'github', '--fail-on', 'major']);
    expect(result.code).toBe(1);
    const lines = annotations(result.stdout);
    expect(lines).toHaveLength(1);
    const [head, ...reasons] = lines[0]!.split('%0A');
    expect(head).toBe(
      `::error file=policies/privacy-policy.md,line=${CONTACT_LINE},title=Major change (trigger 5)::major change (modified) in "10. 如何联系我们", trigger 5: 我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化; fails --fail-on major`,
    );
    expect(reasons.join(' ')).toContain('privacy@pingcap.com');
    expect(result.stdout).toContain('policy check: failed — 1 problem (1 policy compared with main; --fail-on major)');
  });

  it('reports a low-confidence change as needing a decision, and fails it only with --fail-on-unsure', async () => {
    const repo = pullRequest(edit(seed, '请根据我们提供的指引，填写相关资料', '请参照页面上的步骤说明，完整填写表格中的各项栏目'));
    const loose = await repo.check(['--base', 'main', '--format', 'github', '--fail-on', 'major']);
    expect(loose.code).toBe(0);
    const lines = annotations(loose.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::warning file=policies\/privacy-policy\.md,line=87,title=Needs a decision \(minor change\)::minor change \(modified\) in "10\. 如何联系我们"; needs a decision%0A/);
    expect(loose.stdout).toContain('policy check: passed (1 policy compared with main; --fail-on major; 1 change needs a decision)');
    const strict = await repo.check(['--base', 'main', '--format', 'github', '--fail-on', 'never', '--fail-on-unsure']);
    expect(strict.code).toBe(1);
    expect(annotations(strict.stdout)[0]).toMatch(/^::error file=policies\/privacy-policy\.md,line=87,title=Needs a decision \(minor change\)::minor change \(modified\) in "10\. 如何联系我们" needs a decision \(low confidence\); fails --fail-on-unsure/);
    const text = await repo.check(['--base', 'main']);
    expect(text.stdout).toMatch(/minor {2}modified {2}10\. 如何联系我们 {2}line 87 {2}needs a decision/);
    // A sure change passes --fail-on-unsure.
    const sure = await pullRequest(typoFix(seed)).check(['--base', 'main', '--fail-on-unsure']);
    expect(sure.code).toBe(0);
  });

  it('reports the same change as a warning, exit 0, when nothing gates it', async () => {
    const repo = pullRequest(contactChange(seed));
    const result = await repo.check(['--base', 'main', '--format', 'github']);
    expect(result.code).toBe(0);
    const lines = annotations(result.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^::warning file=policies/privacy-policy\\.md,line=${CONTACT_LINE},title=Major change \\(trigger 5\\)::major change \\(modified\\) in "10\\. 如何联系我们", trigger 5: `),
    );
  });

  it('fails when the list of major changes is deleted, even with --fail-on never', async () => {
    const start = seed.indexOf('本政策所指的重大变更包括但不限于');
    const end = seed.indexOf('## 10. 如何联系我们');
    const repo = pullRequest(seed.slice(0, start) + seed.slice(end));
    const result = await repo.check(['--base', 'main', '--format', 'github']);
    expect(result.code).toBe(1);
    const errors = annotations(result.stdout).filter((line) => line.startsWith('::error'));
    expect(errors).toEqual([
      "::error file=policies/privacy-policy.md,line=76,title=List of major changes removed::the policy's list of major changes (6 items, main:policies/privacy-policy.md, line 78) was removed; without it the built-in default list would decide what is major — restore the list (edit it rather than delete it)",
    ]);
    // The new version's line 76 is where the list stood: now the heading of section 10.
    expect(readFileSync(join(repo.dir, POLICY), 'utf8').split('\n')[75]).toBe('## 10. 如何联系我们');
  });

  it('sees no visible change in a formatting-only edit', async () => {
    const reformatted = seed
      .replace(/\n- /g, '\n* ')
      .replace('本隐私政策解释了', '本隐私政策\n解释了')
      .replace('## 2. 我们对个人信息的使用\n', '## 2. 我们对个人信息的使用   \n\n');
    expect(reformatted).not.toBe(seed);
    const repo = pullRequest(reformatted);
    const result = await repo.check(['--base', 'main', '--format', 'github', '--fail-on', 'minor']);
    expect(result.code).toBe(0);
    expect(annotations(result.stdout)).toEqual([]);
    expect(result.stdout).toContain('privacy-policy: no visible change');
  });

  it('reports a policy the base lacks as new, not as an error', async () => {
    const repo = pullRequest(seed, { 'README.md': '# policies\n' });
    const result = await repo.check(['--base', 'main', '--format', 'github', '--fail-on', 'major', '--notice-days', '30']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(annotations(result.stdout)).toEqual([
      '::notice file=policies/privacy-policy.md,line=1,title=New policy::privacy-policy is new: policies/privacy-policy.md is not in main',
    ]);
    const json = await repo.check(['--base', 'main', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      failures: [],
      policies: [{ file: POLICY, status: 'new', old: null, level: 'initial', policy: { id: 'privacy-policy' } }],
    });
  });

  it('fails a "last updated" date earlier than the base\'s, on its line', async () => {
    const repo = pullRequest(edit(typoFix(seed), '2021 年 8 月 27 日', '2020 年 8 月 27 日'));
    const result = await repo.check(['--base', 'main']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'policies/privacy-policy.md:8: "last updated" date 2020-08-27 is earlier than 2021-08-27 in main:policies/privacy-policy.md',
    );
  });

  it('fails a policy that does not parse, naming its line', async () => {
    const repo = pullRequest(edit(seed, 'layout: list\n', 'layout: [list\n'));
    const result = await repo.check(['--base', 'main', '--format', 'json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.ok).toBe(false);
    expect(json.policies).toEqual([]);
    expect(json.failures).toHaveLength(1);
    expect(json.failures[0]).toMatchObject({ file: POLICY, message: expect.stringMatching(/^invalid front matter YAML at line \d+/) });
    expect(json.failures[0].line).toBeGreaterThan(1);
    expect(result.stderr).toMatch(/^policy: policies\/privacy-policy\.md:\d+: invalid front matter YAML/);
  });

  it('refuses a ref that names no commit: one line, exit 2', async () => {
    const repo = pullRequest(typoFix(seed));
    const result = await repo.check(['--base', 'origin/nope']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'policy: --base origin/nope: no such commit in this repository (fetch it first, e.g. git fetch origin; in CI check out with fetch-depth: 0)\n',
    );
  });

  it('gives the same exit codes from the built executable', () => {
    const repo = pullRequest(contactChange(seed));
    const failing = spawnPolicy(['check', '--base', 'main', '--fail-on', 'major', '--format', 'github'], { cwd: repo.dir });
    expect(failing.stderr).toBe('');
    expect(failing.code).toBe(1);
    expect(annotations(failing.stdout)[0]).toMatch(/^::error file=policies\/privacy-policy\.md,line=87,title=Major change \(trigger 5\)::/);
    expect(spawnPolicy(['check', '--base', 'main'], { cwd: repo.dir }).code).toBe(0);
    const bad = spawnPolicy(['check', '--base', 'no-such-ref'], { cwd: repo.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses bad usage with exit 2', async () => {
    const repo = pullRequest(typoFix(seed));
    expect((await repo.check(['--fail-on', 'sometimes'])).code).toBe(2);
    expect((await repo.check(['--notice-days', 'soon'])).code).toBe(2);
    const missing = await repo.check(['--base', 'main', 'policies/nope.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('policy: policies/nope.md: no such file\n');
  });

  it('checks only the files named, with paths relative to the repository root from a subfolder', async () => {
    const repo = pullRequest(contactChange(seed), { [POLICY]: seed, 'policies/terms.md': readFixture('policies/terms-no-front-matter.md') });
    const result = await runPolicy(['check', 'privacy-policy.md', '--base', 'main', '--format', 'json', '--fail-on', 'major'], {
      cwd: join(repo.dir, 'policies'),
      now: NOW,
    });
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.policies.map((policy: { file: string }) => policy.file)).toEqual([POLICY]);
    expect(json.failures).toEqual([
      {
        file: POLICY,
        line: CONTACT_LINE,
        message: 'major change (modified) in "10. 如何联系我们", trigger 5: 我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化; fails --fail-on major',
      },
    ]);
  });
});

describe('policy check --notice-days', () => {
  // Today is 2026-11-29; 30 days later is 2026-12-29.
  it('passes a major revision effective 30 or more days after today', async () => {
    for (const date of ['2026-12-29', '2027-01-15']) {
      const repo = pullRequest(withEffective(contactChange(seed), date));
      const result = await repo.check(['--base', 'main', '--notice-days', '30', '--format', 'github']);
      expect(annotations(result.stdout).filter((line) => line.startsWith('::error'))).toEqual([]);
      expect(result.code).toBe(0);
    }
  });

  it('fails a major revision effective too soon, on the effective line', async () => {
    const repo = pullRequest(withEffective(contactChange(seed), '2026-12-10'));
    const result = await repo.check(['--base', 'main', '--notice-days', '30', '--format', 'github']);
    expect(result.code).toBe(1);
    expect(annotations(result.stdout).filter((line) => line.startsWith('::error'))).toEqual([
      "::error file=policies/privacy-policy.md,line=5,title=Notice period too short::major revision takes effect on 2026-12-10, 11 days after today; 30 days' notice from today (2026-11-29) means 2026-12-29 or later",
    ]);
  });

  it('fails a major revision without an effective date, and takes the default from the configuration', async () => {
    const repo = pullRequest(contactChange(seed), { [POLICY]: seed, 'policy.config.json': '{ "noticeDays": 30 }\n' });
    const result = await repo.check(['--base', 'main']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `policies/privacy-policy.md:1: major revision without a front matter "effective" date; 30 days' notice from today (2026-11-29) means 2026-12-29 or later (add effective: 2026-12-29)`,
    );
    // --notice-days overrides the configuration.
    expect((await repo.check(['--base', 'main', '--notice-days', '0', '--format', 'json'])).code).toBe(1);
    const relaxed = pullRequest(withEffective(contactChange(seed), '2026-11-29'));
    expect((await relaxed.check(['--base', 'main', '--notice-days', '0'])).code).toBe(0);
  });

  it('does not ask a minor revision for notice', async () => {
    const repo = pullRequest(typoFix(seed));
    expect((await repo.check(['--base', 'main', '--notice-days', '30'])).code).toBe(0);
  });
});

/** Writes `archive/privacy-policy/` with `text` as version 1.0. */
function archive(repo: Repo, text: string): void {
  const sha256 = createHash('sha256').update(text).digest('hex');
  repo.write('archive/privacy-policy/1.0.md', text);
  const index = {
    id: 'privacy-policy',
    title: '隐私政策',
    lang: 'zh',
    versions: [
      {
        version: '1.0',
        date: '2021-08-27',
        effective: '2021-08-27',
        file: '1.0.md',
        sha256,
        level: 'initial',
        triggers: [],
        summary: 'First published version',
        publishedAt: '2021-08-27T09:00:00.000Z',
        previous: null,
      },
    ],
  };
  repo.write('archive/privacy-policy/index.json', JSON.stringify(index, null, 2) + '\n');
}

const archiveSeed = (repo: Repo) => archive(repo, seed);

describe('policy check against the archive', () => {

  it('reports a policy with no archive yet as new', async () => {
    const repo = makeRepo({ [POLICY]: seed });
    const result = await repo.check(['--fail-on', 'minor']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('privacy-policy: new policy — privacy-policy has no archived version yet (no archive/privacy-policy/index.json)');
  });

  it('compares with the latest archived version', async () => {
    const repo = makeRepo({ [POLICY]: contactChange(seed) });
    archive(repo, seed);
    const result = await repo.check(['--format', 'json', '--fail-on', 'major']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.policies).toHaveLength(1);
    expect(json.policies[0]).toMatchObject({
      file: POLICY,
      status: 'compared',
      level: 'major',
      old: { path: 'archive/privacy-policy/1.0.md' },
      triggers: [{ index: 5 }],
    });
    expect(json.failures).toEqual([expect.objectContaining({ file: POLICY, line: CONTACT_LINE })]);
    const relaxed = await repo.check([]);
    expect(relaxed.code).toBe(0);
  });

  it('fails when the archive fails verify', async () => {
    const repo = makeRepo({ [POLICY]: seed });
    archive(repo, seed);
    writeFileSync(join(repo.dir, 'archive/privacy-policy/1.0.md'), seed.replace('三十天', '六十天'));
    const result = await repo.check(['--format', 'github']);
    expect(result.code).toBe(1);
    const errors = annotations(result.stdout).filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^::error file=archive\/privacy-policy\/1\.0\.md,line=1,title=Archive fails verify::altered: its sha256 is [0-9a-f]{12}…, index\.json records [0-9a-f]{12}… for version 1\.0 \(policy verify fails\)$/,
    );
  });
});

describe('policy check: a deleted policy', () => {
  const terms = readFixture('policies/terms-no-front-matter.md');
  const TERMS = 'policies/terms.md';
  const ARCHIVED_MESSAGE =
    'the policy was deleted; archived policies stay published — archive/privacy-policy/ still publishes privacy-policy@1.0, so the public archive would show a policy that no longer exists';
  const RESTORE = 'restore the file, or retire the policy by publishing a version that says so';

  /** A pull request that deletes the privacy policy (and keeps the terms). */
  function deletingPullRequest(base: Record<string, string>): Repo {
    const repo = makeRepo(base);
    repo.git('rm', '-q', POLICY);
    repo.commit('delete the privacy policy');
    return repo;
  }

  it('--base: fails whatever --fail-on, with an ::error naming the file, a json "deleted" row, and text and markdown rows', async () => {
    const repo = deletingPullRequest({ [POLICY]: seed, [TERMS]: terms });
    archiveSeed(repo);
    repo.commit('archive the seed');

    const github = await repo.check(['--base', 'main', '--format', 'github']);
    expect(github.code).toBe(1);
    expect(annotations(github.stdout).filter((line) => line.startsWith('::error'))).toEqual([
      `::error file=policies/privacy-policy.md,line=1,title=Policy deleted::${ARCHIVED_MESSAGE} (the file is in main); ${RESTORE}`,
    ]);
    expect(github.stdout).toContain('policy check: failed — 1 problem');

    const json = await repo.check(['--base', 'main', '--format', 'json', '--fail-on', 'never']);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.ok).toBe(false);
    expect(parsed.failures).toEqual([{ file: POLICY, line: 1, message: `${ARCHIVED_MESSAGE} (the file is in main); ${RESTORE}` }]);
    expect(parsed.policies.map((policy: { file: string; status: string }) => [policy.file, policy.status])).toEqual([
      [TERMS, 'compared'],
      [POLICY, 'deleted'],
    ]);
    expect(parsed.policies[1]).toMatchObject({
      policy: { id: 'privacy-policy', title: '隐私政策', lang: 'zh' },
      old: { path: 'main:policies/privacy-policy.md', lastUpdated: '2021-08-27', sha256: createHash('sha256').update(seed).digest('hex') },
      new: null,
    });
    expect(json.stderr).toContain(`policy: policies/privacy-policy.md:1: the policy was deleted; archived policies stay published — `);

    const text = await repo.check(['--base', 'main']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('privacy-policy: deleted — archive/privacy-policy/ still publishes privacy-policy@1.0; the file is in main\n');
    expect(text.stdout).toContain(`  policies/privacy-policy.md:1: ${ARCHIVED_MESSAGE} (the file is in main); ${RESTORE}\n`);

    const markdown = await repo.check(['--base', 'main', '--format', 'markdown']);
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toContain('- `policies/privacy-policy.md:1` — the policy was deleted; archived policies stay published — ');
    expect(markdown.stdout).toContain('**privacy-policy: deleted** — `policies/privacy-policy.md` is gone;');
  });

  it('--base: reports the deletion of the only policy (not "no policies"), and of a policy never archived', async () => {
    const repo = deletingPullRequest({ [POLICY]: seed });
    const result = await repo.check(['--base', 'main', '--format', 'github']);
    expect(result.code).toBe(1);
    expect(annotations(result.stdout)).toEqual([
      '::error file=policies/privacy-policy.md,line=1,title=Policy deleted::the policy was deleted; archived policies stay published — privacy-policy is in main and not archived yet, so nothing public is lost, but a policy never disappears silently: restore the file, or merge its removal knowingly past this check',
    ]);
  });

  it('--base: a deleted file named on the command line is reported, not "no such file"', async () => {
    const repo = deletingPullRequest({ [POLICY]: seed, [TERMS]: terms });
    const result = await repo.check([POLICY, '--base', 'main', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).policies).toEqual([expect.objectContaining({ file: POLICY, status: 'deleted' })]);
  });

  it('--base: a policy that is still there, or deleted only after the base, is not reported', async () => {
    const repo = pullRequest(typoFix(seed), { [POLICY]: seed, [TERMS]: terms });
    const result = await repo.check(['--base', 'main', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).policies.map((policy: { status: string }) => policy.status)).toEqual(['compared', 'compared']);
  });

  it('without --base: an archived policy with no file under policies/ fails', async () => {
    const repo = makeRepo({ [TERMS]: terms });
    archiveSeed(repo);
    const result = await repo.check(['--format', 'github', '--fail-on', 'never']);
    expect(result.code).toBe(1);
    expect(annotations(result.stdout).filter((line) => line.startsWith('::error'))).toEqual([
      `::error file=policies/privacy-policy.md,line=1,title=Policy deleted::${ARCHIVED_MESSAGE}; ${RESTORE}`,
    ]);
    const json = JSON.parse((await repo.check(['--format', 'json'])).stdout);
    expect(json.policies.find((policy: { status: string }) => policy.status === 'deleted')).toMatchObject({
      file: POLICY,
      policy: { id: 'privacy-policy', title: '隐私政策', lang: 'zh' },
      old: { path: 'archive/privacy-policy/1.0.md' },
      new: null,
    });
    // The only policy gone: still a report of its deletion, not "no policies to check".
    rmSync(join(repo.dir, TERMS));
    const alone = await repo.check([]);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain('privacy-policy: deleted — archive/privacy-policy/ still publishes privacy-policy@1.0\n');
  });

  it('without --base: a policy file whose front matter id names the archived policy is not a deletion', async () => {
    const repo = makeRepo({ 'policies/privacy.md': edit(seed, 'title: 隐私政策\n', 'title: 隐私政策\nid: privacy-policy\n') });
    archiveSeed(repo);
    const result = await repo.check(['--format', 'json']);
    expect(JSON.parse(result.stdout).failures).toEqual([]);
    expect(result.code).toBe(0);
  });
});

describe('policy check reports', () => {
  it('prints a markdown comment that starts with the marker and names the trigger', async () => {
    const repo = pullRequest(contactChange(seed));
    const result = await repo.check(['--base', 'main', '--format', 'markdown', '--fail-on', 'major']);
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith('<!-- policy-check -->\n')).toBe(true);
    expect(result.stdout).toContain('## Policy check: ❌ failed (1 problem)');
    expect(result.stdout).toContain(`\`policies/privacy-policy.md:${CONTACT_LINE}\``);
    expect(result.stdout).toContain('### 隐私政策 (privacy-policy)');
    expect(result.stdout).toMatch(/\| 10\. 如何联系我们 +\| modified +\| major +\| 5\. 我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化； +\|/);
    expect(result.stdout).toContain('<details><summary>');
    expect(result.stderr).toContain(`policy: policies/privacy-policy.md:${CONTACT_LINE}: major change (modified)`);
  });

  it('appends the markdown report to GITHUB_STEP_SUMMARY whatever the format', async () => {
    const repo = pullRequest(typoFix(seed));
    const summary = join(repo.dir, 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const result = await repo.check(['--base', 'main', '--format', 'json'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).ok).toBe(true);
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('earlier step\n<!-- policy-check -->\n\n## Policy check: ✅ passed\n')).toBe(true);
    expect(written).toContain('privacy-policy: MINOR revision');
  });

  it('prints the JSON shape: ok, failures, and the policy diff JSON of each policy', async () => {
    const repo = pullRequest(typoFix(seed));
    const result = await repo.check(['--base', 'main', '--format', 'json']);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['ok', 'failures', 'policies']);
    expect(json.ok).toBe(true);
    expect(json.policies[0]).toMatchObject({
      file: POLICY,
      status: 'compared',
      policy: { id: 'privacy-policy', title: '隐私政策', lang: 'zh' },
      old: { path: 'main:policies/privacy-policy.md', lastUpdated: '2021-08-27' },
      new: { path: POLICY, lastUpdated: '2021-08-27' },
      level: 'minor',
      triggers: [],
      changes: [expect.objectContaining({ kind: 'modified', level: 'minor', line: { old: 40, new: 40 } })],
    });
  });
});
