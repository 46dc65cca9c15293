import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { renderFeed } from '../src/site/feed.js';
import { stringifyHtml } from '../src/site/html.js';
import { emptyManifest, parseManifest, renderManifest } from '../src/site/manifest.js';
import { parseMarkdownBody, renderMarkdown, renderMarkdownAtOnce } from '../src/site/markdown.js';
import { buildPolicyView, resolveTriggers, todayIso } from '../src/site/model.js';
import { renderChangesPage, type ChangesPageModel, type RevisionSummary } from '../src/site/pages/changes.js';
import { renderHomePage } from '../src/site/pages/home.js';
import { renderLatestPage } from '../src/site/pages/latest.js';
import { renderVersionPage } from '../src/site/pages/version.js';
import { renderVersionsPage } from '../src/site/pages/versions.js';
import { assertInsideSite, assertSafeId, assertSafeVersion, isSafeName, outputFile, parseBaseUrl, relativeHref, sitePaths } from '../src/site/paths.js';
import type { ArchiveIndex, ArchivedVersion, Block, ClassifiedChange } from '../src/types.js';
import { HAVE_TIDY, ROOT, runTidy, SITE_FIXTURE } from './helpers/browser.js';

function entry(version: string, date: string, effective: string, extra: Partial<ArchivedVersion> = {}): ArchivedVersion {
  return {
    version,
    date,
    effective,
    file: `${version}.md`,
    sha256: version.replace('.', '').padStart(64, 'a'),
    level: version === '1.0' ? 'initial' : 'minor',
    triggers: [],
    summary: `summary of ${version}`,
    publishedAt: `${date}T09:00:00.000Z`,
    previous: null,
    ...extra,
  };
}

const INDEX: ArchiveIndex = {
  id: 'privacy-policy',
  title: '隐私政策',
  lang: 'zh',
  versions: [
    entry('1.0', '2021-08-27', '2021-08-27'),
    entry('1.1', '2022-03-01', '2022-03-01'),
    entry('2.0', '2023-06-01', '2023-07-01', { level: 'major', triggers: [5] }),
  ],
};

function block(text: string, line: number, section: string[]): Block {
  return { kind: 'paragraph', depth: 0, text, urls: [], section, line, endLine: line, key: text };
}

const CONTACT_TRIGGER = '我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化；';

const REVISION: RevisionSummary = {
  level: 'major',
  triggers: [5],
  warnings: ['no trigger list: using the default list'],
  old: { triggers: [{ index: 5, text: CONTACT_TRIGGER, line: 90, blockIndex: 60 }] },
  changes: [
    {
      kind: 'modified',
      oldBlock: block('将您的问题发送至 legal@pingcap.com。', 95, ['隐私政策', '10. 如何联系我们']),
      newBlock: block('将您的问题发送至 privacy@pingcap.com。', 96, ['隐私政策', '10. 如何联系我们']),
      oldIndex: 40,
      newIndex: 41,
      inline: [
        { op: 'equal', text: '将您的问题发送至 ' },
        { op: 'delete', text: 'legal' },
        { op: 'insert', text: 'privacy' },
        { op: 'equal', text: '@pingcap.com。' },
      ],
      level: 'major',
      triggers: [5],
      reasons: [
        'Contact e-mail address changed from legal@pingcap.com to privacy@pingcap.com; section "10. 如何联系我们" is governed by trigger 5 ("我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化").',
      ],
      reasonMessages: [
        {
          id: 'major',
          clause: { id: 'entity', type: 'email', removed: ['legal@pingcap.com'], added: ['privacy@pingcap.com'] },
          governance: { where: { at: 'section', title: '10. 如何联系我们' }, trigger: { index: 5, text: CONTACT_TRIGGER }, governed: true, isDefault: false },
        },
      ],
      rules: [],
      confidence: 'high',
    } satisfies ClassifiedChange,
    {
      kind: 'added',
      oldBlock: null,
      newBlock: block('新增的一个例子 <script>alert(1)</script>', 30, ['隐私政策', '5. 我们如何存储和保护个人信息']),
      oldIndex: -1,
      newIndex: 20,
      inline: [],
      level: 'minor',
      triggers: [],
      reasons: [],
      rules: [],
      confidence: 'high',
    } satisfies ClassifiedChange,
    {
      kind: 'removed',
      oldBlock: block('被删除的句子。', 31, ['隐私政策', '5. 我们如何存储和保护个人信息']),
      newBlock: null,
      oldIndex: 21,
      newIndex: -1,
      inline: [],
      level: 'minor',
      triggers: [],
      // Reasons without their messages (as an older classifier left them) are shown as they are.
      reasons: ['Only an example was removed.'],
      rules: [],
      confidence: 'high',
    } satisfies ClassifiedChange,
  ],
};

