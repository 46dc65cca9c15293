/**
 * The archive site in a real browser: headless Chromium (Debian's, with a CJK
 * font) driven by playwright-core against `policy serve`'s server. Skipped with
 * a message when Chromium is missing, except under CI=true.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer, type RunningServer } from '../src/site/serve.js';
import { addVersion, browserTestsEnabled, launchChromium, makeSiteRepo, SITE_NOW } from './helpers/browser.js';
import { runPolicy } from './helpers/cli.js';

// Globals of the page, used inside page.evaluate (the project's lib has no DOM types).
declare const document: any;
declare const window: any;
declare const DOMParser: any;
declare function getComputedStyle(element: unknown): { display: string };

const CONTACT_TRIGGER = '我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化；';

/** Where the screenshots go, for a person to look at. */
const SCREENSHOTS = join(tmpdir(), 'policy-site-screenshots');

describe.runIf(browserTestsEnabled())('the archive site in Chromium', () => {
  let repo: ReturnType<typeof makeSiteRepo>;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  const external: string[] = [];

  beforeAll(async () => {
    repo = makeSiteRepo();
    // A minor 2.1 after the major 2.0, so that the major revision is an old, superseded version.
    const text = readFileSync(join(repo.root, 'archive/privacy-policy/2.0.md'), 'utf8').replace('2023 年 6 月 1 日', '2024 年 1 月 15 日');
    addVersion(repo.root, 'privacy-policy', '2.1', text, { date: '2024-01-15', effective: '2024-01-15', summary: '更新日期。' });
    const built = await runPolicy(['site'], { cwd: repo.root, now: SITE_NOW });
    expect(built.code).toBe(0);
    server = await startSiteServer({ root: join(repo.root, 'site'), host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    // The site needs no JavaScript: browse it with JavaScript off.
    context = await browser.newContext({ javaScriptEnabled: false });
    context.on('request', (request) => {
      if (!request.url().startsWith(server.url)) external.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    repo?.remove();
  });

  /** Serious and critical accessibility violations on the open page. */
  async function seriousViolations(page: Page): Promise<string[]> {
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }

  it('leads from the home page to an old version, its redline and the feed', async () => {
    const page = await context.newPage();
    await page.goto(server.url);
    // Policies in two languages: the home page speaks English, each title its own language.
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('link', { name: '隐私政策', exact: true }).getAttribute('lang')).toBe('zh-CN');

    await page.getByRole('link', { name: '隐私政策', exact: true }).click();
    await page.waitForURL(`${server.url}privacy-policy/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const rows = page.locator('tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-version'), tr.getAttribute('data-status')]))).toEqual([
      ['2.1', 'current'],
      ['2.0', 'superseded'],
      ['1.1', 'superseded'],
      ['1.0', 'superseded'],
    ]);
    await expect.poll(() => rows.nth(1).textContent()).toContain(CONTACT_TRIGGER);

    await rows.nth(1).getByRole('link', { name: '2.0', exact: true }).click();
    await page.waitForURL(`${server.url}privacy-policy/2.0/`);
    const banner = page.getByRole('note');
    expect(await banner.getAttribute('data-status')).toBe('superseded');
    expect(await banner.textContent()).toContain('此版本已失效：已被 2.1 版取代');
    expect(await page.locator('article.policy h1').textContent()).toBe('隐私政策');
    expect(await page.locator('a[rel=prev]').textContent()).toContain('1.1');
    expect(await page.locator('a[rel=next]').textContent()).toContain('2.1');
    await page.screenshot({ path: join(SCREENSHOTS, 'version-2.0.png'), fullPage: false });

    await page.getByRole('link', { name: '查看此版本的变更' }).click();
    await page.waitForURL(`${server.url}privacy-policy/2.0/changes/`);
    const major = page.locator('article.change-major');
    expect(await major.count()).toBeGreaterThan(0);
    const triggerTexts = await major.locator('.trigger q').allTextContents();
    expect(triggerTexts).toContain(CONTACT_TRIGGER);
    expect(await page.locator('del').count()).toBeGreaterThan(0);
    expect(await page.locator('ins').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'changes-2.0.png'), fullPage: false });

    // The feed: served as Atom, parsed by the browser's own XML parser.
    await page.goto(`${server.url}privacy-policy/`);
    const feedHref = await page.getAttribute('link[rel=alternate][type="application/atom+xml"]', 'href');
    expect(feedHref).toBe('feed.xml');
    const response = await context.request.get(`${server.url}privacy-policy/${feedHref}`);
    expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    const js = await browser.newPage();
    const parsed = await js.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const ns = 'http://www.w3.org/2005/Atom';
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.namespaceURI,
        entries: [...doc.getElementsByTagNameNS(ns, 'entry')].map((entry: any) => entry.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href')),
      };
    }, xml);
    await js.close();
    expect(parsed).toEqual({ error: 0, root: 'http://www.w3.org/2005/Atom', entries: ['2.1/', '2.0/', '1.1/', '1.0/'] });

    // /current/ takes the reader to the version in effect.
    await page.goto(`${server.url}privacy-policy/current/`);
    await page.waitForURL(`${server.url}privacy-policy/2.1/`);
    expect(await page.getByRole('note').getAttribute('data-status')).toBe('current');
    await page.close();
    expect(external).toEqual([]);
    expect(statSync(join(SCREENSHOTS, 'version-2.0.png')).size).toBeGreaterThan(10_000);
  });

  // axe over a dozen pages: on a loaded 2-core machine this takes well over the default 30 s.
  it('has no serious or critical accessibility violations on any kind of page', async () => {
    const axeContext = await browser.newContext();
    const page = await axeContext.newPage();
    const pages = [
      '',
      'privacy-policy/',
      'privacy-policy/2.1/',
      'privacy-policy/1.0/',
      'privacy-policy/2.0/changes/',
      'privacy-policy/1.0/changes/',
      'terms/',
      'terms/1.0/',
      'terms/1.1/',
      'terms/1.1/changes/',
    ];
    for (const path of pages) {
      await page.goto(`${server.url}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await axeContext.close();
    // axe over ten pages takes seconds on an idle machine and much longer on a loaded one
  }, 180_000);

  it('renders a policy with <script>, onerror= and javascript: links with none of them active', async () => {
    const jsContext = await browser.newContext();
    const page = await jsContext.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const path of ['terms/1.0/', 'terms/1.1/', 'terms/1.1/changes/']) {
      await page.goto(`${server.url}${path}`);
      const dom = await page.evaluate(() => ({
        scripts: document.scripts.length,
        handlers: [...document.querySelectorAll('*')].flatMap((el: any) => el.getAttributeNames().filter((name: string) => name.startsWith('on'))),
        javascriptUrls: [...document.querySelectorAll('[href],[src]')]
          .map((el: any) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
          .filter((url: string) => /^\s*javascript:/i.test(url)),
        xss: window.__xss ?? null,
      }));
      expect(dom, path).toEqual({ scripts: 0, handlers: [], javascriptUrls: [], xss: null });
    }
    await page.goto(`${server.url}terms/1.0/`);
    expect(await page.locator('article.policy').textContent()).toContain('Welcome to Example.');
    await page.getByText('help page').click();
    await page.getByText('a raw link').click();
    expect(await page.evaluate(() => window.__xss ?? null)).toBeNull();
    expect(page.url()).toBe(`${server.url}terms/1.0/`);
    expect(dialogs).toEqual([]);
    await jsContext.close();
  });

  it('gets 404 for path traversal through the browser too', async () => {
    for (const path of ['%2e%2e/%2e%2e/etc/passwd', 'privacy-policy/%2E%2E/%2E%2E/etc/passwd', '..%2f..%2fetc%2fpasswd', '.policy-site.json']) {
      const response = await context.request.get(`${server.url}${path}`);
      expect(response.status(), path).toBe(404);
    }
    const page = await context.newPage();
    const response = await page.goto(`${server.url}%2e%2e/%2e%2e/etc/passwd`);
    expect(response?.status()).toBe(404);
    await page.close();
  });

  it('fits a phone screen and prints without the navigation', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await phone.newPage();
    for (const path of ['privacy-policy/', 'privacy-policy/2.0/', 'privacy-policy/2.0/changes/']) {
      await page.goto(`${server.url}${path}`);
      const widths: number[] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0], path).toBeLessThanOrEqual(widths[1]!);
    }
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.pager').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    expect(await page.locator('main').evaluate((el) => getComputedStyle(el).display)).toBe('block');
    await page.screenshot({ path: join(SCREENSHOTS, 'changes-2.0-phone.png'), fullPage: false });
    await phone.close();
  });
});

mkdirSync(SCREENSHOTS, { recursive: true });
