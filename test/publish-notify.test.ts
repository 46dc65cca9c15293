/** publish → notices: the notices step with the real notices module, an outbox and a real SMTP server. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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

  it('exits 3 when some notices failed, naming the resume command; the version stays archived', async () => {
    const server = await startSmtpServer({ reject: (address) => address.startsWith('bounce') });
    servers.push(server);
    const made = repo({ major: ['ana@example.com', 'bounce@example.com'] });
    const result = await runPolicy(['publish', '--yes'], { cwd: made.root, env: { POLICY_SMTP_URL: server.url } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      'policy: privacy-policy@2.0 is archived, but not all notices were delivered (1 failed); run policy notify privacy-policy@2.0 --resume\n',
    );
    expect(server.acceptedCount('ana@example.com')).toBe(1);
    expect(latestVersion(made)).toBe('2.0');
    expect((await runPolicy(['verify'], { cwd: made.root })).code).toBe(0);
  });

  it('exits 3 when the notices cannot be sent at all (a missing recipients file), keeping the archived version', async () => {
    const made = repo({ major: 'subscribers.csv' });
    const result = await runPolicy(['publish', '--yes'], { cwd: made.root });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^policy: privacy-policy@2\.0 is archived, but its notices were not sent: .*subscribers\.csv.*; when that is fixed, run policy notify privacy-policy@2\.0 --resume$/m);
    expect(latestVersion(made)).toBe('2.0');
  });

  it('sends nothing with --no-notify', async () => {
    const made = repo({ major: ['ana@example.com'] });
    const result = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  notices not sent (--no-notify)\n');
    expect(made.exists('outbox')).toBe(false);
  });
});
