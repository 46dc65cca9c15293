import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendNotices, type DeliveryDeps } from '../src/notify/deliver.js';
import { backoffDelay, classifySendError, maskSecrets } from '../src/notify/delivery-error.js';
import { Ledger, type LedgerKey } from '../src/notify/ledger.js';
import { renderMessageTemplate, type MessageTemplate } from '../src/notify/message.js';
import { readRecipientBatches, resolveRecipientsSource } from '../src/notify/recipients.js';
import type { NoticeContent } from '../src/notify/render-notice.js';
import { createOutboxTransport, createSmtpTransport, parseSmtpUrl, rateWindow, type DkimSettings, type NoticeTransport } from '../src/notify/transports.js';
import { startSmtpServer, type TestSmtpServer } from './helpers/smtp-server.js';

const content: NoticeContent = {
  subject: '【重要】《隐私政策》重大变更通知（2.0 版）',
  text: '# 《隐私政策》重大变更通知\n\n正文 body\n',
  html: '<!doctype html><html lang="zh-CN"><body><p>正文 body</p></body></html>',
  lang: 'zh',
};

let dir: string;
let servers: TestSmtpServer[] = [];
let transports: NoticeTransport[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-delivery-'));
});
afterEach(async () => {
  for (const t of transports) await t.close();
  for (const s of servers) await s.close();
  servers = [];
  transports = [];
  rmSync(dir, { recursive: true, force: true });
});

async function server(options: Parameters<typeof startSmtpServer>[0] = {}): Promise<TestSmtpServer> {
  const s = await startSmtpServer(options);
  servers.push(s);
  return s;
}

function smtp(url: string, connections = 2, dkim?: DkimSettings): NoticeTransport {
  const t = createSmtpTransport({ smtp: parseSmtpUrl(url), connections, ...(dkim ? { dkim } : {}) });
  transports.push(t);
  return t;
}

async function template(unsubscribeUrl = 'https://example.com/unsubscribe'): Promise<MessageTemplate> {
  return renderMessageTemplate(content, { from: 'Legal <legal@example.com>', replyTo: 'dpo@example.com', unsubscribeUrl }, { policyId: 'privacy-policy', version: '2.0' });
}

const key = (channel: string): LedgerKey => ({ policy: 'privacy-policy', version: '2.0', channel });
const sleeps: number[] = [];
const deps: DeliveryDeps = {
  now: () => new Date('2026-12-01T08:00:00Z'),
  random: () => 0.5,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
};

function addresses(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `user${i}@example.com`);
}

async function run(entries: string[], transport: NoticeTransport, options: { resume?: boolean; maxAttempts?: number } = {}) {
  const ledger = Ledger.open(join(dir, '.policy'));
  try {
    const { run: ledgerRun } = ledger.startRun(key(transport.channel), { resume: options.resume ?? false, now: deps.now() });
    const result = await sendNotices(readRecipientBatches(resolveRecipientsSource(entries, dir, 'test')), ledgerRun, transport, await template(), deps, {
      maxAttempts: options.maxAttempts ?? 3,
      outageLimit: 2,
    });
    ledgerRun.end(deps.now(), 'test');
    return { ...result, statuses: ledger.statusCounts(key(transport.channel)), replies: ledger.failureReplies(key(transport.channel)) };
  } finally {
    ledger.close();
  }
}

