import { readFileSync } from 'node:fs';
import { renderSummary } from '../src/publish/summary.js';
import { comparePolicies } from '../src/revision.js';
import { policyFrom } from './helpers/policies.js';
import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash } from '../src/archive/canonical-json.js';
import { sha256Hex } from '../src/hash.js';
import { addDays, daysBetween, isIsoDate, utcDate } from '../src/archive/dates.js';
import { findIndexProblems, parseArchiveIndex, renderArchiveIndex } from '../src/archive/index-file.js';
import { findIdProblem, validatePolicyId } from '../src/archive/policy-id.js';
import { renderDateLike, renderPublishedSource } from '../src/publish/published-source.js';
import { parseReference, resolveReference } from '../src/archive/reference.js';
import { compareVersions, isVersion, nextVersion } from '../src/archive/version.js';
import { PolicyError } from '../src/errors.js';
import type { ArchiveIndex, ArchivedVersion, LastUpdated } from '../src/types.js';

function entry(version: string, extra: Partial<ArchivedVersion> = {}): ArchivedVersion {
  return {
    version,
    date: '2021-08-27',
    effective: '2021-08-27',
    file: `${version}.md`,
    sha256: 'a'.repeat(64),
    level: 'initial',
    triggers: [],
    summary: 'Initial version',
    publishedAt: '2021-08-27T00:00:00.000Z',
    previous: null,
    ...extra,
  };
}

function errorOf(fn: () => unknown): PolicyError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('expected a PolicyError');
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('drops undefined members like JSON.stringify and keeps null', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('hashes an entry independently of key order and indentation', () => {
    const a = entry('1.0');
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(a).reverse())));
    expect(entryHash(reordered)).toBe(entryHash(a));
    expect(entryHash(a)).toBe(sha256Hex(canonicalJson(a)));
    expect(entryHash({ ...a, summary: 'changed' })).not.toBe(entryHash(a));
  });
});

describe('versions', () => {
  it('compares numerically, so 1.10 comes after 1.9', () => {
    expect(['1.10', '1.9', '2.0', '1.0', '10.0'].sort(compareVersions)).toEqual(['1.0', '1.9', '1.10', '2.0', '10.0']);
    expect(compareVersions('1.0', '1.0')).toBe(0);
  });

  it('starts at 1.0, bumps a major to the next whole number and a minor to the next minor', () => {
    expect(nextVersion(null, 'minor')).toBe('1.0');
    expect(nextVersion('1.3', 'major')).toBe('2.0');
    expect(nextVersion('1.3', 'minor')).toBe('1.4');
    expect(nextVersion('1.9', 'minor')).toBe('1.10');
  });

  it('accepts only <major>.<minor> without leading zeros', () => {
    expect(isVersion('1.0')).toBe(true);
    expect(isVersion('01.0')).toBe(false);
    expect(isVersion('1')).toBe(false);
    expect(isVersion('1.0.0')).toBe(false);
  });
});

describe('policy ids', () => {
  it.each(['../etc', 'a/b', 'a\\b', 'bad\0id', '', '.hidden', 'a@1.0', '..'])('refuses %j', (id) => {
    expect(findIdProblem(id)).not.toBeNull();
    const error = errorOf(() => validatePolicyId(id, 'policies/x.md'));
    expect(error.code).toBe('BAD_ID');
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^policies\/x\.md: invalid policy id /);
  });

  it.each(['privacy-policy', 'terms_of_service', 'cookie.policy', '隐私政策', 'v2'])('accepts %j', (id) => {
    expect(validatePolicyId(id, 'x')).toBe(id);
  });
});

describe('dates', () => {
  it('validates calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
  });

  it('computes UTC dates and day distances', () => {
    expect(utcDate(new Date('2026-11-29T23:30:00-05:00'))).toBe('2026-11-30');
    expect(addDays('2026-11-29', 30)).toBe('2026-12-29');
    expect(daysBetween('2026-11-29', '2026-12-29')).toBe(30);
    expect(daysBetween('2026-12-29', '2026-11-29')).toBe(-30);
  });
});

