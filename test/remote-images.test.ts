/**
 * Remote images in a policy (a tracking pixel, say) must not load for the
 * archive site's readers unless the configuration allows it (`remoteImages`):
 * by default each becomes a notice with a link, and the content security
 * policy of the pages and of `policy serve` has no `https:` images. Notices
 * never carry a policy's image at all. Checked on the rendered trees, and in
 * headless Chromium against an HTTPS server standing in for the tracker.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../src/config.js';
import { renderNoticeModel } from '../src/notify/notice-model.js';
import { renderNoticeContent } from '../src/notify/render-notice.js';
import { comparePolicies } from '../src/revision.js';
import { contentSecurityPolicy } from '../src/site/csp.js';
import { stringifyHtml } from '../src/site/html.js';
import { isRemoteUrl, renderMarkdown, renderMarkdownAtOnce } from '../src/site/markdown.js';
import { renderVersionPage, type VersionPageModel } from '../src/site/pages/version.js';
import { startSiteServer } from '../src/site/serve.js';
import type { ArchivedVersion } from '../src/types.js';
import { addVersion, browserTestsEnabled, launchChromium, makeSiteRepo, SITE_NOW } from './helpers/browser.js';
import { runPolicy } from './helpers/cli.js';
import { policyFrom } from './helpers/policies.js';

function elements(tree: Root | Element, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (test(child)) found.push(child);
      walk(child);
    }
  };
  walk(tree);
  return found;
}

const TRACKER = 'https://tracker.example';
const IMAGES = [
  '# Terms',
  '',
  `Inline ![pixel](${TRACKER}/inline.gif) and local ![logo](images/logo.png).`,
  '',
  'Reference ![ref pixel][p] here.',
  '',
  `Protocol-relative ![pr](//tracker.example/pr.gif), backslash ![bs](/\\tracker.example/bs.gif), no alt ![](${TRACKER}/noalt.gif).`,
  '',
  `[![linked](${TRACKER}/linked.gif)](https://example.com/page)`,
  '',
  `<img src="${TRACKER}/raw.gif" alt="raw">`,
  '',
  `[p]: ${TRACKER}/reference.gif`,
  '',
].join('\n');

describe('isRemoteUrl', () => {
  it('tells a URL a browser would fetch from another server', () => {
    for (const url of [`${TRACKER}/a.gif`, 'http://tracker.example/a.gif', '//tracker.example/a.gif', '/\\tracker.example/a.gif', ' https://tracker.example/a']) {
      expect(isRemoteUrl(url), url).toBe(true);
    }
    for (const url of ['images/a.png', '../a.png', '/a.png', '?x', '#y']) expect(isRemoteUrl(url), url).toBe(false);
  });
});

describe('rendering a policy with remote images', () => {
  it('by default shows each remote image as a notice with a link, and keeps local ones', () => {
    for (const render of [renderMarkdown, renderMarkdownAtOnce]) {
      const tree = render(IMAGES, 'en');
      const html = stringifyHtml(tree);
      // Markdown percent-encodes the backslash, which leaves that one on the site's own server.
      expect(elements(tree, (node) => node.tagName === 'img').map((node) => node.properties.src)).toEqual(['images/logo.png', '/%5Ctracker.example/bs.gif']);
      expect(html).not.toContain('src="https:');
      expect(html).not.toContain('src="//');
      const notices = elements(tree, (node) => node.tagName === 'span' && String(node.properties.className) === 'remote-image');
      expect(notices).toHaveLength(5);
      const links = notices.flatMap((notice) => elements(notice, (node) => node.tagName === 'a'));
      expect(links.map((link) => [link.properties.href, (link.children[0] as { value: string }).value])).toEqual([
        [`${TRACKER}/inline.gif`, 'pixel'],
        [`${TRACKER}/reference.gif`, 'ref pixel'],
        ['//tracker.example/pr.gif', 'pr'],
        [`${TRACKER}/noalt.gif`, `${TRACKER}/noalt.gif`],
      ]);
      expect(html).toContain('Remote image not loaded: <a href="https://tracker.example/inline.gif" rel="nofollow noopener noreferrer">pixel</a>');
      // Inside a link the notice has no link of its own (links do not nest); the outer link stays.
      expect(html).toContain('<a href="https://example.com/page"><span class="remote-image">Remote image not loaded: linked</span></a>');
      // Raw HTML is not rendered at all.
      expect(html).not.toContain('raw.gif');
    }
    expect(stringifyHtml(renderMarkdown(IMAGES, 'zh'))).toContain('未加载的外部图片：<a href="https://tracker.example/inline.gif"');
  });

  it('with remoteImages keeps them as images', () => {
    const tree = renderMarkdown(IMAGES, 'en', { remoteImages: true });
    expect(elements(tree, (node) => node.tagName === 'img').map((node) => node.properties.src)).toEqual([
      `${TRACKER}/inline.gif`,
      'images/logo.png',
      `${TRACKER}/reference.gif`,
      '//tracker.example/pr.gif',
      '/%5Ctracker.example/bs.gif',
      `${TRACKER}/noalt.gif`,
      `${TRACKER}/linked.gif`,
    ]);
    expect(stringifyHtml(tree)).not.toContain('remote-image');
  });

  it('renders section by section exactly as at once, in both settings (the section cache keeps them apart)', () => {
    const splittable = IMAGES.replace(/^\[p\]:.*$/m, '').replace(/^<img.*$/m, '').replace('![ref pixel][p]', '');
    for (const remoteImages of [false, true, false]) {
      for (const source of [IMAGES, splittable]) {
        expect(stringifyHtml(renderMarkdown(source, 'en', { remoteImages }))).toBe(stringifyHtml(renderMarkdownAtOnce(source, 'en', { remoteImages })));
      }
    }
  });
});

describe('the content security policy follows remoteImages', () => {
  const strict = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

  it('is one function of the setting', () => {
    expect(contentSecurityPolicy()).toBe(strict);
    expect(contentSecurityPolicy({ remoteImages: true })).toBe(strict.replace("img-src 'self' data:", "img-src 'self' https: data:"));
    expect(contentSecurityPolicy({ header: true })).toBe(`${strict}; frame-ancestors 'none'`);
  });

  const entry: ArchivedVersion = {
    version: '1.0',
    date: '2024-01-01',
    effective: '2024-01-01',
    file: '1.0.md',
    sha256: '0'.repeat(64),
    level: 'initial',
    triggers: [],
    summary: '',
    publishedAt: '2024-01-01T00:00:00.000Z',
    previous: null,
  };
  const model: VersionPageModel = {
    lang: 'en',
    title: 'Terms',
    id: 'terms',
    view: { entry, status: 'current', previous: null, next: null, supersededBy: null },
    current: null,
    upcoming: null,
    baseUrl: null,
  };
  const metaCsp = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replaceAll('&#x27;', "'");

  it('in the version page: no https: images by default, https: with remoteImages', () => {
    const page = stringifyHtml(renderVersionPage(model, renderMarkdown(IMAGES, 'en')));
    expect(metaCsp(page)).toBe(strict);
    expect(page).not.toContain('<img src="https:');
    const allowed = stringifyHtml(renderVersionPage({ ...model, remoteImages: true }, renderMarkdown(IMAGES, 'en', { remoteImages: true })));
    expect(metaCsp(allowed)).toContain("img-src 'self' https: data:");
    expect(allowed).toContain(`<img src="${TRACKER}/inline.gif" alt="pixel">`);
  });

  it('in the headers of policy serve', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-csp-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    try {
      for (const remoteImages of [false, true]) {
        const server = await startSiteServer({ root: dir, host: '127.0.0.1', port: 0, remoteImages });
        try {
          for (const path of ['', 'missing']) {
            const response = await fetch(`${server.url}${path}`);
            expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy({ remoteImages, header: true }));
          }
        } finally {
          await server.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the remoteImages key of policy.config.json', () => {
  it('defaults to false, takes true, and refuses anything but a boolean', () => {
    expect(defaultConfig().remoteImages).toBe(false);
    expect(parseConfig({}, 'policy.config.json').remoteImages).toBe(false);
    expect(parseConfig({ remoteImages: true }, 'policy.config.json').remoteImages).toBe(true);
    expect(() => parseConfig({ remoteImages: 'yes' }, 'policy.config.json')).toThrow('policy.config.json: "remoteImages" must be true or false, found "yes"');
  });
});

describe('notices', () => {
  it('never carry a remote image from a policy', () => {
    const old = policyFrom('---\ntitle: Terms\nlang: en\n---\n# Terms\n\n## 1. Data\n\nWe keep your data.\n');
    const now = policyFrom(
      `---\ntitle: Terms\nlang: en\n---\n# Terms\n\n## 1. Data\n\nWe keep your data ![pixel](${TRACKER}/changed.gif).\n\n![new](${TRACKER}/added.gif)\n\n<img src="${TRACKER}/raw.gif">\n`,
    );
    const revision = comparePolicies(old, now);
    expect(revision.changes.length).toBeGreaterThan(0);
    const version = (v: string, level: ArchivedVersion['level']): ArchivedVersion => ({
      version: v,
      date: '2026-12-01',
      effective: '2026-12-31',
      file: `${v}.md`,
      sha256: '0'.repeat(64),
      level,
      triggers: [],
      summary: '',
      publishedAt: '2026-12-01T00:00:00.000Z',
      previous: null,
    });
    const content = renderNoticeContent(renderNoticeModel({ revision, entry: version('1.1', 'minor'), previous: version('1.0', 'initial') }));
    expect(content.html).not.toMatch(/<img|<picture|<source|\bsrc=|srcset|background=|url\(/i);
    expect(content.html).toContain('We keep your data');
  });
});

/** A self-signed certificate for 127.0.0.1, made with openssl; null where openssl is missing. */
function makeCertificate(dir: string): { key: string; cert: string } | null {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const made = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert,
    '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' });
  if (made.status !== 0) return null;
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

