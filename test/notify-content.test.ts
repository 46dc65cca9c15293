import { describe, expect, it } from 'vitest';
import { renderExcerpt, renderNoticeModel, type NoticeModel } from '../src/notify/notice-model.js';
import { renderMailOptions, renderMessageTemplate } from '../src/notify/message.js';
import { renderNoticeContent, renderNoticeHtml, renderNoticeSubject, renderNoticeText } from '../src/notify/render-notice.js';
import type { ArchivedVersion, Block, ClassifiedChange, Policy, Revision } from '../src/types.js';
import { comparePolicies } from '../src/revision.js';
import { policyFrom, readFixture } from './helpers/policies.js';

function entry(version: string, level: ArchivedVersion['level']): ArchivedVersion {
  return {
    version,
    date: '2026-12-01',
    effective: '2026-12-31',
    file: `${version}.md`,
    sha256: '0'.repeat(64),
    level,
    triggers: [],
    summary: '',
    publishedAt: '2026-12-01T00:00:00.000Z',
    previous: null,
  };
}

function blockWith(policy: Policy, text: string): { block: Block; index: number } {
  const index = policy.blocks.findIndex((b) => b.text.includes(text));
  if (index < 0) throw new Error(`no block with ${text}`);
  return { block: policy.blocks[index]!, index };
}

function change(old: Policy, now: Policy, oldText: string | null, newText: string | null, extra: Partial<ClassifiedChange>): ClassifiedChange {
  const o = oldText === null ? null : blockWith(old, oldText);
  const n = newText === null ? null : blockWith(now, newText);
  return {
    kind: o && n ? 'modified' : o ? 'removed' : 'added',
    oldBlock: o?.block ?? null,
    newBlock: n?.block ?? null,
    oldIndex: o?.index ?? -1,
    newIndex: n?.index ?? -1,
    inline: [],
    level: 'minor',
    triggers: [],
    reasons: [],
    rules: [],
    confidence: 'high',
    ...extra,
  };
}

/** A revision of the zh fixture, classified by hand: the contact change hits trigger 5, the device data trigger 1. */
function zhRevision(): Revision {
  const old = policyFrom(readFixture('notify/zh/1.0.md'), 'archive/privacy-policy/1.0.md', 'privacy-policy');
  const now = policyFrom(readFixture('notify/zh/2.0.md'), 'archive/privacy-policy/2.0.md', 'privacy-policy');
  const contactOld = blockWith(old, '将您的问题发送至').block.text;
  const [head, tail] = contactOld.split('legal@pingcap.com') as [string, string];
  return {
    old,
    new: now,
    level: 'major',
    triggers: [1, 5],
    warnings: [],
    needsDecision: 0,
    changes: [
      change(old, now, null, '设备信息', { level: 'major', triggers: [1] }),
      change(old, now, '将您的问题发送至', '将您的问题发送至', {
        level: 'major',
        triggers: [5],
        inline: [
          { op: 'equal', text: head },
          { op: 'delete', text: 'legal@pingcap.com' },
          { op: 'insert', text: 'privacy@pingcap.com' },
          { op: 'equal', text: tail },
        ],
      }),
      change(old, now, '最新更新于', '最新更新于', { level: 'minor' }),
    ],
  };
}

const SITE = 'https://policies.example.com';

describe('renderExcerpt', () => {
  it('keeps the stretch around the change, with ellipses where text was cut', () => {
    const parts = [
      { op: 'equal' as const, text: 'a'.repeat(100) + ' contact ' },
      { op: 'delete' as const, text: 'legal@x.com' },
      { op: 'insert' as const, text: 'privacy@x.com' },
      { op: 'equal' as const, text: ' today.' + 'b'.repeat(100) },
    ];
    expect(renderExcerpt(parts, 'delete')).toBe(`…${'a'.repeat(31)} contact legal@x.com today.${'b'.repeat(33)}…`);
    expect(renderExcerpt(parts, 'insert')).toBe(`…${'a'.repeat(31)} contact privacy@x.com today.${'b'.repeat(33)}…`);
    expect(renderExcerpt([{ op: 'equal', text: 'same' }, { op: 'insert', text: ' more' }], 'delete')).toBe('same');
  });
});

