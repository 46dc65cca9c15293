/**
 * Ctrl-C and SIGTERM during the archive step of publish, with the built CLI as
 * a real child process and real signals. The child is paused at a known point
 * through the documented test seam POLICY_TEST_PAUSE_BEFORE (it only waits;
 * the signal itself is handled, or not, by publish as in any run). A signal
 * before the first write stops with nothing changed; one that comes between
 * the writes lets the archive step finish, then stops before the notices.
 * Either way exit 130 naming what to run next, `policy verify` passes, and a
 * second publish completes the job (every recipient served exactly once).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArchiveIndex } from '../src/types.js';
import { BIN, runPolicy } from './helpers/cli.js';
import { startSmtpServer, type TestSmtpServer } from './helpers/smtp-server.js';
import { majorEdit, type TempRepo, useTempRepos } from './archive-helpers.js';

const POLICY = 'policies/privacy-policy.md';
const INDEX = 'archive/privacy-policy/index.json';
const RECIPIENTS = ['ana@example.com', 'bo@example.com', 'cy@example.com'];
const repo = useTempRepos();

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

function versionsOf(made: TempRepo): string[] {
  return (JSON.parse(made.read(INDEX)) as ArchiveIndex).versions.map((entry) => entry.version);
}

/**
 * Runs `policy publish --yes` as a child process paused before `step`, sends
 * `signal` once it says it is paused, and resolves with how it ended.
 */
function publishInterrupted(cwd: string, step: string, signal: NodeJS.Signals, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, 'publish', '--yes', '--date', '2026-11-29'], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', POLICY_TEST_PAUSE_BEFORE: step, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    if (!sent && stderr.includes(`policy: paused before ${step}`)) {
      sent = true;
      child.kill(signal);
    }
  });
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; paused: boolean }>((resolve) =>
    child.on('close', (code, killedBy) => resolve({ code, signal: killedBy, stdout, stderr, paused: sent })),
  );
}

async function withNotices(made: TempRepo): Promise<{ s: TestSmtpServer; env: Record<string, string> }> {
  const s = await startSmtpServer();
  cleanup.push(() => s.close());
  made.write('policy.config.json', JSON.stringify({ siteUrl: 'https://policies.example.com', notify: { from: 'Legal <legal@example.com>', major: RECIPIENTS } }));
  return { s, env: { POLICY_SMTP_URL: s.url } };
}

async function expectVerified(made: TempRepo): Promise<void> {
  const verify = await runPolicy(['verify', '--strict'], { cwd: made.root });
  expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  expect(existsSync(join(made.root, '.policy/publish.lock'))).toBe(false);
}

describe('interrupting policy publish during its archive step', () => {
  it('SIGINT before the first write: exit 130, nothing changed; the next publish publishes', async () => {
    const made = repo();
    made.write(POLICY, majorEdit());
    const { s, env } = await withNotices(made);
    const before = made.snapshot();
    const result = await publishInterrupted(made.root, 'write-policy', 'SIGINT', env);
    expect(result.paused).toBe(true);
    expect(result.signal).toBeNull();
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain('policy: interrupted before anything was written: nothing was published; run policy publish again to publish\n');
    const after = made.snapshot();
    // The lock's folder may remain; no file in the repository changed, appeared or went.
    expect(after).toEqual(before);
    expect(s.messages).toHaveLength(0);
    await expectVerified(made);

    const again = await runPolicy(['publish', '--yes', '--date', '2026-11-29'], { cwd: made.root, env });
    expect(again.code, again.stderr).toBe(0);
    expect(versionsOf(made)).toEqual(['1.0', '2.0']);
    for (const address of RECIPIENTS) expect(s.acceptedCount(address)).toBe(1);
  });

  it.each(['write-version', 'record-notices', 'write-index'])(
    'SIGTERM before %s: the archive step finishes, no notice goes out, exit 130 names the next command; the next publish sends each notice once',
    async (step) => {
      const made = repo();
      made.write(POLICY, majorEdit());
      const { s, env } = await withNotices(made);
      const result = await publishInterrupted(made.root, step, 'SIGTERM', env);
      expect(result.paused).toBe(true);
      expect(result.signal).toBeNull();
      expect(result.code, result.stderr).toBe(130);
      expect(result.stderr).toContain('policy: interrupted: finishing the archive step (a moment), then stopping\n');
      expect(result.stderr).toContain(
        'policy: interrupted after the archive step finished: privacy-policy@2.0 is archived, its notices not sent yet: run policy publish again (or policy notify privacy-policy@2.0 --resume)\n',
      );
      // Archived whole: listed, the file the same bytes as the policy, nothing left pending but the notices.
      expect(versionsOf(made)).toEqual(['1.0', '2.0']);
      expect(made.readBytes('archive/privacy-policy/2.0.md')).toEqual(made.readBytes(POLICY));
      expect(readdirSync(join(made.root, '.policy/publish-intents'))).toEqual([]);
      expect(readdirSync(join(made.root, '.policy/pending-notices'))).toEqual(['privacy-policy@2.0.json']);
      expect(s.messages).toHaveLength(0);
      await expectVerified(made);

      const again = await runPolicy(['publish', '--yes', '--date', '2026-11-29'], { cwd: made.root, env });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('resuming the notices of privacy-policy@2.0');
      expect(versionsOf(made)).toEqual(['1.0', '2.0']);
      for (const address of RECIPIENTS) expect(s.acceptedCount(address)).toBe(1);
      expect(s.messages).toHaveLength(RECIPIENTS.length);
    },
  );

  it('SIGINT with --no-notify: the archive step finishes and the message says there is nothing to send', async () => {
    const made = repo();
    made.write(POLICY, majorEdit());
    const child = spawn(process.execPath, [BIN, 'publish', '--yes', '--no-notify', '--date', '2026-11-29'], {
      cwd: made.root,
      env: { ...process.env, NO_COLOR: '1', POLICY_TEST_PAUSE_BEFORE: 'write-index' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (!sent && stderr.includes('policy: paused before write-index')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(130);
    expect(stderr).toContain('policy: interrupted after the archive step finished: privacy-policy@2.0 is archived, with no notices to send (policy verify checks the archive)\n');
    expect(versionsOf(made)).toEqual(['1.0', '2.0']);
    await expectVerified(made);
    const again = await runPolicy(['publish', '--yes', '--no-notify', '--date', '2026-11-29'], { cwd: made.root });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing to publish');
  });
});
