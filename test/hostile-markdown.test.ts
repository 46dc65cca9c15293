/**
 * Markdown the parser underneath (micromark) takes super-linear time on —
 * runs of brackets and emphasis markers, lazy continuation lines, thousands of
 * tiny lines — is read as plain text piece by piece (src/policy/parse-bounds.ts),
 * so a pull request cannot stall CI with it. What must hold: the policy parses,
 * every line of such a piece is still a block a reader sees, an edit inside it
 * is still found as a change, and ordinary Markdown is parsed exactly as the
 * parser reads the whole body at once. (Speed itself: `npm run bench`.)
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../src/diff/diff-policies.js';
import { PolicyError } from '../src/errors.js';
import { parseBlocks, planSections } from '../src/policy/blocks.js';
import { locateFrontMatter } from '../src/policy/front-matter.js';
import { plainTextReason } from '../src/policy/parse-bounds.js';
import { splitPieces } from '../src/policy/sections.js';
import { renderMarkdown, renderMarkdownAtOnce } from '../src/site/markdown.js';
import { ADVERSARIAL } from '../scripts/bench-markdown.mjs';
import { fixturePath, policyFrom, readFixture } from './helpers/policies.js';

const wrap = (body: string): string => `# Policy\n\nIntro paragraph.\n\n${body}\n\n## After\n\nClosing paragraph.\n`;
const editedMiddle = (body: string): string => `${body.slice(0, body.length >> 1)}EDIT${body.slice(body.length >> 1)}`;

describe('adversarial Markdown', () => {
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    it(`${name} (20 KB): parses, keeps the text around it, and an edit inside it is found`, () => {
      const body = make(20_000);
      const before = policyFrom(wrap(body));
      const after = policyFrom(wrap(editedMiddle(body)));
      const texts = before.blocks.map((block) => block.text);
      expect(texts.slice(0, 2)).toEqual(['Policy', 'Intro paragraph.']);
      expect(texts.slice(-2)).toEqual(['After', 'Closing paragraph.']);
      expect(before.blocks.at(-1)!.section).toEqual(['Policy', 'After']);
      const changes = diffPolicies(before, after);
      expect(changes.length).toBeGreaterThan(0);
      expect(changes.length).toBeLessThanOrEqual(4);
      expect(changes.some((change) => change.newBlock?.text.includes('EDIT'))).toBe(true);
    });
  }

  it('reads a paragraph of 50,000 brackets as one plain-text block, with its line', () => {
    const policy = policyFrom(wrap('['.repeat(50_000)));
    expect(policy.blocks[2]).toMatchObject({ kind: 'paragraph', text: '['.repeat(50_000), line: 5, endLine: 5 });
  });

  it('reads every line of a plain-text piece as a block of its own, as written', () => {
    const line = (i: number) => `line ${i} of a paragraph hard-wrapped lazily in a quote`;
    const lazy = `> quoted\n${Array.from({ length: 1200 }, (_, i) => line(i)).join('\n')}`;
    expect(plainTextReason(lazy)).toMatch(/lines of lists or block quotes/);
    const policy = policyFrom(wrap(lazy));
    const own = policy.blocks.filter((block) => block.line >= 5 && block.line <= 1205);
    expect(own.map((block) => block.text)).toEqual(['> quoted', ...Array.from({ length: 1200 }, (_, i) => line(i))]);
    expect(own.map((block) => block.line)).toEqual(Array.from({ length: 1201 }, (_, i) => i + 5));
  });

  it('reads a quote with hundreds of short lazy lines as plain text', () => {
    expect(plainTextReason(`> quoted\n${'lazy\n'.repeat(300)}`)).toMatch(/^300 lazy continuation lines/);
    expect(plainTextReason(`> quoted\n${'  an indented line, not a lazy one\n'.repeat(300)}`)).toBeNull();
  });

  it('joins short lines of a plain-text piece into blocks of up to 32 lines', () => {
    const blocks = parseBlocks('- a\n'.repeat(1000));
    expect(blocks).toHaveLength(Math.ceil(1000 / 32));
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', text: '- a '.repeat(32).trim(), line: 1, endLine: 32 });
    expect(blocks.at(-1)).toMatchObject({ line: 993, endLine: 1000 });
  });

  it('keeps the pieces around a plain-text one parsed as Markdown', () => {
    const body = `Before with a [link](https://example.com/a).\n\n${'*a'.repeat(5000)}\n\n- after one\n- after two\n`;
    const blocks = parseBlocks(body);
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', text: 'Before with a link.', urls: ['https://example.com/a'] });
    expect(blocks[1]).toMatchObject({ kind: 'paragraph', text: '*a'.repeat(5000), line: 3 });
    expect(blocks.slice(2).map((block) => [block.kind, block.text])).toEqual([['listItem', 'after one'], ['listItem', 'after two']]);
  });

  it('still refuses inline nesting deeper than the limit where markers are few enough to parse', () => {
    const depth = 150;
    const text = `${'*some words here '.repeat(depth)}deep${' more words here*'.repeat(depth)}`;
    expect(plainTextReason(text)).toBeNull();
    expect(() => parseBlocks(text)).toThrow(PolicyError);
  });

  it('the site shows a plain-text piece as its text, escaped', () => {
    const tree = renderMarkdown(wrap(`<b>${'['.repeat(20_000)}</b>`), 'en');
    const paragraphs = tree.children.filter((node) => node.type === 'element' && node.tagName === 'p');
    const texts = paragraphs.map((node) => (node.type === 'element' && node.children[0]?.type === 'text' ? node.children[0].value : ''));
    expect(texts).toContain(`<b>${'['.repeat(20_000)}</b>`);
    expect(texts).toContain('Closing paragraph.');
  });
});

describe('ordinary Markdown is never read as plain text', () => {
  it('no fixture policy has a plain-text piece, and each parses piece by piece exactly as in one piece', { timeout: 120_000 }, () => {
    const files = readdirSync(fixturePath('.'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const source = readFixture(file);
      let body: string;
      try {
        const located = locateFrontMatter(source, file);
        body = source.slice(located.bodyOffset);
      } catch {
        continue; // fixtures of bad front matter
      }
      expect(planSections(body).filter((job) => job.plain).map((job) => job.startLine), file).toEqual([]);
      let split: unknown;
      try {
        split = parseBlocks(body);
      } catch {
        continue; // fixtures of refused nesting
      }
      expect(split, file).toEqual(parseBlocks(body, 0, { split: false }));
    }
  });

  const ordinary = [
    '| Cookie | Purpose | Retention |\n| --- | --- | --- |\n' + Array.from({ length: 200 }, (_, i) => `| c${i} | [analytics](https://example.com/${i}) *optional* | ${i} days |`).join('\n'),
    Array.from({ length: 300 }, (_, i) => `- We share **category ${i}** data with [processor ${i}](https://example.com/p/${i}).`).join('\n'),
    '> A quoted paragraph that is hard-wrapped\nlazily, as Markdown allows, over a few\nlines of ordinary length.',
    'A long paragraph '.repeat(20_000),
    '***\n\n___\n\n' + '_'.repeat(80),
  ];
  it.each(ordinary.map((text, i) => [i, text]))('example %i', (_i, text) => {
    for (const piece of splitPieces(text as string, { paragraphs: true })) expect(plainTextReason(piece.text)).toBeNull();
  });
});

/** Units a fuzzer strings together: Markdown punctuation, container markers, blank lines and words. */
const units = ['[', ']', '(', ')', '![', '](', '[^', '*', '**', '_', '~', '`', '``', '<', '>', '<a>', '</a>', '!', '|', '- ', '1. ', '> ',
  '  ', '    ', '\n', '\n\n', 'a', 'word ', '# ', '## H\n', '```\n', '[x]: /u\n', '[x]', '&amp;', '\\'];