describe('renderNoticeModel', () => {
  it('groups the major changes of a major revision under the triggers they hit, in list order', () => {
    const model = renderNoticeModel({ revision: zhRevision(), entry: entry('2.0', 'major'), previous: entry('1.0', 'initial'), siteUrl: `${SITE}/` });
    expect(model.level).toBe('major');
    expect(model.groups.map((g) => g.trigger)).toEqual([
      '我们的服务模式发生重大变化。如处理个人信息的目的、处理的个人信息类型、个人信息的使用方式等；',
      '我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化；',
    ]);
    expect(model.groups[0]!.changes).toEqual([
      { kind: 'added', section: '1. 我们收集的个人信息', before: null, after: '设备信息：您访问网站时使用的设备型号、IP 地址和浏览器类型。' },
    ]);
    const contact = model.groups[1]!.changes[0]!;
    expect(contact.section).toBe('10. 如何联系我们');
    expect(contact.before).toContain('legal@pingcap.com');
    expect(contact.after).toContain('privacy@pingcap.com');
    expect(model.otherCount).toBe(1);
    expect(model.others).toEqual([]);
    expect(model.links).toEqual({
      version: 'https://policies.example.com/privacy-policy/2.0/',
      changes: 'https://policies.example.com/privacy-policy/2.0/changes/',
    });
  });

  it('lists every change of a minor revision, and caps long lists', () => {
    const revision = zhRevision();
    const minor = renderNoticeModel({ revision, entry: entry('1.1', 'minor'), previous: entry('1.0', 'initial') });
    expect(minor.groups).toEqual([]);
    expect(minor.others).toHaveLength(3);
    expect(minor.links).toEqual({});
    const capped = renderNoticeModel({ revision, entry: entry('1.1', 'minor'), previous: entry('1.0', 'initial'), maxListed: 2 });
    expect(capped.others).toHaveLength(2);
    expect(capped.omitted).toBe(1);
  });

  it('keeps a major revision (by a human override) readable when no change was classified major', () => {
    const revision = zhRevision();
    for (const c of revision.changes) c.level = 'minor';
    const model = renderNoticeModel({ revision, entry: entry('2.0', 'major'), previous: entry('1.0', 'initial') });
    expect(model.groups).toEqual([]);
    expect(model.others).toHaveLength(3);
  });
});

function zhModel(level: 'major' | 'minor' = 'major'): NoticeModel {
  return renderNoticeModel({
    revision: zhRevision(),
    entry: entry(level === 'major' ? '2.0' : '1.1', level),
    previous: entry('1.0', 'initial'),
    siteUrl: SITE,
    unsubscribeUrl: 'https://example.com/unsubscribe',
  });
}