function lastUpdated(source: string, date: string, format: LastUpdated['format'], text = source): LastUpdated {
  return { date, line: 1, source, offset: text.indexOf(source), format };
}

describe('renderDateLike', () => {
  it.each([
    ['2021 年 8 月 27 日', '2021-08-27', 'zh', 'zh', '2026 年 11 月 29 日'],
    ['2021年8月27日', '2021-08-27', 'zh', 'zh', '2026年11月29日'],
    ['2021 年 08 月 07 日', '2021-08-07', 'zh', 'zh', '2026 年 11 月 29 日'],
    ['August 27, 2021', '2021-08-27', 'en-long', 'en', 'November 29, 2026'],
    ['Aug. 27, 2021', '2021-08-27', 'en-long', 'en', 'Nov. 29, 2026'],
    ['August 27th, 2021', '2021-08-27', 'en-long', 'en', 'November 29th, 2026'],
    ['May 1st, 2021', '2021-05-01', 'en-long', 'en', 'November 2nd, 2026'],
    ['27 August 2021', '2021-08-27', 'en-long-dmy', 'en', '29 November 2026'],
    ['2021-08-27', '2021-08-27', 'iso', 'en', '2026-11-29'],
    ['2021/8/27', '2021-08-27', 'numeric', 'zh', '2026/11/29'],
    ['2021.08.05', '2021-08-05', 'numeric', 'en', '2026.11.29'],
  ] as const)('%s → %s', (source, date, format, lang, expected) => {
    const target = expected.includes('2nd') ? '2026-11-02' : '2026-11-29';
    expect(renderDateLike(lastUpdated(source, date, format), target, lang)).toBe(expected);
  });

  it('keeps the month before the day in an ambiguous US date', () => {
    expect(renderDateLike(lastUpdated('05/05/2021', '2021-05-05', 'numeric'), '2026-11-29', 'en')).toBe('11/29/2026');
    expect(renderDateLike(lastUpdated('05/05/2021', '2021-05-05', 'numeric'), '2026-11-29', 'zh')).toBe('29/11/2026');
  });

  it('falls back to the canonical spelling when the source cannot be followed', () => {
    expect(renderDateLike(lastUpdated('二〇二一年八月二十七日', '2021-08-27', 'zh'), '2026-11-29', 'zh')).toBe('2026 年 11 月 29 日');
  });
});

