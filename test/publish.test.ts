import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../src/archive/canonical-json.js';
import { sha256Hex } from '../src/hash.js';
import { runPolicy } from './helpers/cli.js';
import { majorEdit, minorEdit, SEED, type TempRepo, useTempRepos } from './archive-helpers.js';
import type { ArchiveIndex } from '../src/types.js';

const POLICY = 'policies/privacy-policy.md';
const INDEX = 'archive/privacy-policy/index.json';
const repo = useTempRepos();
/** The warning for a major revision effective the day it is published, with no notice period configured. */
const SAME_DAY_WARNING =
  'policies/privacy-policy.md: a major revision takes effect the day it is published (2026-11-29), with no notice period configured; set noticeDays in policy.config.json, or give a later date with --effective (GitHub gives 30 days for material changes; GDPR asks for "well in advance")';

function indexOf(made: TempRepo): ArchiveIndex {
  return JSON.parse(made.read(INDEX)) as ArchiveIndex;
}

/** Expects a refusal: the exit code, one line on stderr matching `message`, and not a byte written. */
async function expectRefused(made: TempRepo, argv: string[], code: number, message: RegExp, options: { stdin?: string; tty?: boolean; env?: Record<string, string> } = {}) {
  const before = made.snapshot();
  const result = await runPolicy(['publish', ...argv], { cwd: made.root, ...options });
  expect(result.code, result.stderr).toBe(code);
  const errors = result.stderr.split('\n').filter((line) => line.startsWith('policy: ') && !line.startsWith('policy: warning'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(message);
  expect(made.snapshot()).toEqual(before);
  return result;
}

describe('policy publish: a major revision', () => {
  it('archives 2.0, rewrites the last-updated line and version in place, and chains the entry', async () => {
    const made = repo();
    const edited = majorEdit();
    made.write(POLICY, edited);
    const result = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('privacy-policy: 1.0 → 2.0 (major), dated 2026-11-29, effective 2026-11-29');
    expect(result.stdout).toContain('privacy-policy: published');

    const published = made.read(POLICY);
    const expected = edited
      .replace('title: 隐私政策\n---', 'title: 隐私政策\nversion: "2.0"\n---')
      .replace('**最新更新于 2021 年 8 月 27 日**', '**最新更新于 2026 年 11 月 29 日**');
    expect(published).toBe(expected);
    expect(made.readBytes('archive/privacy-policy/2.0.md')).toEqual(made.readBytes(POLICY));
    expect(made.read('archive/privacy-policy/1.0.md')).toBe(SEED);

    const index = indexOf(made);
    expect(index.versions.map((entry) => entry.version)).toEqual(['1.0', '2.0']);
    const [first, second] = index.versions;
    expect(second).toMatchObject({
      version: '2.0',
      date: '2026-11-29',
      effective: '2026-11-29',
      file: '2.0.md',
      sha256: sha256Hex(made.readBytes(POLICY)),
      level: 'major',
      publishedAt: '2026-11-29T12:00:00.000Z',
      previous: entryHash(first!),
    });
    expect(second!.triggers).toContain(5);
    expect(second!.summary).toBe('联系邮箱由 legal@pingcap.com 变更为 privacy@pingcap.com');
    expect(second!.automatic).toBeUndefined();

    const verify = await runPolicy(['verify', '--strict'], { cwd: made.root });
    expect(verify.code, verify.stdout).toBe(0);
    expect(made.exists('.policy/publish.lock')).toBe(false);
  });

  it('then has nothing to publish, exit 0, and writes nothing', async () => {
    const made = repo();
    made.write(POLICY, majorEdit());
    expect((await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root })).code).toBe(0);
    const before = made.snapshot();
    const again = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('privacy-policy: nothing to publish (no visible change since privacy-policy@2.0)\n');
    expect(made.snapshot()).toEqual(before);
  });

  it('prints JSON with --format json', async () => {
    const made = repo();
    made.write(POLICY, majorEdit());
    const result = await runPolicy(['publish', '--yes', '--no-notify', '--format', 'json', '--summary', 'New contact address'], { cwd: made.root });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      dryRun: false,
      date: '2026-11-29',
      policies: [
        {
          id: 'privacy-policy',
          status: 'published',
          previousVersion: '1.0',
          version: '2.0',
          archiveFile: 'archive/privacy-policy/2.0.md',
          entry: { version: '2.0', level: 'major', summary: 'New contact address' },
          revision: { level: 'major', policy: { id: 'privacy-policy' } },
        },
      ],
    });
  });
});