function elements(tree: Root | Element, predicate: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (predicate(node)) found.push(node);
  });
  return found;
}

function textOf(node: Element | Root): string {
  let out = '';
  visit(node, 'text', (text: { value: string }) => {
    out += text.value;
  });
  return out;
}

const tidyDir = mkdtempSync(join(tmpdir(), 'policy-site-render-'));
afterAll(() => rmSync(tidyDir, { recursive: true, force: true }));

/** Writes a page and runs HTML Tidy on it; returns tidy's exit status (0 clean, 1 warnings, 2 errors). */
function tidy(html: string, name: string): { status: number; output: string } {
  const file = join(tidyDir, name);
  writeFileSync(file, html);
  return runTidy(file, name.endsWith('.xml'));
}

describe('site paths', () => {
  it('puts pages in folders and links between them relatively', () => {
    expect(outputFile(sitePaths.home())).toBe('index.html');
    expect(outputFile(sitePaths.changes('p', '1.0'))).toBe('p/1.0/changes/index.html');
    expect(outputFile(sitePaths.feed('p'))).toBe('p/feed.xml');
    expect(relativeHref(sitePaths.changes('p', '1.0'), sitePaths.version('p', '1.0'))).toBe('../');
    expect(relativeHref(sitePaths.changes('p', '1.0'), sitePaths.home())).toBe('../../../');
    expect(relativeHref(sitePaths.version('p', '1.0'), sitePaths.source('p', '1.0'))).toBe('../1.0.md');
    expect(relativeHref(sitePaths.versions('p'), sitePaths.versions('p'))).toBe('./');
    expect(relativeHref(sitePaths.home(), sitePaths.versions('隐私'))).toBe('%E9%9A%90%E7%A7%81/');
  });

  it('refuses ids and versions that could escape the folder or collide', () => {
    for (const bad of ['..', '.hidden', 'a/b', 'a\\b', 'x.html', 'index.json', 'a..b', '', 'feed.xml', '-x']) {
      expect(isSafeName(bad), bad).toBe(false);
      expect(() => assertSafeId(bad, 'archive/x/index.json')).toThrow(/archive\/x\/index.json: policy id/);
    }
    expect(isSafeName('privacy-policy')).toBe(true);
    expect(isSafeName('隐私政策')).toBe(true);
    expect(() => assertSafeVersion('latest', 'i.json')).toThrow(/version "latest"/);
    expect(() => assertSafeVersion('2.0', 'i.json')).not.toThrow();
    for (const bad of ['../x', '/etc/passwd', 'a//b', 'a/./b', 'a\\b', 'a/']) expect(() => assertInsideSite(bad), bad).toThrow(/outside the site/);
    expect(assertInsideSite('a/b/index.html')).toBe('a/b/index.html');
  });

  it('normalises base URLs and rejects other schemes', () => {
    expect(parseBaseUrl('https://example.com/policies', '--base-url')).toBe('https://example.com/policies/');
    expect(() => parseBaseUrl('javascript:alert(1)', '--base-url')).toThrow(/--base-url: .* must be an http or https URL/);
    expect(() => parseBaseUrl('not a url', '--base-url')).toThrow(/is not a URL/);
  });
});