const fuzz = (maxLength: number) => fc.array(fc.constantFrom(...units), { maxLength }).map((xs) => xs.join(''));

describe('link reference definitions across pieces', () => {
  const cases: [string, string][] = [
    ['in a block quote', '>[x]: /u\n# [x]'],
    ['in a list item', '- [x]: /u\n\n# Terms\n\nSee [x].'],
    ['after the section that uses it', '# One\n\nSee [x] and [y][x].\n\n# Two\n\n[x]: /u "title"'],
    ['that is a paragraph continuation, not a definition', 'Text\n[x]: /u\n\n# Two\n\nSee [x].'],
    ['inside indented code, not a definition', '    [x]: /u\n\n# Two\n\nSee [x].'],
    ['before a fence that a tag-like line hides from the splitter', '[x]: /u\n</a>[x]\n```\n\n# Two\n\n[x]'],
    ['before a fence that closes a list item and opens a block', '- a\n  ```\n# x\n```\nfoo\n# [x]\n\n[x]: /u'],
    ['with a destination in angle brackets and escapes', '# One\n\nSee [a b].\n\n# Two\n\n[A  B]: <https://example.com/a\\>b c>'],
  ];
  it.each(cases)('resolves a definition %s as the whole body does', (_name, body) => {
    expect(parseBlocks(body)).toEqual(parseBlocks(body, 0, { split: false }));
  });

  it('the site renders a definition in a block quote for a link in another section', () => {
    const html = JSON.stringify(renderMarkdown('---\ntitle: T\n---\n>[x]: https://example.com/u\n\n# [x]\n', 'en'));
    expect(html).toContain('https://example.com/u');
  });
});

describe('fuzzed Markdown', () => {
  it('parses piece by piece exactly as in one piece whenever no piece is plain text', () => {
    fc.assert(
      fc.property(fuzz(200), (body) => {
        let split: unknown;
        let whole: unknown;
        try {
          split = parseBlocks(body);
          whole = parseBlocks(body, 0, { split: false });
        } catch (error) {
          if (error instanceof PolicyError && error.code === 'TOO_DEEP') return;
          throw error;
        }
        if (planSections(body).some((job) => job.plain)) return;
        expect(split).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });

  it('renders for the site section by section exactly as in one piece whenever no piece is plain text', () => {
    const withoutPositions = (tree: unknown) => JSON.parse(JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value)));
    fc.assert(
      fc.property(fuzz(200), (body) => {
        if (splitPieces(body, { paragraphs: true }).some((piece) => plainTextReason(piece.text) !== null)) return;
        const source = `---\ntitle: T\n---\n${body}`;
        let split;
        try {
          split = renderMarkdown(source, 'en');
        } catch (error) {
          if (error instanceof PolicyError && error.code === 'TOO_DEEP') return;
          throw error;
        }
        expect(withoutPositions(split.children)).toEqual(withoutPositions(renderMarkdownAtOnce(source, 'en').children));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every non-blank line of a plain-text piece, and parses or refuses the rest', () => {
    fc.assert(
      fc.property(fuzz(400), fc.constantFrom('[', '*a', '](', '[^a'), (body, unit) => {
        const text = `${body}\n\n${unit.repeat(3000)}\n\n${body}`;
        let blocks;
        try {
          blocks = parseBlocks(text);
        } catch (error) {
          if (error instanceof PolicyError && error.code === 'TOO_DEEP') return;
          throw error;
        }
        expect(blocks.some((block) => block.text.includes(unit.repeat(3000)))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
