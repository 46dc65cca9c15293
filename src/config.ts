/**
 * Project configuration: `policy.config.json` at the repository root, or the
 * `"policy"` key of package.json. Every field is optional; an unknown key or a
 * value of the wrong type is a clear error naming the key.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from './context.js';
import { PolicyError } from './errors.js';
import { type SigningConfig, validateSigningKeys } from './archive/signing.js';

export interface NotifyConfig {
  /** Sender address; without it no notices are sent (publish warns). */
  from?: string;
  replyTo?: string;
  /** Recipients of major-change notices: addresses, or a path to a recipients file. */
  major?: string[] | string;
  /** Recipients of minor-change notices (an internal list): addresses, or a path to a recipients file. */
  minor?: string[] | string;
  /** URL for List-Unsubscribe; an https URL also enables one-click unsubscribe. */
  unsubscribeUrl?: string;
  /** Parallel SMTP connections. Default 5. */
  concurrency: number;
  /** Messages per second; undefined means unlimited. */
  rate?: number;
  /** Folder of the delivery ledger. Default `.policy`. */
  ledger: string;
  /** Folder where .eml files go when no SMTP server is configured. Default `outbox`. */
  outbox: string;
  /** DKIM signing: domain, selector and a path to the PEM private key. */
  dkim?: { domainName: string; keySelector: string; privateKeyFile: string };
  /** SMTP timeouts in milliseconds, so a server that stops answering cannot hang a run. */
  timeouts: SmtpTimeouts;
}

/** How long to wait for an SMTP server, in milliseconds. */
export interface SmtpTimeouts {
  /** For the TCP (and TLS) connection. Default 10 000. */
  connection: number;
  /** For the server's greeting once connected. Default 20 000. */
  greeting: number;
  /** For each reply (the one to the message data included); a message left unanswered is uncertain. Default 60 000. */
  reply: number;
}

export interface Config {
  /** Folder of the live policies. Default `policies`. */
  policies: string;
  /** Folder of the archive. Default `archive`. */
  archive: string;
  /** Output folder of `policy site`. Default `site`. */
  site: string;
  /** Public URL of the archive site, used in notices and the feed. */
  siteUrl?: string;
  /** The company that publishes the policies: the author of the site's Atom feeds (default: the name in notify.from). */
  organization?: string;
  /** Minimum days between publishing a major revision and its effective date. */
  noticeDays?: number;
  notify: NotifyConfig;
  /** Public keys that sign archive entries (see src/archive/signing.ts). */
  signing?: SigningConfig;
  /**
   * Let the archive site load a policy's images from other servers (`https:`).
   * Default false: a remote image is shown as a link with a notice, so a policy
   * cannot carry a tracking pixel to every reader.
   */
  remoteImages: boolean;
}

/** Where the configuration came from, for error messages. */
export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file it came from, or null for defaults. */
  file: string | null;
}

type FieldType = 'string' | 'number' | 'boolean' | 'string|string[]' | 'object';
interface Field {
  type: FieldType;
  min?: number;
  fields?: Record<string, Field>;
  required?: string[];
  /** A check of its own for a value the types above cannot describe; throws BAD_CONFIG. */
  validate?: (value: unknown, path: string, file: string) => void;
}

const SCHEMA: Record<string, Field> = {
  policies: { type: 'string' },
  archive: { type: 'string' },
  site: { type: 'string' },
  siteUrl: { type: 'string' },
  organization: { type: 'string' },
  noticeDays: { type: 'number', min: 0 },
  remoteImages: { type: 'boolean' },
  signing: { type: 'object', required: ['publicKeys'], fields: { publicKeys: { type: 'object', validate: validateSigningKeys } } },
  notify: {
    type: 'object',
    fields: {
      from: { type: 'string' },
      replyTo: { type: 'string' },
      major: { type: 'string|string[]' },
      minor: { type: 'string|string[]' },
      unsubscribeUrl: { type: 'string' },
      concurrency: { type: 'number', min: 1 },
      rate: { type: 'number', min: 0 },
      ledger: { type: 'string' },
      outbox: { type: 'string' },
      dkim: {
        type: 'object',
        required: ['domainName', 'keySelector', 'privateKeyFile'],
        fields: {
          domainName: { type: 'string' },
          keySelector: { type: 'string' },
          privateKeyFile: { type: 'string' },
        },
      },
      timeouts: {
        type: 'object',
        fields: {
          connection: { type: 'number', min: 1 },
          greeting: { type: 'number', min: 1 },
          reply: { type: 'number', min: 1 },
        },
      },
    },
  },
};

