/**
 * Sends the notices of an archived version: the entry point for
 * `policy publish` and `policy notify`. Reads the revision, renders the
 * notice once, validates the recipients (a streaming pass that reports bad
 * entries and counts distinct addresses before anything is sent), then sends
 * through the outbox or SMTP while the ledger records every outcome. A failed
 * notice is counted and reported; it never throws away what was done.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findIdProblem } from '../archive/policy-id.js';
import { displayPath } from '../archive/reference.js';
import { assertWritable } from '../archive/writable.js';
import { isVersion } from '../archive/version.js';
import type { Config } from '../config.js';
import { warn, type Context, type OutputStream } from '../context.js';
import { PolicyError } from '../errors.js';
import type { ChangeLevel, Lang } from '../types.js';
import { sendNotices, sleepFor, type DeliveryDeps, type DeliveryOptions, type DeliveryResult } from './deliver.js';
import { FingerprintSet } from './fingerprint-set.js';
import { Ledger, LEDGER_FILE, ledgerEnvironmentError, type DeliveryStatus, type LedgerKey } from './ledger.js';
import { clearPendingNotice, pendingNoticesDir } from './pending-notices.js';
import { parseSender, renderMessageTemplate, type MessageTemplate } from './message.js';
import { renderNoticeModel } from './notice-model.js';
import { DeliveryProgress } from './progress.js';
import { readNoticeRevision } from './read-notice-revision.js';
import { readRecipientBatches, resolveRecipientsSource, type RecipientsSource } from './recipients.js';
import { renderNoticeContent } from './render-notice.js';
import { chooseByLang, readTranslatedNotices } from './translated-notices.js';
import { hasUndelivered, renderNoticeSummary, renderResumeCommand, type NoticeResult } from './summary.js';
import { createOutboxTransport, createSmtpTransport, parseSmtpUrl, type DkimSettings, type NoticeTransport, type SmtpUrl } from './transports.js';

export type { NoticeResult } from './summary.js';

/** Which notices to send. */
export interface NoticeRequest {
  id: string;
  version: string;
  /** A recipients file replacing the configured recipients for this run. */
  to?: string;
  /** Continue a run: skip recipients already served, re-send failed and uncertain ones. */
  resume?: boolean;
  /** Validate and count; send and write nothing. */
  dryRun?: boolean;
}

/** Replaceable parts, for tests and for callers that print elsewhere. */
export interface NoticeDeps extends Partial<Pick<DeliveryDeps, 'sleep'>>, Omit<DeliveryOptions, 'onProgress'> {
  /** Where the summary goes. Default: stderr. */
  summary?: OutputStream;
  /** A transport to use instead of the outbox or POLICY_SMTP_URL. */
  transport?: NoticeTransport;
  /** At most this many invalid entries are reported one by one. Default 20. */
  maxInvalidReported?: number;
}

interface ScanResult {
  unique: number;
  invalid: number;
  duplicates: number;
  alreadySent: number;
}

/** The validation pass: streams the source once, reporting invalid entries and counting distinct addresses. */
async function scanRecipients(
  ctx: Context,
  source: RecipientsSource,
  maxReported: number,
  lookup: ((hash: string) => DeliveryStatus | null) | null,
): Promise<ScanResult> {
  const seen = new FingerprintSet();
  const result: ScanResult = { unique: 0, invalid: 0, duplicates: 0, alreadySent: 0 };
  for await (const batch of readRecipientBatches(source)) {
    for (const record of batch) {
      if (!record.ok) {
        result.invalid += 1;
        if (result.invalid <= maxReported) warn(ctx, `${source.label}:${record.line}: ${record.reason}; skipped`);
        continue;
      }
      if (!seen.add(record.hash)) {
        result.duplicates += 1;
        continue;
      }
      if (lookup?.(record.hash) === 'sent') result.alreadySent += 1;
    }
  }
  result.unique = seen.size;
  if (result.invalid > maxReported) warn(ctx, `${source.label}: ${result.invalid - maxReported} more invalid entries skipped`);
  if (result.unique === 0) {
    throw new PolicyError('BAD_RECIPIENTS', `${source.label}: no valid recipients (${result.invalid} invalid ${result.invalid === 1 ? 'entry' : 'entries'})`);
  }
  return result;
}