describe('renderPublishedSource', () => {
  const seedHead = '---\ntype: privacy-policy\ntitle: 隐私政策\n---\n\n# 隐私政策\n**最新更新于 2021 年 8 月 27 日**\n\nbody\n';

  it('sets the last-updated date in place and adds a quoted version key, changing nothing else', () => {
    const out = renderPublishedSource(seedHead, lastUpdated('2021 年 8 月 27 日', '2021-08-27', 'zh', seedHead), {
      date: '2026-11-29',
      version: '2.0',
      lang: 'zh',
    });
    expect(out).toBe('---\ntype: privacy-policy\ntitle: 隐私政策\nversion: "2.0"\n---\n\n# 隐私政策\n**最新更新于 2026 年 11 月 29 日**\n\nbody\n');
  });

  it('replaces an existing version line instead of adding a second one', () => {
    const source = '---\nversion: 1.1\ntitle: T\n---\nLast updated: 2021-08-27\n';
    const out = renderPublishedSource(source, lastUpdated('2021-08-27', '2021-08-27', 'iso', source), { date: '2026-11-29', version: '2.0', lang: 'en' });
    expect(out).toBe('---\nversion: "2.0"\ntitle: T\n---\nLast updated: 2026-11-29\n');
    expect(out.match(/^version:/gm)).toHaveLength(1);
  });

  it('replaces a version value continued on indented lines', () => {
    const source = '---\nversion:\n  number: 1\ntitle: T\n---\nbody\n';
    expect(renderPublishedSource(source, null, { date: '2026-11-29', version: '1.1', lang: 'en' })).toBe('---\nversion: "1.1"\ntitle: T\n---\nbody\n');
  });

  it('keeps CRLF line endings and a BOM', () => {
    const source = '\uFEFF---\r\ntitle: T\r\n---\r\nbody\r\n';
    expect(renderPublishedSource(source, null, { date: '2026-11-29', version: '1.0', lang: 'en' })).toBe('\uFEFF---\r\ntitle: T\r\nversion: "1.0"\r\n---\r\nbody\r\n');
  });

  it('adds a front matter to a policy without one', () => {
    const source = '# Terms\n\nLast updated on August 27, 2021\n';
    const out = renderPublishedSource(source, lastUpdated('August 27, 2021', '2021-08-27', 'en-long', source), { date: '2026-11-29', version: '1.0', lang: 'en' });
    expect(out).toBe('---\nversion: "1.0"\n---\n# Terms\n\nLast updated on November 29, 2026\n');
  });

  it('is idempotent: publishing the published text again changes nothing', () => {
    const once = renderPublishedSource(seedHead, lastUpdated('2021 年 8 月 27 日', '2021-08-27', 'zh', seedHead), { date: '2026-11-29', version: '2.0', lang: 'zh' });
    const twice = renderPublishedSource(once, lastUpdated('2026 年 11 月 29 日', '2026-11-29', 'zh', once), { date: '2026-11-29', version: '2.0', lang: 'zh' });
    expect(twice).toBe(once);
  });

  it('refuses a last-updated record that does not match the source', () => {
    expect(() => renderPublishedSource('abc', { date: '2021-08-27', line: 1, source: 'xyz', offset: 0, format: 'iso' }, { date: '2026-11-29', version: '1.0', lang: 'en' })).toThrow(/not at offset/);
  });
});

