import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import type { Context } from '../src/context.js';
import { sendVersionNotices } from '../src/notify/send-notices.js';
import { runPolicy, spawnPolicy } from './helpers/cli.js';
import { makeNoticeRepo, POLICY_ID, type NoticeRepoOptions } from './helpers/notify-repo.js';
import { startSmtpServer, type TestSmtpServer } from './helpers/smtp-server.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

function repo(options: NoticeRepoOptions): string {
  const dir = makeNoticeRepo(options);
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function server(options: Parameters<typeof startSmtpServer>[0] = {}): Promise<TestSmtpServer> {
  const s = await startSmtpServer(options);
  cleanup.push(() => s.close());
  return s;
}

function outboxFiles(dir: string, version: string): string[] {
  const folder = join(dir, 'outbox', POLICY_ID, version);
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.eml')) : [];
}

async function parsed(s: TestSmtpServer, address: string): Promise<ParsedMail> {
  const message = s.messages.find((m) => m.to.includes(address));
  if (!message) throw new Error(`no message to ${address}`);
  return simpleParser(message.raw);
}

const ZH_CONTACT_TRIGGER = '我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化；';

describe('policy notify: content and headers over SMTP', () => {
  it('sends a zh major notice: subject, triggers, before/after, effective date, links, headers', async () => {
    const s = await server();
    const dir = repo({ lang: 'zh', version: '2.0', config: { notify: { major: ['张三 <zhang@example.com>', 'li@example.org'], replyTo: 'dpo@example.com' } } });
    const result = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: dir, env: { POLICY_SMTP_URL: s.url } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`notices of ${POLICY_ID}@2.0 (major) via smtp://127.0.0.1:${s.port}`);
    expect(result.stdout).toContain('sent: 2 · failed: 0 · uncertain: 0');
    expect(s.messages).toHaveLength(2);

    const mail = await parsed(s, 'zhang@example.com');
    expect(mail.subject).toBe('【重要】《隐私政策》重大变更通知（2.0 版）');
    expect(mail.to).toMatchObject({ value: [{ address: 'zhang@example.com', name: '张三' }] });
    expect(mail.from).toMatchObject({ value: [{ address: 'legal@example.com', name: 'Example Legal' }] });
    expect(mail.replyTo).toMatchObject({ value: [{ address: 'dpo@example.com' }] });
    expect(mail.messageId).toMatch(/^<2\.0\.[0-9a-f]{32}\.privacy-policy@example\.com>$/);
    expect(mail.date?.toISOString()).toBe('2026-11-29T12:00:00.000Z');
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toBe('List-Unsubscribe: <https://example.com/unsubscribe>');
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    const text = mail.text ?? '';
    expect(text).toContain('重要提示：本次更新包含重大变更');
    expect(text).toContain('自 2026 年 12 月 31 日起生效');
    expect(text).toContain(`## ${ZH_CONTACT_TRIGGER}`);
    expect(text).toMatch(/变更前：.*legal@pingcap\.com/);
    expect(text).toMatch(/变更后：.*privacy@pingcap\.com/);
    expect(text).toContain('变更后：设备信息：您访问网站时使用的设备型号、IP 地址和浏览器类型。');
    expect(text).toContain('<https://policies.example.com/privacy-policy/2.0/>');
    expect(text).toContain('<https://policies.example.com/privacy-policy/2.0/changes/>');
    const html = mail.html || '';
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(`<h2>${ZH_CONTACT_TRIGGER}</h2>`);
    expect(html).toContain('<a href="https://policies.example.com/privacy-policy/2.0/changes/">');

    // Same body for every recipient; only the envelope headers differ.
    const other = await parsed(s, 'li@example.org');
    expect(other.text).toBe(mail.text);
    expect(other.messageId).not.toBe(mail.messageId);
    expect(other.to).toMatchObject({ value: [{ address: 'li@example.org' }] });
  });

  it('sends a zh minor notice to the minor list, listing the changes without the banner', async () => {
    const s = await server();
    const dir = repo({ lang: 'zh', version: '1.1', config: { notify: { major: ['everyone@example.com'], minor: ['legal-team@example.com'] } } });
    const result = await runPolicy(['notify', `${POLICY_ID}@1.1`], { cwd: dir, env: { POLICY_SMTP_URL: s.url } });
    expect(result.code).toBe(0);
    expect(s.messages.map((m) => m.to)).toEqual([['legal-team@example.com']]);
    const mail = await parsed(s, 'legal-team@example.com');
    expect(mail.subject).toBe('《隐私政策》更新通知（1.1 版）');
    expect(mail.text).not.toContain('重要提示');
    expect(mail.text).toContain('本次更新为一般性修改，内容如下：');
    expect(mail.text).toMatch(/变更后：.*我们会尽快审核所涉问题/);
  });

  it('sends en major and minor notices with the English template', async () => {
    const s = await server();
    const major = repo({ lang: 'en', version: '2.0', config: { notify: { major: ['alice@example.com'] } } });
    expect((await runPolicy(['notify', `${POLICY_ID}@latest`], { cwd: major, env: { POLICY_SMTP_URL: s.url } })).code).toBe(0);
    const mail = await parsed(s, 'alice@example.com');
    expect(mail.subject).toBe('Important: major changes to our Privacy Policy (version 2.0)');
    expect(mail.text).toContain('takes effect on December 31, 2026');
    expect(mail.text).toContain('## Changes to the department responsible for personal information security, its contact details or complaint channels;');
    expect(mail.text).toMatch(/Before: .*legal@pingcap\.com/);
    expect(mail.text).toMatch(/After: .*privacy@pingcap\.com/);
    expect(mail.html).toContain('<html lang="en">');

    const minor = repo({ lang: 'en', version: '1.1', config: { notify: { minor: ['bob@example.com'] } } });
    expect((await runPolicy(['notify', `${POLICY_ID}@1.1`], { cwd: minor, env: { POLICY_SMTP_URL: s.url } })).code).toBe(0);
    const minorMail = await parsed(s, 'bob@example.com');
    expect(minorMail.subject).toBe('Our Privacy Policy has been updated (version 1.1)');
    expect(minorMail.text).toContain('This update makes minor changes:');
  });

  it('cannot be made to inject headers through a title with CR/LF', async () => {
    const s = await server();
    const dir = repo({ lang: 'en', version: '2.0', title: 'Privacy Policy\r\nBcc: attacker@evil.example\r\n\r\nInjected body', config: { notify: { major: ['alice@example.com'] } } });
    expect((await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: dir, env: { POLICY_SMTP_URL: s.url } })).code).toBe(0);
    expect(s.messages).toHaveLength(1);
    expect(s.messages[0]!.to).toEqual(['alice@example.com']);
    const mail = await parsed(s, 'alice@example.com');
    expect(mail.bcc).toBeUndefined();
    expect(mail.headerLines.map((h) => h.key)).not.toContain('bcc');
    expect(mail.subject).toBe('Important: major changes to our Privacy Policy Bcc: attacker@evil.example Injected body (version 2.0)');
  });

  it('exits 3 when recipients are refused, naming the resume command, and --resume retries only those', async () => {
    const s = await server({ reject: (a) => a.startsWith('gone') });
    const dir = repo({ lang: 'zh', version: '2.0', config: { notify: { major: ['ok@example.com', 'gone@example.com'] } } });
    const result = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: dir, env: { POLICY_SMTP_URL: s.url } });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(`policy: ${POLICY_ID}@2.0: notices not all delivered (1 failed); resume with: policy notify ${POLICY_ID}@2.0 --resume\n`);
    expect(result.stdout).toContain('failed: 550 5.1.1 <***@***>: mailbox unavailable (×1)');
    expect(result.stdout).not.toContain('gone@example.com');

    const again = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: dir, env: { POLICY_SMTP_URL: s.url } });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already sent via smtp \(1 sent, 1 failed.*\); to send the rest: policy notify privacy-policy@2\.0 --resume/);

    const resumed = await runPolicy(['notify', `${POLICY_ID}@2.0`, '--resume'], { cwd: dir, env: { POLICY_SMTP_URL: s.url } });
    expect(resumed.code).toBe(3);
    expect(resumed.stdout).toContain('skipped: 1 already sent');
    expect(s.acceptedCount('ok@example.com')).toBe(1);
    expect(s.rcptSeen.filter((a) => a === 'gone@example.com')).toHaveLength(2);
  });

  it('resumes after the server dropped mid-run: exactly one message per valid recipient', async () => {
    const recipients = ['email,name', ...Array.from({ length: 25 }, (_, i) => `user${i}@example.com,User ${i}`), 'broken,Nobody', 'USER7@example.com,Again'].join('\n');
    const dir = repo({ lang: 'zh', version: '2.0', config: { notify: { major: 'subscribers.csv', concurrency: 1 } }, files: { 'subscribers.csv': recipients } });
    const first = await server({ dropAfter: 8 });
    const stderr: string[] = [];
    const ctx = (url: string): Context => ({
      cwd: dir,
      env: { POLICY_SMTP_URL: url },
      now: () => new Date('2026-12-01T00:00:00Z'),
      random: () => 0.5,
      stdout: { write: () => true },
      stderr: { write: (c: string) => stderr.push(c) },
      stdin: Readable.from([]),
    });
    const { config } = await readConfig(ctx(first.url));
    const fast = { sleep: async () => undefined, outageLimit: 2 };
    const one = await sendVersionNotices(ctx(first.url), config, { id: POLICY_ID, version: '2.0' }, fast);
    expect(one).toMatchObject({ sent: 8, uncertain: 1, skipped: false, invalid: 1, resumeCommand: `policy notify ${POLICY_ID}@2.0 --resume` });
    expect(one.stopped).toMatch(/unreachable/);
    expect(stderr.join('')).toContain('subscribers.csv:27: not a valid e-mail address');

    const second = await server();
    const two = await sendVersionNotices(ctx(second.url), config, { id: POLICY_ID, version: '2.0', resume: true }, fast);
    expect(two).toMatchObject({ sent: 17, failed: 0, uncertain: 0, alreadySent: 8, resentUncertain: 1, duplicates: 1 });
    for (let i = 0; i < 25; i++) expect(first.acceptedCount(`user${i}@example.com`) + second.acceptedCount(`user${i}@example.com`)).toBe(1);
  });
});

