import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../src/diff/diff-policies.js';
import { diffInline, tokenize } from '../src/diff/inline.js';
import { similarity } from '../src/diff/similarity.js';
import { policyFrom, readFixture } from './helpers/policies.js';

const seed = readFixture('policies/privacy-policy.zh.md');
const diff = (before: string, after: string) => diffPolicies(policyFrom(before), policyFrom(after));
const summary = (before: string, after: string) =>
  diff(before, after).map((change) => ({
    kind: change.kind,
    before: change.oldBlock?.text ?? null,
    after: change.newBlock?.text ?? null,
  }));

describe('invisible differences are no change', () => {
  const base = '---\ntitle: T\n---\n# Title\n\nFirst paragraph with **bold** words\nwrapped over lines.\n\n- one\n- two\n\n1. a\n2. b\n';
  it.each([
    ['re-wrapped lines', base.replace('words\nwrapped', 'words wrapped')],
    ['other bullet markers', base.replace('- one\n- two', '* one\n* two')],
    ['explicit list numbers', base.replace('1. a\n2. b', '1. a\n1. b')],
    ['CRLF line endings', base.replace(/\n/g, '\r\n')],
    ['trailing spaces', base.replace('Title\n', 'Title   \n')],
    ['a BOM', '\uFEFF' + base],
    ['extra blank lines', base.replace('\n\n- one', '\n\n\n\n- one')],
    ['emphasis markers moved', base.replace('**bold** words', '**bold words**')],
    ['emphasis style', base.replace('**bold**', '__bold__')],
    ['an HTML comment', base.replace('# Title\n', '# Title\n\n<!-- reviewed -->\n')],
    ['a version key in front matter', base.replace('title: T', 'title: T\nversion: "2.0"')],
  ])('%s', (_name, changed) => {
    expect(diff(base, changed)).toEqual([]);
  });

  it('treats re-wrapped Chinese as the same text', () => {
    expect(diff('# 标题\n\n我们收集您的姓名和电话号码。\n', '# 标题\n\n我们收集您的姓名\n和电话号码。\n')).toEqual([]);
  });

  it('diffing the seed with itself finds nothing', () => {
    expect(diff(seed, seed)).toEqual([]);
  });
});

describe('visible differences', () => {
  it('reports an added and a removed block', () => {
    expect(summary('# T\n\n- a\n- b\n', '# T\n\n- a\n- b\n- c\n')).toEqual([{ kind: 'added', before: null, after: 'c' }]);
    expect(summary('# T\n\nOne.\n\nTwo.\n', '# T\n\nTwo.\n')).toEqual([{ kind: 'removed', before: 'One.', after: null }]);
  });

  it('pairs an edited paragraph as one modified block with a word-level redline', () => {
    const changes = diff('# T\n\nWe keep data for 30 days.\n', '# T\n\nWe keep data for 90 days.\n');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'modified', oldIndex: 1, newIndex: 1 });
    expect(changes[0]!.inline).toEqual([
      { op: 'equal', text: 'We keep data for ' },
      { op: 'delete', text: '30' },
      { op: 'insert', text: '90' },
      { op: 'equal', text: ' days.' },
    ]);
  });

  it('reports a moved block once, not as a removal and an addition', () => {
    const changes = diff('# T\n\n1. a\n1. b\n1. c\n', '# T\n\n1. b\n1. a\n1. c\n');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'moved' });
    expect(changes[0]!.oldBlock!.text).toBe(changes[0]!.newBlock!.text);
  });

  it('moves a section to another place', () => {
    const before = '# T\n\n## A\n\nAlpha text.\n\n## B\n\nBeta text.\n\n## C\n\nGamma.\n';
    const after = '# T\n\n## B\n\nBeta text.\n\n## C\n\nGamma.\n\n## A\n\nAlpha text.\n';
    expect(diff(before, after).map((change) => change.kind)).toEqual(['moved', 'moved']);
  });

  it('sees a re-pointed link even when its text is unchanged', () => {
    const changes = diff('# T\n\nWrite to [us](mailto:a@x.com).\n', '# T\n\nWrite to [us](mailto:b@x.com).\n');
    expect(changes).toHaveLength(1);
    expect(changes[0]!.oldBlock!.urls).toEqual(['mailto:a@x.com']);
    expect(changes[0]!.newBlock!.urls).toEqual(['mailto:b@x.com']);
  });

  it('reports a changed displayed front-matter key', () => {
    const changes = diff('---\ntitle: Old\n---\n# T\n', '---\ntitle: New\n---\n# T\n');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'modified', oldBlock: { kind: 'frontMatter', text: 'title: Old', line: 2 } });
  });

  it('keeps changes in document order, with line numbers of both versions', () => {
    const before = seed;
    const after = seed.replace('legal@pingcap.com](mailto:legal@pingcap.com)。我们将', 'legal@pingcap.cn](mailto:legal@pingcap.cn)。我们将').replace('- 联系信息', '- 活动信息：报名记录。\n- 联系信息');
    const changes = diffPolicies(policyFrom(before), policyFrom(after));
    expect(changes.map((change) => [change.kind, change.oldBlock?.line ?? null, change.newBlock?.line ?? null])).toEqual([
      ['added', null, 14],
      ['modified', 87, 88],
    ]);
  });
});

describe('inline diff', () => {
  it('splits Chinese into words with Intl.Segmenter', () => {
    expect(tokenize('我们收集个人信息')).toEqual(['我们', '收集', '个人', '信息']);
  });

  it('shows a Chinese word replaced, not single characters', () => {
    const parts = diffInline('我们搜集的有关您的信息', '我们收集的有关您的信息');
    expect(parts.filter((part) => part.op !== 'equal')).toEqual([
      { op: 'delete', text: '搜集' },
      { op: 'insert', text: '收集' },
    ]);
  });

  it('reassembles both sides exactly', () => {
    const before = 'Access, correction or deletion (we reserve the right to charge a fee), please write to us.';
    const after = 'Access, correction, deletion or portability: please write to us within 30 days.';
    const parts = diffInline(before, after);
    expect(parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(after);
  });
});

describe('similarity', () => {
  it('is 1 for equal texts and low for unrelated ones', () => {
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('我们收集您的姓名', '我们收集您的电话')).toBeGreaterThan(0.5);
    expect(similarity('Payment details', '与国家安全有关的')).toBe(0);
  });
});
