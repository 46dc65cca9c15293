/**
 * The delivery loop: streams recipients, claims each in the ledger (which
 * drops duplicates and those already served), hands messages to the transport
 * with a bounded number in flight, retries temporary failures with backoff,
 * records every outcome, and stops early when the server is unreachable or
 * the transport cannot work at all, leaving the rest to `--resume`.
 */
import type { Interrupts } from '../context.js';
import { backoffDelay } from './delivery-error.js';
import type { LedgerRun } from './ledger.js';
import { renderMailOptions, renderMessageId, type MessageTemplate } from './message.js';
import type { RecipientRecord } from './recipients.js';
import type { NoticeTransport } from './transports.js';

/** What a run did, per recipient entry. */
export interface DeliveryCounts {
  /** Accepted by the server (or written to the outbox) in this run. */
  sent: number;
  /** Refused (5xx), or still failing after the last retry. */
  failed: number;
  /** The connection broke after the message went out and before the reply: resume re-sends. */
  uncertain: number;
  /** Already accepted in an earlier run: not sent again. */
  alreadySent: number;
  /** Re-sent in this run because an earlier run left them uncertain. */
  resentUncertain: number;
  /** Second and later entries of the same address. */
  duplicates: number;
  /** Entries left untouched because the run stopped early. */
  notAttempted: number;
  /** Attempts that failed temporarily and were retried. */
  retries: number;
}