/** A 1×1 transparent GIF. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

describe.runIf(browserTestsEnabled())('remote images in Chromium, with an HTTPS server standing in for the tracker', () => {
  let repo: ReturnType<typeof makeSiteRepo>;
  let certDir: string;
  let tracker: Server | null = null;
  let trackerUrl = '';
  const hits: string[] = [];
  let browser: Browser;

  beforeAll(async () => {
    repo = makeSiteRepo();
    certDir = mkdtempSync(join(tmpdir(), 'policy-tracker-'));
    const tls = makeCertificate(certDir);
    if (!tls) return;
    tracker = createServer(tls, (req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'image/gif', 'Content-Length': GIF.length });
      res.end(GIF);
    });
    await new Promise<void>((resolve) => tracker!.listen(0, '127.0.0.1', resolve));
    trackerUrl = `https://127.0.0.1:${(tracker.address() as AddressInfo).port}`;
    const text = readFileSync(join(repo.root, 'archive/privacy-policy/2.0.md'), 'utf8');
    const withImages = [
      text.trimEnd(),
      '',
      '## 附：图示',
      '',
      `![跟踪像素](${trackerUrl}/inline.gif)`,
      '',
      '![参考图片][pixel]',
      '',
      `<img src="${trackerUrl}/raw.gif" alt="raw">`,
      '',
      `[pixel]: ${trackerUrl}/reference.gif`,
      '',
    ].join('\n');
    addVersion(repo.root, 'privacy-policy', '2.1', withImages, { date: '2024-01-15', effective: '2024-01-15', summary: '增加图示。' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (tracker ? tracker.close(() => resolve()) : resolve()));
    repo?.remove();
    rmSync(certDir, { recursive: true, force: true });
  });

  /** Builds the site, serves it, opens `paths` in Chromium (which trusts the tracker's certificate); returns the pages' text and links. */
  async function browse(remoteImages: boolean, paths: string[]): Promise<{ text: string; links: string[] }> {
    const built = await runPolicy(['site'], { cwd: repo.root, now: SITE_NOW });
    expect(built.code, built.stderr).toBe(0);
    const server = await startSiteServer({ root: join(repo.root, 'site'), host: '127.0.0.1', port: 0, remoteImages });
    const context = await browser.newContext({ javaScriptEnabled: false, ignoreHTTPSErrors: true });
    let text = '';
    const links: string[] = [];
    try {
      for (const path of paths) {
        const page = await context.newPage();
        const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        expect(response?.status(), path).toBe(200);
        text += await page.locator('main').innerText();
        links.push(...(await page.locator('main a').evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href))));
        await page.close();
      }
    } finally {
      await context.close();
      await server.close();
    }
    return { text, links };
  }

  const PAGES = ['privacy-policy/2.1/', 'privacy-policy/2.1/changes/', 'privacy-policy/compare/2.0...2.1/'];

  it('by default: no request reaches the tracker, and each image is a notice with a link', async (t) => {
    if (!tracker) return t.skip();
    hits.length = 0;
    const { text, links } = await browse(false, PAGES);
    expect(hits).toEqual([]);
    expect(text).toContain('未加载的外部图片：跟踪像素');
    expect(text).toContain('未加载的外部图片：参考图片');
    expect(links).toContain(`${trackerUrl}/inline.gif`);
    expect(links).toContain(`${trackerUrl}/reference.gif`);
  });

  it('with "remoteImages": true the version page loads them (raw HTML still never renders)', async (t) => {
    if (!tracker) return t.skip();
    writeFileSync(join(repo.root, 'policy.config.json'), '{ "remoteImages": true }\n');
    hits.length = 0;
    const { text } = await browse(true, PAGES.slice(0, 1));
    expect(text).not.toContain('未加载的外部图片');
    expect([...hits].sort()).toEqual(['/inline.gif', '/reference.gif']);
  });
});
