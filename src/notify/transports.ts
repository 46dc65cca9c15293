/**
 * Where notices go. With no SMTP server configured, each message becomes an
 * `.eml` file in the outbox (nodemailer's stream transport), so everything
 * works out of the box. With `POLICY_SMTP_URL`, messages go through
 * nodemailer's SMTP pool: a few long-lived connections, an optional rate
 * limit, no automatic re-queueing (the delivery loop decides what to retry,
 * because only it knows whether a re-send could duplicate a message).
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import DKIM from 'nodemailer/lib/dkim';
import { defaultConfig, type SmtpTimeouts } from '../config.js';
import { environmentError, PolicyError } from '../errors.js';
import { classifySendError, maskSecrets, type DeliveryFailure } from './delivery-error.js';

/** One notice ready for a transport. */
export interface NoticeMail {
  /** nodemailer message options (one recipient in `to`). */
  options: SendMailOptions;
  /** SHA-256 of the recipient's normalised address (names the outbox file). */
  hash: string;
}

/** The answer of a transport for one message. */
export type SendOutcome = { ok: true; reply: string } | ({ ok: false } & DeliveryFailure);

/** A way of delivering notices. */
export interface NoticeTransport {
  /** `outbox` or `smtp`; the ledger keeps deliveries per channel. */
  readonly channel: 'outbox' | 'smtp';
  /** Where messages go, without credentials (for messages to the user). */
  readonly description: string;
  /** How many messages may usefully be in flight at once. */
  readonly parallel: number;
  send(mail: NoticeMail): Promise<SendOutcome>;
  /**
   * Gives up on messages in flight: `unsent` those whose data has not all gone
   * out (the server cannot have taken them, so they fail safely), `all` every
   * one (those already sent then end uncertain). Their sends resolve at once.
   */
  abort?(which: 'unsent' | 'all'): void;
  close(): Promise<void>;
}

/** DKIM signing settings, key already read. */
export interface DkimSettings {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

interface Tracker {
  /** Set once the transport has read the whole message. */
  dataComplete: boolean;
}

/**
 * A nodemailer plugin that signs (when configured) and then watches the final
 * message stream, so that a failure can be told apart: before the end of the
 * data nothing can have been accepted; after it, the server may have it.
 */
function finalStreamPlugin(dkim: DkimSettings | undefined) {
  const signer = dkim ? new DKIM({ domainName: dkim.domainName, keySelector: dkim.keySelector, privateKey: dkim.privateKey }) : undefined;
  return (mail: { data: SendMailOptions & { tracker?: Tracker }; message: { processFunc(fn: (input: Readable) => Readable): void } }, done: (err?: Error | null) => void) => {
    const tracker = mail.data.tracker;
    mail.message.processFunc((input) => {
      const output: Readable = signer ? signer.sign(input) : input;
      // 'end' fires once the transport has read the last byte of the message.
      if (tracker) output.once('end', () => (tracker.dataComplete = true));
      return output;
    });
    done();
  };
}

/** Options of the outbox transport. */
export interface OutboxOptions {
  /** Folder for this version's messages (`outbox/<id>/<version>`). */
  dir: string;
  /** Shown to the user, e.g. `outbox/privacy-policy/2.0/`. */
  label: string;
  dkim?: DkimSettings;
}

/** Writes each message to `<dir>/<hash>.eml`, atomically (temporary file, then rename), CRLF line ends. */
export async function createOutboxTransport(options: OutboxOptions): Promise<NoticeTransport> {
  await mkdir(options.dir, { recursive: true });
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  transporter.use('stream', finalStreamPlugin(options.dkim) as never);
  let sequence = 0;
  return {
    channel: 'outbox',
    description: options.label,
    parallel: 8,
    async send(mail) {
      const name = `${mail.hash.slice(0, 32)}.eml`;
      const target = join(options.dir, name);
      const temp = join(options.dir, `.${name}.${process.pid}.${(sequence += 1)}.tmp`);
      try {
        const info = (await transporter.sendMail(mail.options)) as { message: Buffer };
        await writeFile(temp, info.message, { flag: 'wx' });
        await rename(temp, target);
        return { ok: true, reply: `written to ${name}` };
      } catch (error) {
        // A temporary file never stays: the outbox holds whole messages only.
        await rm(temp, { force: true });
        const environment = environmentError(error, () => `${options.label.replace(/\/$/, '')}/${name}`, '; that message was not written');
        if (environment) return { ok: false, kind: 'fatal', reply: environment.message, outage: false, environment };
        return { ok: false, ...classifySendError(error, false) };
      }
    },
    async close() {
      transporter.close();
    },
  };
}

/** A validated POLICY_SMTP_URL. */
export interface SmtpUrl {
  /** The URL as given (credentials included: never print it). */
  url: string;
  /** `smtp://host:port` without credentials. */
  description: string;
  /** Strings to mask in any message: the user name and password, decoded and as written. */
  secrets: string[];
}

/** Validates POLICY_SMTP_URL: smtp:// or smtps://, a host; never echoes credentials in its errors. */
export function parseSmtpUrl(text: string): SmtpUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new PolicyError('BAD_CONFIG', 'POLICY_SMTP_URL: not a valid URL (expected smtp://user:password@host:port or smtps://…)', {}, { cause: error });
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new PolicyError('BAD_CONFIG', `POLICY_SMTP_URL: unsupported scheme "${url.protocol.replace(/:$/, '')}" (expected smtp or smtps)`);
  }
  if (url.hostname === '') throw new PolicyError('BAD_CONFIG', 'POLICY_SMTP_URL: no host in the URL');
  const secrets = [url.username, url.password, safeDecode(url.username), safeDecode(url.password)].filter((s) => s !== '');
  const port = url.port || (url.protocol === 'smtps:' ? '465' : '587');
  return { url: text, description: `${url.protocol}//${url.hostname}:${port}`, secrets: [...new Set(secrets)] };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Options of the SMTP transport. */
