/**
 * Hostile policies are refused at parse, by every command, with one line naming
 * the file and line and exit 2: YAML alias bombs, impossible dates, nesting
 * deeper than the parser, the block walk and the site can take. Whatever is
 * accepted renders.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyError } from '../src/errors.js';
import { MAX_NESTING_DEPTH } from '../src/policy/blocks.js';
import { parseFrontMatter } from '../src/policy/front-matter.js';
import { majorEdit, SEED, useTempRepos } from './archive-helpers.js';
import { addVersion, makeSiteRepo, SITE_NOW } from './helpers/browser.js';
import { runPolicy } from './helpers/cli.js';
import { readFixture } from './helpers/policies.js';

const seed = readFixture('policies/privacy-policy.zh.md');
let dir: string;
const write = (name: string, text: string): string => (writeFileSync(join(dir, name), text), name);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-hostile-'));
  write('old.md', seed);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const errorOf = (fn: () => unknown): PolicyError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('expected a PolicyError');
};

/** 383 bytes of front matter whose aliases expand to 9^9 nodes. */
const BOMB = [
  '---',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  '---',
  '# T',
  '',
].join('\n');

describe('front matter', () => {
  it('refuses an alias bomb instead of expanding it', () => {
    const error = errorOf(() => parseFrontMatter(BOMB, 'p.md'));
    expect(error.code).toBe('BAD_FRONT_MATTER');
    expect(error.message).toMatch(/^p\.md: front matter YAML at line 2 expands aliases more than \d+ times/);
    expect(parseFrontMatter('---\nx: &x a\ny: *x\n---\n', 'p.md').data).toEqual({ x: 'a', y: 'a' });
  });

  it.each([
    ['unquoted, month 13', 'effective: 2026-13-45'],
    ['unquoted, February 30', 'effective: 2026-02-30'],
    ['quoted, February 30', 'effective: "2026-02-30"'],
    ['not a date', 'effective: next month'],
  ])('refuses an impossible effective date (%s) with its line', (_name, line) => {
    const error = errorOf(() => parseFrontMatter(`---\ntitle: T\n${line}\n---\n# T\n`, 'p.md'));
    expect(error.code).toBe('BAD_FRONT_MATTER');
    expect(error.message).toMatch(/^p\.md: front matter "effective" at line 3 must be a real date written YYYY-MM-DD/);
    expect(error.details).toMatchObject({ file: 'p.md', line: 3 });
  });

  it('keeps real dates as written, and the line of every key', () => {
    const parsed = parseFrontMatter('\uFEFF---\r\ntitle: T\r\neffective: 2026-02-28\r\nlist:\r\n  - a\r\n---\r\n# T\r\n', 'p.md');
    expect(parsed.data).toEqual({ title: 'T', effective: '2026-02-28', list: ['a'] });
    expect(Object.fromEntries(Object.entries(parsed.keys).map(([key, at]) => [key, at.line]))).toEqual({ title: 2, effective: 3, list: 4 });
    expect(parsed.bodyLineOffset).toBe(6);
  });

  it('names the line a YAML error is on (not the line after)', () => {
    const error = errorOf(() => parseFrontMatter('---\ntitle: T\ntitle: U\n---\n# T\n', 'p.md'));
    expect(error.message).toMatch(/^p\.md: invalid front matter YAML at line 3: /);
    expect(error.details.line).toBe(3);
  });

  it.each([
    ['an alias bomb', BOMB, /^policy: bomb\.md: front matter YAML at line 2 expands aliases/],
    ['an impossible date', '---\ntitle: T\neffective: 2026-13-45\n---\n# T\n', /^policy: bomb\.md: front matter "effective" at line 3 must be a real date/],
  ])('policy diff exits 2 with one line on %s', async (_name, text, message) => {
    write('bomb.md', text);
    const result = await runPolicy(['diff', 'old.md', 'bomb.md'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('nesting', () => {
  const quotes = (depth: number): string => `# T\n\n${'>'.repeat(depth)} deep\n`;
  const mixed = (depth: number): string => `# T\n\n${'- > '.repeat(depth / 2)}deep\n`;
  // Words between the markers: a bare run of thousands of `*` is read as plain text (see hostile-markdown.test.ts).
  const emphasis = (depth: number): string => `# T\n\n${'*some words here '.repeat(depth)}deep${' more words here*'.repeat(depth)}\n`;

  it.each([
    ['2,500 block quotes', quotes(2500)],
    ['20,000 block quotes', quotes(20_000)],
    ['3,000 lists and quotes', mixed(6000)],
    [`${MAX_NESTING_DEPTH + 1} block quotes`, quotes(MAX_NESTING_DEPTH + 1)],
    ['emphasis 400 deep', emphasis(400)],
  ])('diff refuses %s with exit 2 and the line', async (_name, text) => {
    write('deep.md', text);
    const result = await runPolicy(['diff', 'old.md', 'deep.md'], { cwd: dir });
    expect(result.stderr).toMatch(new RegExp(`^policy: deep\\.md: nesting deeper than ${MAX_NESTING_DEPTH} levels .* at line 3\n$`));
    expect(result.code).toBe(2);
  });

  it(`accepts ${MAX_NESTING_DEPTH} levels`, async () => {
    write('deep.md', quotes(MAX_NESTING_DEPTH));
    const result = await runPolicy(['diff', 'old.md', 'deep.md', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
  });

  const repos = useTempRepos();
  it('publish refuses a policy nested too deep before anything is archived', async () => {
    const made = repos();
    made.write('policies/privacy-policy.md', `${majorEdit(SEED)}\n${'>'.repeat(2500)} deep\n`);
    const before = made.snapshot();
    const result = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nesting deeper than/);
    expect(made.snapshot()).toEqual(before);
  });

  it(`the site renders a version nested ${MAX_NESTING_DEPTH} levels deep`, { timeout: 60_000 }, async () => {
    const site = makeSiteRepo();
    try {
      const deep = `---\ntitle: Deep\n---\n# Deep\n\n${'> '.repeat(MAX_NESTING_DEPTH)}deepest quote\n\n${'*'.repeat(MAX_NESTING_DEPTH - 2)}deepest emphasis${'*'.repeat(MAX_NESTING_DEPTH - 2)}\n\n${Array.from({ length: MAX_NESTING_DEPTH / 2 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')}\n`;
      addVersion(site.root, 'terms', '1.2', deep);
      const result = await runPolicy(['site'], { cwd: site.root, now: SITE_NOW });
      expect(result.stderr).not.toMatch(/error/i);
      expect(result.code).toBe(0);
      const { readFileSync } = await import('node:fs');
      const page = readFileSync(join(site.root, 'site/terms/1.2/index.html'), 'utf8');
      expect(page).toContain('deepest quote');
      expect(page).toContain('deepest emphasis');
      expect(page).toContain('level 50');
    } finally {
      site.remove();
    }
  });
});