describe('the policy view', () => {
  it('marks the version in effect current, older ones superseded, later ones upcoming', () => {
    const view = buildPolicyView(INDEX, '2023-06-15');
    expect(view.versions.map((v) => v.status)).toEqual(['superseded', 'current', 'upcoming']);
    expect(view.current).toEqual({ version: '1.1', effective: '2022-03-01' });
    expect(view.upcoming).toEqual({ version: '2.0', effective: '2023-07-01' });
    expect(view.inEffect).toBe('1.1');
    expect(view.latest).toBe('2.0');
    expect(view.versions[0]?.supersededBy).toEqual({ version: '1.1', effective: '2022-03-01' });
    const later = buildPolicyView(INDEX, todayIso(new Date('2024-01-01T00:00:00Z')));
    expect(later.versions.map((v) => v.status)).toEqual(['superseded', 'superseded', 'current']);
    expect(later.latest).toBe('2.0');
    expect(later.inEffect).toBe('2.0');
    expect(later.upcoming).toBeNull();
  });

  it('looks up trigger texts in the previous version', () => {
    expect(resolveTriggers([5, 7], { triggers: [{ index: 5, text: CONTACT_TRIGGER }] })).toEqual([
      { index: 5, text: CONTACT_TRIGGER },
      { index: 7, text: '' },
    ]);
  });
});

describe('renderMarkdown', () => {
  const hostile = [
    '---',
    'title: x',
    '---',
    '# Terms',
    '',
    'Hi <script>alert(1)</script> <img src="x.png" onerror="alert(2)"> [link](javascript:alert(3)) [mail](mailto:a@example.com)',
    '',
    '<div onclick="alert(4)">raw block</div>',
    '',
    '![pixel](javascript:alert(5)) ![logo](https://example.com/logo.png)',
    '',
    'A note.[^1]',
    '',
    '[^1]: The note.',
    '',
    '- [x] done',
  ].join('\n');

  it('drops front matter', () => {
    expect(parseMarkdownBody('---\ntitle: x\n---\n# A\n')).toBe('# A\n');
    expect(parseMarkdownBody('\uFEFF# A\n')).toBe('# A\n');
    expect(parseMarkdownBody('# A\n---\n')).toBe('# A\n---\n');
  });

  it('renders raw HTML, event handlers and javascript: URLs inert', () => {
    const tree = renderMarkdown(hostile, 'en');
    const html = stringifyHtml(tree);
    expect(elements(tree, (node) => node.tagName === 'script' || node.tagName === 'div')).toEqual([]);
    expect(html).not.toMatch(/onerror|onclick|javascript:/i);
    const links = elements(tree, (node) => node.tagName === 'a' && textOf(node) === 'link');
    expect(links).toHaveLength(1);
    expect(links[0]?.properties.href).toBeUndefined();
    expect(elements(tree, (node) => node.tagName === 'a' && node.properties.href === 'mailto:a@example.com')).toHaveLength(1);
    // The image with a javascript: URL becomes its alt text; the https one a link (remote images are off by default).
    expect(elements(tree, (node) => node.tagName === 'img')).toEqual([]);
    expect(elements(renderMarkdown(hostile, 'en', { remoteImages: true }), (node) => node.tagName === 'img').map((node) => node.properties.src)).toEqual(['https://example.com/logo.png']);
    expect(textOf(tree)).toContain('pixel');
    expect(html).not.toContain('title: x');
  });

  it('renders section by section exactly as it renders the whole document', () => {
    const tricky = [
      '# Title',
      'para right before a heading',
      '## 1. Lists',
      '- item',
      '## 2. Quote',
      '> quoted',
      '## 3. Code',
      '```',
      '## not a heading',
      '```',
      '<div>',
      '## inside raw html',
      '</div>',
      '',
      '<!--',
      '## inside a comment',
      '-->',
      '',
      '## 4. Table',
      '| a | b |',
      '| - | - |',
      '| 1 | 2 |',
      '  ## indented heading',
      '1. one',
      '1. two',
      '',
      '## 5. Empty',
      '',
      '## 6. Links https://example.com and <script>x</script>',
    ].join('\n');
    const withoutHtml = tricky.replace(/^<div>[\s\S]*?-->\n/m, '');
    expect(withoutHtml).not.toMatch(/^</m);
    const documents = {
      seed: readFileSync(join(ROOT, 'policies/privacy-policy.md'), 'utf8'),
      terms: readFileSync(join(SITE_FIXTURE, 'archive/terms/1.0.md'), 'utf8'),
      footnotes: readFileSync(join(SITE_FIXTURE, 'archive/terms/1.1.md'), 'utf8'),
      definitions: '# A\n\n[link][x]\n\n## B\n\n[x]: https://example.com\n',
      tricky,
      withoutHtml,
    };
    for (const [name, source] of Object.entries(documents)) {
      for (const lang of ['zh', 'en'] as const) {
        // Twice: the second time from the section cache.
        for (let i = 0; i < 2; i++) {
          expect(stringifyHtml(renderMarkdown(source, lang)), name).toBe(stringifyHtml(renderMarkdownAtOnce(source, lang)));
        }
      }
    }
  });

  it('keeps footnote links pointing at their (prefixed) targets and labels checkboxes', () => {
    const tree = renderMarkdown(hostile, 'zh');
    const ids = new Set(elements(tree, (node) => typeof node.properties.id === 'string').map((node) => node.properties.id));
    const fragments = elements(tree, (node) => node.tagName === 'a' && String(node.properties.href ?? '').startsWith('#'));
    expect(fragments.length).toBeGreaterThanOrEqual(2);
    for (const link of fragments) expect(ids.has(String(link.properties.href).slice(1)), String(link.properties.href)).toBe(true);
    expect([...ids].every((id) => String(id).startsWith('user-content-'))).toBe(true);
    expect(elements(tree, (node) => node.tagName === 'input').map((node) => node.properties.ariaLabel)).toEqual(['已完成']);
    expect(textOf(tree)).toContain('脚注');
  });
});

