import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveIndex, ArchivedVersion } from '../src/types.js';
import { addVersion as addArchivedVersion, bundleCli, HAVE_TIDY, listFiles, makeSiteRepo, runTidy, SITE_NOW } from './helpers/browser.js';
import { runPolicy } from './helpers/cli.js';

const ALL_FILES = [
  '.policy-site.json',
  'index.html',
  'privacy-policy/1.0.md',
  'privacy-policy/1.0/changes/index.html',
  'privacy-policy/1.0/index.html',
  'privacy-policy/1.1.md',
  'privacy-policy/1.1/changes/index.html',
  'privacy-policy/1.1/index.html',
  'privacy-policy/2.0.md',
  'privacy-policy/2.0/changes/index.html',
  'privacy-policy/2.0/index.html',
  'privacy-policy/compare/1.0...2.0/index.html',
  'privacy-policy/compare/1.1...2.0/index.html',
  'privacy-policy/current/index.html',
  'privacy-policy/feed.xml',
  'privacy-policy/index.html',
  'privacy-policy/index.json',
  'privacy-policy/latest/index.html',
  'privacy-policy/status.json',
  'terms/1.0.md',
  'terms/1.0/changes/index.html',
  'terms/1.0/index.html',
  'terms/1.1.md',
  'terms/1.1/changes/index.html',
  'terms/1.1/index.html',
  'terms/compare/1.0...1.1/index.html',
  'terms/current/index.html',
  'terms/feed.xml',
  'terms/index.html',
  'terms/index.json',
  'terms/latest/index.html',
  'terms/status.json',
];

let repo: ReturnType<typeof makeSiteRepo>;
beforeEach(() => {
  repo = makeSiteRepo();
});
afterEach(() => repo.remove());

const run = (argv: string[], now: Date = SITE_NOW) => runPolicy(argv, { cwd: repo.root, now });
const site = (path = ''): string => join(repo.root, 'site', path);
const read = (path: string): string => readFileSync(site(path), 'utf8');

/** Appends a version to the test repository's archive. */
function addVersion(id: string, version: string, text: string, fields: Partial<ArchivedVersion> = {}): void {
  addArchivedVersion(repo.root, id, version, text, fields);
}

/** Inode of every file: a file rewritten by the build (renamed into place) gets a new one. */
function inodes(): Record<string, number> {
  return Object.fromEntries(listFiles(site()).map((path) => [path, statSync(site(path)).ino]));
}

