/**
 * The revision record: the planner decides it without files, publish writes it
 * beside the version with its sha256 in index.json, verify checks it, and
 * publish's own edits (the stamped date, version/effective/changeNote) are
 * bookkeeping everywhere, never a change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/hash.js';
import { renderRevisionJson } from '../src/revision-json.js';
import { parsePolicy } from '../src/policy/parse-policy.js';
import { planPublish, type PlanOptions, type PlanWorld } from '../src/publish/plan.js';
import { parseRevisionRecord, revisionFromRecord } from '../src/publish/record.js';
import { renderDateLike } from '../src/publish/published-source.js';
import { comparePolicies } from '../src/revision.js';
import type { ArchiveIndex, LastUpdated, Policy } from '../src/types.js';
import { runPolicy } from './helpers/cli.js';
import { majorEdit, minorEdit, ROOT, SEED, useTempRepos } from './archive-helpers.js';

const POLICY = 'policies/privacy-policy.md';
const INDEX = 'archive/privacy-policy/index.json';
const repo = useTempRepos();
const ARCHIVED = readFileSync(join(ROOT, 'archive/privacy-policy/1.0.md'), 'utf8');
const INDEX_10 = JSON.parse(readFileSync(join(ROOT, INDEX), 'utf8')) as ArchiveIndex;

function parse(source: string, path = 'policies/privacy-policy.md'): Policy {
  return parsePolicy({ source, path, id: 'privacy-policy', sha256: sha256Hex(source) });
}

const WORLD: PlanWorld = { date: '2026-12-01', now: new Date('2026-12-01T09:00:00Z'), noticeDays: undefined, toolVersion: '9.9.9' };
const YES: PlanOptions = { yes: true, dryRun: false, allowTriggerRemoval: false };

function planOf(source: string, options: PlanOptions = YES, world: PlanWorld = WORLD) {
  const previous = parse(ARCHIVED, 'archive/privacy-policy/1.0.md');
  const policy = parse(source);
  const revision = comparePolicies(previous, policy);
  return { revision, decision: planPublish({ file: POLICY, policy, latest: INDEX_10.versions[0]!, previous, revision }, options, world) };
}

describe('planPublish (pure)', () => {
  it('decides the version, the entry and a record whose sha256 the entry holds', () => {
    const { revision, decision } = planOf(majorEdit());
    const { entry, record, recordBytes } = decision;
    expect(entry).toMatchObject({ version: '2.0', level: 'major', date: '2026-12-01', effective: '2026-12-01', triggers: [5] });
    expect(entry.record).toBe(sha256Hex(recordBytes));
    // Canonical JSON: what was written parses back to the record, keys sorted, no whitespace.
    expect(JSON.parse(recordBytes.toString('utf8'))).toEqual(record);
    expect(recordBytes.toString('utf8')).not.toMatch(/\n/);
    expect(record).toMatchObject({
      format: 1,
      version: '2.0',
      previousVersion: '1.0',
      level: 'major',
      automatic: { level: 'major', triggers: [5] },
      override: null,
      review: { needsDecision: 0, reviewed: false },
      tool: { name: 'policy', version: '9.9.9' },
      triggerList: { source: 'policy' },
    });
    expect(record.triggers).toEqual([{ index: 5, text: expect.stringContaining('联络方式') }]);
    // The changes are the diff JSON's entries, in the same shape, plus structured reasons.
    const json = renderRevisionJson(revision);
    expect(record.changes.map(({ inline: _i, reasonMessages: _r, old: _o, new: _n, ...rest }) => rest)).toEqual(json.changes);
    expect(record.changes[0]?.reasonMessages?.[0]?.id).toBe('major');
    // Publish's own edits are bookkeeping: the stamped date and the version field.
    expect(record.bookkeeping).toEqual([
      { kind: 'front-matter', field: 'version', before: null, after: '2.0' },
      { kind: 'date-line', field: null, before: '2021-08-27', after: '2026-12-01' },
    ]);
  });

  it('records an override beside the automatic level, and that a person decided', () => {
    const { decision } = planOf(majorEdit(), { ...YES, level: 'minor', reason: 'a typo in the address' });
    expect(decision.entry).toMatchObject({ version: '1.1', level: 'minor', automatic: { level: 'major', triggers: [5] } });
    expect(decision.record).toMatchObject({
      level: 'minor',
      triggers: [],
      automatic: { level: 'major', triggers: [5] },
      override: { overridden: true, level: 'minor', reason: 'a typo in the address', at: '2026-12-01T09:00:00.000Z' },
      review: { reviewed: true },
    });
  });

  it('warns about a major revision effective the same day with no notice period, and refuses one inside noticeDays', () => {
    expect(planOf(majorEdit()).decision.warnings.join('\n')).toMatch(/takes effect the day it is published \(2026-12-01\).*noticeDays.*--effective/);
    expect(planOf(majorEdit(), { ...YES, effective: '2027-01-05' }).decision.warnings.join('\n')).not.toMatch(/noticeDays/);
    expect(() => planOf(majorEdit(), YES, { ...WORLD, noticeDays: 30 })).toThrow(/at least 30 days/);
    expect(planOf(minorEdit(SEED, '2026-12-01')).decision.warnings.join('\n')).not.toMatch(/noticeDays/);
  });

  it('keeps `effective` in the archived bytes and clears it from the source afterwards', () => {
    const source = majorEdit().replace('title: 隐私政策\n', 'title: 隐私政策\neffective: "2027-01-05"\n');
    const { decision } = planOf(source);
    expect(decision.entry.effective).toBe('2027-01-05');
    expect(decision.published.toString('utf8')).toContain('effective: "2027-01-05"\n');
    const after = decision.sourceAfter.toString('utf8');
    expect(after).not.toContain('effective');
    expect(after).toBe(decision.published.toString('utf8').replace('effective: "2027-01-05"\n', ''));
  });

  it('reads the record back as the revision it recorded, without classifying', () => {
    const { revision, decision } = planOf(majorEdit());
    const record = parseRevisionRecord(decision.recordBytes.toString('utf8'), '2.0.revision.json');
    const again = revisionFromRecord(record, revision.old, revision.new);
    expect(again.level).toBe('major');
    expect(renderRevisionJson(again).changes).toEqual(renderRevisionJson(revision).changes);
    expect(again.changes[0]?.reasonMessages).toEqual(revision.changes[0]?.reasonMessages);
  });
});

describe('the stamped date follows the source', () => {
  const like = (source: string, date: string, format: LastUpdated['format']): LastUpdated => ({ date, source, format, line: 1, offset: 0 });
  it.each([
    ['2021 年 8 月 27 日', '2021-08-27', 'zh', '2026-12-01', '2026 年 12 月 1 日'],
    ['2021 年 08 月 27 日', '2021-08-27', 'zh', '2026-12-01', '2026 年 12 月 01 日'],
    ['August 27, 2021', '2021-08-27', 'en-long', '2026-12-01', 'December 1, 2026'],
    ['2021-08-27', '2021-08-27', 'iso', '2026-12-01', '2026-12-01'],
    ['12/15/2021', '2021-12-15', 'numeric', '2026-03-04', '03/04/2026'],
  ] as const)('%s → %s', (source, date, format, next, expected) => {
    expect(renderDateLike(like(source, date, format), next, format === 'zh' ? 'zh' : 'en')).toBe(expected);
  });
});

describe('policy publish writes the record; policy verify checks it', () => {
  it('writes <version>.revision.json with its sha256 in index.json, and verify fails when it is altered or missing', async () => {
    const made = repo();
    made.write(POLICY, majorEdit());
    const result = await runPolicy(['publish', '--yes', '--no-notify', '--effective', '2026-12-20'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    const entry = (JSON.parse(made.read(INDEX)) as ArchiveIndex).versions[1]!;
    const bytes = made.readBytes('archive/privacy-policy/2.0.revision.json');
    expect(entry.record).toBe(sha256Hex(bytes));
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ level: 'major', version: '2.0', changes: [{ kind: 'modified', level: 'major' }] });

    const verified = await runPolicy(['verify', '--format', 'json'], { cwd: made.root });
    expect(verified.code, verified.stdout).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, versions: 2, preRecord: ['privacy-policy@1.0'] });

    made.write('archive/privacy-policy/2.0.revision.json', bytes.toString('utf8').replace('"level":"major"', '"level":"minor"'));
    const altered = await runPolicy(['verify'], { cwd: made.root });
    expect(altered.code).toBe(1);
    expect(altered.stdout).toMatch(/error: archive\/privacy-policy\/2\.0\.revision\.json: altered: its sha256 is/);

    made.write('archive/privacy-policy/2.0.revision.json', bytes);
    expect((await runPolicy(['verify'], { cwd: made.root })).code).toBe(0);
    const { rmSync } = await import('node:fs');
    rmSync(join(made.root, 'archive/privacy-policy/2.0.revision.json'));
    const missing = await runPolicy(['verify'], { cwd: made.root });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/error: archive\/privacy-policy\/2\.0\.revision\.json: missing: index\.json records it for version 2\.0/);
  });

  it('clears front matter effective from the source after publishing; the next comparison shows no change', async () => {
    const made = repo();
    made.write(POLICY, majorEdit().replace('title: 隐私政策\n', 'title: 隐私政策\neffective: 2027-01-05\n'));
    expect((await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root })).code).toBe(0);
    expect(made.read('archive/privacy-policy/2.0.md')).toContain('effective: 2027-01-05\n');
    expect(made.read(POLICY)).not.toContain('effective');
    const diff = await runPolicy(['diff', 'privacy-policy@2.0', POLICY, '--format', 'json'], { cwd: made.root });
    expect(diff.code, diff.stderr).toBe(0);
    const json = JSON.parse(diff.stdout) as { level: string; changes: unknown[]; bookkeeping: unknown[] };
    expect(json).toMatchObject({ level: 'none', changes: [], bookkeeping: [{ kind: 'front-matter', field: 'effective', before: '2027-01-05', after: null }] });
    const again = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root });
    expect(again.stdout).toContain('nothing to publish');
  });

  it('--dry-run prints the classified report even when the notice period refuses', async () => {
    const made = repo();
    made.write(POLICY, majorEdit());
    made.write('policy.config.json', JSON.stringify({ noticeDays: 30 }));
    const result = await runPolicy(['publish', '--dry-run'], { cwd: made.root });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/MAJOR +modified/);
    expect(result.stdout).toContain('MAJOR revision — 1 change (1 major, 0 minor)');
    expect(result.stderr).toMatch(/at least 30 days after it is published \(noticeDays\)/);
  });
});

describe('bookkeeping in diff and check', () => {
  it('a re-stamped date line and the version/effective/changeNote fields are listed apart, never as a change', async () => {
    const made = repo();
    const stamped = SEED.replace(/最新更新于 \d{4} 年 \d{1,2} 月 \d{1,2} 日/, '最新更新于 2026 年 12 月 1 日').replace('title: 隐私政策\n', 'title: 隐私政策\nversion: "1.1"\neffective: 2026-12-01\nchangeNote: wording\n');
    made.write('b.md', stamped);
    const text = await runPolicy(['diff', POLICY, 'b.md'], { cwd: made.root });
    expect(text.code, text.stderr).toBe(0);
    // The page a reader sees shows a new date: a minor revision, with no change.
    expect(text.stdout).toContain('b: MINOR revision — no change besides the re-stamped date (bookkeeping)');
    expect(text.stdout).toContain('bookkeeping (not counted as changes): front matter version (none) → 1.1; front matter effective (none) → 2026-12-01; front matter changeNote (none) → wording; last-updated date');
    const json = JSON.parse((await runPolicy(['diff', POLICY, 'b.md', '--format', 'json'], { cwd: made.root })).stdout) as { level: string; changes: unknown[]; bookkeeping: { field: string | null }[] };
    expect(json.changes).toEqual([]);
    expect(json).toMatchObject({ level: 'minor' });
    expect(json.bookkeeping.map((item) => item.field)).toEqual(['version', 'effective', 'changeNote', null]);
    // A date line with other words changed too is a change, not bookkeeping.
    made.write('c.md', SEED.replace(/\*\*最新更新于 \d{4} 年 \d{1,2} 月 \d{1,2} 日\*\*/, '**本政策最新更新于 2026 年 12 月 1 日**'));
    const worded = JSON.parse((await runPolicy(['diff', POLICY, 'c.md', '--format', 'json'], { cwd: made.root })).stdout) as { changes: unknown[]; bookkeeping: unknown[] };
    expect(worded.changes).toHaveLength(1);
    expect(worded.bookkeeping).toEqual([]);
  });
});

