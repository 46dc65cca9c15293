/**
 * publish → notices: the notices step with the real notices module, an outbox
 * and a real SMTP server; and the notices a publish leaves owed (stopped after
 * its commit point, or with failed notices), which the next publish finishes.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPublish, type PublishOptions } from '../src/publish/publish.js';
import { PUBLISH_STEPS } from '../src/publish/steps.js';
import { readConfig } from '../src/config.js';
import { parsePendingNoticeName } from '../src/notify/pending-notices.js';
import type { Context } from '../src/context.js';
import type { ArchiveIndex } from '../src/types.js';
import { runPolicy } from './helpers/cli.js';
import { startSmtpServer, type TestSmtpServer } from './helpers/smtp-server.js';
import { majorEdit, makeRepo, type TempRepo } from './archive-helpers.js';

const POLICY = 'policies/privacy-policy.md';
const repos: TempRepo[] = [];
const servers: TestSmtpServer[] = [];
function repo(notify: Record<string, unknown>): TempRepo {
  const made = makeRepo();
  repos.push(made);
  made.write('policy.config.json', JSON.stringify({ siteUrl: 'https://policies.example.com', notify: { from: 'Legal <legal@example.com>', ...notify } }));
  made.write(POLICY, majorEdit());
  return made;
}
afterEach(async () => {
  for (const made of repos.splice(0)) made.remove();
  for (const server of servers.splice(0)) await server.close();
});

function latestVersion(made: TempRepo): string | undefined {
  return (JSON.parse(made.read('archive/privacy-policy/index.json')) as ArchiveIndex).versions.at(-1)?.version;
}

describe('policy publish sends the notices of what it archived', () => {
  it('writes one .eml per recipient to the outbox when no SMTP server is configured', async () => {
    const made = repo({ major: ['ana@example.com', 'bo@example.com'] });
    const result = await runPolicy(['publish', '--yes'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('  notices: 2 sent, 0 failed, 0 uncertain\n');
    expect(readdirSync(join(made.root, 'outbox/privacy-policy/2.0')).filter((name) => name.endsWith('.eml'))).toHaveLength(2);
    expect(result.stdout + result.stderr).not.toMatch(/ana@example\.com|bo@example\.com/);
  });

  it('exits 3 when some notices failed, naming how to finish; the version stays archived', async () => {
    const server = await startSmtpServer({ reject: (address) => address.startsWith('bounce') });
    servers.push(server);
    const made = repo({ major: ['ana@example.com', 'bounce@example.com'] });
    const result = await runPolicy(['publish', '--yes'], { cwd: made.root, env: { POLICY_SMTP_URL: server.url } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      'policy: privacy-policy@2.0 is archived, but not all notices were delivered (1 failed); run policy publish again (or policy notify privacy-policy@2.0 --resume)\n',
    );
    expect(server.acceptedCount('ana@example.com')).toBe(1);
    expect(latestVersion(made)).toBe('2.0');
    expect((await runPolicy(['verify'], { cwd: made.root })).code).toBe(0);
  });

  it('exits 3 when the notices cannot be sent at all (a missing recipients file), keeping the archived version', async () => {
    const made = repo({ major: 'subscribers.csv' });
    const result = await runPolicy(['publish', '--yes'], { cwd: made.root });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^policy: privacy-policy@2\.0 is archived, but its notices were not sent: .*subscribers\.csv.*; when that is fixed, run policy publish again \(or policy notify privacy-policy@2\.0 --resume\)$/m,
    );
    expect(made.exists(MARKER)).toBe(true);
    expect(latestVersion(made)).toBe('2.0');
  });

  it('sends nothing with --no-notify', async () => {
    const made = repo({ major: ['ana@example.com'] });
    const result = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  notices not sent (--no-notify)\n');
    expect(made.exists('outbox')).toBe(false);
    expect(made.exists('.policy/pending-notices')).toBe(false);
  });

  it('records nothing pending when the configuration cannot send (no sender)', async () => {
    const made = repo({ major: ['ana@example.com'] });
    made.write('policy.config.json', JSON.stringify({ notify: { major: ['ana@example.com'] } }));
    const result = await runPolicy(['publish', '--yes'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('no notices sent: notify.from is not configured');
    expect(made.exists('.policy/pending-notices')).toBe(false);
  });
});

const MARKER = '.policy/pending-notices/privacy-policy@2.0.json';
const OPTIONS: PublishOptions = { files: [], yes: true, dryRun: false, notify: true, allowTriggerRemoval: false };

/** Runs the publish pipeline up to and including step `last`, as a kill right after it would leave the repository. */
async function publishStoppedAfter(made: TempRepo, last: string): Promise<void> {
  const sink = { write: () => true };
  const ctx: Context = { cwd: made.root, env: {}, now: () => new Date('2026-11-29T12:00:00Z'), random: () => 0.5, stdout: sink, stderr: sink, stdin: process.stdin };
  const { config } = await readConfig(ctx);
  const prefix = PUBLISH_STEPS.slice(0, PUBLISH_STEPS.findIndex((step) => step.name === last) + 1);
  expect(prefix.at(-1)?.name).toBe(last);
  await runPublish(ctx, config, OPTIONS, { report: () => undefined, confirm: async () => true }, prefix);
}

