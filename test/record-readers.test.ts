/**
 * The readers of the record: `policy show --changes`, `policy log`, notices and
 * the site show the verdict as recorded at publish, never classified again;
 * `policy audit` says where today's classifier would decide differently.
 */
import { describe, expect, it } from 'vitest';
import { entryHash } from '../src/archive/canonical-json.js';
import { sha256Hex } from '../src/hash.js';
import type { ArchiveIndex } from '../src/types.js';
import { runPolicy } from './helpers/cli.js';
import { majorEdit, SEED, type TempRepo, useTempRepos } from './archive-helpers.js';

const POLICY = 'policies/privacy-policy.md';
const INDEX = 'archive/privacy-policy/index.json';
const RECORD = 'archive/privacy-policy/2.0.revision.json';
const repo = useTempRepos();

/** The seed with a major edit (contact address) and a minor one (a reworded word in the opening paragraph). */
function majorAndMinor(): string {
  return majorEdit(SEED).replace('访问者极为重要', '访问者十分重要');
}

async function published(): Promise<TempRepo> {
  const made = repo();
  made.write(POLICY, majorAndMinor());
  const result = await runPolicy(['publish', '--yes', '--no-notify', '--effective', '2026-12-30'], { cwd: made.root });
  expect(result.code, result.stderr).toBe(0);
  return made;
}

/** Rewrites the 2.0 record (and its sha256 in index.json) as `edit` says: a consistent archive that records another verdict. */
function rewriteRecord(made: TempRepo, edit: (record: Record<string, any>) => void): void {
  const record = JSON.parse(made.read(RECORD)) as Record<string, any>;
  edit(record);
  const text = JSON.stringify(record);
  made.write(RECORD, text);
  const index = JSON.parse(made.read(INDEX)) as ArchiveIndex;
  index.versions[1]!.record = sha256Hex(text);
  index.versions[1]!.previous = entryHash(index.versions[0]!);
  made.write(INDEX, `${JSON.stringify(index, null, 2)}\n`);
}

describe('readers of the record', () => {
  it('show --changes and log state the recorded changes and counts', async () => {
    const made = await published();
    const shown = await runPolicy(['show', 'privacy-policy@2.0', '--changes', '--format', 'json'], { cwd: made.root });
    expect(shown.code, shown.stderr).toBe(0);
    const json = JSON.parse(shown.stdout) as { recorded: boolean; level: string; changes: { level: string }[] };
    expect(json).toMatchObject({ recorded: true, level: 'major' });
    expect(json.changes.map((change) => change.level).sort()).toEqual(['major', 'minor']);
    const text = await runPolicy(['show', 'privacy-policy@2.0', '--changes'], { cwd: made.root });
    expect(text.stdout).toContain('MAJOR revision — 2 changes (1 major, 1 minor); triggers hit: 5');
    const log = await runPolicy(['log', 'privacy-policy'], { cwd: made.root });
    expect(log.stdout.split('\n')[1]).toMatch(/^ {2}2\.0 +2026-11-29 +effective 2026-12-30 +major +triggers 5 +2 changes \(1 major, 1 minor\) +/);
    const first = await runPolicy(['show', 'privacy-policy@1.0', '--changes'], { cwd: made.root });
    expect(first.stdout).toBe('privacy-policy@1.0: the first version (initial): nothing to compare it with\n');
  });

  it('show a record’s own words, not a fresh classification', async () => {
    const made = await published();
    rewriteRecord(made, (record) => {
      record.changes[0].reasons = ['Recorded at publish: the reason as it was then.'];
      record.changes[0].reasonMessages = null;
    });
    expect((await runPolicy(['verify'], { cwd: made.root })).code).toBe(0);
    const shown = await runPolicy(['show', 'privacy-policy@2.0', '--changes'], { cwd: made.root });
    expect(shown.stdout).toContain('why: Recorded at publish: the reason as it was then.');
    const site = await runPolicy(['site', '--out', 'site'], { cwd: made.root });
    expect(site.code, site.stderr).toBe(0);
    expect(made.read('site/privacy-policy/2.0/changes/index.html')).toContain('Recorded at publish: the reason as it was then.');
  });
});

describe('policy audit', () => {
  it('exits 0 when today agrees with every archived verdict, 1 naming the versions where it would decide differently', async () => {
    const made = await published();
    const agree = await runPolicy(['audit'], { cwd: made.root });
    expect(agree).toMatchObject({ code: 0, stdout: "audit: today's classifier agrees with all 1 archived verdict\n" });
    const before = made.snapshot();
    rewriteRecord(made, (record) => {
      record.automatic = { level: 'minor', triggers: [] };
    });
    const changed = made.snapshot();
    const differ = await runPolicy(['audit', 'privacy-policy'], { cwd: made.root });
    expect(differ.code).toBe(1);
    expect(differ.stdout).toBe(
      "privacy-policy@2.0 (against 1.0): recorded minor, today major (triggers 5)\naudit: today's classifier decides 1 of 1 archived verdict differently (nothing was changed)\n",
    );
    const json = JSON.parse((await runPolicy(['audit', '--format', 'json'], { cwd: made.root })).stdout) as { differ: number; findings: { differs: string[] }[] };
    expect(json.differ).toBe(1);
    expect(json.findings[0]?.differs).toEqual(['level', 'triggers']);
    // Audit changes nothing.
    expect(made.snapshot()).toEqual(changed);
    expect(changed).not.toEqual(before);
  });

  it('compares a version archived before records with its index entry', async () => {
    const made = repo();
    const bytes = Buffer.from(majorEdit(SEED), 'utf8');
    made.write('archive/privacy-policy/1.1.md', bytes);
    const index = JSON.parse(made.read(INDEX)) as ArchiveIndex;
    index.versions.push({ ...index.versions[0]!, version: '1.1', file: '1.1.md', date: '2026-01-01', effective: '2026-01-01', sha256: sha256Hex(bytes), level: 'minor', triggers: [], summary: 'x', previous: entryHash(index.versions[0]!) });
    made.write(INDEX, JSON.stringify(index));
    const result = await runPolicy(['audit'], { cwd: made.root });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('privacy-policy@1.1 (against 1.0): recorded minor, today major (triggers 5) [archived before records: compared with its index entry]');
  });
});