/** The configuration with every default filled in. */
export function defaultConfig(): Config {
  return {
    policies: 'policies',
    archive: 'archive',
    site: 'site',
    remoteImages: false,
    notify: { concurrency: 5, ledger: '.policy', outbox: 'outbox', timeouts: { connection: 10_000, greeting: 20_000, reply: 60_000 } },
  };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function validateObject(value: unknown, fields: Record<string, Field>, path: string, file: string, required: string[] = []): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PolicyError('BAD_CONFIG', `${file}: ${path || 'configuration'} must be an object, found ${typeName(value)}`);
  }
  const record = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(record)) {
    const keyPath = path ? `${path}.${key}` : key;
    const field = fields[key];
    if (!field) {
      throw new PolicyError(
        'BAD_CONFIG',
        `${file}: unknown key "${keyPath}" (expected one of: ${Object.keys(fields).join(', ')})`,
      );
    }
    validateField(child, field, keyPath, file);
  }
  for (const key of required) {
    if (!(key in record)) throw new PolicyError('BAD_CONFIG', `${file}: "${path}.${key}" is required`);
  }
}

function validateField(value: unknown, field: Field, path: string, file: string): void {
  if (field.validate) return field.validate(value, path, file);
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string' || value === '') {
        throw new PolicyError('BAD_CONFIG', `${file}: "${path}" must be a non-empty string, found ${typeName(value)}`);
      }
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || (field.min !== undefined && value < field.min)) {
        const expected = field.min !== undefined ? `a number >= ${field.min}` : 'a number';
        throw new PolicyError('BAD_CONFIG', `${file}: "${path}" must be ${expected}, found ${JSON.stringify(value)}`);
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') {
        throw new PolicyError('BAD_CONFIG', `${file}: "${path}" must be true or false, found ${JSON.stringify(value)}`);
      }
      return;
    case 'string|string[]':
      if (typeof value === 'string' && value !== '') return;
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return;
      throw new PolicyError(
        'BAD_CONFIG',
        `${file}: "${path}" must be a list of addresses or a path to a recipients file, found ${typeName(value)}`,
      );
    case 'object':
      validateObject(value, field.fields ?? {}, path, file, field.required);
      return;
  }
}

/** Validates raw configuration and merges it over the defaults. Pure. */
export function parseConfig(raw: unknown, file: string): Config {
  validateObject(raw, SCHEMA, '', file);
  const given = raw as Partial<Config> & { notify?: Partial<NotifyConfig> };
  const defaults = defaultConfig();
  const timeouts = { ...defaults.notify.timeouts, ...given.notify?.timeouts };
  return { ...defaults, ...given, notify: { ...defaults.notify, ...given.notify, timeouts } };
}

async function readJson(file: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new PolicyError('BAD_CONFIG', `${file}: cannot read: ${(error as Error).message}`, {}, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PolicyError('BAD_CONFIG', `${file}: invalid JSON: ${(error as Error).message}`, {}, { cause: error });
  }
}

/** Reads policy.config.json, else package.json's "policy" key, else the defaults. */
export async function readConfig(ctx: Context): Promise<LoadedConfig> {
  const configFile = join(ctx.cwd, 'policy.config.json');
  const fromFile = await readJson(configFile);
  if (fromFile !== undefined) return { config: parseConfig(fromFile, 'policy.config.json'), file: configFile };
  const packageFile = join(ctx.cwd, 'package.json');
  const pkg = await readJson(packageFile);
  if (pkg && typeof pkg === 'object' && 'policy' in pkg) {
    return { config: parseConfig((pkg as { policy: unknown }).policy, 'package.json "policy"'), file: packageFile };
  }
  return { config: defaultConfig(), file: null };
}