describe('policy notify: outbox, dry run and bad input', () => {
  it('writes .eml files to the outbox when no SMTP server is configured', async () => {
    const dir = repo({ lang: 'zh', version: '2.0', config: { notify: { major: 'people.txt' } }, files: { 'people.txt': 'a@example.com\nb@example.com\nB@example.com\n' } });
    const result = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`via outbox/${POLICY_ID}/2.0/`);
    expect(result.stdout).toContain('skipped: 1 duplicate');
    const files = outboxFiles(dir, '2.0');
    expect(files).toHaveLength(2);
    const mails = await Promise.all(files.map((f) => simpleParser(readFileSync(join(dir, 'outbox', POLICY_ID, '2.0', f)))));
    expect(mails.map((m) => (m.to && !Array.isArray(m.to) ? m.to.value[0]?.address : '')).sort()).toEqual(['a@example.com', 'b@example.com']);
    expect(mails[0]!.subject).toBe('【重要】《隐私政策》重大变更通知（2.0 版）');
    expect(existsSync(join(dir, '.policy', 'ledger.sqlite'))).toBe(true);
    expect(readFileSync(join(dir, '.policy', 'ledger.sqlite'), 'latin1')).not.toContain('a@example.com');
  });

  it('--dry-run validates and counts, and writes nothing', async () => {
    const dir = repo({ lang: 'zh', version: '2.0', config: { notify: { major: 'people.txt' } }, files: { 'people.txt': 'a@example.com\nnope\nA@example.com\nc@example.com\n' } });
    const result = await runPolicy(['notify', `${POLICY_ID}@2.0`, '--dry-run'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `dry run: would send 2 notices of ${POLICY_ID}@2.0 (major) via outbox/${POLICY_ID}/2.0/\n` +
        '  subject: 【重要】《隐私政策》重大变更通知（2.0 版）\n' +
        '  recipients: 2 distinct valid (skipped: 1 duplicate, 1 invalid entry)\n',
    );
    expect(result.stderr).toBe('policy: warning: people.txt:2: not a valid e-mail address (it has no "@"); skipped\n');
    expect(existsSync(join(dir, 'outbox'))).toBe(false);
    expect(existsSync(join(dir, '.policy'))).toBe(false);
  });

  it('--to replaces the configured recipients for one run', async () => {
    const dir = repo({ lang: 'en', version: '2.0', config: { notify: { major: ['everyone@example.com'] } }, files: { 'test.jsonl': '{"email":"tester@example.com","name":"Tester"}\n' } });
    const result = await runPolicy(['notify', `${POLICY_ID}@2.0`, '--to', 'test.jsonl'], { cwd: dir });
    expect(result.code).toBe(0);
    // A test run: its own outbox folder, and the real outbox and ledger untouched.
    expect(existsSync(join(dir, 'outbox', POLICY_ID))).toBe(false);
    expect(existsSync(join(dir, '.policy'))).toBe(false);
    const testDir = join(dir, 'outbox', 'test', POLICY_ID, '2.0');
    const files = readdirSync(testDir).filter((name) => name.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const mail = await simpleParser(readFileSync(join(testDir, files[0]!)));
    expect(mail.to).toMatchObject({ value: [{ address: 'tester@example.com', name: 'Tester' }] });
    // A second test run is not refused as "already sent", and the real send afterwards reaches everyone.
    const again = await runPolicy(['notify', `${POLICY_ID}@2.0`, '--to', 'test.jsonl'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    const real = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: dir });
    expect(real.code, real.stderr).toBe(0);
    expect(real.stderr).not.toContain('already sent');
    const delivered = outboxFiles(dir, '2.0');
    expect(delivered).toHaveLength(1);
    const realMail = await simpleParser(readFileSync(join(dir, 'outbox', POLICY_ID, '2.0', delivered[0]!)));
    expect(realMail.to).toMatchObject({ value: [{ address: 'everyone@example.com' }] });
  });

  it('over SMTP, a --to test run leaves the ledger alone: the real send afterwards reaches everyone, exit 0', async () => {
    const s = await server();
    const dir = repo({ lang: 'zh', version: '2.0', config: { notify: { major: ['a@example.com', 'b@example.com'] } }, files: { 'me.txt': 'me@example.com\n' } });
    const env = { POLICY_SMTP_URL: s.url };
    const test = await runPolicy(['notify', `${POLICY_ID}@2.0`, '--to', 'me.txt'], { cwd: dir, env });
    expect(test.code, test.stderr).toBe(0);
    expect(s.messages.map((m) => m.to)).toEqual([['me@example.com']]);
    expect(existsSync(join(dir, '.policy'))).toBe(false);
    const real = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: dir, env });
    expect(real.code, real.stderr).toBe(0);
    expect(s.acceptedCount('a@example.com')).toBe(1);
    expect(s.acceptedCount('b@example.com')).toBe(1);
    expect(s.acceptedCount('me@example.com')).toBe(1);
  });

  it.each([
    ['no email column', 'people.csv', 'name,mail\nAlice,alice@example.com\n', 'policy: people.csv:1: no "email" column in the header (found: name, mail)\n'],
    ['empty file', 'people.txt', '', 'policy: people.txt: the recipients file is empty\n'],
    ['binary file', 'people.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]), 'policy: people.txt: binary file (contains NUL bytes), expected a recipients file (CSV, text or JSON lines)\n'],
    ['only invalid lines', 'people.txt', 'nope\nstill nope\n', 'policy: people.txt: no valid recipients (2 invalid entries)\n'],
  ])('refuses a bad recipients file (%s) with exit 2, writing nothing', async (_case, name, content, message) => {
    const dir = repo({ lang: 'zh', version: '2.0', config: { notify: { major: ['x@example.com'] } }, files: { [name]: content } });
    const result = await runPolicy(['notify', `${POLICY_ID}@2.0`, '--to', name], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((l) => !l.startsWith('policy: warning:')).join('\n')).toBe(message);
    expect(result.stdout).toBe('');
    expect(existsSync(join(dir, 'outbox'))).toBe(false);
    expect(existsSync(join(dir, '.policy'))).toBe(false);
  });

  it('reports invalid lines by number and sends to the valid ones', async () => {
    const dir = repo({ lang: 'zh', version: '2.0', config: { notify: { major: 'people.txt' } }, files: { 'people.txt': 'a@example.com\nbad line\nb@example.com\nc@@example.com\n' } });
    const result = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'policy: warning: people.txt:2: not a valid e-mail address (it has no "@"); skipped\n' +
        'policy: warning: people.txt:4: not a valid e-mail address (the part before "@" is not valid); skipped\n',
    );
    expect(outboxFiles(dir, '2.0')).toHaveLength(2);
  });

  it('says why nothing was sent: no sender, no recipients, a first version, an unknown version', async () => {
    const noFrom = repo({ lang: 'zh', version: '2.0', config: { notify: { from: undefined, major: ['a@example.com'] } } });
    let result = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: noFrom });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`policy: ${POLICY_ID}@2.0: no notices sent: notify.from is not configured\n`);

    const noRecipients = repo({ lang: 'zh', version: '2.0' });
    result = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: noRecipients });
    expect(result.stderr).toBe(`policy: ${POLICY_ID}@2.0: no notices sent: no recipients for major notices (set notify.major in the configuration)\n`);
    const { config } = await readConfig({ cwd: noRecipients } as Context);
    const silent: Context = { cwd: noRecipients, env: {}, now: () => new Date(0), random: () => 0, stdout: { write: () => true }, stderr: { write: () => true }, stdin: Readable.from([]) };
    expect(await sendVersionNotices(silent, config, { id: POLICY_ID, version: '2.0' })).toEqual({
      sent: 0,
      failed: 0,
      uncertain: 0,
      skipped: true,
      reason: 'no recipients for major notices (set notify.major in the configuration)',
    });
    expect(await sendVersionNotices(silent, config, { id: POLICY_ID, version: '1.0' })).toMatchObject({ skipped: true, reason: expect.stringContaining('first version') });

    await expect(sendVersionNotices(silent, config, { id: '../etc', version: '2.0' })).rejects.toThrow('invalid policy id');
    await expect(sendVersionNotices(silent, config, { id: POLICY_ID, version: '../../2.0' })).rejects.toThrow('invalid version');

    result = await runPolicy(['notify', `${POLICY_ID}@3.0`], { cwd: noRecipients });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no version 3\.0/);
  });

  it('refuses a malformed POLICY_SMTP_URL without echoing it', async () => {
    const dir = repo({ lang: 'zh', version: '2.0', config: { notify: { major: ['a@example.com'] } } });
    const result = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: dir, env: { POLICY_SMTP_URL: 'https://user:topsecret@mail.example.com' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('policy: POLICY_SMTP_URL: unsupported scheme "https" (expected smtp or smtps)\n');
  });
});