describe('page renderers', () => {
  const view = buildPolicyView(INDEX, '2024-06-01');
  const versionModel = (i: number) => ({
    lang: 'zh' as const,
    title: '隐私政策',
    id: 'privacy-policy',
    view: view.versions[i]!,
    current: view.current,
    upcoming: view.upcoming,
    baseUrl: null,
  });
  const content = renderMarkdown('# 隐私政策\n\n正文。\n', 'zh');

  it('a superseded version says by which version, and links both neighbours', () => {
    const tree = renderVersionPage(versionModel(0), content);
    const banner = elements(tree, (node) => node.properties.role === 'note')[0]!;
    expect(banner.properties.dataStatus).toBe('superseded');
    expect(textOf(banner)).toContain('此版本已失效：已被 1.1 版取代');
    expect(elements(banner, (node) => node.tagName === 'a').map((node) => [node.properties.href, textOf(node)])).toEqual([
      ['../1.1/', '1.1 版'],
      ['../latest/', '阅读当前版本'],
    ]);
    expect(elements(tree, (node) => node.tagName === 'html')[0]?.properties.lang).toBe('zh-CN');
    expect(elements(tree, (node) => node.tagName === 'a' && (node.properties.rel as string[] | undefined)?.includes('next') === true)[0]?.properties.href).toBe(
      '../1.1/',
    );
    // The policy's own h1 is used, not a second one.
    expect(elements(tree, (node) => node.tagName === 'h1')).toHaveLength(1);
  });

  it('the current version says so, and announces an upcoming one', () => {
    const upcomingView = buildPolicyView(INDEX, '2023-06-15');
    const tree = renderVersionPage(
      { lang: 'zh', title: '隐私政策', id: 'privacy-policy', view: upcomingView.versions[1]!, current: upcomingView.current, upcoming: upcomingView.upcoming, baseUrl: null },
      renderMarkdown('没有标题的正文。', 'zh'),
    );
    const banner = textOf(elements(tree, (node) => node.properties.role === 'note')[0]!);
    expect(banner).toContain('这是当前有效的版本');
    expect(banner).toContain('新版本 2.0 版将于 2023 年 7 月 1 日生效');
    // A policy without its own h1 gets the title as one.
    expect(elements(tree, (node) => node.tagName === 'h1').map(textOf)).toEqual(['隐私政策']);
  });

  it('the changes page marks deletions and insertions and quotes the trigger of a major change', () => {
    const model: ChangesPageModel = { lang: 'zh', title: '隐私政策', id: 'privacy-policy', entry: INDEX.versions[2]!, previous: INDEX.versions[1]!, baseUrl: null };
    const tree = renderChangesPage(model, REVISION);
    const changes = elements(tree, (node) => node.tagName === 'article');
    expect(changes.map((node) => node.properties.dataLevel)).toEqual(['major', 'minor', 'minor']);
    const major = changes[0]!;
    expect(elements(major, (node) => node.tagName === 'del').map(textOf)).toEqual(['删除：legal']);
    expect(elements(major, (node) => node.tagName === 'ins').map(textOf)).toEqual(['新增：privacy']);
    expect(textOf(major)).toContain(CONTACT_TRIGGER);
    expect(textOf(major)).toContain('10. 如何联系我们');
    // The reasons are worded in the policy's language.
    expect(elements(major, (node) => (node.properties.className as string[] | undefined)?.includes('reasons') === true).map(textOf)).toEqual([
      '联系邮箱由 legal@pingcap.com 变更为 privacy@pingcap.com；第“10. 如何联系我们”节受重大变更情形 5（“我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化”）约束。',
    ]);
    expect(textOf(major)).not.toContain('is governed by');
    expect(textOf(changes[2]!)).toContain('Only an example was removed.');
    expect(elements(changes[1]!, (node) => node.tagName === 'ins').map(textOf)).toEqual(['新增：新增的一个例子 <script>alert(1)</script>']);
    expect(elements(changes[2]!, (node) => node.tagName === 'del').map(textOf)).toEqual(['删除：被删除的句子。']);
    expect(stringifyHtml(tree)).not.toContain('<script>alert');
    expect(textOf(tree)).toContain('no trigger list: using the default list');
    expect(textOf(tree)).toContain('变更明细（共 3 处）');
  });

  it('the changes page of an English policy gives the English reasons', () => {
    const model: ChangesPageModel = { lang: 'en', title: 'Privacy Policy', id: 'privacy-policy', entry: INDEX.versions[2]!, previous: INDEX.versions[1]!, baseUrl: null };
    const major = elements(renderChangesPage(model, REVISION), (node) => node.tagName === 'article')[0]!;
    expect(elements(major, (node) => node.tagName === 'li').map(textOf)).toEqual(REVISION.changes[0]!.reasons);
  });

  it('the changes page of a first version says there is nothing to compare', () => {
    const tree = renderChangesPage({ lang: 'en', title: 'Terms', id: 't', entry: INDEX.versions[0]!, previous: null, baseUrl: null }, null);
    expect(textOf(tree)).toContain('This is the first published version');
    expect(elements(tree, (node) => node.tagName === 'article')).toEqual([]);
  });

  it('the versions table lists newest first, marks the current one and names the triggers', () => {
    const rows = view.versions.map((version) => ({
      view: version,
      triggers: version.entry.version === '2.0' ? [{ index: 5, text: CONTACT_TRIGGER }] : [],
    }));
    const tree = renderVersionsPage({ lang: 'zh', title: '隐私政策', id: 'privacy-policy', rows, current: view.current, baseUrl: null });
    const bodyRows = elements(tree, (node) => node.tagName === 'tr' && node.properties.dataVersion !== undefined);
    expect(bodyRows.map((row) => [row.properties.dataVersion, row.properties.dataStatus])).toEqual([
      ['2.0', 'current'],
      ['1.1', 'superseded'],
      ['1.0', 'superseded'],
    ]);
    expect(textOf(bodyRows[0]!)).toContain(CONTACT_TRIGGER);
    expect(textOf(bodyRows[0]!)).toContain('当前版本');
    expect(textOf(bodyRows[2]!)).toContain('已被 1.1 版取代');
  });

  it('the latest page redirects to the latest published version, the current page to the one in effect', () => {
    const html = stringifyHtml(renderLatestPage({ kind: 'latest', lang: 'en', title: 'Terms', id: 't', version: '1.1', baseUrl: 'https://example.com/p/' }));
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=../1.1/">');
    expect(html).toContain('<a href="../1.1/">version 1.1</a>');
    expect(html).toContain('<link rel="canonical" href="https://example.com/p/t/1.1/">');
    expect(html).toContain('<h1>Terms: latest published version</h1>');
    const current = stringifyHtml(renderLatestPage({ kind: 'current', lang: 'zh', title: '条款', id: 't', version: '1.0', baseUrl: null }));
    expect(current).toContain('<meta http-equiv="refresh" content="0; url=../1.0/">');
    expect(current).toContain('<h1>条款：当前有效版本</h1>');
  });

  it('the feed lists every version newest first, with absolute links under a base URL', () => {
    const xml = renderFeed({
      lang: 'zh',
      title: '隐私政策 & <条款>',
      id: 'privacy-policy',
      entries: INDEX.versions.map((e) => ({ entry: e, triggers: e.version === '2.0' ? [{ index: 5, text: CONTACT_TRIGGER }] : [] })),
      baseUrl: 'https://example.com/p/',
      author: 'Example & Co',
    });
    expect(xml).toContain('<author>\n        <name>Example &amp; Co</name>');
    expect([...xml.matchAll(/<link href="([^"]+)"\/>/g)].map((m) => m[1])).toEqual([
      'https://example.com/p/privacy-policy/2.0/',
      'https://example.com/p/privacy-policy/1.1/',
      'https://example.com/p/privacy-policy/1.0/',
    ]);
    expect(xml).toContain('<title>隐私政策 &amp; &lt;条款&gt; — 政策存档</title>');
    expect(xml).toContain('<updated>2023-06-01T09:00:00.000Z</updated>');
    expect(xml).toContain(CONTACT_TRIGGER);
    if (HAVE_TIDY) expect(tidy(xml, 'feed.xml').status).toBeLessThan(2);
  });
});

