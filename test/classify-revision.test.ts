import { describe, expect, it } from 'vitest';
import { classifyRevision } from '../src/classify/classify-revision.js';
import { renderReasons } from '../src/classify/messages/index.js';
import { containedSimilarity, similarity } from '../src/diff/similarity.js';
import { comparePolicies } from '../src/revision.js';
import type { Block, Change, Policy, Trigger } from '../src/types.js';
import { policyFrom, readFixture } from './helpers/policies.js';

const TRIGGERS = ['处理个人信息的目的、类型、使用方式发生变化', '信息控制者发生变化，如并购重组', '共享、转让或公开披露的主要对象发生变化', '您的权利及其行使方式发生变化', '责任部门、联络方式及投诉渠道发生变化', '安全影响评估报告表明存在高风险'];

function b(text: string, section: string[], extra: Partial<Block> = {}): Block {
  return { kind: 'paragraph', depth: 0, text, urls: [], section, line: 1, endLine: 1, key: text, ...extra };
}

/** A small hand-built policy: title, four sections, and the trigger list in section 9. */
function policy(over: { blocks?: Block[]; source?: Policy['triggerSource'] } = {}): Policy {
  const blocks = over.blocks ?? [
    b('隐私政策', [], { kind: 'heading', depth: 1 }),
    b('示例公司（下称“我们”）重视您的隐私。', ['隐私政策']),
    b('3. 您的权利', ['隐私政策'], { kind: 'heading', depth: 2 }),
    b('您可以访问、更正或删除您的个人信息，我们将在三十天内予以回复。', ['隐私政策', '3. 您的权利']),
    b('4. 信息的共享', ['隐私政策'], { kind: 'heading', depth: 2 }),
    b('未经您同意，我们不会与任何第三方共享您的信息。', ['隐私政策', '4. 信息的共享']),
    b('9. 本政策如何更新', ['隐私政策'], { kind: 'heading', depth: 2 }),
    b('重大变更包括：', ['隐私政策', '9. 本政策如何更新']),
    ...TRIGGERS.map((t) => b(t, ['隐私政策', '9. 本政策如何更新'], { kind: 'listItem' })),
    b('10. 如何联系我们', ['隐私政策'], { kind: 'heading', depth: 2 }),
    b('请发送邮件至 legal@example.com 联系我们。', ['隐私政策', '10. 如何联系我们'], { urls: ['mailto:legal@example.com'] }),
  ];
  const source = over.source ?? 'policy';
  const listStart = blocks.findIndex((x) => x.text === TRIGGERS[0]);
  const triggers: Trigger[] = TRIGGERS.map((text, i) => ({ index: i + 1, text, line: 0, blockIndex: source === 'policy' ? listStart + i : -1 }));
  return {
    id: 'p', path: 'p.md', title: '隐私政策', lang: 'zh', type: null, frontMatter: {}, source: '', sha256: '', blocks, lastUpdated: null,
    triggers, triggerSource: source, triggerBlocks: source === 'policy' ? [listStart, listStart + TRIGGERS.length] : null,
    warnings: source === 'default' ? ['p.md: no list of major changes found in the policy; using the built-in default list'] : [],
  };
}

function modify(p: Policy, index: number, text: string, extra: Partial<Block> = {}): { next: Policy; change: Change } {
  const blocks = [...p.blocks];
  const oldBlock = p.blocks[index]!;
  const newBlock = { ...oldBlock, text, key: text, ...extra };
  blocks[index] = newBlock;
  return { next: { ...p, blocks }, change: { kind: 'modified', oldBlock, newBlock, oldIndex: index, newIndex: index, inline: [] } };
}

const at = (p: Policy, text: string): number => p.blocks.findIndex((x) => x.text.startsWith(text));

