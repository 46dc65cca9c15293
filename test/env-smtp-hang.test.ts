/**
 * A server that accepts a message and then stops answering. With the reply
 * timeout of notify.timeouts the run ends instead of hanging, with exit 3 and
 * the resume command; the unanswered message is recorded uncertain and not
 * retried in that run; `--resume` sends it and the rest, and every recipient
 * ends up served exactly once. Real smtp-server, short timeouts set in the
 * configuration.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../src/config.js';
import { Ledger } from '../src/notify/ledger.js';
import { smtpTimeoutOptions } from '../src/notify/transports.js';
import { runPolicy } from './helpers/cli.js';
import { makeNoticeRepo, POLICY_ID } from './helpers/notify-repo.js';
import { startSmtpServer, type TestSmtpServer } from './helpers/smtp-server.js';
import { majorEdit, useTempRepos } from './archive-helpers.js';

const repo = useTempRepos();

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function server(options: Parameters<typeof startSmtpServer>[0]): Promise<TestSmtpServer> {
  const s = await startSmtpServer(options);
  cleanup.push(() => s.close());
  return s;
}

const RECIPIENTS = Array.from({ length: 6 }, (_, i) => `user${i + 1}@example.com`);

describe('notify.timeouts: a hung SMTP server', () => {
  it('ends the run with exit 3, the unanswered message uncertain; resume serves everyone exactly once', async () => {
    const s = await server({ hangAfter: 2 });
    const dir = makeNoticeRepo({
      lang: 'en',
      version: '2.0',
      config: { notify: { major: RECIPIENTS, concurrency: 1, timeouts: { connection: 2000, greeting: 2000, reply: 1500 } } },
    });
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { POLICY_SMTP_URL: s.url };

    const first = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: dir, env });
    expect(first.code).toBe(3);
    expect(first.stderr).toContain(`resume with: policy notify ${POLICY_ID}@2.0 --resume`);
    expect(first.stdout).toContain('stopped early: the server stopped answering');
    expect(s.messages).toHaveLength(2);
    // The third message was read and never answered; it was not sent a second time in this run.
    expect(s.unanswered).toBe(1);
    expect(s.dataSeen).toBe(3);
    const ledger = Ledger.openReadOnly(join(dir, '.policy'))!;
    const counts = ledger.statusCounts({ policy: POLICY_ID, version: '2.0', channel: 'smtp' });
    ledger.close();
    expect(counts.sent).toBe(2);
    expect(counts.uncertain).toBe(1);
    expect(counts.failed).toBe(0);
    expect(first.stdout).not.toContain('failed: not sent');

    s.resume();
    const again = await runPolicy(['notify', `${POLICY_ID}@2.0`, '--resume'], { cwd: dir, env });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    for (const address of RECIPIENTS) expect(s.acceptedCount(address)).toBe(1);
    expect(s.messages).toHaveLength(RECIPIENTS.length);
  }, 30_000);

  it('publish against a hung server: archived, exit 3 naming the resume command; the next publish serves everyone once', async () => {
    const s = await server({ hangAfter: 1 });
    const made = repo();
    const notify = { from: 'Legal <legal@example.com>', major: RECIPIENTS, concurrency: 1, timeouts: { connection: 2000, greeting: 2000, reply: 1500 } };
    made.write('policy.config.json', JSON.stringify({ siteUrl: 'https://policies.example.com', notify }));
    made.write('policies/privacy-policy.md', majorEdit(made.read('policies/privacy-policy.md')));
    const env = { POLICY_SMTP_URL: s.url };

    const first = await runPolicy(['publish', '--yes'], { cwd: made.root, env });
    expect(first.code).toBe(3);
    expect(first.stderr).toContain('policy notify privacy-policy@2.0 --resume');
    expect(made.read('archive/privacy-policy/index.json')).toContain('"version": "2.0"');
    expect(s.messages).toHaveLength(1);
    expect(s.unanswered).toBe(1);
    expect(s.dataSeen).toBe(2);

    s.resume();
    const again = await runPolicy(['publish', '--yes'], { cwd: made.root, env });
    expect(again.code, again.stderr).toBe(0);
    for (const address of RECIPIENTS) expect(s.acceptedCount(address)).toBe(1);
  }, 30_000);

  it('validates notify.timeouts and fills in defaults that end a hung run within two minutes', () => {
    const defaults = defaultConfig().notify.timeouts;
    expect(parseConfig({ notify: { timeouts: { reply: 5000 } } }, 'policy.config.json').notify.timeouts).toEqual({ ...defaults, reply: 5000 });
    expect(() => parseConfig({ notify: { timeouts: { reply: 0 } } }, 'policy.config.json')).toThrow('"notify.timeouts.reply" must be a number >= 1');
    expect(() => parseConfig({ notify: { timeouts: { idle: 5 } } }, 'policy.config.json')).toThrow('unknown key "notify.timeouts.idle"');
    const options = smtpTimeoutOptions(defaults);
    expect(options.socketTimeout).toBe(60_000);
    // The worst case: a message on a new connection (connect, greeting, one silent reply), then the drain (at most 15 s).
    expect(options.connectionTimeout + options.greetingTimeout + options.socketTimeout + Math.min(defaults.reply, 15_000)).toBeLessThanOrEqual(120_000);
  });
});
