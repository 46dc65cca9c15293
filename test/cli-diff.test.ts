import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPolicy, spawnPolicy } from './helpers/cli.js';
import { readFixture } from './helpers/policies.js';

const seed = readFixture('policies/privacy-policy.zh.md');
const seedEn = readFixture('policies/privacy-policy.en.md');
let dir: string;

function write(name: string, content: string | Uint8Array): string {
  writeFileSync(join(dir, name), content);
  return name;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-diff-'));
  write('old.md', seed);
  write('contact.md', seed.replace('legal@pingcap.com](mailto:legal@pingcap.com)。我们将', 'legal@pingcap.cn](mailto:legal@pingcap.cn)。我们将'));
  write('typo.md', seed.replace('我们搜集的有关您的信息', '我们收集的有关您的信息'));
  write('wrapped.md', seed.replace('本隐私政策解释了', '本隐私政策\n解释了').replace(/\n- /g, '\n* '));
  write('en-old.md', seedEn);
  write('en-date.md', seedEn.replace('August 27, 2021', 'January 5, 2023'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('policy diff --format json', () => {
  it('prints the fixed JSON shape for a major revision', async () => {
    const result = await runPolicy(['diff', 'old.md', 'contact.md', '--format', 'json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.policy).toEqual({ id: 'contact', title: '隐私政策', lang: 'zh' });
    expect(json.old).toEqual({ path: 'old.md', lastUpdated: '2021-08-27', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(json.level).toBe('major');
    expect(json.triggers).toEqual([{ index: 5, text: expect.stringContaining('联络方式') }]);
    expect(json.changes).toHaveLength(1);
    expect(json.changes[0]).toMatchObject({
      kind: 'modified',
      level: 'major',
      section: '10. 如何联系我们',
      line: { old: 87, new: 87 },
      triggers: [5],
    });
    expect(json.changes[0].before).toContain('legal@pingcap.com');
    expect(json.changes[0].after).toContain('legal@pingcap.cn');
    expect(json.changes[0].reasons.join(' ')).toMatch(/legal@pingcap\.cn/);
    expect(json.warnings).toEqual([]);
  });

  it('calls a typo fix minor and formatting none', async () => {
    const typo = JSON.parse((await runPolicy(['diff', 'old.md', 'typo.md', '--format', 'json'], { cwd: dir })).stdout);
    expect(typo.level).toBe('minor');
    expect(typo.triggers).toEqual([]);
    const wrapped = JSON.parse((await runPolicy(['diff', 'old.md', 'wrapped.md', '--format', 'json'], { cwd: dir })).stdout);
    expect(wrapped.level).toBe('none');
    expect(wrapped.changes).toEqual([]);
  });

  it('warns once when neither version has a list of major changes of its own', async () => {
    const terms = readFixture('policies/terms-no-front-matter.md');
    write('terms-old.md', terms);
    write('terms-new.md', terms.replace('2 years', '5 years'));
    const result = await runPolicy(['diff', 'terms-old.md', 'terms-new.md', '--format', 'json'], { cwd: dir });
    const json = JSON.parse(result.stdout);
    expect(json.warnings).toEqual(['terms-old.md: no list of major changes found in the policy; using the built-in default list']);
    expect(result.stderr).toBe(`policy: warning: ${json.warnings[0]}\n`);
    expect(json.triggerSource).toBe('default');
    expect(json.level).toBe('major');
    expect(json.triggers).toEqual([{ index: 1, text: expect.stringMatching(/^Changes to the purposes of processing/) }]);
    expect(json.changes[0]).toMatchObject({ triggers: [1], confidence: 'high', rules: expect.arrayContaining(['term-changed']) });
    expect(json.needsDecision).toBe(0);
    expect(json.changes[0].reasons.join(' ')).toMatch(/default category 1/);
  });

  it('calls a date-only change in English minor', async () => {
    const json = JSON.parse((await runPolicy(['diff', 'en-old.md', 'en-date.md', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.level).toBe('minor');
    expect(json.new.lastUpdated).toBe('2023-01-05');
  });
});

describe('policy diff text and markdown', () => {
  it('prints each change with its section, line, redline, level and trigger, then a verdict', async () => {
    const result = await runPolicy(['diff', 'old.md', 'contact.md'], { cwd: dir });
    expect(result.stdout).toContain('MAJOR  modified  10. 如何联系我们  line 87');
    expect(result.stdout).toContain('legal@[-pingcap.com-]{+pingcap.cn+}。我们将');
    expect(result.stdout).toMatch(/trigger 5: 我们负责处理个人信息安全的责任部门/);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('contact: MAJOR revision — 1 change (1 major, 0 minor); triggers hit: 5');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('colours only on a terminal without NO_COLOR', async () => {
    const tty = await runPolicy(['diff', 'old.md', 'contact.md'], { cwd: dir, tty: true, env: { NO_COLOR: undefined } });
    expect(tty.stdout).toContain('\u001b[31m');
    const noColor = await runPolicy(['diff', 'old.md', 'contact.md'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('renders Markdown for a pull request', async () => {
    const result = await runPolicy(['diff', 'old.md', 'contact.md', '--format', 'markdown'], { cwd: dir });
    expect(result.stdout).toContain('## 隐私政策 (contact)');
    expect(result.stdout).toMatch(/\| 10\. 如何联系我们 \| modified \| major \| 5\. 我们负责处理/);
    expect(result.stdout).toContain('<details><summary>1. major · modified · 10. 如何联系我们 · line 87</summary>');
    expect(result.stdout).toContain('legal@<del>pingcap.com</del><ins>pingcap.cn</ins>');
  });
});

describe('policy diff exit codes', () => {
  it('exits 1 on a major revision with --exit-code, 0 otherwise', async () => {
    expect((await runPolicy(['diff', 'old.md', 'contact.md', '--exit-code'], { cwd: dir })).code).toBe(1);
    expect((await runPolicy(['diff', 'old.md', 'typo.md', '--exit-code'], { cwd: dir })).code).toBe(0);
    expect((await runPolicy(['diff', 'old.md', 'contact.md'], { cwd: dir })).code).toBe(0);
  });

  it.each([
    ['a missing file', () => 'missing.md', /^policy: missing\.md: no such file\n$/],
    ['a folder', () => (mkdirSync(join(dir, 'folder.md'), { recursive: true }), 'folder.md'), /^policy: folder\.md: is a folder, expected a Markdown file\n$/],
    ['an empty file', () => write('empty.md', ''), /^policy: empty\.md: file is empty\n$/],
    ['a binary file', () => write('binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a])), /^policy: binary\.md: binary file/],
    ['a GBK file', () => write('gbk.md', Buffer.from([0x23, 0x20, 0xd2, 0xfe, 0xcb, 0xbd, 0xd5, 0xfe, 0xb2, 0xdf, 0x0a])), /^policy: gbk\.md: not valid UTF-8 \(it looks like GBK/],
    ['invalid front matter', () => write('yaml.md', '---\ntitle: [oops\n---\n# T\n'), /^policy: yaml\.md: invalid front matter YAML at line \d+: /],
    ['a file over 10 MB', () => write('huge.md', Buffer.alloc(10 * 1024 * 1024 + 10, 0x61)), /^policy: huge\.md: file is 10\.0 MB, over the 10 MB limit/],
  ])('exits 2 with one line on stderr for %s', async (_name, make, message) => {
    const file = make();
    const result = await runPolicy(['diff', 'old.md', file], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 on bad usage', async () => {
    const result = await runPolicy(['diff', 'old.md', 'typo.md', '--format', 'yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--format.*yaml/);
    expect((await runPolicy(['diff', 'old.md'], { cwd: dir })).code).toBe(2);
  });

  it('behaves the same as a real process', () => {
    const major = spawnPolicy(['diff', 'old.md', 'contact.md', '--exit-code', '--format', 'json'], { cwd: dir });
    expect(major.code).toBe(1);
    expect(JSON.parse(major.stdout).level).toBe('major');
    const missing = spawnPolicy(['diff', 'old.md', 'nope.md'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('policy: nope.md: no such file\n');
    const version = spawnPolicy(['--version'], { cwd: dir });
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