export interface SmtpOptions {
  smtp: SmtpUrl;
  /** Parallel connections (notify.concurrency). */
  connections: number;
  /** Messages per second (notify.rate); undefined for no limit. */
  rate?: number;
  dkim?: DkimSettings;
  /** notify.timeouts. Default: the configuration's defaults. */
  timeouts?: SmtpTimeouts;
}

/** Nodemailer's options for notify.timeouts: a socket idle for `reply` ms is given up. Pure. */
export function smtpTimeoutOptions(timeouts: SmtpTimeouts): { connectionTimeout: number; greetingTimeout: number; socketTimeout: number; dnsTimeout: number } {
  return {
    connectionTimeout: timeouts.connection,
    greetingTimeout: timeouts.greeting,
    socketTimeout: timeouts.reply,
    dnsTimeout: Math.min(timeouts.connection, 30_000),
  };
}

/** Nodemailer's rate limit is "limit messages per delta ms"; a fractional rate needs a longer window. */
export function rateWindow(rate: number): { rateLimit: number; rateDelta: number } {
  if (rate >= 1) return { rateLimit: Math.max(1, Math.round(rate)), rateDelta: 1000 };
  return { rateLimit: 1, rateDelta: Math.round(1000 / rate) };
}

/** Sends through a pool of SMTP connections. */
export function createSmtpTransport(options: SmtpOptions): NoticeTransport {
  const limits = options.rate !== undefined && options.rate > 0 ? rateWindow(options.rate) : {};
  const transporter = nodemailer.createTransport({
    url: options.smtp.url,
    pool: true,
    maxConnections: options.connections,
    // smtp-server and many MTAs pause before greeting; reusing connections avoids paying that per message.
    maxMessages: Infinity,
    // The pool would silently re-send a message whose connection closed, even after the data went out.
    maxRequeues: 0,
    logger: false,
    ...smtpTimeoutOptions(options.timeouts ?? defaultConfig().notify.timeouts),
    ...limits,
  } as never);
  // The messages being sent, so that a stopped run can give up on them (see abort).
  const active = new Set<{ tracker: Tracker; controller: AbortController }>();
  transporter.use('stream', finalStreamPlugin(options.dkim) as never);
  return {
    channel: 'smtp',
    description: options.smtp.description,
    // Keep the pool's queue fed without building thousands of messages ahead of the sockets.
    parallel: options.connections * 4,
    async send(mail) {
      const tracker: Tracker = { dataComplete: false };
      const entry = { tracker, controller: new AbortController() };
      active.add(entry);
      try {
        const info = (await transporter.sendMail({ ...mail.options, tracker, signal: entry.controller.signal } as SendMailOptions)) as { response?: string };
        return { ok: true, reply: maskSecrets(info.response ?? '250 OK', options.smtp.secrets) };
      } catch (error) {
        return { ok: false, ...classifySendError(error, tracker.dataComplete, options.smtp.secrets) };
      } finally {
        active.delete(entry);
      }
    },
    abort(which) {
      for (const { tracker, controller } of active) {
        if (which === 'all' || !tracker.dataComplete) controller.abort();
      }
    },
    async close() {
      transporter.close();
    },
  };
}