describe('publish asks about low-confidence changes', () => {
  /** An added clause the classifier cannot explain: major, low confidence. */
  const unsure = () => SEED.replace('极为重要', '极为重要，我们将尽力保护');

  it('lists them first, asks about each on a terminal, and stops for --level/--reason on "n"', async () => {
    const made = repo();
    made.write(POLICY, unsure());
    const before = made.snapshot();
    const stopped = await runPolicy(['publish', '--no-notify'], { cwd: made.root, tty: true, stdin: 'n\n' });
    expect(stopped.code).toBe(2);
    expect(stopped.stdout.startsWith('privacy-policy: 1 change needs a decision (low confidence):\n  1. major modified in 隐私政策, line 10: ')).toBe(true);
    expect(stopped.stderr).toMatch(/^Keep major modified in 隐私政策, line 10: .*\? \[Y\/n\] policy: policies\/privacy-policy\.md: not published: decide the level yourself with policy publish policies\/privacy-policy\.md --level major\|minor --reason "…"/);
    expect(made.snapshot()).toEqual(before);

    const kept = await runPolicy(['publish', '--no-notify', '--effective', '2026-12-30'], { cwd: made.root, tty: true, stdin: 'y\ny\n' });
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr).toMatch(/\[Y\/n\] Publish privacy-policy 2\.0\? \[y\/N\] $/);
    expect(JSON.parse(made.read('archive/privacy-policy/2.0.revision.json'))).toMatchObject({ review: { needsDecision: 1, reviewed: true } });
  });

  it('with --yes lets the automatic levels stand, warns, and records that they were not reviewed', async () => {
    const made = repo();
    made.write(POLICY, unsure());
    const result = await runPolicy(['publish', '--yes', '--no-notify', '--effective', '2026-12-30'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("policy: warning: policies/privacy-policy.md: 1 low-confidence change published at the classifier's level without review (--yes); the record notes it\n");
    expect(JSON.parse(made.read('archive/privacy-policy/2.0.revision.json'))).toMatchObject({ review: { needsDecision: 1, reviewed: false }, changes: [{ confidence: 'low' }] });
  });
});

describe('dates are formatted in one module', () => {
  it('formats zh and en dates through Intl, without leading zeros, and leaves a non-date alone', async () => {
    const { formatDate, MONTH_NAMES, dateParts } = await import('../src/format-date.js');
    expect(formatDate('2026-12-01', 'zh')).toBe('2026 年 12 月 1 日');
    expect(formatDate('2026-12-01', 'en')).toBe('December 1, 2026');
    expect(formatDate('2026-12-01', 'en', 'dmy')).toBe('1 December 2026');
    expect(formatDate('2026-02-30', 'en')).toBe('2026-02-30');
    expect(MONTH_NAMES).toHaveLength(12);
    expect(MONTH_NAMES[8]).toBe('September');
    expect(dateParts('2026-01-09')).toEqual({ y: 2026, m: 1, d: 9 });
  });
});

describe('clearing the one-publish effective date', () => {
  it('removes the key with its continuation lines and line break, byte for byte otherwise, CRLF kept', async () => {
    const { clearFrontMatterKey } = await import('../src/publish/published-source.js');
    expect(clearFrontMatterKey('---\ntitle: T\neffective: 2027-01-05\nversion: "1.0"\n---\n# T\n', 'effective')).toBe('---\ntitle: T\nversion: "1.0"\n---\n# T\n');
    expect(clearFrontMatterKey('---\r\ntitle: T\r\neffective: >\r\n  2027-01-05\r\n---\r\nbody effective: x\r\n', 'effective')).toBe('---\r\ntitle: T\r\n---\r\nbody effective: x\r\n');
    expect(clearFrontMatterKey('# no front matter\neffective: 2027-01-05\n', 'effective')).toBe('# no front matter\neffective: 2027-01-05\n');
  });

  it('index.json validates the record hash of an entry', async () => {
    const { findIndexProblems } = await import('../src/archive/index-file.js');
    const entry = { ...INDEX_10.versions[0]!, record: 'not-a-hash' };
    expect(findIndexProblems({ ...INDEX_10, versions: [entry] })).toEqual(['versions[0].record must be 64 lowercase hex digits (the sha256 of 1.0.revision.json)']);
    expect(findIndexProblems({ ...INDEX_10, versions: [{ ...entry, record: 'a'.repeat(64) }] })).toEqual([]);
  });
});