describe('policy site', () => {
  it('builds every page and copies the archived files byte for byte', async () => {
    const result = await run(['site']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Built site/ (2 policies, 5 versions): 31 files written, 0 unchanged, 0 removed\n');
    expect(result.stderr).toBe('policy: warning: no siteUrl configured: the feeds use relative links (set "siteUrl" in policy.config.json or pass --base-url)\n');
    expect(listFiles(site())).toEqual(ALL_FILES);
    for (const path of ['privacy-policy/1.0.md', 'privacy-policy/2.0.md', 'privacy-policy/index.json', 'terms/1.1.md', 'terms/index.json']) {
      expect(readFileSync(site(path)).equals(readFileSync(join(repo.root, 'archive', path))), path).toBe(true);
    }
    expect(read('privacy-policy/2.0/index.html')).toContain('<html lang="zh-CN">');
    expect(read('terms/1.1/index.html')).toContain('<html lang="en">');
    expect(read('privacy-policy/latest/index.html')).toContain('content="0; url=../2.0/"');
    expect(read('index.html')).toContain('href="privacy-policy/"');
    // Trigger texts on the versions table come from the version before (1.1's own list).
    expect(read('privacy-policy/index.html')).toContain('我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化；');
  });

  it.skipIf(!HAVE_TIDY)('writes HTML that HTML Tidy accepts without errors, and a well-formed feed', async () => {
    expect((await run(['site'])).code).toBe(0);
    for (const path of ALL_FILES.filter((file) => file.endsWith('.html'))) {
      const result = runTidy(site(path));
      expect(result.status, `${path}: ${result.output}`).toBeLessThan(2);
    }
    for (const path of ['privacy-policy/feed.xml', 'terms/feed.xml']) expect(runTidy(site(path), true).status, path).toBeLessThan(2);
  });

  it('the changes page of a major revision shows the trigger it hit', async () => {
    expect((await run(['site'])).code).toBe(0);
    const html = read('privacy-policy/2.0/changes/index.html');
    const major = html.match(/<article class="change change-major"[\s\S]*?<\/article>/g) ?? [];
    expect(major.length).toBeGreaterThan(0);
    expect(major.some((article) => /data-trigger="\d+"/.test(article))).toBe(true);
    expect(html).toMatch(/<del>.*legal.*<\/del>/);
    expect(html).toMatch(/<ins>.*privacy.*<\/ins>/);
    // A Chinese policy's page gives the classifier's reasons in Chinese; an English one's in English.
    const reasons = (page: string): string[] => [...page.matchAll(/<ul class="reasons">([\s\S]*?)<\/ul>/g)].flatMap((m) => [...m[1]!.matchAll(/<li>(.*?)<\/li>/g)].map((li) => li[1]!));
    // The re-stamped date line is publish's bookkeeping, never shown as a change.
    expect(reasons(html).some((reason) => reason.startsWith('日期变更'))).toBe(false);
    expect(reasons(html).some((reason) => reason.startsWith('联系邮箱由 legal@pingcap.com 变更为 privacy@pingcap.com；第“10. 如何联系我们”节受重大变更情形'))).toBe(true);
    for (const reason of reasons(html)) expect(reason).toMatch(/^[^A-Za-z].*。$/u);
    const terms = reasons(read('terms/1.1/changes/index.html'));
    expect(terms.length).toBeGreaterThan(0);
    for (const reason of terms) expect(reason).toMatch(/^[A-Z].*\.$/u);
  });

  it('uses the base URL for the feed and canonical links', async () => {
    expect((await run(['site', '--base-url', 'https://example.com/policies'])).code).toBe(0);
    expect(read('privacy-policy/feed.xml')).toContain('<link href="https://example.com/policies/privacy-policy/2.0/"/>');
    expect(read('privacy-policy/1.0/index.html')).toContain('<link rel="canonical" href="https://example.com/policies/privacy-policy/1.0/">');
  });

  it('takes the output folder and base URL from policy.config.json', async () => {
    writeFileSync(join(repo.root, 'policy.config.json'), JSON.stringify({ site: 'public', siteUrl: 'https://example.org/' }));
    const result = await run(['site']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(readFileSync(join(repo.root, 'public/terms/feed.xml'), 'utf8')).toContain('https://example.org/terms/1.1/');
  });

  it('a rebuild with nothing new writes nothing', async () => {
    expect((await run(['site'])).code).toBe(0);
    const before = inodes();
    const again = await run(['site']);
    expect(again.stdout).toBe('Built site/ (2 policies, 5 versions): 0 files written, 31 unchanged, 0 removed\n');
    expect(inodes()).toEqual(before);
  });

  it('after one more version, re-renders only the pages that version touches', async () => {
    expect((await run(['site'])).code).toBe(0);
    const before = inodes();
    const source = readFileSync(join(repo.root, 'archive/privacy-policy/2.0.md'), 'utf8').replace('2023 年 6 月 1 日', '2024 年 5 月 1 日');
    addVersion('privacy-policy', '2.1', source);
    const result = await run(['site']);
    expect(result.stdout).toBe('Built site/ (2 policies, 6 versions): 16 files written, 19 unchanged, 2 removed\n');
    const after = inodes();
    const rewritten = Object.keys(after).filter((path) => before[path] !== after[path]);
    // Every older version now compares with 2.1 instead of 2.0, so their pages link the new comparison.
    expect(rewritten).toEqual([
      '.policy-site.json',
      'index.html',
      'privacy-policy/1.0/index.html',
      'privacy-policy/1.1/index.html',
      'privacy-policy/2.0/index.html',
      'privacy-policy/2.1.md',
      'privacy-policy/2.1/changes/index.html',
      'privacy-policy/2.1/index.html',
      'privacy-policy/compare/1.0...2.1/index.html',
      'privacy-policy/compare/1.1...2.1/index.html',
      'privacy-policy/compare/2.0...2.1/index.html',
      'privacy-policy/current/index.html',
      'privacy-policy/feed.xml',
      'privacy-policy/index.html',
      'privacy-policy/index.json',
      'privacy-policy/latest/index.html',
      'privacy-policy/status.json',
    ]);
    expect(existsSync(site('privacy-policy/compare/1.0...2.0/index.html'))).toBe(false);
    expect(read('privacy-policy/2.0/index.html')).toContain('data-status="superseded"');
    expect(read('privacy-policy/latest/index.html')).toContain('url=../2.1/');
    expect(read('privacy-policy/current/index.html')).toContain('url=../2.1/');
  });

  it('re-renders a page whose file was deleted or altered, and everything without a manifest', async () => {
    expect((await run(['site'])).code).toBe(0);
    unlinkSync(site('terms/1.0/index.html'));
    writeFileSync(site('terms/1.1/index.html'), 'tampered');
    expect((await run(['site'])).stdout).toContain(': 2 files written, 29 unchanged');
    expect(read('terms/1.1/index.html')).toContain('<!doctype html>');
    unlinkSync(site('.policy-site.json'));
    // Without the manifest the folder is no longer known to be ours.
    const refused = await run(['site']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('policy: site: not empty and not built by policy site (no .policy-site.json); remove it or choose another --out\n');
    expect((await run(['site', '--force', '--out', 'fresh'])).stdout).toContain(': 31 files written, 0 unchanged');
  });

  it('removes the pages of a policy that left the archive, and only those', async () => {
    expect((await run(['site'])).code).toBe(0);
    writeFileSync(site('terms/notes.txt'), 'mine');
    rmSync(join(repo.root, 'archive/terms'), { recursive: true });
    const result = await run(['site']);
    expect(result.stdout).toBe('Built site/ (1 policy, 3 versions): 1 file written, 17 unchanged, 13 removed\n');
    expect(listFiles(site('terms'))).toEqual(['notes.txt']);
    expect(read('index.html')).not.toContain('terms/');
  });

  it('shows a version that is not yet in effect as upcoming: /current/ stays on the one in effect, /latest/ is the latest published', async () => {
    expect((await run(['site'], new Date('2023-06-15T00:00:00Z'))).code).toBe(0);
    expect(read('privacy-policy/2.0/index.html')).toContain('data-status="upcoming"');
    expect(read('privacy-policy/1.1/index.html')).toContain('data-status="current"');
    expect(read('privacy-policy/current/index.html')).toContain('url=../1.1/');
    expect(read('privacy-policy/latest/index.html')).toContain('url=../2.0/');
    // When the day comes, the pages whose status changed are re-rendered (terms took effect in 2024 too).
    const before = inodes();
    expect((await run(['site'])).code).toBe(0);
    const after = inodes();
    expect(Object.keys(after).filter((path) => before[path] !== after[path])).toEqual([
      '.policy-site.json',
      'index.html',
      'privacy-policy/1.0/index.html',
      'privacy-policy/1.1/index.html',
      'privacy-policy/2.0/index.html',
      'privacy-policy/compare/1.0...2.0/index.html',
      'privacy-policy/current/index.html',
      'privacy-policy/index.html',
      'privacy-policy/status.json',
      'terms/1.0/index.html',
      'terms/1.1/index.html',
      'terms/compare/1.0...1.1/index.html',
      'terms/current/index.html',
      'terms/index.html',
      'terms/status.json',
    ]);
    expect(read('privacy-policy/2.0/index.html')).toContain('data-status="current"');
  });

  it('fails on an altered archived version with one line, leaving the previous site untouched', async () => {
    expect((await run(['site'])).code).toBe(0);
    const before = inodes();
    addVersion('privacy-policy', '2.1', '# 隐私政策\n\n新版本。\n');
    writeFileSync(join(repo.root, 'archive/privacy-policy/2.1.md'), '# 隐私政策\n\n被改过的新版本。\n');
    const result = await run(['site']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^policy: archive\/privacy-policy\/2\.1\.md: altered: .*; the archive fails policy verify, so the site was not built\n$/);
    expect(inodes()).toEqual(before);
  });

  it('refuses output folders it could damage', async () => {
    for (const [out, message] of [
      ['.', 'refusing to build the site into the repository itself'],
      ['..', 'refusing to build the site into the repository itself'],
      ['archive/site', 'refusing to build the site into or around the archive folder'],
    ] as const) {
      const result = await run(['site', '--out', out]);
      expect(result.code, out).toBe(2);
      expect(result.stderr, out).toContain(message);
    }
    mkdirSync(join(repo.root, 'docs'));
    writeFileSync(join(repo.root, 'docs/index.html'), 'my own page');
    const foreign = await run(['site', '--out', 'docs']);
    expect(foreign.code).toBe(1);
    expect(readFileSync(join(repo.root, 'docs/index.html'), 'utf8')).toBe('my own page');
  });

  it('never writes through a symbolic link out of the output folder', async () => {
    expect((await run(['site'])).code).toBe(0);
    const outside = join(repo.root, 'outside');
    mkdirSync(outside);
    rmSync(site('terms'), { recursive: true });
    symlinkSync(outside, site('terms'), 'dir');
    const result = await run(['site']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^policy: .*terms: expected a folder inside the site, found a symbolic link\n$/);
    expect(listFiles(outside)).toEqual([]);
  });

  it('refuses policy ids and versions that cannot be file names in the site', async () => {
    const dir = join(repo.root, 'archive', 'index.html');
    // A folder that passes verify (its files are there), so that the site's own refusal is what is tested.
    cpSync(join(repo.root, 'archive/terms'), dir, { recursive: true });
    const index = JSON.parse(readFileSync(join(repo.root, 'archive/terms/index.json'), 'utf8')) as ArchiveIndex;
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ ...index, id: 'index.html' }));
    const result = await run(['site']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^policy: archive\/index\.html\/index\.json: policy id "index\.html" cannot be used in the site/);
    expect(existsSync(site())).toBe(false);
  });

  it('reports bad options and a missing archive in one line', async () => {
    const badUrl = await run(['site', '--base-url', 'ftp://example.com']);
    expect([badUrl.code, badUrl.stderr]).toEqual([2, 'policy: --base-url: "ftp://example.com" must be an http or https URL\n']);
    const badJobs = await run(['site', '--jobs', 'many']);
    expect([badJobs.code, badJobs.stderr]).toEqual([2, 'policy: --jobs: expected a whole number from 1 to 64, found "many"\n']);
    rmSync(join(repo.root, 'archive'), { recursive: true });
    const missing = await run(['site']);
    expect([missing.code, missing.stderr]).toEqual([2, `policy: no policies found (looked in ${join(repo.root, 'policies')} and ${join(repo.root, 'archive')})\n`]);
  });
});

