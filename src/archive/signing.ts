/**
 * Optional Ed25519 signatures on archive entries. The hash chain catches an
 * edit of any entry but the newest (the next one's `previous` no longer
 * matches); a signature also catches a forged newest entry, since only the
 * holder of the private key can make one. Public keys live in
 * `policy.config.json` (`signing.publicKeys`), each naming, per policy, the
 * first version it signs, so keys can rotate; the private key comes from the
 * environment (`POLICY_SIGNING_KEY`) only and never touches the repository.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { Config } from '../config.js';
import { PolicyError, MESSAGES } from '../errors.js';
import type { ArchivedVersion } from '../types.js';
import { entryHash } from './canonical-json.js';
import { findIdProblem } from './policy-id.js';
import { compareVersions, FIRST_VERSION, isVersion } from './version.js';

/** A public key in `signing.publicKeys`. */
export interface SigningKeyConfig {
  /** The Ed25519 public key: base64 of its DER SubjectPublicKeyInfo. */
  publicKey: string;
  /**
   * Per policy id, the first version this key signs. A policy not named here
   * (archived only after the key was made) is signed from its first version.
   */
  from: Record<string, string>;
}

/** The `signing` section of the configuration. */
export interface SigningConfig {
  publicKeys: SigningKeyConfig[];
}

/** An entry's signature: which key made it, and the Ed25519 signature in base64. */
export interface EntrySignature {
  key: string;
  value: string;
}

/** The environment variable that carries the private key (PEM) to publish. */
export const SIGNING_KEY_ENV = 'POLICY_SIGNING_KEY';

const KEY_ID = /^[0-9a-f]{16}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A key's short id: the first 16 hex digits of the SHA-256 of its DER public key. Pure. */
export function keyIdOf(publicKeyDer: Uint8Array): string {
  return createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 16);
}

/** The base64 DER form of a public key, as stored in the configuration. */
export function encodePublicKey(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).toString('base64');
}

function decodePublicKey(text: string): KeyObject | null {
  if (!BASE64.test(text)) return null;
  try {
    const key = createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/**
 * Validates `signing.publicKeys` of a configuration (raw JSON); throws
 * BAD_CONFIG naming the key path. Used by the configuration's schema.
 */
export function validateSigningKeys(value: unknown, path: string, file: string): void {
  const fail = (at: string, what: string) => {
    throw new PolicyError('BAD_CONFIG', MESSAGES.BAD_CONFIG(`"${at}" ${what}`, { file }));
  };
  if (!Array.isArray(value)) fail(path, 'must be a list of {publicKey, from}');
  (value as unknown[]).forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) fail(at, 'must be an object {publicKey, from}');
    const { publicKey, from, ...rest } = item as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) fail(`${at}.${extra}`, 'is not a known key (expected publicKey, from)');
    if (typeof publicKey !== 'string' || decodePublicKey(publicKey) === null) fail(`${at}.publicKey`, 'must be an Ed25519 public key in base64 (DER), as policy keygen writes it');
    if (typeof from !== 'object' || from === null || Array.isArray(from)) fail(`${at}.from`, 'must map policy ids to the first version the key signs');
    for (const [id, version] of Object.entries(from as Record<string, unknown>)) {
      if (findIdProblem(id) !== null) fail(`${at}.from`, `names ${JSON.stringify(id)}, which is not a policy id`);
      if (typeof version !== 'string' || !isVersion(version)) fail(`${at}.from.${id}`, `must be a version such as "2.1", found ${JSON.stringify(version)}`);
    }
  });
}

/** A configured key, decoded. */
interface PublicKeyEntry {
  id: string;
  key: KeyObject;
  from: Record<string, string>;
}

function configuredKeys(signing: SigningConfig | undefined): PublicKeyEntry[] {
  return (signing?.publicKeys ?? []).map((entry) => {
    const key = decodePublicKey(entry.publicKey);
    // The configuration was validated when read; a key that fails here was built in code.
    if (key === null) throw new PolicyError('BAD_CONFIG', MESSAGES.BAD_CONFIG(`signing.publicKeys: not an Ed25519 public key: ${entry.publicKey.slice(0, 16)}…`));
    return { id: keyIdOf(Buffer.from(entry.publicKey, 'base64')), key, from: entry.from };
  });
}

/** The first version of policy `id` that must be signed, or null when no key signs it. Pure. */
export function firstSignedVersion(signing: SigningConfig | undefined, id: string): string | null {
  let first: string | null = null;
  for (const key of signing?.publicKeys ?? []) {
    const from = key.from[id] ?? FIRST_VERSION;
    if (first === null || compareVersions(from, first) < 0) first = from;
  }
  return first;
}

/** The bytes a signature covers: the policy id and the hash of the entry without its signature. Pure. */
function signedMessage(id: string, entry: ArchivedVersion): Buffer {
  const { signature: _omitted, ...unsigned } = entry;
  return Buffer.from(`policy-archive-entry\n${id}\n${entryHash(unsigned)}`, 'utf8');
}

