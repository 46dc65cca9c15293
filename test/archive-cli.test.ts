import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/hash.js';
import { runPolicy } from './helpers/cli.js';
import { SEED, useTempRepos } from './archive-helpers.js';

const repo = useTempRepos();

describe('policy show', () => {
  it('prints an archived version byte for byte, by version, date or latest', async () => {
    const { root } = repo();
    for (const reference of ['privacy-policy@1.0', 'privacy-policy@latest', 'privacy-policy@2021-08-27', 'privacy-policy@2030-01-01']) {
      const result = await runPolicy(['show', reference], { cwd: root });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(SEED);
      expect(result.stderr).toBe('');
    }
  });

  it('exits 2 with one line for a bad reference, an unknown version or a date before the first', async () => {
    const { root } = repo();
    const cases: [string, RegExp][] = [
      ['../etc@1.0', /^policy: "\.\.\/etc@1\.0": invalid policy id/],
      ['privacy-policy@9.0', /^policy: privacy-policy@9\.0: no version 9\.0 of privacy-policy in the archive \(versions: 1\.0\)\n$/],
      ['privacy-policy@2020-01-01', /^policy: privacy-policy@2020-01-01: no version of privacy-policy was in effect on 2020-01-01/],
      ['privacy-policy@someday', /is not a version, a date, "latest" or "current"/],
      ['terms@1.0', /^policy: terms@1\.0: terms has no archive/],
    ];
    for (const [reference, message] of cases) {
      const result = await runPolicy(['show', reference], { cwd: root });
      expect(result.code, reference).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
  });

  it('refuses to show an altered version (exit 1)', async () => {
    const made = repo();
    made.write('archive/privacy-policy/1.0.md', SEED.replace('隐私政策', '隐私'));
    const result = await runPolicy(['show', 'privacy-policy@1.0'], { cwd: made.root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^policy: archive\/privacy-policy\/1\.0\.md: altered since it was archived/);
  });
});

describe('policy log', () => {
  it('lists versions newest first, with dates, level, triggers and summary', async () => {
    const { root } = repo();
    const result = await runPolicy(['log', 'privacy-policy'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('privacy-policy — 隐私政策\n  1.0  2021-08-27  effective 2021-08-27  initial  no triggers  Initial version\n');
  });

  it('prints JSON for one policy, and for all of them', async () => {
    const { root } = repo();
    const one = JSON.parse((await runPolicy(['log', 'privacy-policy', '--format', 'json'], { cwd: root })).stdout);
    expect(one).toMatchObject({ id: 'privacy-policy', title: '隐私政策', lang: 'zh', versions: [{ version: '1.0', level: 'initial' }] });
    const all = JSON.parse((await runPolicy(['log', '--format', 'json'], { cwd: root })).stdout);
    expect(all.policies.map((policy: { id: string }) => policy.id)).toEqual(['privacy-policy']);
  });

  it('exits 2 for an unknown or invalid id', async () => {
    const { root } = repo();
    expect(await runPolicy(['log', 'terms'], { cwd: root })).toMatchObject({ code: 2, stderr: expect.stringMatching(/terms has no archived versions/) });
    expect(await runPolicy(['log', '../x'], { cwd: root })).toMatchObject({ code: 2, stderr: expect.stringMatching(/invalid policy id/) });
  });
});

describe('policy verify', () => {
  it('passes the shipped archive', async () => {
    const { root } = repo();
    const result = await runPolicy(['verify'], { cwd: root });
    expect(result).toMatchObject({ code: 0, stdout: 'note: archived before revision records existed (valid without one): privacy-policy@1.0\narchive: OK (1 policy, 1 version verified)\n' });
  });

  it('exits 1 naming a missing file and an altered one', async () => {
    const made = repo();
    made.write('archive/privacy-policy/1.0.md', `${SEED}\n`);
    let result = await runPolicy(['verify'], { cwd: made.root });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^error: archive\/privacy-policy\/1\.0\.md: altered: /m);
    expect(result.stdout).toMatch(/^archive: FAILED \(1 error in 1 policy, 1 version\)$/m);
    const { rmSync } = await import('node:fs');
    rmSync(`${made.root}/archive/privacy-policy/1.0.md`);
    result = await runPolicy(['verify', '--format', 'json'], { cwd: made.root });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      errors: [{ file: 'archive/privacy-policy/1.0.md', message: 'missing: index.json lists it as version 1.0' }],
    });
  });

  it('fails on a file index.json does not list, unless an interrupted publish recorded it (a warning; an error with --strict)', async () => {
    const made = repo();
    made.write('archive/privacy-policy/1.1.md', 'leftover\n');
    const unlisted = await runPolicy(['verify'], { cwd: made.root });
    expect(unlisted.code).toBe(1);
    expect(unlisted.stdout).toContain('error: archive/privacy-policy/1.1.md: index.json does not list it, and no interrupted publish recorded these bytes');
    made.write(
      '.policy/publish-intents/privacy-policy@1.1.json',
      JSON.stringify({ id: 'privacy-policy', version: '1.1', files: [{ file: '1.1.md', sha256: sha256Hex('leftover\n') }] }),
    );
    const lenient = await runPolicy(['verify'], { cwd: made.root });
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('warning: archive/privacy-policy/1.1.md: not listed in index.json yet: left by an interrupted publish');
    const strict = await runPolicy(['verify', '--strict'], { cwd: made.root });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('error: archive/privacy-policy/1.1.md: not listed in index.json yet');
  });

  it('follows the archive folder of the configuration', async () => {
    const made = repo();
    made.write('policy.config.json', JSON.stringify({ archive: 'history' }));
    const result = await runPolicy(['verify'], { cwd: made.root });
    expect(result).toMatchObject({ code: 0, stdout: 'history: OK (0 policies, 0 versions verified)\n' });
  });
});
