/**
 * What a failed send means for the recipient: try again later, give up, or
 * "we cannot know" (the connection broke after the whole message went out but
 * before the server answered). Also masks what could leak into the ledger or
 * the terminal: addresses in replies and credentials in error messages. Pure.
 */
import type { PolicyError } from '../errors.js';
import { maskAddresses } from './address.js';

/** How a failed attempt is handled. */
export type FailureKind =
  /** 4xx or a broken connection before the message was complete: retry with backoff. */
  | 'temporary'
  /** 5xx for this message: record and report, do not retry in this run. */
  | 'permanent'
  /** The connection broke after the message was sent, before the reply: do not retry now; resume re-sends. */
  | 'uncertain'
  /** The transport cannot work at all (authentication, TLS): stop the run. */
  | 'fatal';

/** A classified failure. */
export interface DeliveryFailure {
  kind: FailureKind;
  /** The SMTP reply or error text, addresses and secrets masked. */
  reply: string;
  /** True when the server itself seems unreachable (connection errors, 421), as opposed to a reply about this message. */
  outage: boolean;
  /** Set when a timeout ran out: the server stopped answering, and waiting on it again would only hang the run. */
  hung?: true;
  /**
   * Set when the transport's own environment failed (the outbox cannot be
   * written: disk full, read-only, permissions): nothing of the message was
   * kept, the run stops, and it ends with this error (exit 4), not as a
   * failed delivery.
   */
  environment?: PolicyError;
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EPROXY']);
const FATAL_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ETLS', 'ECONFIG']);
const MESSAGE_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'ESTREAM', 'EMAXRECIPIENTS', 'EMAXLIMIT']);

/** Replaces each secret (a password, a user name) in `text` with `***`, then masks addresses. */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let masked = text;
  for (const secret of secrets) {
    if (secret.length >= 3) masked = masked.split(secret).join('***');
  }
  return maskAddresses(masked).replace(/\s+/g, ' ').trim().slice(0, 500);
}

/**
 * Classifies an error from nodemailer. `dataComplete` tells whether the whole
 * message had been handed to the connection when it failed.
 */
export function classifySendError(error: unknown, dataComplete: boolean, secrets: readonly string[] = []): DeliveryFailure {
  const err = (error ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown; command?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  const responseCode = typeof err.responseCode === 'number' ? err.responseCode : undefined;
  const text = typeof err.response === 'string' && err.response !== '' ? err.response : `${code ? `${code}: ` : ''}${String(err.message ?? error)}`;
  const reply = maskSecrets(text, secrets);
  const command = typeof err.command === 'string' ? err.command : '';

  if (FATAL_CODES.has(code) || /^AUTH\b/i.test(command)) return { kind: 'fatal', reply, outage: false };
  if (responseCode !== undefined) {
    if (responseCode === 421) return { kind: 'temporary', reply, outage: true };
    if (responseCode >= 400 && responseCode < 500) return { kind: 'temporary', reply, outage: false };
    if (responseCode >= 500) return { kind: 'permanent', reply, outage: false };
  }
  if (CONNECTION_CODES.has(code) || code === '') {
    const hung = code === 'ETIMEDOUT' ? { hung: true as const } : {};
    return dataComplete ? { kind: 'uncertain', reply, outage: true, ...hung } : { kind: 'temporary', reply, outage: true, ...hung };
  }
  if (MESSAGE_CODES.has(code)) return { kind: 'permanent', reply, outage: false };
  return dataComplete ? { kind: 'uncertain', reply, outage: false } : { kind: 'temporary', reply, outage: false };
}

/** The delay before retry number `attempt` (1 = the first retry): doubling from `baseMs`, capped, with ±50% jitter from `random`. */
export function backoffDelay(attempt: number, random: () => number, baseMs = 1000, maxMs = 60_000): number {
  const exact = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exact * (0.5 + random()));
}