describe('policy site on worker threads', () => {
  it('writes exactly what an in-process build writes', async () => {
    const cli = await bundleCli();
    // Enough versions that the build goes parallel.
    const base = readFileSync(join(repo.root, 'archive/privacy-policy/2.0.md'), 'utf8');
    for (let i = 1; i <= 6; i += 1) {
      addVersion('privacy-policy', `2.${i}`, base.replace('2023 年 6 月 1 日', `2024 年 1 月 ${i} 日`).replace('三十天', `${30 - i} 天`), {
        date: `2024-01-0${i}`,
        effective: `2024-01-0${i}`,
      });
    }
    expect((await run(['site', '--jobs', '1', '--out', 'serial'])).code).toBe(0);
    const threaded = spawnSync(process.execPath, [cli, 'site', '--jobs', '2', '--out', 'threaded'], { cwd: repo.root, encoding: 'utf8' });
    expect(threaded.stderr).not.toMatch(/internal error/);
    expect(threaded.status).toBe(0);
    const files = listFiles(join(repo.root, 'serial')).filter((file) => file !== '.policy-site.json');
    expect(listFiles(join(repo.root, 'threaded')).filter((file) => file !== '.policy-site.json')).toEqual(files);
    // Each new version adds its Markdown, its page, its changes page and one more comparison with the current version.
    expect(files).toHaveLength(31 + 6 * 4);
    for (const file of files) {
      expect(readFileSync(join(repo.root, 'threaded', file)).equals(readFileSync(join(repo.root, 'serial', file))), file).toBe(true);
    }
  });
});