describe('policy notify: the built executable', () => {
  it('sends through SMTP from a separate process and exits 3 naming the resume command when some fail', async () => {
    const s = await server({ reject: (a) => a.startsWith('gone') });
    const dir = repo({ lang: 'en', version: '2.0', config: { notify: { major: ['ok@example.com', 'gone@example.com'] } } });
    // The server lives in this process, so the child must run while we keep serving: spawn asynchronously.
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('./helpers/cli.js');
    const child = spawn(process.execPath, [BIN, 'notify', `${POLICY_ID}@2.0`], { cwd: dir, env: { ...process.env, NO_COLOR: '1', POLICY_SMTP_URL: s.url } });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toContain(`policy: ${POLICY_ID}@2.0: notices not all delivered (1 failed); resume with: policy notify ${POLICY_ID}@2.0 --resume`);
    expect(code).toBe(3);
    expect(s.acceptedCount('ok@example.com')).toBe(1);
    const outbox = repo({ lang: 'en', version: '2.0', config: { notify: { major: ['a@example.com'] } } });
    // An empty POLICY_SMTP_URL (whatever the developer's shell has) means the outbox.
    const result = spawnPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: outbox, env: { POLICY_SMTP_URL: '' } });
    expect(result.code).toBe(0);
    expect(outboxFiles(outbox, '2.0')).toHaveLength(1);
  });
});

describe('policy notify: DKIM', () => {
  it('signs notices with the configured key, and refuses a missing key file', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const dkim = { domainName: 'example.com', keySelector: 'notices', privateKeyFile: 'keys/dkim.pem' };
    const dir = repo({ lang: 'en', version: '2.0', config: { notify: { major: ['alice@example.com'], dkim } } });
    let result = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('policy: keys/dkim.pem: cannot read the DKIM private key (notify.dkim.privateKeyFile): ENOENT\n');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(dir, 'keys'));
    writeFileSync(join(dir, 'keys', 'dkim.pem'), pem);
    result = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: dir });
    expect(result.code).toBe(0);
    const [file] = outboxFiles(dir, '2.0');
    const raw = readFileSync(join(dir, 'outbox', POLICY_ID, '2.0', file!), 'latin1');
    expect(raw).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=example\.com;[\s\S]*s=notices;/);
    expect(raw).not.toContain('PRIVATE KEY');
  });
});
