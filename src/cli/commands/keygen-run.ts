/** Implementation of `policy keygen`. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../../atomic-write.js';
import { latestVersion, readArchivedIds, readArchiveIndex } from '../../archive/index-file.js';
import { archiveDirOf, displayPath } from '../../archive/reference.js';
import { encodePublicKey, keyIdOf, SIGNING_KEY_ENV, type SigningKeyConfig } from '../../archive/signing.js';
import { nextVersion } from '../../archive/version.js';
import { readRepoRoot } from '../../check/git.js';
import { type Config, parseConfig, readConfig } from '../../config.js';
import type { Context } from '../../context.js';
import { EXIT, PolicyError, MESSAGES } from '../../errors.js';
import type { KeygenCliOptions } from './keygen.js';

/** The default folder of private keys: under the user's configuration folder, never in a repository. */
export function defaultKeyDir(env: Context['env']): string | null {
  const base = env.XDG_CONFIG_HOME || (env.APPDATA ?? (env.HOME ? join(env.HOME, '.config') : undefined));
  return base ? join(base, 'policy', 'keys') : null;
}

/** The real path of `path` even when its last parts do not exist yet (the nearest existing folder resolved). */
async function realPathOf(path: string): Promise<string> {
  let existing = path;
  const rest: string[] = [];
  for (;;) {
    try {
      return join(await realpath(existing), ...rest.reverse());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(existing) === existing) throw error;
      rest.push(basename(existing));
      existing = dirname(existing);
    }
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Per archived policy, the first version a key made now signs: the smallest version its next publish can have. */
async function firstVersions(ctx: Context, config: Config): Promise<Record<string, string>> {
  const archiveDir = archiveDirOf(ctx, config);
  const from: Record<string, string> = {};
  for (const id of await readArchivedIds(archiveDir)) {
    const index = await readArchiveIndex(archiveDir, id, displayPath(ctx, join(archiveDir, id, 'index.json')));
    if (index) from[id] = nextVersion(latestVersion(index).version, 'minor');
  }
  return from;
}

/**
 * The new text of the file the configuration came from (policy.config.json by
 * default, or package.json's "policy" key) with `key` added to
 * `signing.publicKeys`, checked to read back as a valid configuration.
 */
async function withPublicKey(ctx: Context, file: string | null, key: SigningKeyConfig): Promise<{ path: string; text: string }> {
  const path = file ?? join(ctx.cwd, 'policy.config.json');
  const inPackage = basename(path) === 'package.json';
  let raw: Record<string, unknown> = {};
  try {
    raw = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const section = (inPackage ? (raw.policy as Record<string, unknown>) : raw) ?? {};
  const signing = (section.signing as { publicKeys?: unknown[] } | undefined) ?? {};
  section.signing = { ...signing, publicKeys: [...(signing.publicKeys ?? []), key] };
  parseConfig(section, displayPath(ctx, path));
  if (inPackage) raw.policy = section;
  return { path, text: `${JSON.stringify(inPackage ? raw : section, null, 2)}\n` };
}

/** Makes a key pair, writes the private key outside the repository and lists the public key in the configuration. */
export async function runKeygen(ctx: Context, options: KeygenCliOptions): Promise<number> {
  const { config, file } = await readConfig(ctx);
  const keyDir = defaultKeyDir(ctx.env);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const encoded = encodePublicKey(publicKey);
  const keyId = keyIdOf(Buffer.from(encoded, 'base64'));
  let out: string;
  if (options.out !== undefined) out = resolve(ctx.cwd, options.out);
  else if (keyDir !== null) out = join(keyDir, `${basename(resolve(ctx.cwd)).replace(/[^A-Za-z0-9._-]/g, '_')}-${keyId}.pem`);
  else throw new PolicyError('USAGE', MESSAGES.USAGE('no HOME or XDG_CONFIG_HOME to keep the private key under: choose a place outside the repository with --out <file>'));

  const root = (await readRepoRoot(ctx.cwd)) ?? ctx.cwd;
  if (isInside(await realPathOf(out), await realpath(root))) {
    throw new PolicyError('USAGE', MESSAGES.USAGE(`inside the repository; a private key never goes there (choose a path outside ${root})`, { subject: displayPath(ctx, out) }));
  }
  // Everything that can fail is settled before the private key exists anywhere.
  const from = await firstVersions(ctx, config);
  const updated = await withPublicKey(ctx, file, { publicKey: encoded, from });
  await mkdir(dirname(out), { recursive: true, mode: 0o700 });
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  try {
    await writeFile(out, pem, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new PolicyError('REFUSED', MESSAGES.REFUSED('already exists; keygen never overwrites a key', { subject: out }), { cause: error });
    throw error;
  }
  await writeFileAtomic(updated.path, updated.text);
  const configFile = displayPath(ctx, updated.path);
  const signs = Object.entries(from).map(([id, version]) => `${id} from ${version}`);
  ctx.stdout.write(
    [
      `private key written to ${out} (keep it secret: it is not in the repository, and only publish needs it)`,
      `public key ${keyId} added to ${configFile} signing.publicKeys; it signs ${[...signs, 'any policy archived later from its first version'].join(', ')}`,
      `publish signs its entries when ${SIGNING_KEY_ENV} holds the private key, e.g. ${SIGNING_KEY_ENV}="$(cat ${out})" policy publish`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
