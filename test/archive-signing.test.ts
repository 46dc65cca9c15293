/**
 * Optional Ed25519 signatures: `policy keygen`, publish signing with the key
 * from the environment, and verify rejecting unsigned or badly signed entries
 * from the first signed version on (older entries stay valid).
 */
import { generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entryHash } from '../src/archive/canonical-json.js';
import { sha256Hex } from '../src/hash.js';
import { renderArchiveIndex } from '../src/archive/index-file.js';
import { findSignatureProblem, signArchiveEntry } from '../src/archive/signing.js';
import { defaultConfig } from '../src/config.js';
import type { ArchiveIndex, ArchivedVersion } from '../src/types.js';
import { runPolicy } from './helpers/cli.js';
import { majorEdit, minorEdit, useTempRepos, type TempRepo } from './archive-helpers.js';

const POLICY = 'policies/privacy-policy.md';
const INDEX = 'archive/privacy-policy/index.json';
const repo = useTempRepos();
const homes: string[] = [];
afterEach(() => {
  for (const dir of homes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function home(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-home-'));
  homes.push(dir);
  return dir;
}

interface Keyed {
  made: TempRepo;
  keyFile: string;
  key: string;
  stdout: string;
}

async function keygen(made: TempRepo, env: Record<string, string>): Promise<Keyed> {
  const result = await runPolicy(['keygen'], { cwd: made.root, env });
  expect(result.code, result.stderr).toBe(0);
  const keyFile = /^private key written to (\S+) /m.exec(result.stdout)?.[1] ?? '';
  return { made, keyFile, key: readFileSync(keyFile, 'utf8'), stdout: result.stdout };
}

const readIndex = (made: TempRepo) => JSON.parse(made.read(INDEX)) as ArchiveIndex;
const publish = (made: TempRepo, env: Record<string, string> = {}, ...argv: string[]) =>
  runPolicy(['publish', '--yes', '--no-notify', ...argv], { cwd: made.root, env });
const verify = (made: TempRepo) => runPolicy(['verify'], { cwd: made.root });

/** A repository with 1.0 archived unsigned, a key made after it, and 2.0 published signed. */
async function signedRepo(): Promise<Keyed> {
  const made = repo();
  const keyed = await keygen(made, { HOME: home() });
  made.write(POLICY, majorEdit());
  const published = await publish(made, { POLICY_SIGNING_KEY: keyed.key });
  expect(published.code, published.stderr).toBe(0);
  return keyed;
}

describe('policy keygen', () => {
  it('writes the private key under the user configuration folder, never in the repository, and lists the public key', async () => {
    const made = repo();
    const dir = home();
    const { keyFile, key, stdout } = await keygen(made, { XDG_CONFIG_HOME: join(dir, 'config') });
    expect(keyFile.startsWith(join(dir, 'config', 'policy', 'keys'))).toBe(true);
    expect(key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const config = JSON.parse(made.read('policy.config.json')) as { signing: { publicKeys: { publicKey: string; from: Record<string, string> }[] } };
    expect(config.signing.publicKeys).toEqual([{ publicKey: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/), from: { 'privacy-policy': '1.1' } }]);
    expect(stdout).toContain('it signs privacy-policy from 1.1');
    expect(Object.values(made.snapshot()).some((bytes) => Buffer.from(bytes, 'base64').toString().includes('PRIVATE KEY'))).toBe(false);
    expect((await verify(made)).code).toBe(0);
  });

  it('writes to --out outside the repository, and never overwrites a key', async () => {
    const made = repo();
    const out = join(home(), 'signing.pem');
    const first = await runPolicy(['keygen', '--out', out], { cwd: made.root, env: {} });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`private key written to ${out} `);
    const key = readFileSync(out, 'utf8');
    const config = made.read('policy.config.json');
    const again = await runPolicy(['keygen', '--out', out], { cwd: made.root, env: {} });
    expect(again).toMatchObject({ code: 1, stderr: `policy: ${out}: already exists; keygen never overwrites a key\n` });
    expect(readFileSync(out, 'utf8')).toBe(key);
    expect(made.read('policy.config.json')).toBe(config);
  });

  it('refuses --out inside the repository, writing nothing', async () => {
    const made = repo();
    const before = made.snapshot();
    const result = await runPolicy(['keygen', '--out', 'keys/signing.pem'], { cwd: made.root, env: { HOME: home() } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^policy: keys\/signing\.pem: inside the repository; a private key never goes there/);
    expect(made.snapshot()).toEqual(before);
  });
});

describe('signing.publicKeys in the configuration', () => {
  it('rejects a key that is not an Ed25519 public key, or a from that is not a version, with exit 2', async () => {
    const made = repo();
    made.write('policy.config.json', JSON.stringify({ signing: { publicKeys: [{ publicKey: 'bm90IGEga2V5', from: {} }] } }));
    expect(await verify(made)).toMatchObject({ code: 2, stderr: expect.stringContaining('"signing.publicKeys[0].publicKey" must be an Ed25519 public key') });
    const publicKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    made.write('policy.config.json', JSON.stringify({ signing: { publicKeys: [{ publicKey, from: { 'privacy-policy': 'next' } }] } }));
    expect(await verify(made)).toMatchObject({ code: 2, stderr: expect.stringContaining('"signing.publicKeys[0].from.privacy-policy" must be a version') });
    made.write('policy.config.json', JSON.stringify({ signing: { publicKeys: [{ publicKey, from: { 'privacy-policy': '1.0' } }] } }));
    // The shipped 1.0 is unsigned: a key that claims it fails verify.
    expect(await verify(made)).toMatchObject({ code: 1, stdout: expect.stringContaining('version 1.0 is not signed') });
  });
});

describe('signed entries', () => {
  it('publish signs the new entry; verify passes, the unsigned entry before signing began stays valid', async () => {
    const { made } = await signedRepo();
    const [first, second] = readIndex(made).versions;
    expect(first?.signature).toBeUndefined();
    expect(second?.signature).toEqual({ key: expect.stringMatching(/^[0-9a-f]{16}$/), value: expect.any(String) });
    const result = await verify(made);
    expect(result.code, result.stdout).toBe(0);
  });

  it('verify fails on a newest entry edited after signing', async () => {
    const { made } = await signedRepo();
    const index = readIndex(made);
    index.versions[1]!.summary = 'Nothing important changed';
    made.write(INDEX, renderArchiveIndex(index));
    const result = await verify(made);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error: archive/privacy-policy/index.json: version 2.0: bad signature');
  });

  it('covers the revision record: a record rewritten and rehashed into the entry fails as a bad signature', async () => {
    const { made } = await signedRepo();
    const index = readIndex(made);
    const recordFile = 'archive/privacy-policy/2.0.revision.json';
    const forged = made.read(recordFile).replace('"major"', '"minor"');
    expect(forged).not.toBe(made.read(recordFile));
    made.write(recordFile, forged);
    index.versions[1]!.record = sha256Hex(forged);
    made.write(INDEX, renderArchiveIndex(index));
    const result = await verify(made);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n').filter((line) => line.startsWith('error:'))).toEqual([
      'error: archive/privacy-policy/index.json: version 2.0: bad signature (the entry was changed after it was signed, or forged)',
    ]);
  });

  it('verify fails on a forged unsigned newest entry, chained and hashed correctly', async () => {
    const { made } = await signedRepo();
    const index = readIndex(made);
    const latest = index.versions[1]!;
    const forged = `${made.read('archive/privacy-policy/2.0.md')}\nA forged sentence.\n`;
    made.write('archive/privacy-policy/2.1.md', forged);
    const { signature: _dropped, ...unsigned } = latest;
    const entry: ArchivedVersion = { ...unsigned, version: '2.1', file: '2.1.md', sha256: sha256Hex(forged), level: 'minor', previous: entryHash(latest) };
    made.write(INDEX, renderArchiveIndex({ ...index, versions: [...index.versions, entry] }));
    const result = await verify(made);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error: archive/privacy-policy/index.json: version 2.1 is not signed, but signing.publicKeys signs privacy-policy from version 1.1 on');
    // Site and publish refuse it too.
    expect((await runPolicy(['site'], { cwd: made.root })).code).toBe(1);
  });

  it('publish refuses, writing nothing, when signing is required and no key is given, or the key is not listed', async () => {
    const { made } = await signedRepo();
    made.write(POLICY, minorEdit(made.read(POLICY), '2026-11-30'));
    const before = made.snapshot();
    const unsigned = await publish(made);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toContain('privacy-policy@2.1: policy.config.json signing.publicKeys signs privacy-policy from version 1.1 on, but POLICY_SIGNING_KEY is not set');
    const other = await keygen(repo(), { HOME: home() });
    const stranger = await publish(made, { POLICY_SIGNING_KEY: other.key });
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toMatch(/POLICY_SIGNING_KEY: its public key \([0-9a-f]{16}\) is not in policy\.config\.json signing\.publicKeys/);
    const garbage = await publish(made, { POLICY_SIGNING_KEY: 'not-a-key-s3cr3t' });
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).not.toContain('s3cr3t');
    expect(made.snapshot()).toEqual(before);
  });

  it('keys rotate: a second key signs from the next version on, and entries signed by the first stay valid', async () => {
    const { made } = await signedRepo();
    const second = await keygen(made, { HOME: home() });
    const config = JSON.parse(made.read('policy.config.json')) as { signing: { publicKeys: { from: Record<string, string> }[] } };
    expect(config.signing.publicKeys.map((key) => key.from)).toEqual([{ 'privacy-policy': '1.1' }, { 'privacy-policy': '2.1' }]);
    made.write(POLICY, minorEdit(made.read(POLICY), '2026-11-30'));
    const published = await publish(made, { POLICY_SIGNING_KEY: second.key }, '--date', '2026-11-30');
    expect(published.code, published.stderr).toBe(0);
    const [, two, three] = readIndex(made).versions;
    expect(three?.signature?.key).not.toBe(two?.signature?.key);
    expect((await verify(made)).code).toBe(0);
    expect(existsSync(second.keyFile)).toBe(true);
  });
});