async function readDkim(ctx: Context, config: Config): Promise<DkimSettings | undefined> {
  const dkim = config.notify.dkim;
  if (!dkim) return undefined;
  const path = resolve(ctx.cwd, dkim.privateKeyFile);
  let privateKey: string;
  try {
    privateKey = await readFile(path, 'utf8');
  } catch (error) {
    throw new PolicyError('BAD_CONFIG', `${displayPath(ctx, path)}: cannot read the DKIM private key (notify.dkim.privateKeyFile): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {}, { cause: error });
  }
  if (!privateKey.includes('PRIVATE KEY')) {
    throw new PolicyError('BAD_CONFIG', `${displayPath(ctx, path)}: not a PEM private key (notify.dkim.privateKeyFile)`);
  }
  return { domainName: dkim.domainName, keySelector: dkim.keySelector, privateKey };
}

function writeLines(stream: OutputStream, lines: string[]): void {
  stream.write(lines.map((line) => `${line}\n`).join(''));
}

/** Everything a run needs, read and rendered before any recipient is looked at. */
interface NoticePlan {
  target: string;
  level: ChangeLevel;
  source: RecipientsSource;
  template: MessageTemplate;
  /** The notice in the languages of the policy's translations (see translated-notices.ts). */
  translated: Map<Lang, MessageTemplate>;
  smtpUrl: SmtpUrl | null;
  dkim: DkimSettings | undefined;
  ledgerDir: string;
  outboxDir: string;
  key: LedgerKey;
  /** The fields every result of this run carries. */
  base: Pick<NoticeResult, 'level' | 'channel' | 'destination' | 'subject' | 'resumeCommand'>;
}

/** Reads the configuration and the archive and renders the notice; a string says why there is nothing to send. */
async function readNoticePlan(ctx: Context, config: Config, request: NoticeRequest, deps: NoticeDeps): Promise<NoticePlan | string> {
  const target = `${request.id}@${request.version}`;
  // The id and version name folders (outbox/<id>/<version>/): refuse anything that could climb out.
  const idProblem = findIdProblem(request.id);
  if (idProblem !== null) throw new PolicyError('BAD_REFERENCE', `${JSON.stringify(target)}: invalid policy id: ${idProblem}`);
  if (!isVersion(request.version)) throw new PolicyError('BAD_REFERENCE', `${JSON.stringify(target)}: invalid version (expected e.g. 2.0)`);
  const notify = config.notify;
  if (!notify.from) return 'notify.from is not configured';
  parseSender(notify.from, 'notify.from');
  const smtpUrl = ctx.env.POLICY_SMTP_URL ? parseSmtpUrl(ctx.env.POLICY_SMTP_URL) : null;
  const dkim = await readDkim(ctx, config);

  const subject = await readNoticeRevision(ctx, config, request.id, request.version);
  if (subject.revision === null || subject.previous === null || subject.entry.level === 'initial') {
    return `${request.version} is the first version of ${request.id}: there is no change to announce`;
  }
  const level = subject.entry.level;
  const configured = level === 'major' ? notify.major : notify.minor;
  let source: RecipientsSource;
  if (request.to !== undefined) source = resolveRecipientsSource(request.to, ctx.cwd, '--to');
  else if (configured === undefined || configured.length === 0) return `no recipients for ${level} notices (set notify.${level} in the configuration)`;
  else source = resolveRecipientsSource(configured, ctx.cwd, `notify.${level}`);

  if (!config.siteUrl) warn(ctx, 'siteUrl is not configured: notices cannot link to the new version and its changes');
  const model = renderNoticeModel({
    revision: subject.revision,
    entry: subject.entry,
    previous: subject.previous,
    changeNote: subject.changeNote,
    ...(config.siteUrl ? { siteUrl: config.siteUrl } : {}),
    ...(notify.unsubscribeUrl ? { unsubscribeUrl: notify.unsubscribeUrl } : {}),
  });
  const content = renderNoticeContent(model);
  const sender = { from: notify.from, ...(notify.replyTo ? { replyTo: notify.replyTo } : {}), ...(notify.unsubscribeUrl ? { unsubscribeUrl: notify.unsubscribeUrl } : {}) };
  const template = await renderMessageTemplate(content, sender, { policyId: request.id, version: request.version });
  const translated = new Map<Lang, MessageTemplate>();
  for (const [lang, other] of await readTranslatedNotices(ctx, config, subject.index, request.version)) {
    const otherModel = renderNoticeModel({
      revision: other.revision as NonNullable<typeof other.revision>,
      // A translation announces its original's revision: the original's level decides how prominent the notice is.
      entry: { ...other.entry, level },
      previous: other.previous as NonNullable<typeof other.previous>,
      changeNote: other.changeNote,
      ...(config.siteUrl ? { siteUrl: config.siteUrl } : {}),
      ...(notify.unsubscribeUrl ? { unsubscribeUrl: notify.unsubscribeUrl } : {}),
    });
    // The same Message-ID scheme as the original's notice: one recipient, one notice, whatever its language.
    translated.set(lang, await renderMessageTemplate(renderNoticeContent(otherModel), sender, { policyId: request.id, version: request.version }));
  }

  // A --to run is a test: its messages go to outbox/test/… so the real outbox holds only real notices.
  const outboxDir = resolve(ctx.cwd, notify.outbox, ...(request.to !== undefined ? ['test'] : []), request.id, request.version);
  const channel: 'outbox' | 'smtp' = deps.transport?.channel ?? (smtpUrl ? 'smtp' : 'outbox');
  const destination = deps.transport?.description ?? (smtpUrl ? smtpUrl.description : `${displayPath(ctx, outboxDir)}/`);
  return {
    target,
    level,
    source,
    template,
    translated,
    smtpUrl,
    dkim,
    ledgerDir: resolve(ctx.cwd, notify.ledger),
    outboxDir,
    key: { policy: request.id, version: request.version, channel },
    base: { level, channel, destination, subject: content.subject, resumeCommand: renderResumeCommand(request.id, request.version) },
  };
}

/** `--dry-run`: validates and counts the recipients (and, with a ledger, those already served). Writes nothing. */
async function countNotices(ctx: Context, plan: NoticePlan, deps: NoticeDeps): Promise<NoticeResult> {
  const ledger = Ledger.openReadOnly(plan.ledgerDir);
  try {
    const scan = await scanRecipients(ctx, plan.source, deps.maxInvalidReported ?? 20, ledger ? ledger.statusLookup(plan.key) : null);
    return { sent: 0, failed: 0, uncertain: 0, skipped: false, dryRun: true, ...plan.base, recipients: scan.unique, invalid: scan.invalid, duplicates: scan.duplicates, alreadySent: scan.alreadySent };
  } finally {
    ledger?.close();
  }
}

function createTransport(config: Config, plan: NoticePlan, deps: NoticeDeps): Promise<NoticeTransport> | NoticeTransport {
  if (deps.transport) return deps.transport;
  const dkim = plan.dkim ? { dkim: plan.dkim } : {};
  if (plan.smtpUrl) {
    const rate = config.notify.rate !== undefined ? { rate: config.notify.rate } : {};
    return createSmtpTransport({ smtp: plan.smtpUrl, connections: config.notify.concurrency, timeouts: config.notify.timeouts, ...rate, ...dkim });
  }
  return createOutboxTransport({ dir: plan.outboxDir, label: plan.base.destination ?? plan.outboxDir, ...dkim });
}

/** The real run: validates the whole source first, then sends under a ledger run. */
async function deliverNotices(ctx: Context, config: Config, plan: NoticePlan, resume: boolean, deps: NoticeDeps): Promise<NoticeResult> {
  const scan = await scanRecipients(ctx, plan.source, deps.maxInvalidReported ?? 20, null);
  // A ledger or outbox that cannot be written stops the run before the first message, not in the middle.
  const outbox = plan.base.channel === 'outbox' && !deps.transport ? [{ path: join(plan.outboxDir, 'message.eml'), bytes: 256 * 1024 }] : [];
  await assertWritable(ctx, [{ path: join(plan.ledgerDir, LEDGER_FILE), bytes: 1024 * 1024 }, ...outbox]);
  const ledger = Ledger.open(plan.ledgerDir);
  let transport: NoticeTransport | undefined;
  try {
    const existing = ledger.statusCounts(plan.key);
    if (!resume && existing.sent + existing.failed + existing.uncertain + existing.pending > 0) {
      throw new PolicyError(
        'REFUSED',
        `${plan.target}: notices were already sent via ${plan.key.channel} (${existing.sent} sent, ${existing.failed} failed, ` +
          `${existing.uncertain + existing.pending} uncertain or unfinished); to send the rest: ${plan.base.resumeCommand}`,
      );
    }
    const { run, interrupted } = ledger.startRun(plan.key, { resume, now: ctx.now() });
    if (interrupted > 0) warn(ctx, `${interrupted} notices of ${plan.target} were being sent when an earlier run stopped; they are uncertain and will be sent again`);
    const started = ctx.now().getTime();
    let outcome: DeliveryResult | undefined;
    try {
      transport = await createTransport(config, plan, deps);
      const progress = new DeliveryProgress(ctx.stderr, () => ctx.now().getTime(), { total: scan.unique, label: plan.target });
      const options: DeliveryOptions = { onProgress: (counts) => progress.update(counts) };
      if (deps.maxAttempts !== undefined) options.maxAttempts = deps.maxAttempts;
      if (deps.backoffBaseMs !== undefined) options.backoffBaseMs = deps.backoffBaseMs;
      if (deps.outageLimit !== undefined) options.outageLimit = deps.outageLimit;
      // Replies already awaited get the bounded drain; a hung server is thus given up within about two minutes.
      options.drainMs = Math.min(config.notify.timeouts.reply, 15_000);
      if (ctx.interrupts) options.interrupts = ctx.interrupts;
      const world = { now: () => ctx.now(), random: () => ctx.random(), sleep: deps.sleep ?? sleepFor };
      try {
        outcome = await sendNotices(readRecipientBatches(plan.source), run, transport, chooseByLang(plan.template, plan.translated), world, options);
      } catch (error) {
        if (error instanceof PolicyError && error.code === 'ENVIRONMENT') {
          // The outbox filled up or turned read-only mid-run: every message written is whole and recorded.
          throw new PolicyError('ENVIRONMENT', `${error.message}; the messages written so far are recorded; once it can be written: ${plan.base.resumeCommand}`, error.details, { cause: error });
        }
        // The ledger filled the disk or turned read-only mid-run: what it holds is consistent, the rest is for --resume.
        throw ledgerEnvironmentError(error, displayPath(ctx, ledger.path)) ?? error;
      }
      progress.finish();
    } finally {
      const c = outcome?.counts;
      try {
        run.end(ctx.now(), c ? `${c.sent} sent, ${c.failed} failed, ${c.uncertain} uncertain${outcome?.stopped ? ', stopped early' : ''}` : 'failed');
      } catch (error) {
        // Without an outcome an error is already on its way out; a run left open is closed by the next one.
        if (outcome !== undefined) throw ledgerEnvironmentError(error, displayPath(ctx, ledger.path)) ?? error;
      }
    }
    const c = outcome.counts;
    const result: NoticeResult = {
      sent: c.sent,
      failed: c.failed,
      uncertain: c.uncertain,
      skipped: false,
      ...plan.base,
      recipients: scan.unique,
      invalid: scan.invalid,
      duplicates: c.duplicates,
      alreadySent: c.alreadySent,
      resentUncertain: c.resentUncertain,
      notAttempted: c.notAttempted,
      failures: ledger.failureReplies(plan.key),
      seconds: (ctx.now().getTime() - started) / 1000,
    };
    if (outcome.stopped) result.stopped = outcome.stopped;
    if (outcome.interrupted) result.interrupted = true;
    return result;
  } finally {
    await transport?.close();
    ledger.close();
  }
}

/**
 * Sends (or with `dryRun`, counts) the notices of `<id>@<version>`, printing
 * progress and a summary. Returns `skipped` with a reason when there is no
 * sender, no recipient list, or the version is a first one (and then prints
 * nothing: the caller says why). Once every configured recipient has an
 * accepted message, removes the version's pending-notices marker. Throws PolicyError for bad input (recipients
 * file, configuration, archive) before anything is sent.
 */
export async function sendVersionNotices(ctx: Context, config: Config, request: NoticeRequest, deps: NoticeDeps = {}): Promise<NoticeResult> {
  const read = await readNoticePlan(ctx, config, request, deps);
  if (typeof read === 'string') return { sent: 0, failed: 0, uncertain: 0, skipped: true, reason: read };
  // A --to run serves other people: it gets a throwaway ledger, so it neither records nor is refused by real deliveries.
  const testLedger = request.to !== undefined ? await mkdtemp(join(tmpdir(), 'policy-test-ledger-')) : null;
  const plan = testLedger === null ? read : { ...read, ledgerDir: testLedger };
  let result: NoticeResult;
  try {
    result = request.dryRun ? await countNotices(ctx, plan, deps) : await deliverNotices(ctx, config, plan, Boolean(request.resume), deps);
  } finally {
    if (testLedger !== null) await rm(testLedger, { recursive: true, force: true });
  }
  writeLines(deps.summary ?? ctx.stderr, renderNoticeSummary(result, plan.target));
  if (result.interrupted) {
    throw new PolicyError('INTERRUPTED', `${plan.target}: interrupted; every notice sent so far is recorded; to send the rest: ${renderResumeCommand(request.id, request.version)}`);
  }
  // Every configured recipient now has an accepted message: the version's notices are no longer owed.
  // A run to a --to list serves other people, so it settles nothing.
  if (!request.dryRun && request.to === undefined && !hasUndelivered(result)) {
    await clearPendingNotice(pendingNoticesDir(ctx, config), request.id, request.version);
  }
  return result;
}

/** The one-line error for a run that left recipients without a notice (exit 3), or null when all were served. */
export function noticeFailure(result: NoticeResult, id: string, version: string): PolicyError | null {
  if (!hasUndelivered(result)) return null;
  const parts = [
    result.failed ? `${result.failed} failed` : '',
    result.uncertain ? `${result.uncertain} uncertain` : '',
    result.notAttempted ? `${result.notAttempted} not attempted` : '',
  ].filter(Boolean);
  return new PolicyError('NOTICES_FAILED', `${id}@${version}: notices not all delivered (${parts.join(', ')}); resume with: ${renderResumeCommand(id, version)}`);
}