/** The world the loop needs, injectable for tests. */
export interface DeliveryDeps {
  now(): Date;
  random(): number;
  /** Waits `ms` milliseconds, or less when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** Tuning of the loop. */
export interface DeliveryOptions {
  /** Attempts per message before a temporary failure counts as failed. Default 5. */
  maxAttempts?: number;
  /** First retry delay in ms, doubling after. Default 1000. */
  backoffBaseMs?: number;
  /** Messages in a row that fail because the server is unreachable before the run stops. Default 3. */
  outageLimit?: number;
  /** Called after every outcome. */
  onProgress?(counts: Readonly<DeliveryCounts>): void;
  /**
   * Once the run stops (an interrupt, a server that stopped answering), how
   * long messages already sent may wait for their reply before they are given
   * up as uncertain, in ms. Default 15 000.
   */
  drainMs?: number;
  /** Ctrl-C / SIGTERM: the first stops taking new messages and drains; the second gives up on every message in flight. */
  interrupts?: Interrupts;
}

/** The outcome of a run. */
export interface DeliveryResult {
  counts: DeliveryCounts;
  /** Why the run stopped before the end, if it did. */
  stopped?: string;
  /** True when an interrupt stopped it. */
  interrupted?: boolean;
}

/** The default sleep: a timer that an abort cuts short. */
export function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Sends one notice to every valid, new recipient in `batches` (see readRecipientBatches). */
export async function sendNotices(
  batches: AsyncIterable<readonly RecipientRecord[]>,
  run: LedgerRun,
  transport: NoticeTransport,
  /** The message, or a choice of message by recipient (their language). */
  template: MessageTemplate | ((recipient: RecipientRecord & { ok: true }) => MessageTemplate),
  deps: DeliveryDeps,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const maxAttempts = options.maxAttempts ?? 5;
  const backoffBaseMs = options.backoffBaseMs ?? 1000;
  const outageLimit = options.outageLimit ?? 3;
  const counts: DeliveryCounts = { sent: 0, failed: 0, uncertain: 0, alreadySent: 0, resentUncertain: 0, duplicates: 0, notAttempted: 0, retries: 0 };
  const abort = new AbortController();
  let stopped: string | undefined;
  let outagesInARow = 0;
  let broken: unknown;
  let interrupted = false;
  let drainTimer: ReturnType<typeof setTimeout> | undefined;

  const stop = (reason: string) => {
    if (stopped === undefined) {
      stopped = reason;
      // A message whose data has not all gone out cannot have been taken: give it up now. One
      // already sent waits for its reply, but not past the drain bound (it then ends uncertain).
      transport.abort?.('unsent');
      drainTimer = setTimeout(() => transport.abort?.('all'), options.drainMs ?? 15_000);
    }
    abort.abort();
  };
  const progress = () => options.onProgress?.(counts);

  const templateOf = typeof template === 'function' ? template : () => template;

  async function deliver(recipient: { address: string; name: string | undefined; hash: string }, template: MessageTemplate): Promise<void> {
    const { hash } = recipient;
    for (let attempt = 1; ; attempt += 1) {
      // The claim recorded the first attempt.
      if (attempt > 1) run.beginAttempt(hash, deps.now());
      const outcome = await transport.send({ options: renderMailOptions(template, recipient, deps.now()), hash });
      if (outcome.ok) {
        run.settleAttempt(hash, 'sent', outcome.reply, deps.now());
        counts.sent += 1;
        outagesInARow = 0;
        return progress();
      }
      // A timeout is not retried: the server stopped answering, and asking again would only wait again.
      if (outcome.kind === 'temporary' && !outcome.hung && attempt < maxAttempts && stopped === undefined) {
        run.settleAttempt(hash, 'pending', outcome.reply, deps.now());
        counts.retries += 1;
        await deps.sleep(backoffDelay(attempt, deps.random, backoffBaseMs), abort.signal);
        if (stopped === undefined) continue;
      }
      if (outcome.environment) {
        // Nothing of the message was kept (the outbox cannot be written): still owed, so resume writes it.
        run.settleAttempt(hash, 'pending', `not written: ${outcome.reply}`, deps.now());
        counts.notAttempted += 1;
        broken ??= outcome.environment;
        stop(outcome.reply);
        return progress();
      }
      if (outcome.kind === 'uncertain') {
        run.settleAttempt(hash, 'uncertain', outcome.reply, deps.now());
        counts.uncertain += 1;
      } else if (outcome.kind === 'temporary' && stopped !== undefined) {
        // Given up before its data went out, because the run stopped: not sent, as if never attempted
        // (pending and no longer in flight, so it is neither a failure nor uncertain); resume sends it.
        run.settleAttempt(hash, 'pending', `not sent: the run stopped (${outcome.reply})`, deps.now());
        counts.notAttempted += 1;
      } else {
        run.settleAttempt(hash, 'failed', outcome.reply, deps.now());
        counts.failed += 1;
      }
      if (outcome.kind === 'fatal') stop(outcome.reply);
      if (outcome.hung) stop(`the server stopped answering (${outcome.reply})`);
      // Only messages that used up their retries count towards an outage, so a short blip is ridden out.
      if (outcome.outage) {
        outagesInARow += 1;
        if (outagesInARow >= outageLimit) stop(`the server is unreachable (${outcome.reply})`);
      }
      return progress();
    }
  }

  const unlisten = options.interrupts?.listen((count) => {
    interrupted = true;
    if (count === 1) stop('interrupted: no new messages were started, and those in flight were given time to finish');
    else transport.abort?.('all');
  });
  try {
    return await deliverAll();
  } finally {
    unlisten?.();
    clearTimeout(drainTimer);
  }

  async function deliverAll(): Promise<DeliveryResult> {
    const inFlight = new Set<Promise<void>>();
    try {
      await startAll(inFlight);
    } catch (error) {
      // A claim could not be written (or the recipients could not be read): the messages already
      // handed over still finish and are recorded before the error goes up. (So does an outbox
      // that cannot be written: `broken` is then its error.)
      broken ??= error;
      stop('the ledger could not be written');
    }
    await Promise.all(inFlight);
    if (broken !== undefined) throw broken;
    const result: DeliveryResult = { counts };
    if (stopped !== undefined) result.stopped = stopped;
    if (interrupted) result.interrupted = true;
    return result;
  }

  async function startAll(inFlight: Set<Promise<void>>): Promise<void> {
    for await (const batch of batches) {
      if (broken !== undefined) break;
      for (const record of batch) {
        if (!record.ok) continue;
        if (stopped !== undefined) {
          counts.notAttempted += 1;
          continue;
        }
        // Wait for room first: a claim marks the message as being sent.
        while (inFlight.size >= transport.parallel) await Promise.race(inFlight);
        if (stopped !== undefined) {
          counts.notAttempted += 1;
          continue;
        }
        const chosen = templateOf(record);
        const claim = run.claim(record.hash, renderMessageId(chosen, record.hash), deps.now());
        if (claim.kind === 'duplicate') {
          counts.duplicates += 1;
          continue;
        }
        if (claim.kind === 'sent') {
          counts.alreadySent += 1;
          progress();
          continue;
        }
        if (claim.kind === 'retry' && claim.previous === 'uncertain') counts.resentUncertain += 1;
        const task: Promise<void> = deliver(record, chosen)
          .catch((error: unknown) => {
            // A ledger write failed (disk full, database gone): nothing more can be recorded safely.
            broken ??= error;
            stop('the ledger could not be written');
          })
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
    }
  }
}
