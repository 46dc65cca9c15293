import { describe, expect, it } from 'vitest';
import { analyzeBlock, analyzeModified } from '../src/classify/signals.js';
import type { Block } from '../src/types.js';

function block(text: string, extra: Partial<Block> = {}): Block {
  return { kind: 'paragraph', depth: 0, text, urls: [], section: ['Policy', '3. Rights'], line: 10, endLine: 10, key: text, ...extra };
}
const kinds = (before: string, after: string, b: Partial<Block> = {}, a: Partial<Block> = {}): string[] =>
  analyzeModified(block(before, b), block(after, a)).signals.map((s) => s.kind).sort();

describe('signals of a modified block', () => {
  it('a changed contact e-mail, in the text and in its mailto: link', () => {
    const a = analyzeModified(
      block('发送至 legal@pingcap.com。', { urls: ['mailto:legal@pingcap.com'] }),
      block('发送至 legal@pingcap.cn。', { urls: ['mailto:legal@pingcap.cn'] }),
    );
    const entity = a.signals.filter((s) => s.kind === 'entity');
    expect(entity.map((s) => s.text)).toContain('Contact e-mail address changed from legal@pingcap.com to legal@pingcap.cn');
    expect(entity.every((s) => s.concepts.includes('contact'))).toBe(true);
  });

  it('a re-pointed link with the same text is only a link change', () => {
    expect(kinds('see the help page', 'see the help page', { urls: ['https://help.example.com/a'] }, { urls: ['https://docs.example.com/a'] })).toEqual(['link']);
  });

  it('a removed scope limiter is a flip and names the purpose it took away', () => {
    const a = analyzeModified(block('我们可能将您的信息与关联公司分享，仅用作回复垂询之用途。'), block('我们可能将您的信息与关联公司分享。'));
    expect(a.signals.map((s) => s.kind)).toEqual(expect.arrayContaining(['flip', 'concept']));
    expect(a.signals.find((s) => s.kind === 'flip')?.text).toContain('"仅" was removed');
  });

  it('a new sentence with a new way of using data', () => {
    const a = analyzeModified(block('我们会联系您以回复垂询。'), block('我们会联系您以回复垂询。我们可能会使用自动化工具对您的垂询内容进行分析。'));
    expect(a.signals.map((s) => s.kind)).toEqual(expect.arrayContaining(['sentence', 'concept']));
    expect(a.changedText).toContain('自动化');
  });

  it('a dropped clause with nothing in its place', () => {
    expect(kinds('我们将遵守法律法规的要求，在转移前通知您，确保信息的机密性。', '我们将遵守法律法规的要求，确保信息的机密性。')).toEqual(expect.arrayContaining(['clause']));
  });

  it('a rewording without commitment terms', () => {
    expect(kinds('Our Privacy Policy may change.', 'We may amend this Privacy Policy from time to time.')).toEqual(['rewording']);
  });

  it('only harmless edits', () => {
    expect(kinds('我们搜集的信息 ，所必须的时间', '我们收集的信息，所必需的时间')).toEqual(['typo', 'whitespace']);
    expect(kinds('same text', 'same text')).toEqual(['same-text']);
    expect(kinds('same text', 'same text', { kind: 'paragraph' }, { kind: 'listItem' })).toEqual(['structure']);
  });
});

describe('signals of an added or removed block', () => {
  it('a list item', () => {
    const a = analyzeBlock(block('活动报名信息：您报名参加活动时提供的参会信息及签到记录。', { kind: 'listItem' }), 'added');
    expect(a.signals[0]).toMatchObject({ kind: 'block' });
    expect(a.signals[0]!.text).toMatch(/^a list item was added: "活动报名信息/);
    expect(a.signals[0]!.concepts).toContain('data-item');
  });

  it('a removed paragraph with a phone number also reports the lost channel', () => {
    const a = analyzeBlock(block('Call us at +1 415 555 0100.'), 'removed');
    expect(a.signals.map((s) => `${s.kind}:${s.entityType ?? ''}`)).toEqual(['block:', 'entity:phone']);
  });

  it('a heading, a rule, a cross-reference', () => {
    expect(analyzeBlock(block('Cookies', { kind: 'heading', depth: 2 }), 'added').signals[0]!.kind).toBe('heading');
    expect(analyzeBlock(block('', { kind: 'thematicBreak' }), 'removed').signals[0]!.kind).toBe('structure');
    expect(analyzeBlock(block('See Section 5 for details.'), 'added').signals[0]!.kind).toBe('cross-reference');
  });
});
