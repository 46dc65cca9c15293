/**
 * Hostile input must not stall the tool: every pattern and segmentation pass is
 * linear. The linear scans must find exactly what the plain patterns find, on
 * random and adversarial strings; long runs (which made the plain patterns
 * quadratic) must finish.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEntities, PATTERNS } from '../src/classify/entities.js';
import { zhOrgSpans } from '../src/classify/linear-scan.js';
import { editDistance, segmentWords } from '../src/classify/text.js';
import { segmentWordsOf } from '../src/policy/text.js';
import { tokenize } from '../src/diff/inline.js';

/** Characters that build e-mails, amounts, percentages, durations and Chinese company names, and break them. */
const alphabet = [
  'a', 'B', 'x', '1', '0', '5', ',', '.', '@', '-', '_', '%', '+', ' ', '$', '¥', '元', 'U', 'S', 'D', 'c', 'o', 'm',
  '一', '三', '十', '天', '个', '月', '工', '作', '日', '(', ')', '（', '）', '中', '文', '有', '限', '公', '司', '股', '份',
  '责', '任', '研', '究', '院', '合', '伙', '企', '业', '·', '百', '分', '之', '\n',
];
const pieces = ['legal@example.com', 'a.b@c.de', '$1.5,3元', '100 元', '1,000.5 dollars', '12.5%', '百分之三十', '三十天', '30 days',
  '（北京）科技有限公司', '甲乙有限公司', '研究院', '(上海)', 'www.example.com', '2021 年 8 月', 'thirty (30) days'];
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...alphabet), fc.constantFrom(...pieces)), { maxLength: 60 })
  .map((xs) => xs.join(''));

function reference(text: string, re: RegExp): Array<[number, string]> {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return [...text.matchAll(global)].map((m) => [m.index, m[0]]);
}

/** Units that, repeated into one long line, made a backtracking pattern rescan the rest of the line at every start. */
const LONG_RUNS = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'a.', '1,', '1.1 ', '一二三', '本公司将依法收集和使用您的个人信息并采取安全措施保护数据', '（中文字）', 'US ', '2020 年 '];

describe('entity patterns on hostile input', () => {
  for (const [i, pattern] of PATTERNS.entries()) {
    if (!pattern.matches) continue;
    it(`the linear scan of pattern ${i} (${pattern.type}) finds what the pattern finds`, () => {
      fc.assert(
        fc.property(hostileText, (text) => {
          const found = [...pattern.matches!(text, pattern.re)].map((m): [number, string] => [m.index!, m[0]]);
          expect(found).toEqual(reference(text, pattern.re));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('finds the Chinese company names the lazy pattern finds', () => {
    const zh = PATTERNS.find((p) => p.type === 'organization' && p.re.source.includes('有限公司'))!;
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(zhOrgSpans(text).map(([s, e]) => [s, text.slice(s, e)])).toEqual(reference(text, zh.re));
      }),
      { numRuns: 400 },
    );
  });

  it('extracts entities from 400 KB lines of every adversarial run (these took minutes before)', { timeout: 120_000 }, () => {
    for (const unit of LONG_RUNS) {
      const line = unit.repeat(Math.ceil(400_000 / unit.length));
      const entities = extractEntities(line);
      for (const e of entities) expect(line.slice(e.start, e.end)).toBe(e.text);
    }
  });
});

describe('edit distance', () => {
  /** The full-table distance the banded one must agree with (up to `max`). */
  function full(a: string, b: string): number {
    const A = [...a];
    const B = [...b];
    const d = Array.from({ length: A.length + 1 }, (_, i) => Array.from({ length: B.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= A.length; i++) {
      for (let j = 1; j <= B.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && A[i - 1] === B[j - 2] && A[i - 2] === B[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
    return d[A.length]![B.length]!;
  }

  it('agrees with the full table up to max, and says "more" above it', () => {
    const word = fc.array(fc.constantFrom('a', 'b', 'c', '中', '文'), { minLength: 1, maxLength: 9 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(word, word, fc.integer({ min: 1, max: 3 }), (a, b, max) => {
        const want = full(a, b);
        const got = editDistance(a, b, max);
        if (want <= max) expect(got).toBe(want);
        else expect(got).toBeGreaterThan(max);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles two 400 KB words in bounded memory (the full table needed gigabytes)', { timeout: 60_000 }, () => {
    const long = 'abcdefghijklmnopqrstuvwxyz'.repeat(16_000);
    expect(editDistance(long, `${long}x`, 2)).toBe(1);
  });
});

describe('word segmentation in pieces', () => {
  const zhText = fc
    .array(fc.constantFrom('我们', '收集', '您的', '个人信息', '，', '。', ' ', '数据', '安全', 'data', '3.5', "don't", '\n'), { maxLength: 80 })
    .map((xs) => xs.join(''));

  it('gives back the whole text, in order, with offsets into it', () => {
    fc.assert(
      fc.property(zhText, fc.integer({ min: 4, max: 40 }), (text, piece) => {
        const segs = [...segmentWordsOf(text, 'zh', piece)];
        expect(segs.map((s) => s.segment).join('')).toBe(text);
        for (const s of segs) expect(text.slice(s.index, s.index + s.segment.length)).toBe(s.segment);
      }),
    );
  });

  it('finds the same words as one Intl.Segmenter call where the text has breaks to cut at', () => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    fc.assert(
      fc.property(zhText, (text) => {
        const whole = [...segmenter.segment(text)].map((s) => s.segment);
        // Every piece of 40 has a break in its second half: pieces of words no longer than 20 between breaks.
        fc.pre(text.split(/[\s，。]/).every((run) => run.length < 20));
        expect([...segmentWordsOf(text, 'zh', 40)].map((s) => s.segment)).toEqual(whole);
      }),
    );
  });

  it('segments a 210 KB Chinese paragraph and tokenises it for the redline', { timeout: 120_000 }, () => {
    const paragraph = '本公司将依法收集和使用您的个人信息并采取安全措施保护数据'.repeat(7500);
    const words = segmentWords(paragraph);
    expect(words.length).toBeGreaterThan(50_000);
    expect(tokenize(paragraph.slice(0, 19_000)).join('')).toBe(paragraph.slice(0, 19_000));
  });
});