describe('notice text and HTML', () => {
  it('writes a zh major notice: subject, banner, changes under their triggers, dates, links', () => {
    const model = zhModel();
    expect(renderNoticeSubject(model)).toBe('【重要】《隐私政策》重大变更通知（2.0 版）');
    expect(renderNoticeText(model)).toMatchInlineSnapshot(`
      "# 《隐私政策》重大变更通知

      **重要提示：本次更新包含重大变更，可能影响您的权利，请仔细阅读。**

      我们更新了《隐私政策》，新版本为 2.0 版（上一版本为 1.0 版），于 2026 年 12 月 1 日发布，自 2026 年 12 月 31 日起生效。

      根据本政策所列的重大变更情形，以下变更属于重大变更：

      ## 我们的服务模式发生重大变化。如处理个人信息的目的、处理的个人信息类型、个人信息的使用方式等；

      - **新增** · 所在章节：1. 我们收集的个人信息

        变更后：设备信息：您访问网站时使用的设备型号、IP 地址和浏览器类型。

      ## 我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化；

      - **修改** · 所在章节：10. 如何联系我们

        变更前：…政策或其他相关事宜有疑问，请根据我们提供的指引，填写相关资料，将您的问题发送至 legal@pingcap.com。我们将尽快审核所涉问题，并在验证您的身份后的三十天内予以回复。

        变更后：…政策或其他相关事宜有疑问，请根据我们提供的指引，填写相关资料，将您的问题发送至 privacy@pingcap.com。我们将尽快审核所涉问题，并在验证您的身份后的三十天内予以回复。

      此外还有 1 处较小的修改，详见变更页面。

      阅读新版本：<https://policies.example.com/privacy-policy/2.0/>

      查看全部变更：<https://policies.example.com/privacy-policy/2.0/changes/>

      ---

      如不希望再收到此类通知，可在此退订：<https://example.com/unsubscribe>
      "
    `);
    const html = renderNoticeHtml(model);
    expect(html).toMatch(/^<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">/);
    expect(html).toContain('<title>【重要】《隐私政策》重大变更通知（2.0 版）</title>');
    expect(html).toContain('<h2>我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化；</h2>');
    expect(html).toContain('<a href="https://policies.example.com/privacy-policy/2.0/changes/">');
    expect(html).toContain('重要提示：本次更新包含重大变更');
  });

  it('a notice of a classified zh revision shows no reasons, so none in English reaches a Chinese reader', () => {
    const old = policyFrom(readFixture('notify/zh/1.0.md'), 'archive/privacy-policy/1.0.md', 'privacy-policy');
    const now = policyFrom(readFixture('notify/zh/2.0.md'), 'archive/privacy-policy/2.0.md', 'privacy-policy');
    const revision = comparePolicies(old, now);
    const reasons = revision.changes.flatMap((c) => c.reasons);
    expect(reasons.length).toBeGreaterThan(0);
    const model = renderNoticeModel({ revision, entry: entry('2.0', revision.level === 'none' ? 'minor' : revision.level), previous: entry('1.0', 'initial'), siteUrl: SITE });
    const content = renderNoticeContent(model);
    expect(content.lang).toBe('zh');
    for (const part of [content.text, content.html]) {
      for (const reason of reasons) expect(part).not.toContain(reason.slice(0, 30));
      expect(part).not.toMatch(/is governed by|no trigger governs|minor because/);
    }
  });

  it('writes an en minor notice with the English template', () => {
    const old = policyFrom(readFixture('notify/en/1.0.md'), 'archive/privacy-policy/1.0.md', 'privacy-policy');
    const now = policyFrom(readFixture('notify/en/1.1.md'), 'archive/privacy-policy/1.1.md', 'privacy-policy');
    const revision: Revision = {
      old,
      new: now,
      needsDecision: 0,
      level: 'minor',
      triggers: [],
      warnings: [],
      changes: [change(old, now, 'We will review the matter', 'We will look into the matter', { level: 'minor' })],
    };
    const model = renderNoticeModel({ revision, entry: entry('1.1', 'minor'), previous: entry('1.0', 'initial'), siteUrl: SITE });
    const content = renderNoticeContent(model);
    expect(content.lang).toBe('en');
    expect(content.subject).toBe('Our Privacy Policy has been updated (version 1.1)');
    expect(content.text).toContain('We have updated our Privacy Policy. The new version 1.1 (previously 1.0) was published on December 1, 2026 and takes effect on December 31, 2026.');
    expect(content.text).toContain('This update makes minor changes:');
    expect(content.text).not.toContain('Important');
    expect(content.html).toContain('<html lang="en">');
    expect(content.html).toContain('<a href="https://policies.example.com/privacy-policy/1.1/">');
  });

  it('escapes markup from the policy: excerpts cannot inject HTML or Markdown', () => {
    const model = zhModel('minor');
    model.others[0] = { kind: 'modified', section: '<b>x</b>', before: '<script>alert(1)</script>', after: '[click](javascript:alert(1)) *bold*' };
    const html = renderNoticeHtml(model);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    const text = renderNoticeText(model);
    expect(text).toContain('变更后：\\[click]');
    expect(text).toContain('\\*bold\\*');
    expect(text).toContain('\\<script>');
  });

  it('keeps a title with CR/LF on one line in the subject and the headers', async () => {
    const model = zhModel();
    model.title = 'Privacy\r\nBcc: attacker@evil.example'.replace(/[\r\n]+/g, '\r\n');
    const content = renderNoticeContent(model);
    expect(content.subject).not.toMatch(/[\r\n]/);
    const template = await renderMessageTemplate(content, { from: 'Legal <legal@example.com>' }, { policyId: 'privacy-policy', version: '2.0' });
    const options = renderMailOptions(template, { address: 'a@example.com', hash: 'f'.repeat(64) }, new Date(0));
    const raw = (options.raw as Buffer).toString('latin1');
    const headers = raw.slice(0, raw.indexOf('\r\n\r\n')).split(/\r\n(?![ \t])/);
    expect(headers.map((h) => h.slice(0, h.indexOf(':')))).toEqual(['To', 'Message-ID', 'Date', 'From', 'Subject', 'MIME-Version', 'Content-Type']);
    expect(headers[4]).toMatch(/^Subject: =\?UTF-8\?/);
    expect(options.envelope).toEqual({ from: 'legal@example.com', to: ['a@example.com'] });
  });
});
