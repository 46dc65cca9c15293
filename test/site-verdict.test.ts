/**
 * The versions table and the feed state a version's level, count and summary
 * as its record holds them; a version archived before records (the shipped
 * 1.0) is shown from its index entry, as before. The rows here give a record
 * that disagrees with the index entry, so a page that read the entry fails.
 */
import { describe, expect, it } from 'vitest';
import { verdictOfRecord, type RecordedVerdict } from '../src/publish/read-record.js';
import type { RevisionRecord } from '../src/publish/record.js';
import { renderFeed } from '../src/site/feed.js';
import { stringifyHtml } from '../src/site/html.js';
import { parseManifest, renderManifest, emptyManifest } from '../src/site/manifest.js';
import { buildPolicyView, shownVerdict } from '../src/site/model.js';
import { renderVersionsPage } from '../src/site/pages/versions.js';
import type { ArchiveIndex, ArchivedVersion } from '../src/types.js';

const ENTRY = (version: string, level: ArchivedVersion['level'], summary: string, date: string): ArchivedVersion => ({
  version,
  date,
  effective: date,
  file: `${version}.md`,
  sha256: version.replace('.', '').padEnd(64, 'a'),
  level,
  triggers: [],
  summary,
  publishedAt: `${date}T09:00:00.000Z`,
  previous: null,
});

const INDEX: ArchiveIndex = {
  id: 'p',
  title: 'Privacy Policy',
  lang: 'en',
  versions: [ENTRY('1.0', 'initial', 'Initial version', '2021-08-27'), ENTRY('2.0', 'minor', 'From the index entry', '2026-12-01')],
};

const RECORDED: RecordedVerdict = { level: 'major', overridden: true, counts: { changes: 4, major: 1, minor: 3 }, summary: 'From the record', changeNote: null };

describe('a version list shows the recorded verdict', () => {
  it('shownVerdict: the record where there is one, else the index entry (no count)', () => {
    const [first, second] = INDEX.versions as [ArchivedVersion, ArchivedVersion];
    expect(shownVerdict(second, RECORDED)).toEqual({ level: 'major', overridden: true, counts: { changes: 4, major: 1, minor: 3 }, summary: 'From the record' });
    expect(shownVerdict(second, null)).toEqual({ level: 'minor', overridden: false, counts: null, summary: 'From the index entry' });
    // A first version's record has nothing to count.
    expect(shownVerdict(first, { ...RECORDED, level: 'initial', counts: { changes: 0, major: 0, minor: 0 } }).counts).toBeNull();
  });

  it('the versions table and the feed take level, count and summary from the record', () => {
    const view = buildPolicyView(INDEX, '2026-12-02');
    const rows = view.versions.map((version) => ({ view: version, triggers: [], verdict: version.entry.version === '2.0' ? RECORDED : null }));
    const html = stringifyHtml(renderVersionsPage({ lang: 'en', title: 'Privacy Policy', id: 'p', rows, current: view.current, baseUrl: null }));
    const row = (version: string) => new RegExp(`<tr[^>]*data-version="${version.replace('.', '\\.')}"[^>]*>[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
    expect(row('2.0')).toContain('From the record');
    expect(row('2.0')).not.toContain('From the index entry');
    expect(row('2.0')).toContain('<span class="count">4 changes (1 major, 3 minor)</span>');
    expect(row('2.0')).toMatch(/badge-major/);
    // The shipped 1.0 has no record: it renders from its entry, as before.
    expect(row('1.0')).toContain('Initial version');
    expect(row('1.0')).not.toContain('class="count"');

    const xml = renderFeed({ lang: 'en', title: 'Privacy Policy', id: 'p', entries: rows.map((r) => ({ entry: r.view.entry, triggers: [], verdict: r.verdict })), baseUrl: null, author: null });
    const newest = /<entry>[\s\S]*?<\/entry>/.exec(xml)?.[0] ?? '';
    expect(newest).toContain('Major change, in effect from December 1, 2026. 4 changes (1 major, 3 minor). From the record');
    expect(newest).toContain('4 changes (1 major, 3 minor)');
    expect(newest).toContain('From the record');
    expect(newest).toContain('<category term="major"/>');
    expect(newest).not.toContain('From the index entry');
  });

  it('a record written before it kept the summary takes the entry\'s; counts come from its changes', () => {
    const record = {
      level: 'minor',
      override: null,
      changes: [{ level: 'minor' }, { level: 'major' }, { level: 'minor' }],
    } as unknown as RevisionRecord;
    expect(verdictOfRecord(record, { summary: 'as published' })).toEqual({ level: 'minor', overridden: false, counts: { changes: 3, major: 1, minor: 2 }, summary: 'as published', changeNote: null });
    expect(verdictOfRecord({ ...record, summary: 'kept' }, { summary: 'as published' }).summary).toBe('kept');
  });

  it('a site manifest whose facts predate recorded verdicts learns them again', () => {
    const manifest = emptyManifest('policy 1');
    const old = JSON.parse(renderManifest({ ...manifest, facts: { abc: { triggers: [], changeNote: null } } })) as Record<string, unknown>;
    expect(parseManifest(JSON.stringify(old), 'policy 1')?.facts).toEqual({});
    const fresh = renderManifest({ ...manifest, facts: { abc: { triggers: [], changeNote: null, verdict: null } } });
    expect(parseManifest(fresh, 'policy 1')?.facts).toEqual({ abc: { triggers: [], changeNote: null, verdict: null } });
  });
});
