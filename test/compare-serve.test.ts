/**
 * `policy serve` answers `/<id>/compare/<a>...<b>/` for any two versions,
 * rendered on request: the same page the static site writes, 404 for unknown
 * or reversed pairs, pages kept in a bounded cache; and the page in Chromium.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompareRenderer, parseComparePair } from '../src/site/compare-on-request.js';
import { startSiteServer, type RunningServer } from '../src/site/serve.js';
import { addVersion, browserTestsEnabled, launchChromium, makeSiteRepo, SITE_NOW } from './helpers/browser.js';
import { runPolicy } from './helpers/cli.js';

function get(server: RunningServer, path: string): Promise<{ status: number; type: string; location: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), location: String(res.headers.location ?? ''), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

let repo: ReturnType<typeof makeSiteRepo>;
let server: RunningServer;
let renderer: ReturnType<typeof createCompareRenderer>;

beforeAll(async () => {
  repo = makeSiteRepo();
  const text = readFileSync(join(repo.root, 'archive/privacy-policy/2.0.md'), 'utf8').replace('2023 年 6 月 1 日', '2024 年 1 月 15 日');
  addVersion(repo.root, 'privacy-policy', '2.1', text, { date: '2024-01-15', effective: '2024-01-15', summary: '更新日期。' });
  expect((await runPolicy(['site'], { cwd: repo.root, now: SITE_NOW })).code).toBe(0);
  renderer = createCompareRenderer({ archiveDir: join(repo.root, 'archive'), cwd: repo.root, baseUrl: null, capacity: 2 });
  server = await startSiteServer({ root: join(repo.root, 'site'), host: '127.0.0.1', port: 0, compare: renderer });
});

afterAll(async () => {
  await server?.close();
  repo?.remove();
});

describe('compare on request', () => {
  it('reads <a>...<b> pairs of versions only', () => {
    expect(parseComparePair('1.0...2.1')).toEqual(['1.0', '2.1']);
    for (const bad of ['1.0..2.1', '1.0...2.1...3.0', 'a...b', '...2.0', '1.0....2.0']) expect(parseComparePair(bad), bad).toBeNull();
  });

  it('answers any two versions with the page the static site writes for the same pair', async () => {
    const reply = await get(server, '/privacy-policy/compare/1.0...2.1/');
    expect(reply.status).toBe(200);
    expect(reply.type).toBe('text/html; charset=utf-8');
    expect(reply.body).toBe(readFileSync(join(repo.root, 'site/privacy-policy/compare/1.0...2.1/index.html'), 'utf8'));
    // A pair the static site does not hold: two old versions.
    const old = await get(server, '/privacy-policy/compare/1.0...1.1/');
    expect(old.status).toBe(200);
    expect(old.body).toContain('<title>隐私政策：1.0 版与 1.1 版对比</title>');
    expect(old.body).toContain('href="../../1.1/changes/"');
    expect(old.body).not.toContain('href="../../2.0/changes/"');
  });

  it('gets 404 for unknown versions, unknown policies and reversed pairs, and a redirect to the folder form', async () => {
    for (const path of [
      '/privacy-policy/compare/2.1...1.0/',
      '/privacy-policy/compare/2.0...2.0/',
      '/privacy-policy/compare/1.0...9.0/',
      '/cookies/compare/1.0...1.1/',
      '/privacy-policy/compare/latest...2.0/',
      '/privacy-policy/compare/1.0..%2F..%2F2.0/',
    ]) {
      expect((await get(server, path)).status, path).toBe(404);
    }
    const bare = await get(server, '/terms/compare/1.0...1.1');
    expect(bare.status).toBe(301);
    expect(bare.location).toBe('/terms/compare/1.0...1.1/');
  });

  it('keeps no more rendered pages than its capacity', async () => {
    for (const pair of ['1.0...1.1', '1.1...2.0', '2.0...2.1', '1.0...2.0']) {
      expect((await get(server, `/privacy-policy/compare/${pair}/`)).status).toBe(200);
    }
    expect(renderer.cached()).toBe(2);
  });
});

describe.runIf(browserTestsEnabled())('a compare page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the redline with its verdicts, links every version in between, and has no serious accessibility violations', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}privacy-policy/1.0/`);
    await page.getByRole('link', { name: '与当前版本（2.1 版）对比' }).click();
    await page.waitForURL((url) => url.pathname === '/privacy-policy/compare/1.0...2.1/');
    expect(await page.locator('h1').textContent()).toBe('隐私政策：1.0 版与 2.1 版对比');
    expect(await page.locator('ul.between li a').allTextContents()).toEqual(['1.1 版', '2.0 版', '2.1 版']);
    expect(await page.locator('article.change-major').count()).toBeGreaterThan(0);
    expect(await page.locator('ins').first().isVisible()).toBe(true);
    // Any pair, rendered on request, through the browser too.
    await page.goto(`${server.url}privacy-policy/compare/1.1...2.0/`);
    expect(await page.locator('ul.between li a').allTextContents()).toEqual(['2.0 版']);
    // axe runs as a script: check accessibility in a context with JavaScript on.
    const axeContext = await browser.newContext();
    const axePage = await axeContext.newPage();
    await axePage.goto(`${server.url}privacy-policy/compare/1.1...2.0/`);
    const results = await new AxeBuilder({ page: axePage }).analyze();
    await axeContext.close();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => violation.id)).toEqual([]);
    await context.close();
  });
});