describe('compare pages', () => {
  it('writes every version compared with the current one, linked from the version page', async () => {
    expect((await run(['site'])).code).toBe(0);
    const page = read('privacy-policy/compare/1.0...2.0/index.html');
    expect(page).toContain('<title>隐私政策：1.0 版与 2.0 版对比</title>');
    // Both 1.1 (minor) and 2.0 (major) lie between, each with its recorded level, linking its changes page.
    expect(page).toContain('href="../../1.1/changes/"');
    expect(page).toContain('href="../../2.0/changes/"');
    expect(page).toContain('class="badge badge-major"');
    // The redline itself: the contact mailbox changed between 1.0 and 2.0.
    expect(page).toContain('<ins><span class="sr-only">新增：</span>privacy</ins>@pingcap.com');
    expect(read('privacy-policy/1.0/index.html')).toContain('<a href="../compare/1.0...2.0/" class="compare">与当前版本（2.0 版）对比</a>');
    expect(read('privacy-policy/2.0/index.html')).not.toContain('class="compare"');
    expect(read('terms/1.0/index.html')).toContain('<a href="../compare/1.0...1.1/" class="compare">Compare with the current version (1.1)</a>');
    expect(read('terms/compare/1.0...1.1/index.html')).toContain('<html lang="en">');
  });

  it('after one more version, rewrites every comparison against the new current version and removes the old ones', async () => {
    expect((await run(['site'])).code).toBe(0);
    const source = readFileSync(join(repo.root, 'archive/privacy-policy/2.0.md'), 'utf8').replace('三十天内予以回复', '十五天内予以回复');
    addVersion('privacy-policy', '2.1', source, { summary: '缩短答复期限。' });
    expect((await run(['site'])).code).toBe(0);

    // The comparisons with 2.0 are gone, from the folder and from the manifest.
    const manifest = JSON.parse(read('.policy-site.json')) as { files: Record<string, unknown> };
    for (const stale of ['privacy-policy/compare/1.0...2.0/index.html', 'privacy-policy/compare/1.1...2.0/index.html']) {
      expect(existsSync(site(stale)), stale).toBe(false);
      expect(manifest.files[stale], stale).toBeUndefined();
    }
    expect(listFiles(site()).filter((file) => file.includes('/compare/'))).toEqual([
      'privacy-policy/compare/1.0...2.1/index.html',
      'privacy-policy/compare/1.1...2.1/index.html',
      'privacy-policy/compare/2.0...2.1/index.html',
      'terms/compare/1.0...1.1/index.html',
    ]);

    // An old version's comparison now runs to 2.1: both the edits of 2.0 and the one of 2.1, and 2.1 among the versions between.
    const oldest = read('privacy-policy/compare/1.0...2.1/index.html');
    expect(oldest).toContain('<title>隐私政策：1.0 版与 2.1 版对比</title>');
    expect(oldest).toContain('<ins><span class="sr-only">新增：</span>privacy</ins>@pingcap.com');
    const shortened = '<del><span class="sr-only">删除：</span>三十</del><ins><span class="sr-only">新增：</span>十五</ins>天内予以回复';
    expect(oldest).toContain(shortened);
    expect(oldest).toContain('href="../../2.1/changes/"');
    expect(oldest).toContain('缩短答复期限。');
    // The version that was current is now an old version too: its comparison holds only 2.1's edit.
    const previous = read('privacy-policy/compare/2.0...2.1/index.html');
    expect(previous).toContain(shortened);
    expect(previous).not.toContain('privacy</ins>@pingcap.com');
    expect(previous).not.toContain('href="../../1.1/changes/"');
    expect(read('privacy-policy/1.0/index.html')).toContain('<a href="../compare/1.0...2.1/" class="compare">与当前版本（2.1 版）对比</a>');
    expect(read('privacy-policy/2.0/index.html')).toContain('<a href="../compare/2.0...2.1/" class="compare">与当前版本（2.1 版）对比</a>');

    // The rebuilt comparisons are exactly what a first build of the same archive writes.
    expect((await run(['site', '--out', 'fresh'])).code).toBe(0);
    for (const file of listFiles(site()).filter((path) => path.includes('/compare/'))) {
      expect(read(file), file).toBe(readFileSync(join(repo.root, 'fresh', file), 'utf8'));
    }
  });

  it.skipIf(!HAVE_TIDY)('writes compare pages that HTML Tidy accepts', async () => {
    expect((await run(['site'])).code).toBe(0);
    for (const path of listFiles(site()).filter((file) => file.includes('/compare/'))) {
      const result = runTidy(site(path));
      expect(result.status, `${path}: ${result.output}`).toBeLessThan(2);
    }
  });
});