describe('signArchiveEntry / findSignatureProblem', () => {
  const pair = generateKeyPairSync('ed25519');
  const publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const pem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const config = { ...defaultConfig(), signing: { publicKeys: [{ publicKey, from: { a: '1.1' } }] } };
  const entry: ArchivedVersion = {
    version: '1.1',
    date: '2026-11-29',
    effective: '2026-11-29',
    file: '1.1.md',
    sha256: sha256Hex('x'),
    level: 'minor',
    triggers: [],
    summary: 's',
    publishedAt: '2026-11-29T12:00:00.000Z',
    previous: sha256Hex('y'),
  };

  it('binds the signature to the policy id: the same entry under another policy fails', () => {
    const signed = signArchiveEntry({ POLICY_SIGNING_KEY: pem }, config, 'a', entry);
    expect(findSignatureProblem(config.signing, 'a', signed)).toBeNull();
    expect(findSignatureProblem(config.signing, 'b', signed)).toMatch(/bad signature/);
    // Before the key's first version for `a`, nothing is required.
    expect(findSignatureProblem(config.signing, 'a', { ...entry, version: '1.0', file: '1.0.md' })).toBeNull();
    expect(findSignatureProblem(config.signing, 'a', entry)).toMatch(/^version 1\.1 is not signed/);
  });
});