describe('policy publish: versions', () => {
  it('bumps minors numerically (1.9 → 1.10) and a major to the next whole number, with one version line', async () => {
    const made = repo();
    let text = SEED;
    for (let day = 1; day <= 10; day++) {
      const date = `2026-11-${String(day).padStart(2, '0')}`;
      text = minorEdit(made.read(POLICY), `2026-10-${day}`);
      made.write(POLICY, text);
      const result = await runPolicy(['publish', '--yes', '--no-notify', '--date', date], { cwd: made.root });
      expect(result.code, result.stderr).toBe(0);
    }
    expect(indexOf(made).versions.map((entry) => entry.version)).toEqual(['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10']);
    expect(indexOf(made).versions.slice(1).every((entry) => entry.level === 'minor')).toBe(true);
    made.write(POLICY, majorEdit(made.read(POLICY)));
    expect((await runPolicy(['publish', '--yes', '--no-notify', '--date', '2026-11-20'], { cwd: made.root })).code).toBe(0);
    expect(indexOf(made).versions.at(-1)?.version).toBe('2.0');
    expect(made.read(POLICY).match(/^version:.*$/gm)).toEqual(['version: "2.0"']);
    const log = await runPolicy(['log', 'privacy-policy'], { cwd: made.root });
    expect(log.stdout.split('\n').slice(1, 4).map((line) => line.trim().split(/\s+/)[0])).toEqual(['2.0', '1.10', '1.9']);
    expect((await runPolicy(['verify'], { cwd: made.root })).code).toBe(0);
  });

  it('publishes a policy without an archive as 1.0 (initial), in its own date format', async () => {
    const made = repo();
    made.write('policies/terms.md', '---\ntitle: Terms of Service\n---\n\n# Terms of Service\n\nLast updated on August 27th, 2021\n\nYou may use the service.\n');
    const result = await runPolicy(['publish', '--yes'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('privacy-policy: nothing to publish');
    expect(result.stdout).toContain('terms: first version 1.0 (initial)');
    expect(made.read('policies/terms.md')).toBe('---\ntitle: Terms of Service\nversion: "1.0"\n---\n\n# Terms of Service\n\nLast updated on November 29th, 2026\n\nYou may use the service.\n');
    const index = JSON.parse(made.read('archive/terms/index.json')) as ArchiveIndex;
    expect(index).toMatchObject({ id: 'terms', title: 'Terms of Service', lang: 'en' });
    expect(index.versions).toEqual([
      expect.objectContaining({ version: '1.0', level: 'initial', previous: null, triggers: [], summary: 'Initial version', file: '1.0.md' }),
    ]);
    expect(made.readBytes('archive/terms/1.0.md')).toEqual(made.readBytes('policies/terms.md'));
  });
});

describe('policy publish: dry run, confirmation, overrides', () => {
  it('--dry-run writes nothing and says what it would do', async () => {
    const made = repo();
    made.write(POLICY, majorEdit());
    const before = made.snapshot();
    const result = await runPolicy(['publish', '--dry-run'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    expect(made.snapshot()).toEqual(before);
    expect(result.stdout).toContain('privacy-policy: dry run\n');
    expect(result.stdout).toContain('  would update policies/privacy-policy.md: "last updated" → 2026 年 11 月 29 日, front matter version: "2.0"\n');
    expect(result.stdout).toMatch(/ {2}would write archive\/privacy-policy\/2\.0\.md \(sha256 [0-9a-f]{12}…\) and its record 2\.0\.revision\.json\n/);
    expect(result.stdout).toContain('  would add version 2.0 to archive/privacy-policy/index.json\n');
    expect(result.stdout).toContain('  would send no notices: notify.from is not configured\n');
  });

  it('--dry-run names the notices it would send when notices are configured', async () => {
    const made = repo();
    made.write(POLICY, majorEdit());
    made.write('policy.config.json', JSON.stringify({ notify: { from: 'legal@example.com', major: ['a@example.com'] } }));
    const result = await runPolicy(['publish', '--dry-run'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('  would send the major notices of privacy-policy@2.0\n');
  });

  it('publishes without notices when none are configured, and warns why', async () => {
    const made = repo();
    made.write(POLICY, majorEdit());
    const result = await runPolicy(['publish', '--yes'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`policy: warning: privacy-policy@2.0: no notices sent: notify.from is not configured\npolicy: warning: ${SAME_DAY_WARNING}\n`);
    expect(made.exists('archive/privacy-policy/2.0.md')).toBe(true);
  });

  it('refuses without --yes when stdin is not a terminal, with a one-line hint', async () => {
    const made = repo();
    made.write(POLICY, majorEdit());
    await expectRefused(made, [], 1, /^policy: policies\/privacy-policy\.md: not published: stdin is not a terminal.*--yes/);
  });

  it('asks on a terminal: yes publishes, anything else declines with exit 1', async () => {
    const made = repo();
    made.write(POLICY, majorEdit());
    const before = made.snapshot();
    const declined = await runPolicy(['publish', '--no-notify'], { cwd: made.root, tty: true, stdin: 'n\n' });
    expect(declined.code).toBe(1);
    // The prompt has no newline of its own: on a terminal the user's Enter ends the line.
    expect(declined.stderr).toBe(`Publish privacy-policy 2.0? [y/N] policy: warning: ${SAME_DAY_WARNING}\npolicy: not published: declined\n`);
    expect(made.snapshot()).toEqual(before);
    const accepted = await runPolicy(['publish', '--no-notify'], { cwd: made.root, tty: true, stdin: 'y\n' });
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(indexOf(made).versions.at(-1)?.version).toBe('2.0');
  });

  it('records a human override next to the automatic verdict; a downgrade needs a reason', async () => {
    const made = repo();
    made.write(POLICY, majorEdit());
    await expectRefused(made, ['--yes', '--level', 'minor'], 2, /needs --reason/);
    await expectRefused(made, ['--yes', '--reason', 'because'], 2, /use it with --level/);
    const result = await runPolicy(['publish', '--yes', '--no-notify', '--level', 'minor', '--reason', 'The old address forwards to the new one'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    const entry = indexOf(made).versions.at(-1)!;
    expect(entry).toMatchObject({
      version: '1.1',
      level: 'minor',
      triggers: [],
      automatic: { level: 'major' },
      override: { level: 'minor', reason: 'The old address forwards to the new one', at: '2026-11-29T12:00:00.000Z' },
    });
    expect(entry.automatic?.triggers).toContain(5);
    const log = await runPolicy(['log', 'privacy-policy'], { cwd: made.root });
    expect(log.stdout).toContain('minor (classified major; overridden: The old address forwards to the new one)');
  });
});

describe('policy publish: dates', () => {
  it('takes the effective date from front matter, --effective over it, and enforces noticeDays for a major revision', async () => {
    const made = repo();
    made.write('policy.config.json', JSON.stringify({ noticeDays: 30 }));
    const withEffective = majorEdit().replace('title: 隐私政策\n', 'title: 隐私政策\neffective: "2026-12-09"\n');
    made.write(POLICY, withEffective);
    await expectRefused(made, ['--yes'], 1, /at least 30 days after it is published \(noticeDays\), but 2026-12-09 is 10 days after 2026-11-29/);
    const result = await runPolicy(['publish', '--yes', '--no-notify', '--effective', '2026-12-29'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    expect(indexOf(made).versions.at(-1)).toMatchObject({ date: '2026-11-29', effective: '2026-12-29' });
  });

  it('uses an unquoted front matter date, which YAML reads as a Date', async () => {
    const made = repo();
    made.write(POLICY, majorEdit().replace('title: 隐私政策\n', 'title: 隐私政策\neffective: 2027-01-15\n'));
    expect((await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root })).code).toBe(0);
    expect(indexOf(made).versions.at(-1)?.effective).toBe('2027-01-15');
  });

  it('refuses a publish date before the latest archived one, and an effective date before the publish date', async () => {
    const made = repo();
    made.write(POLICY, majorEdit());
    await expectRefused(made, ['--yes', '--date', '2021-01-01'], 1, /publish date 2021-01-01 is earlier than privacy-policy@1\.0's date 2021-08-27/);
    await expectRefused(made, ['--yes', '--effective', '2026-11-01'], 1, /effective date 2026-11-01 is before the publish date 2026-11-29/);
    await expectRefused(made, ['--yes', '--date', '2026-02-30'], 2, /--date: expected a date as YYYY-MM-DD/);
  });
});

describe('policy publish: refusals with nothing written', () => {
  it('refuses an id with path characters or NUL in front matter', async () => {
    const made = repo();
    made.write(POLICY, majorEdit().replace('title: 隐私政策\n', 'title: 隐私政策\nid: ../../etc\n'));
    await expectRefused(made, ['--yes'], 2, /^policy: policies\/privacy-policy\.md: front matter "id": invalid policy id "\.\.\/\.\.\/etc"/);
    made.write(POLICY, majorEdit().replace('title: 隐私政策\n', 'title: 隐私政策\nid: "bad\\0id"\n'));
    await expectRefused(made, ['--yes'], 2, /invalid policy id "bad\\u0000id": it contains a NUL character/);
  });

  it('refuses a file name that is not a valid id', async () => {
    const made = repo();
    made.write('policies/-draft.md', majorEdit());
    await expectRefused(made, ['--yes', 'policies/-draft.md'], 2, /^policy: policies\/-draft\.md: invalid policy id "-draft"/);
  });

  it('refuses when the list of major changes vanished, unless --yes --allow-trigger-removal', async () => {
    const made = repo();
    const start = SEED.indexOf('本政策所指的重大变更包括但不限于');
    const end = SEED.indexOf('## 10.');
    made.write(POLICY, SEED.slice(0, start) + SEED.slice(end));
    await expectRefused(made, ['--yes'], 1, /list of major changes \(6 items in privacy-policy@1\.0\) is gone.*--yes --allow-trigger-removal/);
    await expectRefused(made, ['--allow-trigger-removal'], 2, /--allow-trigger-removal takes effect only together with --yes/);
    const result = await runPolicy(['publish', '--yes', '--allow-trigger-removal', '--no-notify'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('was removed (--allow-trigger-removal)');
    expect(indexOf(made).versions.at(-1)).toMatchObject({ version: '2.0', level: 'major' });
  });

  it('refuses to publish onto an archive that fails verify', async () => {
    const made = repo();
    made.write('archive/privacy-policy/1.0.md', SEED.replace('平凯星辰', '某公司'));
    made.write(POLICY, majorEdit());
    await expectRefused(made, ['--yes'], 1, /^policy: archive\/privacy-policy\/1\.0\.md: altered: .*fails policy verify, so nothing was published$/);
  });

  it('fails clearly while another live publish holds the lock', async () => {
    const made = repo();
    made.write(POLICY, majorEdit());
    // A live process holds the lock: the lock is not stale.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    made.write('.policy/publish.lock', JSON.stringify({ pid: holder.pid, hostname: hostname(), startedAt: '2026-11-29T11:59:00.000Z', token: 'x' }));
    const before = made.snapshot();
    const result = await runPolicy(['publish', '--yes'], { cwd: made.root, env: { POLICY_LOCK_TIMEOUT: '0' } }).finally(() => holder.kill());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^policy: \.policy\/publish\.lock: another publish is running \(pid \d+ on .*, since 2026-11-29T11:59:00\.000Z\)/);
    expect(made.snapshot()).toEqual(before);
  });

  it('refuses to publish a file of the archive itself', async () => {
    const made = repo();
    await expectRefused(made, ['--yes', 'archive/privacy-policy/1.0.md'], 2, /^policy: archive\/privacy-policy\/1\.0\.md: is inside the archive/);
  });

  it('exits 2 for a missing file', async () => {
    const made = repo();
    await expectRefused(made, ['--yes', 'policies/nope.md'], 2, /^policy: policies\/nope\.md: no such file$/);
  });
});
