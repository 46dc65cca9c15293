/**
 * Notices in each recipient's language: the zh policy's 2.0 with an English
 * translation whose 2.0 renders it. Recipients files with a CSV `lang` column
 * or a JSON-lines `lang` field choose; plain text files and unknown languages
 * get the original's. Sent over a real SMTP server.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { entryHash } from '../src/archive/canonical-json.js';
import { sha256Hex } from '../src/hash.js';
import { parseRecipientLang } from '../src/notify/recipients.js';
import { planTranslatedNotices } from '../src/notify/translated-notices.js';
import type { ArchiveIndex, ArchivedVersion } from '../src/types.js';
import { runPolicy } from './helpers/cli.js';
import { makeNoticeRepo } from './helpers/notify-repo.js';
import { fixturePath } from './helpers/policies.js';
import { startSmtpServer, type TestSmtpServer } from './helpers/smtp-server.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

/** A zh original (1.0 → 2.0 major) with an English translation archived alongside (1.0 → 2.0, translating each). */
function repoWithTranslation(files: Record<string, string>): string {
  const dir = makeNoticeRepo({ lang: 'zh', version: '2.0', files });
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const folder = join(dir, 'archive/privacy-policy.en');
  mkdirSync(folder);
  const versions: ArchivedVersion[] = [];
  for (const version of ['1.0', '2.0']) {
    const bytes = readFileSync(fixturePath(`notify/en/${version}.md`));
    writeFileSync(join(folder, `${version}.md`), bytes);
    const previous = versions.at(-1);
    versions.push({
      version,
      date: version === '1.0' ? '2021-08-27' : '2026-12-01',
      effective: version === '1.0' ? '2021-08-27' : '2026-12-31',
      file: `${version}.md`,
      sha256: sha256Hex(bytes),
      level: version === '1.0' ? 'initial' : 'major',
      triggers: version === '1.0' ? [] : [1, 5],
      summary: '',
      publishedAt: '2026-12-01T00:00:00.000Z',
      previous: previous ? entryHash(previous) : null,
      translates: version,
    });
  }
  const index: ArchiveIndex = { id: 'privacy-policy.en', title: 'Privacy Policy', lang: 'en', translationOf: 'privacy-policy', versions };
  writeFileSync(join(folder, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return dir;
}

async function smtp(): Promise<TestSmtpServer> {
  const server = await startSmtpServer();
  cleanup.push(() => server.close());
  return server;
}

async function subjects(server: TestSmtpServer): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const message of server.messages) {
    const mail = await simpleParser(message.raw);
    out[message.to.join(',')] = `${mail.subject} | ${(mail.html || '').match(/<html lang="([^"]+)">/)?.[1]}`;
  }
  return out;
}

const ZH_SUBJECT = '【重要】《隐私政策》重大变更通知（2.0 版） | zh-CN';
const EN_SUBJECT = 'Important: major changes to our Privacy Policy (version 2.0) | en';

describe('notices in the recipient\'s language', () => {
  it('sends the translation to recipients whose CSV lang column asks for it, the original to the others', async () => {
    const server = await smtp();
    const dir = repoWithTranslation({ 'people.csv': 'email,name,lang\nzhang@example.com,张三,zh-CN\nann@example.com,Ann,en\nbo@example.com,Bo,fr\ncy@example.com,Cy,\n' });
    const result = await runPolicy(['notify', 'privacy-policy@2.0', '--to', 'people.csv'], { cwd: dir, env: { POLICY_SMTP_URL: server.url } });
    expect(result.code).toBe(0);
    expect(await subjects(server)).toEqual({
      'zhang@example.com': ZH_SUBJECT,
      'ann@example.com': EN_SUBJECT,
      'bo@example.com': ZH_SUBJECT,
      'cy@example.com': ZH_SUBJECT,
    });
    const english = await simpleParser(server.messages.find((message) => message.to.includes('ann@example.com'))!.raw);
    // The English notice links the translation's pages and speaks of its own text.
    expect(english.text).toContain('<https://policies.example.com/privacy-policy.en/2.0/changes/>');
    expect(english.text).toMatch(/privacy@pingcap\.com/);
  });

  it('reads the lang field of JSON lines; a plain text file carries no language', async () => {
    const server = await smtp();
    const dir = repoWithTranslation({
      'people.jsonl': '{"email":"ann@example.com","lang":"en-GB"}\n{"email":"zhang@example.com"}\n',
      'people.txt': 'ann@example.com\n',
    });
    expect((await runPolicy(['notify', 'privacy-policy@2.0', '--to', 'people.jsonl'], { cwd: dir, env: { POLICY_SMTP_URL: server.url } })).code).toBe(0);
    expect(await subjects(server)).toEqual({ 'ann@example.com': EN_SUBJECT, 'zhang@example.com': ZH_SUBJECT });
  });

  it('sends the original to everyone when no translation renders the version', async () => {
    const server = await smtp();
    const dir = repoWithTranslation({ 'people.csv': 'email,lang\nann@example.com,en\n' });
    // The translation's 2.0 now renders an older original version.
    const indexPath = join(dir, 'archive/privacy-policy.en/index.json');
    const index = JSON.parse(readFileSync(indexPath, 'utf8')) as ArchiveIndex;
    index.versions[1]!.translates = '1.0';
    index.versions[1]!.previous = entryHash(index.versions[0]!);
    writeFileSync(indexPath, `${JSON.stringify(index, null, 2)}\n`);
    expect((await runPolicy(['notify', 'privacy-policy@2.0', '--to', 'people.csv'], { cwd: dir, env: { POLICY_SMTP_URL: server.url } })).code).toBe(0);
    expect(await subjects(server)).toEqual({ 'ann@example.com': ZH_SUBJECT });
  });
});

describe('recipient languages', () => {
  it('knows zh and en in their usual spellings, and nothing else', () => {
    expect(['zh', 'zh-CN', 'ZH_hans', 'en', 'en-US', ' EN '].map(parseRecipientLang)).toEqual(['zh', 'zh', 'zh', 'en', 'en', 'en']);
    expect(['fr', '', 'chinese', 3, null].map(parseRecipientLang)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('picks one translation per language, the newest version that renders the original\'s', () => {
    const original = { id: 'p', lang: 'zh' } as ArchiveIndex;
    const t = (id: string, lang: 'zh' | 'en', translates: string[]): ArchiveIndex =>
      ({ id, lang, translationOf: 'p', title: id, versions: translates.map((v, i) => ({ version: `${i + 1}.0`, translates: v }) as ArchivedVersion) });
    const plan = planTranslatedNotices(original, '2.0', [t('p.en', 'en', ['1.0', '2.0', '2.0']), t('p.zh2', 'zh', ['2.0']), t('p.en2', 'en', ['2.0'])]);
    expect([...plan].map(([lang, { id, entry }]) => [lang, id, entry.version])).toEqual([['en', 'p.en', '3.0']]);
  });
});