/**
 * What is wrong with the signature of entry `entry` of policy `id`, or null
 * when it needs none or carries a good one. Pure (over the decoded keys).
 */
export function findSignatureProblem(signing: SigningConfig | undefined, id: string, entry: ArchivedVersion): string | null {
  const first = firstSignedVersion(signing, id);
  if (first === null || compareVersions(entry.version, first) < 0) return null;
  const what = `version ${entry.version}`;
  const signature = entry.signature as unknown;
  if (signature === undefined) {
    return `${what} is not signed, but signing.publicKeys signs ${id} from version ${first} on (a forged entry, or published without ${SIGNING_KEY_ENV})`;
  }
  const { key, value } = (signature ?? {}) as Record<string, unknown>;
  if (typeof key !== 'string' || !KEY_ID.test(key) || typeof value !== 'string' || !BASE64.test(value)) {
    return `${what}: "signature" must be {key: 16 hex digits, value: base64}`;
  }
  const applicable = configuredKeys(signing).filter((entryKey) => compareVersions(entry.version, entryKey.from[id] ?? FIRST_VERSION) >= 0);
  const signer = applicable.find((candidate) => candidate.id === key);
  if (!signer) return `${what} is signed by key ${key}, which signing.publicKeys does not list for ${id}@${entry.version}`;
  if (!verify(null, signedMessage(id, entry), signer.key, Buffer.from(value, 'base64'))) {
    return `${what}: bad signature (the entry was changed after it was signed, or forged)`;
  }
  return null;
}

function readPrivateKey(text: string): KeyObject {
  let key: KeyObject;
  try {
    key = /-----BEGIN/.test(text)
      ? createPrivateKey({ key: text, format: 'pem' })
      : createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  } catch (error) {
    // The message says what the variable should hold, never what it holds.
    throw new PolicyError('USAGE', MESSAGES.USAGE('not a private key (expected the PEM file policy keygen wrote)', { subject: SIGNING_KEY_ENV }), { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new PolicyError('USAGE', MESSAGES.USAGE('not an Ed25519 private key', { subject: SIGNING_KEY_ENV }));
  return key;
}

/**
 * Signs a new entry of policy `id` with the private key in the environment
 * (`POLICY_SIGNING_KEY`), when there is one. Refuses, before anything is
 * written, an entry that verify would reject: one the configuration says must
 * be signed while no key is given, or a key the configuration does not list
 * for this version.
 */
export function signArchiveEntry(env: Readonly<Record<string, string | undefined>>, config: Config, id: string, entry: ArchivedVersion): ArchivedVersion {
  const text = env[SIGNING_KEY_ENV];
  const first = firstSignedVersion(config.signing, id);
  const required = first !== null && compareVersions(entry.version, first) >= 0;
  if (text === undefined || text === '') {
    if (!required) return entry;
    throw new PolicyError('REFUSED', MESSAGES.REFUSED(`${id}@${entry.version}: policy.config.json signing.publicKeys signs ${id} from version ${first} on, but ${SIGNING_KEY_ENV} is not set; nothing was written`));
  }
  const privateKey = readPrivateKey(text);
  const keyId = keyIdOf(createPublicKey(privateKey).export({ format: 'der', type: 'spki' }));
  const listed = configuredKeys(config.signing).find((candidate) => candidate.id === keyId);
  if (!listed) {
    throw new PolicyError('REFUSED', MESSAGES.REFUSED(`its public key (${keyId}) is not in policy.config.json signing.publicKeys (run policy keygen, or add it); nothing was written`, { subject: SIGNING_KEY_ENV }));
  }
  if (compareVersions(entry.version, listed.from[id] ?? FIRST_VERSION) < 0) {
    throw new PolicyError('REFUSED', MESSAGES.REFUSED(`key ${keyId} signs ${id} only from version ${listed.from[id]} on, not ${entry.version}; nothing was written`, { subject: SIGNING_KEY_ENV }));
  }
  const { signature: _old, ...unsigned } = entry;
  const value = sign(null, signedMessage(id, unsigned), privateKey).toString('base64');
  return { ...unsigned, signature: { key: keyId, value } };
}

/**
 * Signs a run of new entries of policy `id` that follow `before` (null: they
 * start the archive), re-linking each `previous` to the signed entry before
 * it, since a signature is part of what the next entry's `previous` hashes.
 * Unsigned entries come back as they were (their links already hold).
 */
export function signArchiveEntries(
  env: Readonly<Record<string, string | undefined>>,
  config: Config,
  id: string,
  entries: readonly ArchivedVersion[],
  before: ArchivedVersion | null = null,
): ArchivedVersion[] {
  const signed: ArchivedVersion[] = [];
  let last = before;
  for (const entry of entries) {
    const linked = { ...entry, previous: last === null ? null : entryHash(last) };
    last = signArchiveEntry(env, config, id, linked);
    signed.push(last);
  }
  return signed;
}