describe('classifyRevision', () => {
  it('no changes: none', () => {
    const p = policy();
    expect(classifyRevision(p, p, [])).toMatchObject({ level: 'none', triggers: [], changes: [] });
  });

  it('a changed contact e-mail hits the contact trigger, and the reason names it', () => {
    const p = policy();
    const { next, change } = modify(p, at(p, '请发送邮件'), '请发送邮件至 privacy@example.com 联系我们。', { urls: ['mailto:privacy@example.com'] });
    const r = classifyRevision(p, next, [change]);
    expect(r.level).toBe('major');
    expect(r.triggers).toEqual([5]);
    expect(r.changes[0]!.reasons[0]).toBe(
      'Contact e-mail address changed from legal@example.com to privacy@example.com; section "10. 如何联系我们" is governed by trigger 5 ("责任部门、联络方式及投诉渠道发生变化").',
    );
  });

  it('the section decides which trigger: a deadline in the rights section hits trigger 4', () => {
    const p = policy();
    const { next, change } = modify(p, at(p, '您可以访问'), '您可以访问、更正或删除您的个人信息，我们将在六十天内予以回复。');
    expect(classifyRevision(p, next, [change])).toMatchObject({ level: 'major', triggers: [4] });
  });

  it('the substance decides whether: a typo in a governed section stays minor', () => {
    const p = policy();
    const { next, change } = modify(p, at(p, '未经您同意'), '未经您同意，我们不会与任何第三方共享您的信习。');
    const r = classifyRevision(p, next, [change]);
    expect(r).toMatchObject({ level: 'minor', triggers: [] });
    expect(r.changes[0]!.reasons[0]).toMatch(/^Typo fixed/);
  });

  it('a negation flip in the sharing section hits trigger 3', () => {
    const p = policy();
    const { next, change } = modify(p, at(p, '未经您同意'), '未经您同意，我们会与第三方共享您的信息。');
    const r = classifyRevision(p, next, [change]);
    expect(r).toMatchObject({ level: 'major', triggers: [3] });
    expect(r.changes[0]!.reasons[0]).toContain('negation "不会" was removed');
  });

  it('edits of the trigger list itself: reworded, removed, added, typo', () => {
    const p = policy();
    const i = at(p, TRIGGERS[2]!);
    const reworded = modify(p, i, '共享、转让或公开披露的主要对象发生重大变化');
    expect(classifyRevision(p, reworded.next, [reworded.change])).toMatchObject({ level: 'major', triggers: [3] });

    const removed: Change = { kind: 'removed', oldBlock: p.blocks[i]!, newBlock: null, oldIndex: i, newIndex: -1, inline: [] };
    const r2 = classifyRevision(p, p, [removed]);
    expect(r2).toMatchObject({ level: 'major', triggers: [3] });
    expect(r2.changes[0]!.reasons[0]).toMatch(/^Trigger 3 "共享、转让或公开披露的主要对象发生变化" was removed/);

    const extra = b('个人信息出境的境外接收方发生变化', ['隐私政策', '9. 本政策如何更新'], { kind: 'listItem' });
    const blocks = [...p.blocks.slice(0, i + 4), extra, ...p.blocks.slice(i + 4)];
    const withNew: Policy = { ...p, blocks, triggers: [...p.triggers, { index: 7, text: extra.text, line: 0, blockIndex: i + 4 }] };
    const added: Change = { kind: 'added', oldBlock: null, newBlock: extra, oldIndex: -1, newIndex: i + 4, inline: [] };
    expect(classifyRevision(p, withNew, [added])).toMatchObject({ level: 'major', triggers: [] });

    const typo = modify(p, i, '共享、转让或公开披露的主要对像发生变化');
    expect(classifyRevision(p, typo.next, [typo.change])).toMatchObject({ level: 'minor', triggers: [] });
  });

  it('a moved block is minor; an edit with the same visible text is minor with a reason', () => {
    const p = policy();
    const i = at(p, '未经您同意');
    const moved: Change = { kind: 'moved', oldBlock: p.blocks[i]!, newBlock: p.blocks[i]!, oldIndex: i, newIndex: i + 3, inline: [] };
    const same: Change = { kind: 'modified', oldBlock: p.blocks[i]!, newBlock: { ...p.blocks[i]! }, oldIndex: i, newIndex: i, inline: [] };
    const r = classifyRevision(p, p, [moved, same]);
    expect(r.level).toBe('minor');
    expect(r.changes.map((c) => c.level)).toEqual(['minor', 'minor']);
    expect(r.changes[1]!.reasons).toEqual(['The text a reader sees is the same before and after.']);
  });

  it('with the default list, triggers name the default category, and the reason too', () => {
    const p = policy({ source: 'default' });
    const { next, change } = modify(p, at(p, '请发送邮件'), '请发送邮件至 privacy@example.com 联系我们。', { urls: ['mailto:privacy@example.com'] });
    const r = classifyRevision(p, next, [change]);
    expect(r).toMatchObject({ level: 'major', triggers: [5], needsDecision: 0 });
    expect(r.changes[0]).toMatchObject({ triggers: [5], confidence: 'high', rules: ['channel-changed'] });
    expect(r.changes[0]!.reasons[0]).toContain('falls under the default category 5 ("责任部门、联络方式及投诉渠道发生变化")');
    expect(r.warnings).toEqual(['p.md: no list of major changes found in the policy; using the built-in default list']);
  });

  it('a changed front-matter key is minor; the trigger list in front matter is compared item by item', () => {
    const p = policy();
    const fm = (text: string): Block => ({ ...b(text, []), kind: 'frontMatter' });
    const title: Change = { kind: 'modified', oldBlock: fm('title: 隐私政策'), newBlock: fm('title: 隐私声明'), oldIndex: -1, newIndex: -1, inline: [] };
    expect(classifyRevision(p, p, [title]).changes[0]).toMatchObject({ level: 'minor', reasons: ['The front-matter key "title" changed from "隐私政策" to "隐私声明".'] });

    const old: Policy = { ...p, triggerSource: 'front-matter', triggers: p.triggers.map((t) => ({ ...t, blockIndex: -1 })) };
    const neu: Policy = { ...old, triggers: old.triggers.filter((t) => t.index !== 6) };
    const list: Change = { kind: 'modified', oldBlock: fm('majorChangeTriggers: [...]'), newBlock: fm('majorChangeTriggers: [..]'), oldIndex: -1, newIndex: -1, inline: [] };
    expect(classifyRevision(old, neu, [list])).toMatchObject({ level: 'major', triggers: [6] });
  });

  it('the revision level is the highest of its changes and its triggers the sorted union', () => {
    const p = policy();
    const a = modify(p, at(p, '请发送邮件'), '请发送邮件至 privacy@example.com 联系我们。', { urls: ['mailto:privacy@example.com'] });
    const c = modify(a.next, at(p, '未经您同意'), '未经您同意，我们会与第三方共享您的信息。');
    const r = classifyRevision(p, c.next, [c.change, a.change]);
    expect(r.level).toBe('major');
    expect(r.triggers).toEqual([3, 5]);
  });
});

