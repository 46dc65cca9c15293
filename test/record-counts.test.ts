/**
 * One count everywhere: a revision with a major edit, a minor edit, a moved
 * block and publish's bookkeeping (a re-stamped date, a one-publish
 * `effective`) is published, once for a Chinese policy and once for an English
 * one; the CLI report, its JSON, the record, the notice (text and HTML), the
 * changes page, the versions table, the feed entry and `policy log` all state
 * the counts of the same changes — the bookkeeping in none.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { countChanges } from '../src/count-changes.js';
import { runPolicy } from './helpers/cli.js';
import { ROOT, SEED, useTempRepos } from './archive-helpers.js';

const repo = useTempRepos();

/** One language's case: the policy, its edits, and how each surface words 3 changes (1 major, 2 minor). */
interface Case {
  lang: 'zh' | 'en';
  /** Where the policy lives, and whether the repository starts from the shipped archive (else a first publish makes 1.0). */
  file: string;
  id: string;
  seed: string;
  shippedArchive: boolean;
  revise(text: string): string;
  notice: string;
  log: string;
  changesHeading: string;
  /** The count as the versions table and the feed state it, and the summary's tail naming the other changes. */
  count: string;
  summaryTail: string;
}

function swapped(text: string, first: string, second: string): string {
  expect(text).toContain(first + second);
  return text.replace(first + second, second + first);
}

const ZH: Case = {
  lang: 'zh',
  file: 'policies/privacy-policy.md',
  id: 'privacy-policy',
  seed: SEED,
  shippedArchive: true,
  revise: (text) =>
    swapped(
      text,
      '- 联系信息：您的姓名、公司、电子邮件地址、手机号码。\n',
      '- 内容和通讯：您在问卷表单上的任何“自由文本”框中（垂询事宜）输入的任何数据，以及我们联系您时您主动提供的内容和通讯。\n',
    )
      .replace('将您的问题发送至 [legal@pingcap.com](mailto:legal@pingcap.com)', '将您的问题发送至 [privacy@pingcap.com](mailto:privacy@pingcap.com)')
      .replace('访问者极为重要', '访问者十分重要')
      .replace(/最新更新于 \d{4} 年 \d{1,2} 月 \d{1,2} 日/, '最新更新于 2026 年 11 月 1 日')
      .replace('title: 隐私政策\n', 'title: 隐私政策\neffective: 2026-12-30\n'),
  notice: '此外还有 2 处较小的修改',
  log: '；另有 2 处一般变更',
  changesHeading: '变更明细（共 3 处）',
  count: '共 3 处变更（1 处重大、2 处一般）',
  summaryTail: '；另有 2 处一般变更',
};

const EN: Case = {
  lang: 'en',
  file: 'policies/privacy-policy-en.md',
  id: 'privacy-policy-en',
  seed: readFileSync(join(ROOT, 'test/fixtures/policies/privacy-policy.en.md'), 'utf8'),
  shippedArchive: false,
  revise: (text) =>
    swapped(
      text,
      '- Contact information: your name, company, email address and mobile phone number.\n',
      '- Content and communications: any data you enter in any "free text" box on a questionnaire form (your inquiry), and the content and communications you provide when we contact you.\n',
    )
      .replace('send your question to [legal@pingcap.com](mailto:legal@pingcap.com)', 'send your question to [privacy@pingcap.com](mailto:privacy@pingcap.com)')
      .replace('privacy is extremely important', 'privacy is very important')
      .replace(/Last updated on [A-Z][a-z]+ \d{1,2}, \d{4}/, 'Last updated on November 1, 2026')
      .replace('title: Privacy Policy\n', 'title: Privacy Policy\neffective: 2026-12-30\n'),
  notice: 'There are 2 other, smaller changes',
  log: '; and 2 minor changes',
  changesHeading: 'Changes (3)',
  count: '3 changes (1 major, 2 minor)',
  summaryTail: '; and 2 minor changes',
};

