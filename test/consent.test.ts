import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPolicyStatus, decideConsent } from '../src/archive/consent-status.js';
import type { ArchiveIndex } from '../src/types.js';
import { addVersion, makeSiteRepo, SITE_NOW } from './helpers/browser.js';
import { runPolicy } from './helpers/cli.js';

let repo: ReturnType<typeof makeSiteRepo>;
beforeEach(() => {
  repo = makeSiteRepo();
});
afterEach(() => repo.remove());

const run = (argv: string[], now: Date = SITE_NOW) => runPolicy(argv, { cwd: repo.root, now });
const index = (id: string): ArchiveIndex => JSON.parse(readFileSync(join(repo.root, 'archive', id, 'index.json'), 'utf8')) as ArchiveIndex;

describe('policy consent-needed', () => {
  it('exits 1 and names the major versions (with their recorded triggers) that took effect after the accepted one', async () => {
    const result = await run(['consent-needed', 'privacy-policy', '--since', '1.1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const answer = JSON.parse(result.stdout);
    expect(answer).toEqual({
      id: 'privacy-policy',
      since: '1.1',
      consentNeeded: true,
      current: { version: '2.0', date: '2023-06-01', effective: '2023-07-01' },
      versions: [
        {
          version: '2.0',
          date: '2023-06-01',
          effective: '2023-07-01',
          level: 'major',
          triggers: [1, 5],
          summary: '新增收集设备信息；隐私联络邮箱改为 privacy@pingcap.com。',
        },
      ],
      upcoming: [],
    });
  });

  it('exits 0 when the accepted version is the last major one, and ignores minor versions since', async () => {
    addVersion(repo.root, 'privacy-policy', '2.1', '# 隐私政策\n\n一处措辞。\n', { level: 'minor', effective: '2024-05-15' });
    const result = await run(['consent-needed', 'privacy-policy', '--since', '2.0']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ consentNeeded: false, versions: [], current: { version: '2.1' } });
  });

  it('lists a published major version not yet in effect as upcoming, and needs consent once it is', async () => {
    addVersion(repo.root, 'privacy-policy', '3.0', '# 隐私政策\n\n新的目的。\n', { level: 'major', triggers: [1], effective: '2024-07-01' });
    const before = await run(['consent-needed', 'privacy-policy', '--since', '2.0']);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({ consentNeeded: false, versions: [], upcoming: [{ version: '3.0', triggers: [1] }] });
    const after = await run(['consent-needed', 'privacy-policy', '--since', '2.0'], new Date('2024-07-01T00:00:00Z'));
    expect(after.code).toBe(1);
    expect(JSON.parse(after.stdout)).toMatchObject({ consentNeeded: true, versions: [{ version: '3.0' }], upcoming: [] });
    // Accepted long ago: both majors are named, newest first.
    const old = await run(['consent-needed', 'privacy-policy', '--since', '1.0'], new Date('2024-07-01T00:00:00Z'));
    expect(JSON.parse(old.stdout).versions.map((v: { version: string }) => v.version)).toEqual(['3.0', '2.0']);
  });

  it('exits 2 with one line for an unknown version or policy', async () => {
    const unknown = await run(['consent-needed', 'privacy-policy', '--since', '9.9']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('policy: privacy-policy@9.9: no such version (archived: 1.0, 1.1, 2.0)\n');
    const missing = await run(['consent-needed', 'cookies', '--since', '1.0']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^policy: archive\/cookies: cookies has no archived versions/);
    const noSince = await run(['consent-needed', 'privacy-policy']);
    expect(noSince.code).toBe(2);
  });
});

describe('status.json', () => {
  it('has the documented fields: current, latest, lastMajor and every version newest first', () => {
    const status = buildPolicyStatus(index('privacy-policy'), '2024-06-01');
    expect(status).toEqual({
      schemaVersion: 1,
      id: 'privacy-policy',
      title: '隐私政策',
      lang: 'zh',
      current: { version: '2.0', date: '2023-06-01', effective: '2023-07-01' },
      latest: { version: '2.0', date: '2023-06-01', effective: '2023-07-01' },
      lastMajor: { version: '2.0', effective: '2023-07-01' },
      versions: [
        { version: '2.0', date: '2023-06-01', effective: '2023-07-01', level: 'major', triggers: [1, 5] },
        { version: '1.1', date: '2022-03-01', effective: '2022-03-01', level: 'minor', triggers: [] },
        { version: '1.0', date: '2021-08-27', effective: '2021-08-27', level: 'initial', triggers: [] },
      ],
    });
  });

  it('tells current from latest while a version is still to come, and falls back to the first version as lastMajor', () => {
    const terms = buildPolicyStatus(index('terms'), '2024-06-01');
    expect(terms.lastMajor.version).toBe('1.0');
    const early = buildPolicyStatus(index('privacy-policy'), '2023-06-15');
    expect(early.current?.version).toBe('1.1');
    expect(early.latest.version).toBe('2.0');
    expect(() => decideConsent(index('terms'), '3.0', '2024-06-01')).toThrow(/terms@3\.0: no such version/);
  });

  it('is written by policy site for every policy, from the recorded verdicts', async () => {
    expect((await run(['site'])).code).toBe(0);
    const written = JSON.parse(readFileSync(join(repo.root, 'site/privacy-policy/status.json'), 'utf8'));
    expect(written).toEqual(buildPolicyStatus(index('privacy-policy'), '2024-06-01'));
    expect(JSON.parse(readFileSync(join(repo.root, 'site/terms/status.json'), 'utf8'))).toMatchObject({ id: 'terms', lang: 'en', lastMajor: { version: '1.0' } });
  });
});