describe('whole policies: alignment and link words from the source', () => {
  const doc = (body: string): Policy => policyFrom(`---\ntitle: Recipe Box privacy notice\n---\n\n# Recipe Box privacy notice\n\n${body}\n`);
  const rights = (url: string): string =>
    `## Your rights\n\nYou can access or delete your recipes and account data at any time.\n\n## How to make a request\n\nSend a request through our [data request form](${url}) and we will answer within 30 days.`;

  it('a short footer that gains a sentence is one modified block, and copyright boilerplate is minor', () => {
    const before = '© 2022 Brightwater Labs Ltd.';
    const after = '© 2023 Brightwater Labs Ltd. Recipe Box and the Recipe Box logo are trade marks of Brightwater Labs Ltd.';
    expect(similarity(before, after)).toBeLessThan(0.4);
    expect(containedSimilarity(before, after)).toBeGreaterThan(0.8);
    expect(containedSimilarity('We answer within 30 days.', after)).toBeLessThan(0.8);
    const r = comparePolicies(doc(`${rights('https://app.example.com/requests')}\n\n${before}`), doc(`${rights('https://app.example.com/requests')}\n\n${after}`));
    expect(r.changes.map((c) => [c.kind, c.level])).toEqual([['modified', 'minor']]);
    expect(r.changes[0]!.reasons[0]).toMatch(/^A copyright or trade-mark notice changed/);
  });

  it('a request form link re-pointed to another system is major; the reason quotes the link words', () => {
    const r = comparePolicies(doc(rights('https://app.example.com/requests')), doc(rights('https://example.helpdesk.example/forms/new')));
    expect(r.level).toBe('major');
    expect(r.changes[0]!.reasons[0]).toContain('The link "data request form", a request or contact channel, now points to https://example.helpdesk.example/forms/new');
    const moved = comparePolicies(doc(rights('https://app.example.com/requests')), doc(rights('https://app.example.com/privacy/requests')));
    expect(moved.level).toBe('minor');
  });
});

