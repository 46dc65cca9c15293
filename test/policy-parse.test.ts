import { describe, expect, it } from 'vitest';
import { PolicyError } from '../src/errors.js';
import { parseBlocks } from '../src/policy/blocks.js';
import { decodePolicyBytes } from '../src/policy/decode.js';
import { parseLastUpdated } from '../src/policy/last-updated.js';
import { parsePolicyBytes, policyIdFromPath } from '../src/policy/parse-policy.js';
import { fixturePath, policyFrom, readFixture } from './helpers/policies.js';

function errorOf(run: () => unknown): PolicyError {
  try {
    run();
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('expected a PolicyError');
}

describe('parsePolicy on the seed', () => {
  const zh = policyFrom(readFixture('policies/privacy-policy.zh.md'), 'policies/privacy-policy.md', 'privacy-policy');
  const en = policyFrom(readFixture('policies/privacy-policy.en.md'), 'privacy-policy.en.md', 'privacy-policy');

  it('reads title, language, type and the last-updated line', () => {
    expect(zh.title).toBe('隐私政策');
    expect(zh.lang).toBe('zh');
    expect(zh.type).toBe('privacy-policy');
    expect(zh.lastUpdated).toEqual({ date: '2021-08-27', line: 8, source: '2021 年 8 月 27 日', offset: 70, format: 'zh' });
    expect(en.lastUpdated?.source).toBe('August 27, 2021');
    expect(en.lang).toBe('en');
  });

  it('finds the six triggers of section 9 and leaves out the archiving promise', () => {
    expect(zh.triggerSource).toBe('policy');
    expect(zh.triggers.map((t) => t.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(zh.triggers[0]!.text).toMatch(/^我们的服务模式发生重大变化/);
    expect(zh.triggers[5]!.text).toBe('个人信息安全影响评估报告表明存在高风险。');
    expect(zh.triggers.some((t) => t.text.includes('存档'))).toBe(false);
    expect(en.triggers).toHaveLength(6);
    expect(en.triggers[4]!.text).toMatch(/^Changes to the department responsible/);
    const [start, end] = zh.triggerBlocks!;
    expect(end - start).toBe(7);
    expect(zh.blocks[zh.triggers[2]!.blockIndex]!.text).toBe(zh.triggers[2]!.text);
    expect(zh.triggers[0]!.line).toBe(78);
  });

  it('gives every block its section path and file line', () => {
    const email = zh.blocks.find((block) => block.text.startsWith('如您对本政策'))!;
    expect(email.section).toEqual(['隐私政策', '10. 如何联系我们']);
    expect(email.line).toBe(87);
    expect(email.urls).toEqual(['mailto:legal@pingcap.com']);
    const item = zh.blocks.find((block) => block.text.startsWith('与国家安全'))!;
    expect(item.kind).toBe('listItem');
    expect(item.section.at(-1)).toBe('6. 事先征得授权同意的例外');
    expect(zh.warnings).toEqual([]);
  });
});

describe('parsePolicy on policies in the wild', () => {
  const terms = policyFrom(readFixture('policies/terms-no-front-matter.md'), 'terms.md', 'terms');

  it('takes the title from the first heading and falls back to the default triggers with a warning', () => {
    expect(terms.title).toBe('Acme Terms of Service');
    expect(terms.frontMatter).toEqual({});
    expect(terms.triggerSource).toBe('default');
    expect(terms.triggers).toHaveLength(6);
    expect(terms.warnings[0]).toMatch(/no list of major changes.*default list/);
    expect(terms.lastUpdated).toMatchObject({ date: '2024-03-05', format: 'iso', line: 3 });
  });

  it('parses tables, nested lists, raw HTML, footnotes and reference links', () => {
    const texts = terms.blocks.map((block) => [block.kind, block.depth, block.text]);
    expect(texts).toContainEqual(['tableRow', 0, 'Account data | name, e-mail | 2 years']);
    expect(texts).toContainEqual(['listItem', 1, 'phone number']);
    expect(texts).toContainEqual(['html', 0, 'We never sell your data.']);
    expect(texts).toContainEqual(['footnote', 0, '[^pci]: Processed by our PCI-certified payment provider.']);
    const welcome = terms.blocks.find((block) => block.text.startsWith('Welcome'))!;
    expect(welcome.urls).toEqual(['https://acme.example/services']);
    expect(welcome.text).toBe('Welcome to Acme. These terms govern your use of our services.');
    expect(terms.blocks.some((block) => block.text.includes('internal'))).toBe(false);
  });

  it('resolves a reference link defined in another section', () => {
    const policy = policyFrom('# A\n\nSee [the list][x].\n\n## B\n\nText.\n\n[x]: https://example.com/x\n');
    expect(policy.blocks[1]).toMatchObject({ text: 'See the list.', urls: ['https://example.com/x'], line: 3 });
  });

  it('never splits inside an HTML block, even one that starts right after a code fence', () => {
    const body = '# A\n\n```\ncode\n```\n<div>\n## not a heading\n</div>\n\n## B\n\nText.\n';
    const blocks = parseBlocks(body);
    expect(blocks).toEqual(parseBlocks(body, 0, { split: false }));
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual(['A', 'B']);
  });

  it('uses front matter majorChangeTriggers over the detected list', () => {
    const policy = policyFrom('---\nmajorChangeTriggers:\n  - New purposes\n  - New recipients\n---\n# P\n\nText.\n');
    expect(policy.triggerSource).toBe('front-matter');
    expect(policy.triggers.map((t) => t.text)).toEqual(['New purposes', 'New recipients']);
  });

  it('detects the language when front matter does not say', () => {
    expect(policyFrom('# 条款\n\n我们收集信息。\n').lang).toBe('zh');
    expect(policyFrom('---\nlang: en-GB\n---\n# 条款\n').lang).toBe('en');
  });

  it('counts block lines from the top of the file, front matter included', () => {
    const policy = policyFrom('---\ntitle: T\nversion: "1.0"\n---\n\n# T\n\nBody.\n');
    expect(policy.blocks.map((block) => block.line)).toEqual([6, 8]);
  });
});

describe('last updated', () => {
  it.each([
    ['**最新更新于 2021 年 8 月 27 日**', '2021-08-27', 'zh'],
    ['最后更新日期：2022年1月5日', '2022-01-05', 'zh'],
    ['Last updated on August 27, 2021', '2021-08-27', 'en-long'],
    ['Last Updated: Sept 3, 2020', '2020-09-03', 'en-long'],
    ['Last updated: 2021-08-27', '2021-08-27', 'iso'],
    ['Last modified 3 February 2023', '2023-02-03', 'en-long-dmy'],
    ['Updated 2023/02/03', '2023-02-03', 'numeric'],
  ])('finds %s', (line, date, format) => {
    expect(parseLastUpdated(`# T\n\n${line}\n`)).toMatchObject({ date, format, line: 3 });
  });

  it('ignores impossible dates and text without a cue', () => {
    expect(parseLastUpdated('Last updated: 2021-02-30\n')).toBeNull();
    expect(parseLastUpdated('We were founded on August 27, 2021.\n')).toBeNull();
  });
});

describe('bad input', () => {
  it('refuses empty, binary, oversized and non-UTF-8 files with one clear line', () => {
    expect(errorOf(() => decodePolicyBytes(new Uint8Array(), 'a.md'))).toMatchObject({ code: 'EMPTY_FILE', message: 'a.md: file is empty' });
    expect(errorOf(() => decodePolicyBytes(Buffer.from(' \n\n'), 'a.md')).code).toBe('EMPTY_FILE');
    expect(errorOf(() => decodePolicyBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]), 'logo.png')).code).toBe('BINARY_FILE');
    expect(errorOf(() => decodePolicyBytes(new Uint8Array(10 * 1024 * 1024 + 1).fill(65), 'big.md')).message).toMatch(/big\.md: .*10 MB limit/);
    const gbk = Buffer.from([0xd2, 0xfe, 0xcb, 0xbd, 0xd5, 0xfe, 0xb2, 0xdf]); // 隐私政策 in GBK
    const error = errorOf(() => decodePolicyBytes(gbk, 'gbk.md'));
    expect(error.code).toBe('NOT_UTF8');
    expect(error.message).toMatch(/^gbk\.md: not valid UTF-8 \(it looks like GBK/);
    expect(error.exitCode).toBe(2);
  });

  it('refuses invalid front matter YAML, naming the line', () => {
    const error = errorOf(() => policyFrom('---\ntitle: [unclosed\nlang: zh\n---\n# T\n', 'p.md'));
    expect(error.code).toBe('BAD_FRONT_MATTER');
    expect(error.message).toMatch(/^p\.md: invalid front matter YAML at line \d+: /);
    expect(errorOf(() => policyFrom('---\ntitle: T\n# no closing\n', 'p.md')).message).toMatch(/never closed/);
    expect(errorOf(() => policyFrom('---\nmajorChangeTriggers: 3\n---\n# T\n', 'p.md')).message).toMatch(/majorChangeTriggers/);
  });

  it('keeps a BOM out of the way and hashes the bytes', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\ntitle: T\n---\n# T\n\nBody.\n')]);
    const policy = parsePolicyBytes(bytes, 'p.md');
    expect(policy.title).toBe('T');
    expect(policy.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('policyIdFromPath', () => {
  it('names a policy by its file, and an archived version by its folder', () => {
    expect(policyIdFromPath('policies/privacy-policy.md')).toBe('privacy-policy');
    expect(policyIdFromPath('archive/privacy-policy/1.10.md')).toBe('privacy-policy');
    expect(fixturePath('x')).toMatch(/test\/fixtures\/x$/);
  });
});

describe('policies written in HTML', () => {
  it('takes headings, paragraphs, list items and rows of raw HTML as blocks, so sections work', () => {
    const html = [
      '<h1>Acme Privacy</h1>',
      '<h2 id="share">How we <em>share</em></h2>',
      '<p>We share with <a href="https://stripe.com">Stripe</a>.</p>',
      '<ul>',
      '<li>Payments</li>',
      '<li>Fraud checks</li>',
      '</ul>',
      '<!-- <p>hidden</p> -->',
      '<table><tr><td>Logs</td><td>30 days</td></tr></table>',
    ].join('\n');
    const policy = policyFrom(`${html}\n`);
    expect(policy.title).toBe('Acme Privacy');
    expect(policy.blocks.map((block) => [block.kind, block.depth, block.text, block.line])).toEqual([
      ['heading', 1, 'Acme Privacy', 1],
      ['heading', 2, 'How we share', 2],
      ['html', 0, 'We share with Stripe.', 3],
      ['listItem', 0, 'Payments', 5],
      ['listItem', 0, 'Fraud checks', 6],
      ['tableRow', 0, 'Logs | 30 days', 9],
    ]);
    expect(policy.blocks[2]!.urls).toEqual(['https://stripe.com']);
    expect(policy.blocks[3]!.section).toEqual(['Acme Privacy', 'How we share']);
  });
});