describe('policy import with signing', () => {
  function gitIn(made: TempRepo, args: string[]): void {
    const env = { ...process.env, GIT_AUTHOR_NAME: 'Legal', GIT_AUTHOR_EMAIL: 'legal@example.com', GIT_COMMITTER_NAME: 'Legal', GIT_COMMITTER_EMAIL: 'legal@example.com' };
    execFileSync('git', args, { cwd: made.root, env, stdio: 'ignore' });
  }

  it('signs every imported entry, chained to the signed one before; refuses without the key, writing nothing', async () => {
    const made = repo({ archive: false });
    gitIn(made, ['init', '-q', '-b', 'main']);
    gitIn(made, ['add', '-A']);
    gitIn(made, ['commit', '-qm', 'seed']);
    made.write(POLICY, majorEdit(made.read(POLICY)));
    gitIn(made, ['commit', '-qam', 'new contact']);
    // A key made before the policy has an archive signs it from its first version.
    const { key } = await keygen(made, { HOME: home() });
    const before = made.snapshot();
    const refused = await runPolicy(['import', POLICY], { cwd: made.root });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('privacy-policy@1.0: policy.config.json signing.publicKeys signs privacy-policy from version 1.0 on, but POLICY_SIGNING_KEY is not set');
    expect(made.snapshot()).toEqual(before);

    const imported = await runPolicy(['import', POLICY], { cwd: made.root, env: { POLICY_SIGNING_KEY: key } });
    expect(imported.code, imported.stderr).toBe(0);
    const versions = readIndex(made).versions;
    expect(versions.map((v) => [v.version, Boolean(v.signature)])).toEqual([['1.0', true], ['2.0', true]]);
    expect(versions[1]?.previous).toBe(entryHash(versions[0]!));
    const verified = await runPolicy(['verify', '--strict'], { cwd: made.root });
    expect(verified.code, verified.stdout).toBe(0);
    expect(readdirSync(join(made.root, '.policy/publish-intents'))).toEqual([]);
  });
});