describe.skipIf(!HAVE_TIDY)('HTML Tidy', () => {
  it('finds no errors (nor warnings) in any kind of page, in both languages', () => {
    const view = buildPolicyView(INDEX, '2023-06-15');
    const pages: Record<string, Root> = {
      'home.html': renderHomePage({
        lang: 'zh',
        policies: [{ id: 'privacy-policy', title: '隐私政策', lang: 'zh', latest: INDEX.versions[1]!, newest: INDEX.versions[2]!, count: 3 }],
        baseUrl: null,
      }),
      'home-empty.html': renderHomePage({ lang: 'en', policies: [], baseUrl: null }),
      'versions.html': renderVersionsPage({
        lang: 'en',
        title: 'Terms',
        id: 't',
        rows: view.versions.map((v) => ({ view: v, triggers: [{ index: 1, text: 'fees' }] })),
        current: view.current,
        baseUrl: 'https://example.com/',
      }),
      'version.html': renderVersionPage(
        { lang: 'zh', title: '隐私政策', id: 'privacy-policy', view: view.versions[1]!, current: view.current, upcoming: view.upcoming, baseUrl: null },
        renderMarkdown('# 标题\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n脚注[^1]\n\n[^1]: 注\n\n<b>raw</b> ![x](javascript:y)\n', 'zh'),
      ),
      'upcoming.html': renderVersionPage(
        { lang: 'en', title: 'Terms', id: 't', view: view.versions[2]!, current: view.current, upcoming: view.upcoming, baseUrl: null },
        renderMarkdown('# Terms\n', 'en'),
      ),
      'changes.html': renderChangesPage({ lang: 'zh', title: '隐私政策', id: 'p', entry: INDEX.versions[2]!, previous: INDEX.versions[1]!, baseUrl: null }, REVISION),
      'changes-override.html': renderChangesPage(
        {
          lang: 'en',
          title: 'Terms',
          id: 't',
          entry: { ...INDEX.versions[2]!, automatic: { level: 'major', triggers: [5] }, override: { level: 'minor', reason: 'already known', at: '2023-06-01T00:00:00Z' } },
          previous: INDEX.versions[1]!,
          baseUrl: null,
        },
        { ...REVISION, changes: [] },
      ),
      'latest.html': renderLatestPage({ kind: 'current', lang: 'zh', title: '隐私政策', id: 'p', version: '1.1', baseUrl: null }),
    };
    for (const [name, tree] of Object.entries(pages)) {
      const result = tidy(stringifyHtml(tree), name);
      expect(result.output, name).toBe('');
      expect(result.status, name).toBe(0);
    }
  });
});

describe('the build manifest', () => {
  it('round-trips, and anything else means a full rebuild', () => {
    const manifest = { ...emptyManifest('1.0.0'), files: { 'b/index.html': { inputs: 'x', sha256: 'y', size: 3 }, 'a.md': { inputs: 'p', sha256: 'q', size: 1 } } };
    const text = renderManifest(manifest);
    expect(Object.keys(JSON.parse(text).files)).toEqual(['a.md', 'b/index.html']);
    expect(parseManifest(text, '1.0.0')).toEqual(manifest);
    expect(parseManifest(text, '2.0.0')).toBeNull();
    expect(parseManifest('{', '1.0.0')).toBeNull();
    expect(parseManifest('{"format":99,"generator":"1.0.0","files":{},"facts":{}}', '1.0.0')).toBeNull();
  });
});