async function smtp(options: Parameters<typeof startSmtpServer>[0] = {}): Promise<TestSmtpServer> {
  const server = await startSmtpServer(options);
  servers.push(server);
  return server;
}

describe('notices an earlier publish left owed', () => {
  it('names a marker file <id>@<version>.json and ignores anything else in its folder', () => {
    expect(parsePendingNoticeName('privacy-policy@2.0.json')).toEqual({ id: 'privacy-policy', version: '2.0' });
    expect(parsePendingNoticeName('隐私@1.10.json')).toEqual({ id: '隐私', version: '1.10' });
    for (const name of ['.privacy-policy@2.0.json.123.0badf00d.tmp', 'privacy-policy@2.json', '..@2.0.json', 'a@b@2.0.json', 'notes.txt']) {
      expect(parsePendingNoticeName(name), name).toBeNull();
    }
  });

  it('a publish stopped after its commit point leaves them pending; the next publish sends them, once per recipient', async () => {
    const server = await smtp();
    const made = repo({ major: ['ana@example.com', 'bo@example.com', 'cy@example.com'] });
    await publishStoppedAfter(made, 'write-index');
    expect(latestVersion(made)).toBe('2.0');
    expect(JSON.parse(made.read(MARKER))).toEqual({ id: 'privacy-policy', version: '2.0', level: 'major', recordedAt: '2026-11-29T12:00:00.000Z' });
    expect(server.messages).toHaveLength(0);

    const next = await runPolicy(['publish', '--yes'], { cwd: made.root, env: { POLICY_SMTP_URL: server.url } });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toBe(
      'resumed the pending notices of privacy-policy@2.0: 3 sent, 0 failed, 0 uncertain\n' +
        'privacy-policy: nothing to publish (no visible change since privacy-policy@2.0)\n',
    );
    expect(next.stderr).toContain('resuming the notices of privacy-policy@2.0, which an earlier publish did not finish\n');
    expect(['ana@example.com', 'bo@example.com', 'cy@example.com'].map((address) => server.acceptedCount(address))).toEqual([1, 1, 1]);
    expect(server.messages).toHaveLength(3);
    expect(made.exists(MARKER)).toBe(false);

    const third = await runPolicy(['publish', '--yes'], { cwd: made.root, env: { POLICY_SMTP_URL: server.url } });
    expect(third.code).toBe(0);
    expect(third.stdout).toBe('privacy-policy: nothing to publish (no visible change since privacy-policy@2.0)\n');
    expect(server.messages).toHaveLength(3);
  });

  it('a marker whose version index.json does not list (stopped before the commit point) is dropped; the publish then completes 2.0 and its notices', async () => {
    const server = await smtp();
    const made = repo({ major: ['ana@example.com', 'bo@example.com'] });
    await publishStoppedAfter(made, 'version-archiving');
    expect(latestVersion(made)).toBe('1.0');
    expect(made.exists(MARKER)).toBe(true);

    const dry = await runPolicy(['publish', '--dry-run'], { cwd: made.root });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      'would drop the stale pending notices of privacy-policy@2.0 (archive/privacy-policy/index.json does not list 2.0: the publish that recorded it stopped before its commit point)\n',
    );
    expect(made.exists(MARKER)).toBe(true);

    const next = await runPolicy(['publish', '--yes'], { cwd: made.root, env: { POLICY_SMTP_URL: server.url } });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout.split('\n')).toContain(
      'dropped the stale pending notices of privacy-policy@2.0 (archive/privacy-policy/index.json does not list 2.0: the publish that recorded it stopped before its commit point)',
    );
    expect(next.stdout).toContain('  notices: 2 sent, 0 failed, 0 uncertain\n');
    expect(latestVersion(made)).toBe('2.0');
    expect([server.acceptedCount('ana@example.com'), server.acceptedCount('bo@example.com')]).toEqual([1, 1]);
    expect(made.exists(MARKER)).toBe(false);
  });

  it('failed notices stay pending: each publish resumes them (exit 3 while they fail) until every recipient has one', async () => {
    const bouncing = await smtp({ reject: (address) => address.startsWith('bounce') });
    const made = repo({ major: ['ana@example.com', 'bounce@example.com'] });
    const first = await runPolicy(['publish', '--yes'], { cwd: made.root, env: { POLICY_SMTP_URL: bouncing.url } });
    expect(first.code).toBe(3);
    expect(made.exists(MARKER)).toBe(true);

    const again = await runPolicy(['publish', '--yes'], { cwd: made.root, env: { POLICY_SMTP_URL: bouncing.url } });
    expect(again.code).toBe(3);
    expect(again.stdout).toContain('resumed the pending notices of privacy-policy@2.0: 0 sent, 1 failed, 0 uncertain, 1 already sent before\n');
    expect(again.stderr).toContain(
      'policy: privacy-policy@2.0: its pending notices are still not all delivered (1 failed); run policy publish again (or policy notify privacy-policy@2.0 --resume)\n',
    );
    expect(bouncing.acceptedCount('ana@example.com')).toBe(1);
    expect(made.exists(MARKER)).toBe(true);

    const fixed = await smtp();
    const last = await runPolicy(['publish', '--yes'], { cwd: made.root, env: { POLICY_SMTP_URL: fixed.url } });
    expect(last.code, last.stderr).toBe(0);
    expect(last.stdout).toContain('resumed the pending notices of privacy-policy@2.0: 1 sent, 0 failed, 0 uncertain, 1 already sent before\n');
    expect(fixed.messages.map((message) => message.to)).toEqual([['bounce@example.com']]);
    expect(made.exists(MARKER)).toBe(false);
  });

  it('--no-notify leaves them pending and says so; --dry-run says it would resume them; policy notify --resume settles them', async () => {
    const server = await smtp();
    const made = repo({ major: ['ana@example.com', 'bo@example.com'] });
    await publishStoppedAfter(made, 'write-index');
    const env = { POLICY_SMTP_URL: server.url };

    const quiet = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root, env });
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stdout).toContain(
      'notices of privacy-policy@2.0 still pending, not sent (--no-notify); run policy publish again (or policy notify privacy-policy@2.0 --resume) to send them\n',
    );
    expect(made.exists(MARKER)).toBe(true);

    const before = made.snapshot();
    const dry = await runPolicy(['publish', '--dry-run'], { cwd: made.root, env });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('would resume the pending notices of privacy-policy@2.0 (an earlier publish did not finish them)\n');
    expect(made.snapshot()).toEqual(before);
    expect(server.messages).toHaveLength(0);

    const json = await runPolicy(['publish', '--dry-run', '--format', 'json'], { cwd: made.root, env });
    expect(JSON.parse(json.stdout).pendingNotices).toEqual([
      expect.objectContaining({ id: 'privacy-policy', version: '2.0', status: 'would-resume', noticeError: null }),
    ]);

    const notify = await runPolicy(['notify', 'privacy-policy@2.0', '--resume'], { cwd: made.root, env });
    expect(notify.code, notify.stderr).toBe(0);
    expect(server.messages).toHaveLength(2);
    expect(made.exists(MARKER)).toBe(false);
    const after = await runPolicy(['publish', '--yes'], { cwd: made.root, env });
    expect(after.stdout).not.toContain('pending');
    expect(server.messages).toHaveLength(2);
  });

  it('a notify run to a --to test list settles nothing', async () => {
    const made = repo({ major: ['ana@example.com'] });
    await publishStoppedAfter(made, 'write-index');
    writeFileSync(join(made.root, 'me.txt'), 'me@example.com\n');
    const test = await runPolicy(['notify', 'privacy-policy@2.0', '--to', 'me.txt'], { cwd: made.root });
    expect(test.code, test.stderr).toBe(0);
    expect(made.exists(MARKER)).toBe(true);
  });

  it('stay pending, exit 3, when the configuration no longer sends them', async () => {
    const made = repo({ major: ['ana@example.com'] });
    await publishStoppedAfter(made, 'write-index');
    made.write('policy.config.json', JSON.stringify({ notify: { from: 'Legal <legal@example.com>' } }));
    const result = await runPolicy(['publish', '--yes'], { cwd: made.root });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      'policy: privacy-policy@2.0: its pending notices are still not sent: no recipients for major notices (set notify.major in the configuration); when that is fixed, run policy publish again (or policy notify privacy-policy@2.0 --resume) (the marker .policy/pending-notices/privacy-policy@2.0.json keeps them pending)\n',
    );
    expect(made.exists(MARKER)).toBe(true);
    expect(existsSync(join(made.root, 'outbox'))).toBe(false);
  });
});
