/**
 * The languages of one version on the site: an original and its translation
 * (`translationOf`, each version's `translates`) linked both ways with
 * `<link rel="alternate" hreflang>` and a visible switch; in Chromium and Tidy.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { entryHash } from '../src/archive/canonical-json.js';
import { sha256Hex } from '../src/hash.js';
import { buildLanguageLookup } from '../src/site/languages.js';
import { startSiteServer } from '../src/site/serve.js';
import type { ArchiveIndex, ArchivedVersion } from '../src/types.js';
import { browserTestsEnabled, HAVE_TIDY, launchChromium, makeSiteRepo, runTidy, SITE_NOW } from './helpers/browser.js';
import { runPolicy } from './helpers/cli.js';

const EN_1 = '---\ntitle: Privacy Policy\nlang: en\ntranslationOf: privacy-policy\n---\n\n# Privacy Policy\n\nWrite to legal@pingcap.com.\n';
const EN_2 = EN_1.replace('legal@', 'privacy@');

/** Adds the English translation (1.0 renders the original's 1.0, 2.0 its 2.0) to the fixture archive. */
function addTranslation(root: string): void {
  const dir = join(root, 'archive/privacy-policy.en');
  mkdirSync(dir);
  const versions: ArchivedVersion[] = [];
  for (const [version, text, translates, level] of [
    ['1.0', EN_1, '1.0', 'initial'],
    ['2.0', EN_2, '2.0', 'major'],
  ] as const) {
    writeFileSync(join(dir, `${version}.md`), text);
    const previous = versions.at(-1);
    versions.push({
      version,
      date: version === '1.0' ? '2021-08-27' : '2023-06-01',
      effective: version === '1.0' ? '2021-08-27' : '2023-07-01',
      file: `${version}.md`,
      sha256: sha256Hex(text),
      level,
      triggers: [],
      summary: '',
      publishedAt: '2023-06-01T09:00:00.000Z',
      previous: previous ? entryHash(previous) : null,
      translates,
    });
  }
  const index: ArchiveIndex = { id: 'privacy-policy.en', title: 'Privacy Policy', lang: 'en', translationOf: 'privacy-policy', versions };
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
}

let repo: ReturnType<typeof makeSiteRepo>;
const read = (path: string) => readFileSync(join(repo.root, 'site', path), 'utf8');

describe('languages on the site', () => {
  beforeEach(() => {
    repo = makeSiteRepo();
    addTranslation(repo.root);
  });
  afterEach(() => repo.remove());

  it('links the languages of one version both ways, and says which original version a translation follows', async () => {
    expect((await runPolicy(['site'], { cwd: repo.root, now: SITE_NOW })).code).toBe(0);
    const zh = read('privacy-policy/2.0/index.html');
    expect(zh).toContain('<link rel="alternate" hreflang="en" href="../../privacy-policy.en/2.0/">');
    expect(zh).toContain('<a href="../../privacy-policy.en/2.0/" hreflang="en" lang="en">English</a>');
    const en = read('privacy-policy.en/2.0/index.html');
    expect(en).toContain('<link rel="alternate" hreflang="zh-CN" href="../../privacy-policy/2.0/">');
    expect(en).toContain('<a href="../../privacy-policy/2.0/" hreflang="zh-CN" lang="zh-CN">中文</a>');
    expect(en).toContain('<p class="follows">This translation follows <a href="../../privacy-policy/2.0/" hreflang="zh-CN">version 2.0</a> of the original.</p>');
    // No translation renders 1.1: no switch there.
    expect(read('privacy-policy/1.1/index.html')).not.toContain('hreflang');
    expect(read('privacy-policy/1.0/index.html')).toContain('href="../../privacy-policy.en/1.0/"');
  });

  it.skipIf(!HAVE_TIDY)('writes pages with language links that HTML Tidy accepts', async () => {
    expect((await runPolicy(['site'], { cwd: repo.root, now: SITE_NOW })).code).toBe(0);
    for (const path of ['privacy-policy/2.0/index.html', 'privacy-policy.en/2.0/index.html', 'privacy-policy.en/1.0/index.html']) {
      const result = runTidy(join(repo.root, 'site', path));
      expect(result.status, `${path}: ${result.output}`).toBeLessThan(2);
    }
  });

  it('links nothing for a translation whose original is not archived, or a version no translation renders', () => {
    const lone: ArchiveIndex = { id: 't', title: 'T', lang: 'en', translationOf: 'missing', versions: [] };
    const entry = { version: '1.0', translates: '1.0' } as ArchivedVersion;
    expect(buildLanguageLookup([lone])('t', entry)).toEqual({ languages: [], follows: null });
  });
});

describe.runIf(browserTestsEnabled())('the language switch in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    repo = makeSiteRepo();
    addTranslation(repo.root);
    expect((await runPolicy(['site'], { cwd: repo.root, now: SITE_NOW })).code).toBe(0);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    repo?.remove();
  });

  it('goes from the Chinese version to the English one and back', async () => {
    const server = await startSiteServer({ root: join(repo.root, 'site'), host: '127.0.0.1', port: 0 });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.url}privacy-policy/2.0/`);
      const nav = page.getByRole('navigation', { name: '其他语言' });
      expect(await nav.isVisible()).toBe(true);
      await nav.getByRole('link', { name: 'English' }).click();
      await page.waitForURL((url) => url.pathname === '/privacy-policy.en/2.0/');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('p.follows').textContent()).toBe('This translation follows version 2.0 of the original.');
      await page.getByRole('navigation', { name: 'Other languages' }).getByRole('link', { name: '中文' }).click();
      await page.waitForURL((url) => url.pathname === '/privacy-policy/2.0/');
      await context.close();
    } finally {
      await server.close();
    }
  });
});