describe.each([ZH, EN])('every surface states the same count ($lang)', (c) => {
  it('report, JSON, record, notice (text and HTML), changes page, versions table, feed and log', async () => {
    const made = repo();
    if (!c.shippedArchive) {
      rmSync(join(made.root, 'policies/privacy-policy.md'));
      rmSync(join(made.root, 'archive'), { recursive: true, force: true });
      made.write(c.file, c.seed);
      const first = await runPolicy(['publish', '--yes', '--no-notify', '--date', '2026-10-01'], { cwd: made.root });
      expect(first.code, first.stderr).toBe(0);
    }
    const before = made.read(c.file);
    const text = c.revise(before);
    expect(text).not.toBe(before);
    made.write(c.file, text);
    made.write('policy.config.json', JSON.stringify({ siteUrl: 'https://policies.example.com/', notify: { from: 'legal@example.com', major: ['reader@example.com'] } }));

    const dry = await runPolicy(['publish', '--dry-run', '--format', 'json'], { cwd: made.root });
    const json = JSON.parse(dry.stdout) as { policies: { revision: { changes: { kind: string; level: 'major' | 'minor' }[]; bookkeeping: unknown[] } }[] };
    expect(dry.stdout).toContain(`"recordFile": "archive/${c.id}/2.0.revision.json"`);
    const changes = json.policies[0]!.revision.changes;
    const counts = countChanges(changes);
    expect(counts).toEqual({ changes: 3, major: 1, minor: 2 });
    expect(changes.map((change) => change.kind).sort()).toEqual(['modified', 'modified', 'moved']);
    expect(json.policies[0]!.revision.bookkeeping).toHaveLength(2);

    const result = await runPolicy(['publish', '--yes'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('MAJOR revision — 3 changes (1 major, 2 minor); triggers hit: 5');
    const record = JSON.parse(made.read(`archive/${c.id}/2.0.revision.json`)) as { changes: { level: 'major' | 'minor' }[] };
    expect(countChanges(record.changes)).toEqual(counts);

    const outbox = join(made.root, `outbox/${c.id}/2.0`);
    const [file] = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
    const mail = await simpleParser(readFileSync(join(outbox, file!)));
    expect(mail.text).toContain(c.notice);
    expect(mail.html || '').toContain(c.notice);

    const log = await runPolicy(['log', c.id], { cwd: made.root });
    expect(log.stdout).toContain('3 changes (1 major, 2 minor)');
    expect(log.stdout).toContain(c.log);

    expect((await runPolicy(['site', '--out', 'site'], { cwd: made.root })).code).toBe(0);
    const page = made.read(`site/${c.id}/2.0/changes/index.html`);
    expect(page).toContain(c.changesHeading);
    expect(page.match(/<article class="change /g)).toHaveLength(3);
    expect(page).not.toContain('effective');
    expect(page).not.toContain(c.lang === 'zh' ? '日期变更' : 'date changed');
    const table = made.read(`site/${c.id}/index.html`);
    const row = /<tr[^>]*data-version="2\.0"[^>]*>[\s\S]*?<\/tr>/.exec(table)?.[0] ?? '';
    expect(row).toContain(`<span class="count">${c.count}</span>`);
    expect(row).toContain(c.summaryTail);
    // The first version states no count: it has no changes to count.
    const firstRow = /<tr[^>]*data-version="1\.0"[^>]*>[\s\S]*?<\/tr>/.exec(table)?.[0] ?? '';
    expect(firstRow).not.toContain('class="count"');
    const feed = made.read(`site/${c.id}/feed.xml`);
    const entry = /<entry>[\s\S]*?<\/entry>/.exec(feed)?.[0] ?? '';
    expect(entry).toContain('/2.0/');
    expect(entry).toContain(c.count);
    expect(entry).toContain(c.summaryTail);
  });
});