describe('a contact list re-laid out as a table', () => {
  const doc = (block: string): Policy => policyFrom(`# Wayfarer privacy notice\n\n## Contact us\n\n${block}\n`);
  const list = '- Privacy team: privacy@wayfarer.example\n- Post: 12 Quay Road, Leith';
  const table = (header: string, extra = ''): string => `| ${header} |\n|---|---|\n| Privacy team | privacy@wayfarer.example |\n| Post | 12 Quay Road, Leith |${extra}`;

  it('with the same values is minor: the header row names columns', () => {
    const r = comparePolicies(doc(list), doc(table('Channel | Details')));
    expect(r.level).toBe('minor');
    expect(r.changes.flatMap((c) => c.rules)).toContain('table-header');
  });

  it('a new row is still read on its own, and a first row that states something is not a header', () => {
    expect(comparePolicies(doc(list), doc(table('Channel | Details', '\n| Phone | +44 131 496 0000 |'))).level).toBe('major');
    expect(comparePolicies(doc(list), doc(table('Complaints | dpo@wayfarer.example'))).level).toBe('major');
  });
});

describe('reasons in the policy\'s language', () => {
  const revisionOf = (name: string) => comparePolicies(policyFrom(readFixture(`classify/${name}/old.md`)), policyFrom(readFixture(`classify/${name}/new.md`)));

  it('a zh revision carries its reasons as messages, worded in Chinese for the site and in English as before', () => {
    const r = revisionOf('zh-date-and-typo');
    expect(r.new.lang).toBe('zh');
    // The re-stamped date line is bookkeeping, listed apart from the changes.
    expect(r.bookkeeping).toEqual([{ kind: 'date-line', field: null, before: '2021-08-27', after: '2022-01-10' }]);
    expect(r.changes.map((c) => renderReasons(c, r.new.lang))).toEqual([['错别字修正：“搜集”→“收集”。']]);
    expect(r.changes.map((c) => c.reasons)).toEqual([['Typo fixed: "搜集" → "收集".']]);
    for (const c of r.changes) expect(renderReasons(c, 'en')).toEqual(c.reasons);
  });

  it('a major zh change names its section and trigger in Chinese', () => {
    const r = revisionOf('zh-request-email');
    expect(r.changes).toHaveLength(1);
    expect(renderReasons(r.changes[0]!, 'zh')).toEqual([
      '联系邮箱由 legal@pingcap.com 变更为 privacy@pingcap.com；第“3. 个人信息管理的权利与方法”节受重大变更情形 4（“您参与个人信息处理方面的权利及其行使方式发生重大变化”）约束。',
    ]);
    const d = revisionOf('zhnolist-phone-changed');
    expect(renderReasons(d.changes[0]!, 'zh')).toEqual([
      '联系电话由 400-800-1234 变更为 400-800-5678；第“四、如何联系我们”节属于默认类别 5（“负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化”）；因本政策未列出自己的重大变更情形，故适用默认类别。',
    ]);
  });

  it('every change of every zh fixture gets as many Chinese reasons as English ones, each a Chinese sentence', () => {
    const cases = ['zh-archive-promise-removed', 'zh-list-lead-in-narrowed', 'zh-paragraph-split', 'zh-section-moved', 'zh-trigger-removed', 'zh-trigger-reworded', 'zh-etc-added', 'zh-heading-reworded'];
    for (const name of cases) {
      const r = revisionOf(name);
      expect(r.changes.length, name).toBeGreaterThan(0);
      for (const c of r.changes) {
        const zh = renderReasons(c, 'zh');
        expect(zh, name).toHaveLength(c.reasons.length);
        for (const reason of zh) {
          expect(reason, name).toMatch(/^[^A-Za-z].*。$/u);
          expect(reason.replace(/“[^”]*”/gu, ''), name).not.toMatch(/\b(?:trigger|section|governed|changed|added|removed|minor)\b|"/u);
        }
      }
    }
  });
});
