/**
 * Most of a policy is parsed without the GFM extensions (half the cost): that
 * is only right if text that mayUseGfm() lets through parses to the same tree
 * either way, and every GFM construct is caught.
 */
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { mayUseGfm } from '../src/policy/gfm.js';

const gfm = unified().use(remarkParse).use(remarkGfm);
const commonmark = unified().use(remarkParse);

describe('mayUseGfm', () => {
  const constructs: [string, string][] = [
    ['a table', '| a | b |\n|---|---|\n| 1 | 2 |'],
    ['strikethrough', 'we ~~never~~ share'],
    ['a footnote', 'Data[^1].\n\n[^1]: Note.'],
    ['a task list item', '- [ ] consent\n- [x] notice'],
    ['a www autolink', 'see www.example.com today'],
    ['a protocol autolink', 'see HTTPS://example.com/privacy'],
    ['an e-mail autolink', 'write to privacy@example.com'],
    ['a mailto autolink', 'write to mailto:privacy@example.com'],
  ];
  it.each(constructs)('catches %s, which the GFM parser reads differently', (_name, text) => {
    expect(mayUseGfm(text)).toBe(true);
    expect(gfm.parse(text)).not.toEqual(commonmark.parse(text));
  });

  const units = ['www', 'WWW', '.', 'http', 's', ':', '//', 'mailto', 'xmpp', 'x', 'X', '[', ']', '^', '(', ')', '*', '_', '`', '<', '>',
    '- ', '1. ', '> ', '# ', '    ', ' ', '\n', '\n\n', '---', '===', 'a', 'word ', 'example', 'com', '1', '&amp;', '\\', '数据', '：'];
  it('lets through only text that parses the same without GFM', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 120 }).map((xs) => xs.join('')), (text) => {
        if (mayUseGfm(text)) return;
        expect(commonmark.parse(text)).toEqual(gfm.parse(text));
      }),
      { numRuns: 4000 },
    );
  });
});
