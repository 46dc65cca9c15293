import { describe, expect, it } from 'vitest';
import { diffHunks } from '../src/classify/hunks.js';
import { enumerationEdit, sentenceAt, wholeSentences } from '../src/classify/lists.js';

function enumeration(before: string, after: string) {
  return diffHunks(before, after)
    .map((h) => enumerationEdit(h, before, after))
    .find((e) => e !== null) ?? null;
}

describe('enumerations', () => {
  it('an item inserted between 、 separators', () => {
    const e = enumeration('我们可能会拒绝不合理，法律禁止或适用法律不要求其履行的请求。', '我们可能会拒绝不合理、无端重复、需要过多技术手段、法律禁止或适用法律不要求其履行的请求。');
    expect(e?.added).toEqual(['无端重复', '需要过多技术手段']);
    expect(e?.sentence).toContain('拒绝');
  });

  it('an item appended after ；', () => {
    const e = enumeration('以下情形除外：法律法规有明确规定；获得您的明确授权。', '以下情形除外：法律法规有明确规定；获得您的明确授权；确需由境外关联公司处理的。');
    expect(e?.added).toEqual(['确需由境外关联公司处理的']);
  });

  it('an English list item added and one removed', () => {
    expect(enumeration('requests that are unreasonable, prohibited by law, or not required', 'requests that are unreasonable, repetitive, prohibited by law, or not required')?.added).toEqual(['repetitive']);
    expect(enumeration('with our affiliates, advertisers, and contractors.', 'with our affiliates and contractors.')?.removed).toContain('advertisers');
  });

  it('a parenthetical aside is not an item', () => {
    const before = 'the way we use it (where permitted by law, we reserve the right to charge you a fee), please send';
    const after = 'the way we use it, please send';
    expect(enumeration(before, after)).toBeNull();
  });
});

describe('sentences', () => {
  it('whole sentences with content, not fragments', () => {
    expect(wholeSentences('我们可能会使用自动化工具对您的垂询内容进行分析。')).toHaveLength(1);
    expect(wholeSentences('，并且')).toEqual([]);
    expect(wholeSentences(' We may also use your contact details for marketing. ')).toHaveLength(1);
  });

  it('sentenceAt finds the sentence around an offset', () => {
    const text = '第一句。第二句在这里。第三句。';
    expect(sentenceAt(text, text.indexOf('这里'))).toBe('第二句在这里。');
  });
});
