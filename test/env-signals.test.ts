/**
 * Ctrl-C and SIGTERM while notices are being sent, with the built CLI as a real
 * child process and real signals. The first signal stops taking new messages,
 * lets the ones in flight get their reply, records everything and exits 130
 * naming the resume command; a second one gives up at once, recording the
 * messages in flight as uncertain. A resume then serves every recipient
 * exactly once (counted by the real SMTP server).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger, type StatusCounts } from '../src/notify/ledger.js';
import { BIN, runPolicy } from './helpers/cli.js';
import { makeNoticeRepo, POLICY_ID } from './helpers/notify-repo.js';
import { startSmtpServer, type TestSmtpServer } from './helpers/smtp-server.js';
import { majorEdit, useTempRepos } from './archive-helpers.js';

const repo = useTempRepos();

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

const RECIPIENTS = Array.from({ length: 12 }, (_, i) => `reader${i + 1}@example.com`);

async function setup(replyDelayMs: number): Promise<{ s: TestSmtpServer; dir: string; options: { replyDelayMs?: number } }> {
  // The server reads its options as it goes: a test answers at once again before resuming.
  const options: { replyDelayMs?: number } = { replyDelayMs };
  const s = await startSmtpServer(options);
  cleanup.push(() => s.close());
  const dir = makeNoticeRepo({ lang: 'en', version: '2.0', config: { notify: { major: RECIPIENTS, concurrency: 2 } } });
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return { s, dir, options };
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
};

/** Runs `policy <argv>` as a child process, sending `signals` once `ready` holds; resolves with its exit status and output. */
function runInterrupted(argv: string[], cwd: string, env: Record<string, string>, ready: () => boolean, signals: NodeJS.Signals[]) {
  const child = spawn(process.execPath, [BIN, ...argv], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void (async () => {
    await until(ready);
    for (const signal of signals) {
      child.kill(signal);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  })();
  return exited.then((code) => ({ code, stdout, stderr }));
}

function ledgerCounts(dir: string): StatusCounts {
  const ledger = Ledger.openReadOnly(join(dir, '.policy'))!;
  try {
    return ledger.statusCounts({ policy: POLICY_ID, version: '2.0', channel: 'smtp' });
  } finally {
    ledger.close();
  }
}

async function expectResumeServesEveryone(s: TestSmtpServer, dir: string) {
  const again = await runPolicy(['notify', `${POLICY_ID}@2.0`, '--resume'], { cwd: dir, env: { POLICY_SMTP_URL: s.url } });
  expect(again.code).toBe(0);
  for (const address of RECIPIENTS) expect(s.acceptedCount(address)).toBe(1);
  expect(s.messages).toHaveLength(RECIPIENTS.length);
}

describe('interrupting policy notify', () => {
  it('SIGTERM: waits for the replies in flight, records them, exits 130 naming the resume command', async () => {
    const { s, dir, options } = await setup(600);
    const result = await runInterrupted(['notify', `${POLICY_ID}@2.0`], dir, { POLICY_SMTP_URL: s.url }, () => s.dataSeen >= 1, ['SIGTERM']);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain(`policy notify ${POLICY_ID}@2.0 --resume`);
    expect(result.stderr).not.toContain('internal error');
    const counts = ledgerCounts(dir);
    // Every message the server took is recorded sent; nothing was left in flight or uncertain.
    expect(counts.sent).toBe(s.messages.length);
    expect(counts.sent).toBeGreaterThanOrEqual(1);
    expect(counts.sent).toBeLessThan(RECIPIENTS.length);
    expect(counts.uncertain).toBe(0);
    // Messages given up before their data went out are pending (not sent), never failed.
    expect(counts.failed).toBe(0);
    delete options.replyDelayMs;
    await expectResumeServesEveryone(s, dir);
  }, 60_000);

  it('a second Ctrl-C stops at once: the message in flight is recorded uncertain, and resume sends it', async () => {
    const { s, dir, options } = await setup(5000);
    const result = await runInterrupted(['notify', `${POLICY_ID}@2.0`], dir, { POLICY_SMTP_URL: s.url }, () => s.dataSeen >= 1, ['SIGINT', 'SIGINT']);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain(`policy notify ${POLICY_ID}@2.0 --resume`);
    const counts = ledgerCounts(dir);
    expect(counts.uncertain).toBeGreaterThanOrEqual(1);
    expect(counts.failed).toBe(0);
    expect(s.messages).toHaveLength(0);
    await until(() => s.unanswered >= counts.uncertain);
    delete options.replyDelayMs;
    await expectResumeServesEveryone(s, dir);
  }, 60_000);
});

describe('interrupting policy publish while it sends the notices', () => {
  it('Ctrl-C: the version stays archived, exit 130 naming the resume command; the next publish serves the rest exactly once', async () => {
    const options: { replyDelayMs?: number } = { replyDelayMs: 600 };
    const s = await startSmtpServer(options);
    cleanup.push(() => s.close());
    const made = repo();
    made.write('policy.config.json', JSON.stringify({ siteUrl: 'https://policies.example.com', notify: { from: 'Legal <legal@example.com>', major: RECIPIENTS, concurrency: 2 } }));
    made.write('policies/privacy-policy.md', majorEdit(made.read('policies/privacy-policy.md')));
    const env = { POLICY_SMTP_URL: s.url };

    const result = await runInterrupted(['publish', '--yes'], made.root, env, () => s.dataSeen >= 1, ['SIGINT']);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('policy notify privacy-policy@2.0 --resume');
    expect(result.stderr).not.toContain('internal error');
    expect(made.read('archive/privacy-policy/index.json')).toContain('"version": "2.0"');
    expect(made.exists('.policy/publish.lock')).toBe(false);
    expect(s.messages.length).toBeLessThan(RECIPIENTS.length);

    delete options.replyDelayMs;
    const again = await runPolicy(['publish', '--yes'], { cwd: made.root, env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('resumed the pending notices of privacy-policy@2.0');
    for (const address of RECIPIENTS) expect(s.acceptedCount(address)).toBe(1);
  }, 60_000);
});
