/** The pure parts of `policy check`: workflow-command escaping, lines, dates, thresholds. */
import { describe, expect, it } from 'vitest';
import { reachesFailOn } from '../src/check/evaluate-check.js';
import { parseFrontMatter } from '../src/policy/front-matter.js';
import { parseEffectiveDate } from '../src/check/validate.js';
import { escapeData, escapeProperty, renderAnnotation } from '../src/cli/report/github.js';

describe('workflow commands', () => {
  it('escapes data: %, CR and LF', () => {
    expect(escapeData('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext: a, b');
  });

  it('escapes properties: also : and ,', () => {
    expect(escapeProperty('Major change (triggers 1, 5): 100%\n')).toBe('Major change (triggers 1%2C 5)%3A 100%25%0A');
  });

  it('renders file, line, endLine and title in order, and skips what is absent', () => {
    expect(renderAnnotation('error', { file: 'policies/a,b.md', line: 3, endLine: 4, title: 'T: x' }, 'two\nlines')).toBe(
      '::error file=policies/a%2Cb.md,line=3,endLine=4,title=T%3A x::two%0Alines',
    );
    expect(renderAnnotation('notice', { file: 'p.md', line: 1, endLine: undefined }, 'm')).toBe('::notice file=p.md,line=1::m');
    expect(renderAnnotation('warning', {}, 'bare')).toBe('::warning::bare');
  });

  it('keeps a message that looks like another command inside one line', () => {
    const line = renderAnnotation('notice', { file: 'p.md' }, 'x\n::error::injected');
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe('::notice file=p.md::x%0A::error::injected');
  });
});

describe('--fail-on', () => {
  it.each([
    ['major', 'major', true],
    ['minor', 'major', false],
    ['major', 'minor', true],
    ['minor', 'minor', true],
    ['major', 'never', false],
    ['minor', 'never', false],
  ] as const)('a %s change with --fail-on %s fails: %s', (level, failOn, expected) => {
    expect(reachesFailOn(level, failOn)).toBe(expected);
  });
});

describe('front matter', () => {
  const source = '---\ntitle: T\neffective: 2027-01-01\n---\n\neffective: not front matter\n';

  it('finds the line of a key, only inside the front matter', () => {
    const line = (text: string, key: string) => parseFrontMatter(text, 'p.md').keys[key]?.line ?? null;
    expect(line(source, 'effective')).toBe(3);
    expect(line(source, 'title')).toBe(2);
    expect(line(source, 'missing')).toBeNull();
    expect(line('# no front matter\neffective: 1\n', 'effective')).toBeNull();
    expect(line('\uFEFF---\r\neffective: 2027-01-01\r\n---\r\n', 'effective')).toBe(2);
  });

  it('reads the effective date whether YAML made it a Date or a string', () => {
    expect(parseEffectiveDate(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
    expect(parseEffectiveDate('2027-01-01')).toBe('2027-01-01');
    expect(parseEffectiveDate(undefined)).toBeNull();
    expect(parseEffectiveDate(null)).toBeNull();
    expect(parseEffectiveDate('next month')).toBeUndefined();
    expect(parseEffectiveDate('2027-02-30')).toBeUndefined();
    expect(parseEffectiveDate(20270101)).toBeUndefined();
  });
});
