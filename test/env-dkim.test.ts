/**
 * DKIM signatures checked by a real verifier (mailauth), not only found:
 * notices sent through a real SMTP server and written to the outbox both
 * verify against the public key; a changed body or another key fails. The
 * only stand-in is the DNS lookup of the key record, answered from the key.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dkimVerify } from 'mailauth';
import { afterEach, describe, expect, it } from 'vitest';
import { runPolicy } from './helpers/cli.js';
import { makeNoticeRepo, POLICY_ID } from './helpers/notify-repo.js';
import { startSmtpServer } from './helpers/smtp-server.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

const SELECTOR = 'notices';
const DOMAIN = 'example.com';

/** A resolver that publishes `publicKey` as the DKIM key record of notices._domainkey.example.com. */
function keyRecord(publicKey: KeyObject) {
  const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return async (name: string, type: string) => {
    if (name === `${SELECTOR}._domainkey.${DOMAIN}` && type === 'TXT') return [[`v=DKIM1; k=rsa; p=${p}`]];
    throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  };
}

async function verdict(raw: Buffer, publicKey: KeyObject): Promise<string[]> {
  const result = await dkimVerify(raw, { resolver: keyRecord(publicKey) as never });
  return result.results.map((entry) => `${entry.status.result}${entry.signingDomain ? ` ${entry.signingDomain}` : ''}`);
}

function signingRepo(): { dir: string; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dir = makeNoticeRepo({
    lang: 'zh',
    version: '2.0',
    config: { notify: { major: ['张三 <zhang@example.com>', 'li@example.org'], dkim: { domainName: DOMAIN, keySelector: SELECTOR, privateKeyFile: 'keys/dkim.pem' } } },
  });
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'keys'));
  writeFileSync(join(dir, 'keys', 'dkim.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return { dir, publicKey };
}

describe('DKIM signatures verify', () => {
  it('over SMTP: every message passes; a changed body or another key fails', async () => {
    const s = await startSmtpServer();
    cleanup.push(() => s.close());
    const { dir, publicKey } = signingRepo();
    const result = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: dir, env: { POLICY_SMTP_URL: s.url } });
    expect(result.code, result.stderr).toBe(0);
    expect(s.messages).toHaveLength(2);
    for (const message of s.messages) expect(await verdict(message.raw, publicKey)).toEqual([`pass ${DOMAIN}`]);

    const raw = s.messages[0]!.raw.toString('latin1');
    const bodyStart = raw.indexOf('\r\n\r\n') + 4;
    const tampered = Buffer.from(raw.slice(0, bodyStart) + raw.slice(bodyStart).replace(/2026/, '2027'), 'latin1');
    expect(tampered.equals(s.messages[0]!.raw)).toBe(false);
    // mailauth reports a body that no longer matches its hash as neutral ("body hash did not verify"): not a pass.
    expect(await verdict(tampered, publicKey)).toEqual([`neutral ${DOMAIN}`]);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect(await verdict(s.messages[0]!.raw, other)).toEqual([`fail ${DOMAIN}`]);
  }, 30_000);

  it('in the outbox: the .eml files as written pass', async () => {
    const { dir, publicKey } = signingRepo();
    const result = await runPolicy(['notify', `${POLICY_ID}@2.0`], { cwd: dir, env: { POLICY_SMTP_URL: '' } });
    expect(result.code, result.stderr).toBe(0);
    const folder = join(dir, 'outbox', POLICY_ID, '2.0');
    const files = readdirSync(folder).filter((name) => name.endsWith('.eml'));
    expect(files).toHaveLength(2);
    for (const file of files) expect(await verdict(readFileSync(join(folder, file)), publicKey)).toEqual([`pass ${DOMAIN}`]);
  });
});
