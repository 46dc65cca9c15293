/**
 * Properties of the classifier that must hold for any input (issue 2 §6): a policy compared with
 * itself is `none`; no input makes classification throw; every change gets a level and a reason;
 * the revision's level and triggers follow from its changes; diff(a, b) and diff(b, a) agree on
 * whether anything changed.
 */
import fc from 'fast-check';
import { tests as commonmarkExamples } from 'commonmark-spec';
import { describe, expect, it } from 'vitest';
import { classifyRevision } from '../src/classify/classify-revision.js';
import { diffPolicies } from '../src/diff/diff-policies.js';
import { PolicyError } from '../src/errors.js';
import { comparePolicies } from '../src/revision.js';
import type { Policy, Revision } from '../src/types.js';
import { policyFrom, readFixture } from './helpers/policies.js';

const seedZh = readFixture('classify/zh-identical/old.md');
const seedEn = readFixture('classify/en-rewording/old.md');

const pieces = [
  '# 隐私政策',
  '## 3. 您的权利',
  '## 4. Disclosure',
  '## 10. 如何联系我们',
  '我们会收集您的姓名和电话号码。',
  '我们不会与任何第三方共享您的信息，仅用于回复垂询。',
  '请发送邮件至 [legal@example.com](mailto:legal@example.com)，我们将在三十天内回复。',
  'We keep data for 30 days.',
  'We do not share your data with third parties, except our affiliates.',
  'We may share data with Example Inc. in the United States.',
  '- 联系信息：姓名、邮箱',
  '- Usage data, such as pages visited',
  '1. 与国家安全有关的；',
  '1. Where you have authorised it.',
  '本政策所指的重大变更包括但不限于：\n\n- 个人信息共享的主要对象发生变化；\n- 联络方式发生变化。',
  'Material changes include:\n\n- Changes to the recipients of personal information;\n- Changes to our contact details.',
  '| Vendor | Location |\n| - | - |\n| Acme Ltd. | EEA |',
  '<p>raw <b>html</b> about cookies</p>',
  'See Section 5 for details.',
  '**最新更新于 2021 年 8 月 27 日**',
  'Last updated: 2022-01-05',
];

const policyText = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...pieces), { maxLength: 12 }))
  .map(([frontMatter, blocks]) => (frontMatter ? '---\ntitle: T\n---\n' : '') + blocks.join('\n\n') + '\n');

/** An edited copy of a text: characters inserted, deleted or replaced at random places of the body (front matter kept valid). */
const edited = (base: string) =>
  fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.constantFrom('', '不', '仅', 'not ', 'only ', '、第三方', '30 天', 'privacy@x.com', '\n\n- 新的一项\n\n', '。', ' ')), { maxLength: 6 }).map((edits) => {
    const body = base.indexOf('\n---\n') + 5;
    let text = base;
    for (const [at, cut, put] of edits) {
      const i = body + (at % (text.length - body + 1));
      text = text.slice(0, i) + put + text.slice(i + cut);
    }
    return text;
  });

/** The invariants every revision keeps. */
function checkRevision(r: Revision, old: Policy): void {
  const indices = new Set(old.triggers.map((t) => t.index));
  for (const c of r.changes) {
    expect(['major', 'minor']).toContain(c.level);
    expect(c.reasons.length).toBeGreaterThan(0);
    for (const reason of c.reasons) expect(reason).toMatch(/[.。!?]$/);
    if (c.level === 'minor') expect(c.triggers).toEqual([]);
    for (const t of c.triggers) expect(indices.has(t)).toBe(true);
    // A change of the default list names the category it hits, like a policy's own list.
    if (old.triggerSource === 'default' && c.level === 'major') expect(c.triggers.length).toBeLessThanOrEqual(1);
    expect(['high', 'low']).toContain(c.confidence);
    expect(c.rules.length).toBeGreaterThan(0);
  }
  expect(r.needsDecision).toBe(r.changes.filter((c) => c.confidence === 'low').length);
  const expectedLevel = r.changes.length === 0 ? 'none' : r.changes.some((c) => c.level === 'major') ? 'major' : 'minor';
  expect(r.level).toBe(expectedLevel);
  expect(r.triggers).toEqual([...new Set(r.changes.flatMap((c) => c.triggers))].sort((a, b) => a - b));
}

describe('classifier properties', () => {
  it('a policy compared with itself is none', () => {
    fc.assert(
      fc.property(policyText, (text) => {
        const r = comparePolicies(policyFrom(text), policyFrom(text));
        expect(r.level).toBe('none');
        expect(r.triggers).toEqual([]);
      }),
      { numRuns: 200 },
    );
    expect(comparePolicies(policyFrom(seedZh), policyFrom(seedZh)).level).toBe('none');
  });

  it('any two policies classify without throwing, with consistent levels, triggers and reasons', () => {
    fc.assert(
      fc.property(policyText, policyText, (a, b) => {
        const old = policyFrom(a);
        checkRevision(comparePolicies(old, policyFrom(b)), old);
      }),
      { numRuns: 300 },
    );
  });

  it('random edits of the seed (zh and en) classify consistently, and a reversed diff agrees on whether anything changed', () => {
    for (const seed of [seedZh, seedEn]) {
      fc.assert(
        fc.property(edited(seed), (text) => {
          const a = policyFrom(seed);
          const b = policyFrom(text);
          const forward = comparePolicies(a, b);
          const backward = comparePolicies(b, a);
          checkRevision(forward, a);
          checkRevision(backward, b);
          expect(forward.level === 'none').toBe(backward.level === 'none');
        }),
        { numRuns: 60 },
      );
    }
  });

  it('no input string makes classification throw anything but a PolicyError (from parsing)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
        let old: Policy;
        let neu: Policy;
        try {
          old = policyFrom(a);
          neu = policyFrom(b);
        } catch (error) {
          expect(error).toBeInstanceOf(PolicyError);
          return;
        }
        checkRevision(classifyRevision(old, neu, diffPolicies(old, neu)), old);
      }),
      { numRuns: 400 },
    );
  });

  it('every CommonMark spec example, as a revision of an empty body, classifies without throwing', () => {
    const base = policyFrom('# Policy\n\n## Contact\n\nWrite to legal@example.com.\n');
    for (const example of commonmarkExamples) {
      const neu = policyFrom(`# Policy\n\n## Contact\n\nWrite to legal@example.com.\n\n${example.markdown.replace(/→/g, '\t')}\n`);
      checkRevision(comparePolicies(base, neu), base);
    }
  });
});
