/** The human change note: read from front matter, shown first in notices, on the changes page and in the feed. */
import { describe, expect, it } from 'vitest';
import { renderNoticeModel } from '../src/notify/notice-model.js';
import { renderNoticeContent } from '../src/notify/render-notice.js';
import { changeNoteOf, splitNoteParagraphs } from '../src/policy/change-note.js';
import { comparePolicies } from '../src/revision.js';
import { renderFeed } from '../src/site/feed.js';
import { stringifyHtml } from '../src/site/html.js';
import { renderChangesPage } from '../src/site/pages/changes.js';
import type { ArchivedVersion } from '../src/types.js';
import { policyFrom, readFixture } from './helpers/policies.js';

const NOTE = '我们将隐私联络邮箱改为 privacy@pingcap.com，\n以便更快回复您的请求。\n\n设备信息仅用于安全防护。';

function entry(version: string, level: ArchivedVersion['level']): ArchivedVersion {
  return {
    version,
    date: '2026-12-01',
    effective: '2026-12-31',
    file: `${version}.md`,
    sha256: '0'.repeat(64),
    level,
    triggers: level === 'major' ? [5] : [],
    summary: '联络邮箱变更。',
    publishedAt: '2026-12-01T00:00:00.000Z',
    previous: null,
  };
}

describe('changeNote', () => {
  it('reads the note from front matter, trimmed, and refuses anything but text', () => {
    const policy = (frontMatter: Record<string, unknown>) => ({ path: 'p.md', frontMatter });
    expect(changeNoteOf(policy({ changeNote: `  ${NOTE}\n` }))).toBe(NOTE);
    expect(changeNoteOf(policy({}))).toBeNull();
    expect(changeNoteOf(policy({ changeNote: '   ' }))).toBeNull();
    expect(() => changeNoteOf(policy({ changeNote: ['a'] }))).toThrow('p.md: changeNote must be text');
    expect(() => changeNoteOf(policy({ changeNote: 'x'.repeat(10_001) }))).toThrow(/at most 10000/);
  });

  it('splits paragraphs at blank lines and joins Chinese lines without a space', () => {
    expect(splitNoteParagraphs(NOTE)).toEqual(['我们将隐私联络邮箱改为 privacy@pingcap.com，以便更快回复您的请求。', '设备信息仅用于安全防护。']);
    expect(splitNoteParagraphs('We changed\nthe contact.\n \nNothing else.')).toEqual(['We changed the contact.', 'Nothing else.']);
  });
});

describe('the note shown first', () => {
  const old = policyFrom(readFixture('notify/zh/1.0.md'), 'archive/privacy-policy/1.0.md', 'privacy-policy');
  const now = policyFrom(readFixture('notify/zh/2.0.md'), 'archive/privacy-policy/2.0.md', 'privacy-policy');
  const revision = comparePolicies(old, now);

  it('in the notice, above the automatic list, in text and HTML', () => {
    const model = renderNoticeModel({ revision, entry: entry('2.0', 'major'), previous: entry('1.0', 'initial'), changeNote: NOTE });
    const content = renderNoticeContent(model);
    const note = content.text.indexOf('## 变更说明');
    expect(note).toBeGreaterThan(0);
    expect(content.text.indexOf('我们将隐私联络邮箱改为 privacy@pingcap.com，以便更快回复您的请求。\n\n设备信息仅用于安全防护。')).toBeGreaterThan(note);
    const list = content.text.search(/\n- \*\*/);
    expect(list).toBeGreaterThan(note);
    expect(content.html).toContain('<h2>变更说明</h2>\n<p>我们将隐私联络邮箱改为 privacy@pingcap.com，以便更快回复您的请求。</p>\n<p>设备信息仅用于安全防护。</p>\n<p>根据本政策所列的重大变更情形');
    // No note, no heading.
    const plain = renderNoticeContent(renderNoticeModel({ revision, entry: entry('2.0', 'major'), previous: entry('1.0', 'initial') }));
    expect(plain.text).not.toContain('变更说明');
  });

  it('on the changes page, before the triggers and the changes, escaped', () => {
    const model = { lang: 'zh' as const, title: '隐私政策', id: 'privacy-policy', entry: entry('2.0', 'major'), previous: entry('1.0', 'initial'), baseUrl: null };
    const html = stringifyHtml(renderChangesPage({ ...model, changeNote: `${NOTE}\n\n<script>alert(1)</script>` }, revision));
    const at = html.indexOf('<section class="change-note" aria-labelledby="change-note"><h2 id="change-note">变更说明</h2>');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(html.indexOf('id="triggers-hit"'));
    expect(html).toContain('<p>&#x3C;script>alert(1)&#x3C;/script></p>');
    expect(stringifyHtml(renderChangesPage(model, revision))).not.toContain('class="change-note"');
  });

  it('in the feed entry, before the summary', () => {
    const feed = renderFeed({
      lang: 'en',
      title: 'Privacy',
      id: 'privacy',
      baseUrl: 'https://example.com/',
      author: null,
      entries: [{ entry: { ...entry('2.0', 'major'), summary: 'Contact changed.' }, triggers: [], changeNote: 'We moved to a new mailbox.' }],
    });
    expect(feed).toContain('<![CDATA[<p>We moved to a new mailbox.</p><p>Major change, in effect from December 31, 2026. Contact changed.</p>');
  });
});