describe('classifying failures', () => {
  it('tells temporary, permanent, uncertain and fatal failures apart', () => {
    expect(classifySendError({ code: 'EENVELOPE', responseCode: 451, response: '451 4.7.1 <a@b.co> later' }, false)).toEqual({
      kind: 'temporary',
      reply: '451 4.7.1 <***@***> later',
      outage: false,
    });
    expect(classifySendError({ code: 'EENVELOPE', responseCode: 550, response: '550 no' }, false).kind).toBe('permanent');
    expect(classifySendError({ code: 'EPROTOCOL', responseCode: 421, response: '421 busy' }, false)).toMatchObject({ kind: 'temporary', outage: true });
    expect(classifySendError({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' }, false)).toMatchObject({ kind: 'temporary', outage: true });
    expect(classifySendError({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' }, true)).toMatchObject({ kind: 'uncertain' });
    expect(classifySendError({ code: 'EAUTH', responseCode: 535, response: '535 bad for s3cret-pass' }, false, ['s3cret-pass'])).toEqual({
      kind: 'fatal',
      reply: '535 bad for ***',
      outage: false,
    });
  });

  it('backs off exponentially with jitter, capped', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, () => 0.5))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(20, () => 0.5)).toBe(60_000);
    expect(backoffDelay(1, () => 0)).toBe(500);
  });

  it('validates POLICY_SMTP_URL without ever echoing its credentials', () => {
    expect(parseSmtpUrl('smtps://user%40x.com:p%40ss@mail.example.com')).toEqual({
      url: 'smtps://user%40x.com:p%40ss@mail.example.com',
      description: 'smtps://mail.example.com:465',
      secrets: ['user%40x.com', 'p%40ss', 'user@x.com', 'p@ss'],
    });
    expect(() => parseSmtpUrl('http://user:hunter22@mail.example.com')).toThrow('POLICY_SMTP_URL: unsupported scheme "http" (expected smtp or smtps)');
    try {
      parseSmtpUrl('smtp://user:hunter22@');
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter22');
    }
    expect(maskSecrets('login user@x.com with p@ss failed', ['p@ss', 'user@x.com'])).toBe('login *** with *** failed');
    expect(rateWindow(10)).toEqual({ rateLimit: 10, rateDelta: 1000 });
    expect(rateWindow(0.5)).toEqual({ rateLimit: 1, rateDelta: 2000 });
  });
});

describe('delivery through a real SMTP server', () => {
  it('sends one message per recipient, alone in To:, with the notice headers and a DKIM signature', async () => {
    const s = await server();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const dkim = { domainName: 'example.com', keySelector: 'policy', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
    const result = await run(['Alice <alice@example.com>', 'bob@example.org', 'ALICE@example.com', 'broken'], smtp(s.url, 2, dkim));
    expect(result.counts).toMatchObject({ sent: 2, failed: 0, uncertain: 0, duplicates: 1 });
    expect(result.statuses).toEqual({ pending: 0, sent: 2, failed: 0, uncertain: 0 });
    expect(s.messages.map((m) => m.to)).toEqual(expect.arrayContaining([['alice@example.com'], ['bob@example.org']]));
    expect(s.messages).toHaveLength(2);
    const alice = s.messages.find((m) => m.to[0] === 'alice@example.com')!;
    expect(alice.from).toBe('legal@example.com');
    const mail = await simpleParser(alice.raw);
    expect(mail.subject).toBe('【重要】《隐私政策》重大变更通知（2.0 版）');
    expect(mail.to).toMatchObject({ value: [{ address: 'alice@example.com', name: 'Alice' }] });
    expect(mail.cc).toBeUndefined();
    expect(mail.bcc).toBeUndefined();
    expect(mail.replyTo).toMatchObject({ value: [{ address: 'dpo@example.com' }] });
    expect(mail.messageId).toMatch(/^<2\.0\.[0-9a-f]{32}\.privacy-policy@example\.com>$/);
    expect(mail.date?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toBe('List-Unsubscribe: <https://example.com/unsubscribe>');
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(alice.raw.toString()).toMatch(/DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=example\.com;[\s\S]*s=policy;/);
    // Each header once: nodemailer passes the raw message through untouched (DKIM aside).
    const head = alice.raw.toString('latin1').split('\r\n\r\n')[0]!;
    for (const key of ['To', 'From', 'Subject', 'Message-ID', 'Date', 'MIME-Version', 'Content-Type', 'List-Unsubscribe']) {
      expect(head.match(new RegExp(`^${key}:`, 'gim')), key).toHaveLength(1);
    }
    expect(mail.text).toContain('正文 body');
    expect(mail.html).toContain('<p>正文 body</p>');
  });

  it('records 550 refusals and retries a 451 deferral once, with backoff', async () => {
    sleeps.length = 0;
    const s = await server({ reject: (a) => a.startsWith('gone'), deferOnce: (a) => a.startsWith('grey') });
    const result = await run(['ok1@example.com', 'gone1@example.com', 'grey1@example.com', 'ok2@example.com', 'gone2@example.com', 'grey2@example.com'], smtp(s.url));
    expect(result.counts).toMatchObject({ sent: 4, failed: 2, uncertain: 0, retries: 2 });
    expect(result.statuses).toEqual({ pending: 0, sent: 4, failed: 2, uncertain: 0 });
    expect(sleeps).toEqual([1000, 1000]);
    for (const a of ['ok1@example.com', 'grey1@example.com', 'ok2@example.com', 'grey2@example.com']) expect(s.acceptedCount(a)).toBe(1);
    expect(s.acceptedCount('gone1@example.com')).toBe(0);
    expect(s.rcptSeen.filter((a) => a.startsWith('grey1'))).toHaveLength(2);
    expect(result.replies).toEqual([{ status: 'failed', reply: '550 5.1.1 <***@***>: mailbox unavailable', count: 2 }]);
  });

  it('survives a server that goes down mid-run: resume sends exactly one message to every valid recipient', async () => {
    const list = [...addresses(30), 'not-an-address', 'USER3@example.com', 'user4@EXAMPLE.com', 'also bad'];
    const first = await server({ dropAfter: 10 });
    const one = await run(list, smtp(first.url, 1));
    expect(first.down).toBe(true);
    expect(one.stopped).toMatch(/^the server is unreachable/);
    expect(one.counts.sent).toBe(10);
    // One connection: exactly one message was cut off after its data, before the reply.
    expect(one.counts.uncertain).toBe(1);
    expect(one.counts.failed).toBeGreaterThanOrEqual(1);
    expect(one.counts.sent + one.counts.failed + one.counts.uncertain + one.counts.notAttempted + one.counts.duplicates).toBe(32);
    expect(one.statuses.sent).toBe(10);
    expect(one.statuses.uncertain).toBe(1);

    const second = await server();
    const two = await run(list, smtp(second.url, 2), { resume: true });
    expect(two.stopped).toBeUndefined();
    expect(two.counts).toMatchObject({ alreadySent: 10, sent: 20, failed: 0, uncertain: 0, resentUncertain: 1, duplicates: 2 });
    expect(two.statuses).toEqual({ pending: 0, sent: 30, failed: 0, uncertain: 0 });
    for (const a of addresses(30)) expect(first.acceptedCount(a) + second.acceptedCount(a)).toBe(1);
    expect(first.messages.length + second.messages.length).toBe(30);

    // A third run finds nothing left to send.
    const three = await run(list, smtp(second.url, 1), { resume: true });
    expect(three.counts).toMatchObject({ alreadySent: 30, sent: 0 });
    expect(second.messages).toHaveLength(20);
  });

  it('stops at once when the server refuses the credentials, and never shows them', async () => {
    const s = await server({ auth: { user: 'notices', pass: 'right-password' } });
    const url = `smtp://notices:wrong-password-123@127.0.0.1:${s.port}`;
    const result = await run(addresses(5), smtp(url, 1));
    expect(result.stopped).toBeDefined();
    expect(result.counts.sent).toBe(0);
    expect(result.counts.failed).toBeGreaterThanOrEqual(1);
    expect(result.counts.failed + result.counts.notAttempted).toBe(5);
    expect(JSON.stringify(result)).not.toContain('wrong-password-123');
    expect(s.messages).toHaveLength(0);
    const good = await run(addresses(5), smtp(s.url, 1), { resume: true });
    expect(good.counts.sent).toBe(5);
  });
});

describe('outbox transport', () => {
  it('writes one .eml file per recipient, atomically, and a resumed run does not duplicate them', async () => {
    const outbox = join(dir, 'outbox', 'privacy-policy', '2.0');
    const t = await createOutboxTransport({ dir: outbox, label: 'outbox/privacy-policy/2.0/' });
    transports.push(t);
    const result = await run(['a@example.com', 'b@example.com', 'A@example.com'], t);
    expect(result.counts).toMatchObject({ sent: 2, duplicates: 1 });
    const files = readdirSync(outbox).sort();
    expect(files).toHaveLength(2);
    for (const f of files) expect(f).toMatch(/^[0-9a-f]{32}\.eml$/);
    const mail = await simpleParser(readFileSync(join(outbox, files[0]!)));
    expect(mail.subject).toBe(content.subject);
    expect(readFileSync(join(outbox, files[0]!), 'latin1')).toMatch(/\r\n\r\n/);
    const again = await run(['a@example.com', 'b@example.com', 'c@example.com'], t, { resume: true });
    expect(again.counts).toMatchObject({ sent: 1, alreadySent: 2 });
    expect(readdirSync(outbox)).toHaveLength(3);
  });
});
