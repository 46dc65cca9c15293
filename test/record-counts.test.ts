/**
 * One count everywhere: a revision with a major edit, a minor edit, a moved
 * block and publish's bookkeeping (a re-stamped date, a one-publish
 * `effective`) is published; the CLI report, its JSON, the record, the notice
 * (text and HTML), the changes page, the versions table, the feed entry and
 * `policy log` all state the counts of the same changes — the bookkeeping in none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { countChanges } from '../src/count-changes.js';
import { runPolicy } from './helpers/cli.js';
import { SEED, useTempRepos } from './archive-helpers.js';

const POLICY = 'policies/privacy-policy.md';
const repo = useTempRepos();

function revised(): string {
  const first = '- 联系信息：您的姓名、公司、电子邮件地址、手机号码。\n';
  const second = '- 内容和通讯：您在问卷表单上的任何“自由文本”框中（垂询事宜）输入的任何数据，以及我们联系您时您主动提供的内容和通讯。\n';
  const text = SEED.replace('将您的问题发送至 [legal@pingcap.com](mailto:legal@pingcap.com)', '将您的问题发送至 [privacy@pingcap.com](mailto:privacy@pingcap.com)')
    .replace('访问者极为重要', '访问者十分重要')
    .replace(first + second, second + first)
    .replace(/最新更新于 \d{4} 年 \d{1,2} 月 \d{1,2} 日/, '最新更新于 2026 年 11 月 1 日')
    .replace('title: 隐私政策\n', 'title: 隐私政策\neffective: 2026-12-30\n');
  expect(text).not.toBe(SEED);
  return text;
}

describe('every surface states the same count', () => {
  it('report, JSON, record, notice, changes page, versions table, feed and log', async () => {
    const made = repo();
    made.write(POLICY, revised());
    made.write('policy.config.json', JSON.stringify({ siteUrl: 'https://policies.example.com/', notify: { from: 'legal@example.com', major: ['reader@example.com'] } }));

    const dry = await runPolicy(['publish', '--dry-run', '--format', 'json'], { cwd: made.root });
    const json = JSON.parse(dry.stdout) as { policies: { revision: { changes: { kind: string; level: 'major' | 'minor' }[]; bookkeeping: unknown[] } }[] };
    expect(dry.stdout).toContain('"recordFile": "archive/privacy-policy/2.0.revision.json"');
    const changes = json.policies[0]!.revision.changes;
    const counts = countChanges(changes);
    expect(counts).toEqual({ changes: 3, major: 1, minor: 2 });
    expect(changes.map((change) => change.kind).sort()).toEqual(['modified', 'modified', 'moved']);
    expect(json.policies[0]!.revision.bookkeeping).toHaveLength(2);

    const result = await runPolicy(['publish', '--yes'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('MAJOR revision — 3 changes (1 major, 2 minor); triggers hit: 5');
    const record = JSON.parse(made.read('archive/privacy-policy/2.0.revision.json')) as { changes: { level: 'major' | 'minor' }[] };
    expect(countChanges(record.changes)).toEqual(counts);

    const outbox = join(made.root, 'outbox/privacy-policy/2.0');
    const [file] = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
    const mail = await simpleParser(readFileSync(join(outbox, file!)));
    expect(mail.text).toContain('此外还有 2 处较小的修改');
    expect(mail.html || '').toContain('此外还有 2 处较小的修改');

    const log = await runPolicy(['log', 'privacy-policy'], { cwd: made.root });
    expect(log.stdout).toContain('3 changes (1 major, 2 minor)');
    expect(log.stdout).toContain('；另有 2 处一般变更');

    expect((await runPolicy(['site', '--out', 'site'], { cwd: made.root })).code).toBe(0);
    const page = made.read('site/privacy-policy/2.0/changes/index.html');
    expect(page).toContain('变更明细（共 3 处）');
    expect(page.match(/<article class="change /g)).toHaveLength(3);
    expect(page).not.toContain('effective');
    expect(page).not.toContain('日期变更');
    expect(made.read('site/privacy-policy/index.html')).toContain('；另有 2 处一般变更');
    expect(made.read('site/privacy-policy/feed.xml')).toContain('；另有 2 处一般变更');
  });
});