describe('archive index', () => {
  const index: ArchiveIndex = { id: 'p', title: 'P', lang: 'en', versions: [entry('1.0')] };

  it('round-trips through its text, fields in the documented order', () => {
    const text = renderArchiveIndex({ ...index, versions: [{ ...entry('1.0'), previous: null, version: '1.0' }] });
    expect(parseArchiveIndex(text, 'archive/p/index.json')).toEqual(index);
    expect(Object.keys(JSON.parse(text).versions[0])).toEqual(['version', 'date', 'effective', 'file', 'sha256', 'level', 'triggers', 'summary', 'publishedAt', 'previous']);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('names every problem of a malformed index', () => {
    const problems = findIndexProblems({ id: '../x', title: 'T', lang: 'fr', versions: [{ ...entry('1.0'), file: '../../etc/passwd', level: 'huge' }] });
    expect(problems).toEqual([
      '"id" must be a valid policy id, found "../x"',
      '"lang" must be "zh" or "en", found "fr"',
      'versions[0].file must be "1.0.md", found "../../etc/passwd"',
      'versions[0].level must be one of initial, major, minor, found "huge"',
    ]);
  });

  it('throws ARCHIVE_INVALID naming the file for invalid JSON', () => {
    const error = errorOf(() => parseArchiveIndex('{', 'archive/p/index.json'));
    expect(error.code).toBe('ARCHIVE_INVALID');
    expect(error.message).toMatch(/^archive\/p\/index\.json: invalid JSON/);
  });
});

describe('references', () => {
  const index: ArchiveIndex = {
    id: 'p',
    title: 'P',
    lang: 'en',
    versions: [entry('1.0', { effective: '2021-08-27' }), entry('1.9', { effective: '2022-01-01' }), entry('1.10', { effective: '2023-06-01' })],
  };

  it('parses versions, dates and latest', () => {
    expect(parseReference('p@1.10').selector).toEqual({ kind: 'version', version: '1.10' });
    expect(parseReference('p@2022-05-01').selector).toEqual({ kind: 'date', date: '2022-05-01' });
    expect(parseReference('p@latest')).toEqual({ id: 'p', selector: { kind: 'latest' }, text: 'p@latest' });
  });

  it.each(['../p@1.0', 'p@', '@1.0', 'p@soon', 'p@2023-02-30', 'a/b@latest'])('refuses %j with BAD_REFERENCE', (text) => {
    const error = errorOf(() => parseReference(text));
    expect(error.code).toBe('BAD_REFERENCE');
    expect(error.exitCode).toBe(2);
  });

  it('resolves a date to the version in effect that day', () => {
    expect(resolveReference(index, parseReference('p@2022-05-01'), '2026-11-29').version).toBe('1.9');
    expect(resolveReference(index, parseReference('p@2023-06-01'), '2026-11-29').version).toBe('1.10');
    expect(resolveReference(index, parseReference('p@latest'), '2026-11-29').version).toBe('1.10');
    expect(resolveReference(index, parseReference('p@1.9'), '2026-11-29').version).toBe('1.9');
  });

  it('@latest is the latest published, @current the one in effect today', () => {
    expect(parseReference('p@current')).toEqual({ id: 'p', selector: { kind: 'current' }, text: 'p@current' });
    // 1.10 takes effect on its own date; the day before, 1.9 is current and 1.10 already latest.
    const effective = index.versions.at(-1)!.effective;
    const dayBefore = new Date(Date.parse(`${effective}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(resolveReference(index, parseReference('p@current'), dayBefore).version).toBe('1.9');
    expect(resolveReference(index, parseReference('p@latest'), dayBefore).version).toBe('1.10');
    expect(resolveReference(index, parseReference('p@current'), effective).version).toBe('1.10');
    expect(errorOf(() => resolveReference(index, parseReference('p@current'), '2000-01-01')).code).toBe('NOT_FOUND');
  });

  it('says what exists when a version or date has none', () => {
    expect(errorOf(() => resolveReference(index, parseReference('p@3.0'), '2026-11-29')).message).toBe('p@3.0: no version 3.0 of p in the archive (versions: 1.0, 1.9, 1.10)');
    const early = errorOf(() => resolveReference(index, parseReference('p@2020-01-01'), '2026-11-29'));
    expect(early.code).toBe('NOT_FOUND');
    expect(early.message).toContain('the first, 1.0, took effect on 2021-08-27');
  });
});

describe('renderSummary', () => {
  const seed = readFileSync(new URL('./fixtures/policies/privacy-policy.zh.md', import.meta.url), 'utf8');
  const revisionOf = (edited: string) => comparePolicies(policyFrom(seed), policyFrom(edited));

  it('leads with the major change, then counts the others, in the policy\'s language', () => {
    const edited = seed
      .replace('legal@pingcap.com](mailto:legal@pingcap.com)。我们将', 'legal@pingcap.cn](mailto:legal@pingcap.cn)。我们将')
      .replace('我们搜集的', '我们收集的');
    expect(renderSummary(revisionOf(edited))).toBe('联系邮箱由 legal@pingcap.com 变更为 legal@pingcap.cn；另有 1 处一般变更');
    expect(renderSummary(revisionOf(edited), 'en')).toBe('Contact e-mail address changed from legal@pingcap.com to legal@pingcap.cn; and 1 minor change');
  });

  it('describes a minor revision by its first change', () => {
    expect(renderSummary(revisionOf(seed.replace('我们搜集的', '我们收集的')))).toBe('错别字修正：“搜集”→“收集”');
    expect(renderSummary(revisionOf(seed.replace('我们搜集的', '我们收集的')), 'en')).toBe('Typo fixed: "搜集" → "收集"');
    expect(renderSummary(revisionOf(seed), 'en')).toBe('No visible change');
  });
});
