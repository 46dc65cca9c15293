/** The archive site, the feed and the reports speak the policy's language, and say who publishes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { majorEdit, useTempRepos } from './archive-helpers.js';
import { runPolicy } from './helpers/cli.js';

const repo = useTempRepos();
const NOW = new Date('2026-11-29T12:00:00Z');

describe('localisation', () => {
  it('a zh site: the first version in Chinese, a space before a Latin date, an Atom author from notify.from', async () => {
    const made = repo();
    made.write('policy.config.json', JSON.stringify({ notify: { from: 'Example Legal <legal@example.com>' } }));
    made.write('policies/privacy-policy.md', majorEdit(made.read('policies/privacy-policy.md')));
    const published = await runPolicy(['publish', '--yes', '--no-notify', '--effective', '2027-01-05'], { cwd: made.root, now: NOW });
    expect(published.code, published.stderr).toBe(0);
    const site = await runPolicy(['site'], { cwd: made.root, now: NOW });
    expect(site.code, site.stderr).toBe(0);
    const read = (path: string) => readFileSync(join(made.root, 'site', path), 'utf8');
    // The shipped archive recorded "Initial version"; a Chinese page shows it in Chinese.
    expect(JSON.parse(made.read('archive/privacy-policy/index.json')).versions[0].summary).toBe('Initial version');
    const versions = read('privacy-policy/index.html');
    expect(versions).toContain('首次发布');
    expect(versions).not.toContain('Initial version');
    expect(read('privacy-policy/feed.xml')).not.toContain('Initial version');
    expect(read('privacy-policy/2.0/index.html')).toContain('此版本将于 <time datetime="2027-01-05">2027 年 1 月 5 日</time>生效');
    const feed = read('privacy-policy/feed.xml');
    expect(feed).toMatch(/<author>\s*<name>Example Legal<\/name>\s*<\/author>/);
    expect(feed).not.toContain('legal@example.com');
  });

  it('the configured organization is the feed author', async () => {
    const made = repo();
    made.write('policy.config.json', JSON.stringify({ organization: 'PingCAP', notify: { from: 'Legal <legal@example.com>' } }));
    expect((await runPolicy(['site'], { cwd: made.root, now: NOW })).code).toBe(0);
    expect(readFileSync(join(made.root, 'site/privacy-policy/feed.xml'), 'utf8')).toMatch(/<author>\s*<name>PingCAP<\/name>/);
    made.write('policy.config.json', JSON.stringify({ organization: 7 }));
    const bad = await runPolicy(['site'], { cwd: made.root, now: NOW });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"organization" must be a non-empty string');
  });

  it('a zh first version is summarised in Chinese when published', async () => {
    const made = repo({ archive: false });
    const result = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root, now: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(made.read('archive/privacy-policy/index.json')).versions[0].summary).toBe('首次发布');
  });

  it("the changes page gives the default-list warning in the policy's language", async () => {
    const made = repo({ archive: false });
    const withoutList = made.read('policies/privacy-policy.md').replace('本政策所指的重大变更包括但不限于：', '本政策的变更说明：');
    made.write('policies/privacy-policy.md', withoutList);
    expect((await runPolicy(['publish', '--yes', '--no-notify', '--date', '2026-11-01'], { cwd: made.root, now: NOW })).code).toBe(0);
    made.write('policies/privacy-policy.md', majorEdit(made.read('policies/privacy-policy.md')));
    expect((await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root, now: NOW })).code).toBe(0);
    expect((await runPolicy(['site'], { cwd: made.root, now: NOW })).code).toBe(0);
    const changes = readFileSync(join(made.root, 'site/privacy-policy/2.0/changes/index.html'), 'utf8');
    expect(changes).toContain('<li>此政策没有列出自己的重大变更情形，变更按内置的默认清单判断。</li>');
    expect(changes).not.toContain('built-in default list');
  });

  it('the Markdown report writes CJK text as text next to an edit', async () => {
    const made = repo();
    made.write('policies/privacy-policy.md', made.read('policies/privacy-policy.md').replace('我们会收集和存储', '我们会收集、使用和存储'));
    const result = await runPolicy(['check', '--format', 'markdown'], { cwd: made.root, now: NOW });
    expect(result.stdout).toContain('我们会收集<ins>、使用</ins>和存储');
    expect(result.stdout).not.toMatch(/&#x[0-9A-F]+;/i);
  });
});
