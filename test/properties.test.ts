/**
 * Properties that must hold for any input: the parser and the diff never crash,
 * a policy never differs from itself, and diffing the other way round swaps
 * additions and removals.
 */
import fc from 'fast-check';
import { tests as commonmarkExamples } from 'commonmark-spec';
import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../src/diff/diff-policies.js';
import { parseBlocks } from '../src/policy/blocks.js';
import { PolicyError } from '../src/errors.js';
import type { Change } from '../src/types.js';
import { policyFrom } from './helpers/policies.js';

const pieces = [
  '# 隐私政策',
  '## 1. 我们收集的信息',
  '## 2. Contact',
  '我们会收集您的姓名和电话号码。',
  'We keep data for 30 days.',
  'We do not share your data with third parties.',
  '- 联系信息：姓名、邮箱',
  '- Usage data',
  '1. first',
  '1. second',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '<div>raw <b>html</b></div>',
  '<!-- comment -->',
  '> quoted text',
  '```\ncode\n```',
  'Write to [us](mailto:legal@example.com).',
  'See [the list][x].',
  '[x]: https://example.com/x',
  'Text with a footnote[^1].',
  '[^1]: The footnote.',
  '**最新更新于 2021 年 8 月 27 日**',
];

const policyText = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...pieces), { maxLength: 14 }))
  .map(([frontMatter, blocks]) => (frontMatter ? '---\ntitle: T\n---\n' : '') + blocks.join('\n\n') + '\n');

// Which copy of a repeated block counts as moved, and which removed and added
// blocks pair up as one modification, may depend on the direction when several
// alignments are equally good. What must agree is the content: every change is
// the old text taken out and the new text put in, and reversing the diff swaps
// the two. Identical texts taken out and put in cancel (a move).
function netChanges(changes: readonly Change[], reverse: boolean): string[] {
  const counts = new Map<string, number>();
  const add = (key: string, delta: number) => counts.set(key, (counts.get(key) ?? 0) + delta);
  for (const change of changes) {
    const taken = (reverse ? change.newBlock : change.oldBlock)?.text;
    const put = (reverse ? change.oldBlock : change.newBlock)?.text;
    if (taken !== undefined) add(taken, -1);
    if (put !== undefined) add(put, +1);
  }
  const out: string[] = [];
  for (const [text, count] of counts) for (let i = 0; i < Math.abs(count); i++) out.push(`${count > 0 ? 'in' : 'out'}|${text}`);
  return out.sort();
}

describe('properties', () => {
  it('a policy diffed with itself has no change', () => {
    fc.assert(
      fc.property(policyText, (text) => {
        expect(diffPolicies(policyFrom(text), policyFrom(text))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('diff(a, b) and diff(b, a) agree, with what is taken out and put in swapped', () => {
    fc.assert(
      fc.property(policyText, policyText, (a, b) => {
        const forward = netChanges(diffPolicies(policyFrom(a), policyFrom(b)), false);
        const backward = netChanges(diffPolicies(policyFrom(b), policyFrom(a)), true);
        expect(backward).toEqual(forward);
      }),
      { numRuns: 300 },
    );
  });

  it('no input string makes the parser or the diff throw anything but a PolicyError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
        try {
          diffPolicies(policyFrom(a), policyFrom(b));
        } catch (error) {
          expect(error).toBeInstanceOf(PolicyError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('CommonMark spec examples embedded in a policy', () => {
  const examples = commonmarkExamples.map((example) => ({ ...example, markdown: example.markdown.replace(/→/g, '\t') }));
  it(`parse section by section exactly as in one piece, and diff against themselves as no change (${examples.length} examples)`, () => {
    for (const example of examples) {
      const body = `# Policy\n\n${example.markdown}\n\n## After\n\nClosing paragraph.\n`;
      const policy = policyFrom(`---\ntitle: Example ${example.number}\n---\n${body}`);
      expect(policy.blocks, `example ${example.number}`).toEqual(parseBlocks(body, 3, { split: false }));
      expect(diffPolicies(policy, policyFrom(policy.source)), `example ${example.number}`).toEqual([]);
    }
  });
});

describe('reversing a diff of distinct blocks', () => {
  it('swaps added and removed exactly', () => {
    const distinct = fc.uniqueArray(fc.constantFrom(...pieces.filter((piece) => !piece.startsWith('['))), { maxLength: 10 });
    fc.assert(
      fc.property(distinct, distinct, (a, b) => {
        const text = (blocks: string[]) => blocks.join('\n\n') + '\n';
        const forward = diffPolicies(policyFrom(text(a)), policyFrom(text(b)));
        const backward = diffPolicies(policyFrom(text(b)), policyFrom(text(a)));
        const count = (changes: Change[], kind: Change['kind']) => changes.filter((change) => change.kind === kind).length;
        expect(count(backward, 'added')).toBe(count(forward, 'removed'));
        expect(count(backward, 'removed')).toBe(count(forward, 'added'));
        expect(netChanges(backward, true)).toEqual(netChanges(forward, false));
      }),
      { numRuns: 300 },
    );
  });
});
