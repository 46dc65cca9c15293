/**
 * `policy publish`: the pipeline that turns an edited policy into an archived
 * version. The steps are a table (publish-steps.ts); this module holds the
 * plan each step fills in and the runner that walks the table, taking the
 * publish lock around anything that writes.
 */
import { isAbsolute, join, resolve } from 'node:path';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { PolicyError, MESSAGES } from '../errors.js';
import type { NoticeResult } from '../notify/summary.js';
import type { ArchivedVersion, ArchiveIndex, ChangeLevel, Policy, Revision } from '../types.js';
import { parseIsoDate, utcDate } from '../archive/dates.js';
import { type LockHolder, withLock } from '../file-lock.js';
import { stateDir } from '../state-dir.js';
import { PUBLISH_STEPS, renderInterruptedAfterArchive } from './steps.js';
import { PublishEvents, type PublishListener } from './events.js';
import { createNoticesListener } from './notices.js';
import { archiveDirOf, displayPath } from '../archive/reference.js';
import { listPolicyFiles } from '../archive/store.js';
import { readPublishFiles, withTranslations } from './translations.js';

/**
 * Sends the notices of an archived version (src/notify/send-notices.ts has the
 * real one, which also clears the version's pending-notices marker once every
 * recipient is served). `resume` continues an earlier run, as `policy notify --resume`.
 */
export type SendNotices = (ctx: Context, config: Config, target: { id: string; version: string; resume?: boolean }) => Promise<NoticeResult>;

/** What the resume-notices step did with a version whose notices an earlier publish left owed. */
export interface PendingNoticesOutcome {
  id: string;
  version: string;
  /**
   * delivered: resumed, and every recipient is served; undelivered: resumed,
   * but some are not (see noticeError); kept: left pending (--no-notify);
   * would-resume: --dry-run; dropped, would-drop: a stale marker (index.json
   * does not list the version: its publish stopped before the commit point).
   */
  status: 'delivered' | 'undelivered' | 'kept' | 'would-resume' | 'dropped' | 'would-drop';
  /** What was done, or would be done, in one line. */
  action: string;
  notices: NoticeResult | null;
  /** When recipients are still left without a notice: what happened and how to finish. */
  noticeError: string | null;
  /** Set when the notices stopped because a path could not be written (the outbox filled up): exit 4 rather than 3. */
  noticeEnvironment?: boolean;
}

/** The options of one publish run. */
export interface PublishOptions {
  /** Policy files to publish; empty means every `*.md` under the policies folder. */
  files: string[];
  /** Publish without asking. Default false. */
  yes: boolean;
  /** Write nothing; describe what would be done. Default false. */
  dryRun: boolean;
  /** Publish date YYYY-MM-DD. Default: today (UTC) by the context's clock. */
  date?: string;
  /** Effective date YYYY-MM-DD. Default: front matter `effective`, else the publish date. */
  effective?: string;
  /** Send notices after archiving. Default true. */
  notify: boolean;
  /** A human decision overriding the classifier's level. */
  level?: ChangeLevel;
  /** Why the level was overridden (required to downgrade a major revision). */
  reason?: string;
  /** The archive entry's one-line summary. Default: generated from the revision. */
  summary?: string;
  /** With `yes`, allow publishing a policy whose list of major changes was removed. Default false. */
  allowTriggerRemoval: boolean;
}

/** What the command line supplies to the pipeline. */
export interface PublishHooks {
  /** Shows a planned publish (its classified report) before confirmation. */
  report(plan: PublishPlan, env: PublishEnv): void;
  /** Asks whether to publish the planned versions; resolves false when declined. */
  confirm(plans: PublishPlan[], env: PublishEnv): Promise<boolean>;
  /** Told once when another publish holds the lock and this one starts waiting. */
  onLockWait?(holder: LockHolder): void;
  /** Replaces the notices listener's sender (default: src/notify/send-notices.ts). */
  sendNotices?: SendNotices;
  /** More listeners of "version archiving" / "version archived", called after the notices. Default none. */
  listeners?: PublishListener[];
  /**
   * Awaited before each step that runs; `interrupted` aborts when Ctrl-C or
   * SIGTERM comes while the archive step holds them. A test seam: the command
   * line sets it only for `POLICY_TEST_PAUSE_BEFORE` (see README, Development).
   */
  beforeStep?(name: string, interrupted: AbortSignal): Promise<void>;
}

/** Everything a step may read: the world, the configuration, the options. */
export interface PublishEnv {
  ctx: Context;
  config: Config;
  options: PublishOptions;
  hooks: PublishHooks;
  archiveDir: string;
  /** The publish date, YYYY-MM-DD. */
  date: string;
  /** The instant of the publish (publishedAt, override time). */
  now: Date;
  /** The listeners of "version archived" (the notices). */
  events: PublishEvents;
  /** Filled by the resume-notices step: the notices earlier publishes left owed, and what became of them. */
  pendingNotices: PendingNoticesOutcome[];
}

/** One policy's way through the pipeline; steps fill it in. */
export interface PublishPlan {
  /** The policy file as given or found, shown in messages. */
  file: string;
  absolutePath: string;
  /**
   * planned: still going; nothing: no visible change since the latest version;
   * declined: the user said no; published: index.json lists the new version.
   */
  status: 'planned' | 'nothing' | 'declined' | 'published';
  id: string;
  /** The policy as read (before the publish edits it). */
  policy: Policy | null;
  /** For a translation: the original's id (front matter `translationOf`), and its latest archived version. */
  translationOf: string | null;
  originalLatest: string | null;
  index: ArchiveIndex | null;
  latest: ArchivedVersion | null;
  /** The latest archived version, parsed. */
  previous: Policy | null;
  revision: Revision | null;
  /** The classifier's verdict (null for a first version). */
  automatic: { level: ChangeLevel; triggers: number[] } | null;
  /** The new archive entry. */
  entry: ArchivedVersion | null;
  /** The version file to be written, as shown to the user (e.g. `archive/privacy-policy/2.0.md`). */
  archiveFile: string | null;
  /** The policy file's bytes as published (last-updated date and version set). */
  published: Buffer | null;
  /** The policy file once the publish is committed: `published` without the one-publish `effective`. */
  sourceAfter: Buffer | null;
  /** The revision record's bytes (`<version>.revision.json`). */
  recordBytes: Buffer | null;
  /** How the last-updated date reads after the edit (null when the policy has no such line). */
  lastUpdatedText: string | null;
  /** What was done, or under --dry-run what would be done, one line each. */
  actions: string[];
  warnings: string[];
  notices: NoticeResult | null;
  /** When some recipients are left without a notice: what happened, naming the command that resumes. */
  noticeError: string | null;
  /** Set when the notices stopped because a path could not be written (the outbox filled up): exit 4 rather than 3. */
  noticeEnvironment?: boolean;
}

/** A step of the pipeline. */
export interface PublishStep {
  name: string;
  /** Whether the step runs under --dry-run; a step that does not is described instead (see `describe`). */
  dryRun: boolean;
  /** Which plans the step works on (default: those still `planned`). */
  appliesTo?(plan: PublishPlan): boolean;
  /** Runs the step over all plans it applies to (steps run in order, each over every plan). */
  run(plans: PublishPlan[], env: PublishEnv): Promise<void>;
  /** Under --dry-run, what the step would do for a plan (null: nothing to say). */
  describe?(plan: PublishPlan, env: PublishEnv): string | null;
  /**
   * Part of the archive step: the consecutive atomic steps, from the first
   * write to the clean-up after the commit point, are never split by Ctrl-C or
   * SIGTERM (see runPublishSteps).
   */
  atomic?: boolean;
}

/** The outcome of a publish run. */
export interface PublishResult {
  dryRun: boolean;
  date: string;
  plans: PublishPlan[];
  /** Notices left owed by earlier publishes, resumed (or not) before anything new was published. */
  pendingNotices: PendingNoticesOutcome[];
}

function newPlan(file: string, absolutePath: string): PublishPlan {
  return {
    file,
    absolutePath,
    status: 'planned',
    id: '',
    policy: null,
    translationOf: null,
    originalLatest: null,
    index: null,
    latest: null,
    previous: null,
    revision: null,
    automatic: null,
    entry: null,
    archiveFile: null,
    published: null,
    sourceAfter: null,
    recordBytes: null,
    lastUpdatedText: null,
    actions: [],
    warnings: [],
    notices: null,
    noticeError: null,
  };
}

/** Rejects option combinations that make no sense, before anything is read. */
function checkOptions(options: PublishOptions): void {
  if (options.date !== undefined) parseIsoDate(options.date, '--date');
  if (options.effective !== undefined) parseIsoDate(options.effective, '--effective');
  if (options.reason !== undefined && options.level === undefined) {
    throw new PolicyError('USAGE', MESSAGES.USAGE('--reason records why a level was overridden: use it with --level major|minor'));
  }
  if (options.reason !== undefined && options.reason.trim() === '') throw new PolicyError('USAGE', MESSAGES.USAGE('--reason must not be empty'));
  if (options.allowTriggerRemoval && !options.yes) {
    throw new PolicyError('USAGE', MESSAGES.USAGE('--allow-trigger-removal takes effect only together with --yes'));
  }
}

/**
 * The lock that serialises publishes: `.policy/publish.lock`, in the tool's
 * state folder — never among the archived files, and not in the notice
 * ledger's folder, which `notify.ledger` may move.
 */
export function publishLockPath(ctx: Context): string {
  return join(stateDir(ctx), 'publish.lock');
}

/** How long to wait for another publish: POLICY_LOCK_TIMEOUT seconds, default 60. */
function lockWaitMs(ctx: Context): number {
  const raw = ctx.env.POLICY_LOCK_TIMEOUT;
  if (raw === undefined || raw === '') return 60_000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new PolicyError('USAGE', MESSAGES.USAGE(`POLICY_LOCK_TIMEOUT must be a number of seconds, found ${JSON.stringify(raw)}`));
  }
  return seconds * 1000;
}

/** Ctrl-C and SIGTERM held back while the archive step runs: whether one came, and how to let go. */
interface HeldInterrupts {
  readonly interrupted: boolean;
  /** Aborts on the first interrupt. */
  readonly signal: AbortSignal;
  release(): void;
}

function holdInterrupts(env: PublishEnv): HeldInterrupts {
  const aborter = new AbortController();
  const release =
    env.ctx.interrupts?.listen(() => {
      if (!aborter.signal.aborted) env.ctx.stderr.write('policy: interrupted: finishing the archive step (a moment), then stopping\n');
      aborter.abort();
    }) ?? (() => undefined);
  return {
    get interrupted() {
      return aborter.signal.aborted;
    },
    signal: aborter.signal,
    release,
  };
}

/**
 * Walks the step table over the plans. From the first step of the archive
 * step (`atomic`) on, Ctrl-C and SIGTERM are held: one that comes before the
 * first of its steps runs stops the publish with nothing written; one that
 * comes later lets the archive step finish (its writes take milliseconds), so
 * that no signal leaves a rewritten policy without its archive entry, and
 * stops before the notices. Either way INTERRUPTED (exit 130) says what to run
 * next. Before the archive step a signal ends the process as usual: nothing
 * has been written then (a lock it leaves is stale, and broken by the next publish).
 */
async function runPublishSteps(plans: PublishPlan[], env: PublishEnv, steps: readonly PublishStep[] = PUBLISH_STEPS): Promise<void> {
  let held: HeldInterrupts | null = null;
  let wrote = false;
  const finishArchiveStep = () => {
    held?.release();
    const interrupted = held?.interrupted ?? false;
    held = null;
    if (interrupted) throw new PolicyError('INTERRUPTED', MESSAGES.INTERRUPTED(renderInterruptedAfterArchive(plans, env)));
  };
  try {
    for (const step of steps) {
      const active = plans.filter((plan) => (step.appliesTo ? step.appliesTo(plan) : plan.status === 'planned'));
      if (active.length === 0) continue;
      if (env.options.dryRun && !step.dryRun) {
        for (const plan of active) {
          const action = step.describe?.(plan, env);
          if (action) plan.actions.push(action);
        }
        continue;
      }
      if (step.atomic) held ??= holdInterrupts(env);
      else finishArchiveStep();
      // Outside the archive step nothing holds the signals: the pause of a test then never ends early.
      await env.hooks.beforeStep?.(step.name, held?.signal ?? new AbortController().signal);
      if (held?.interrupted && !wrote) {
        throw new PolicyError('INTERRUPTED', MESSAGES.INTERRUPTED('interrupted before anything was written: nothing was published; run policy publish again to publish'));
      }
      if (step.atomic) wrote = true;
      await step.run(active, env);
    }
    finishArchiveStep();
  } finally {
    held?.release();
  }
}

/**
 * Publishes the policies named in `options` (or all of them): first resumes
 * the notices earlier publishes left owed, then reads, compares, validates,
 * confirms, archives and notifies, following `steps` (default
 * PUBLISH_STEPS; tests pass a prefix to stop where a crash would).
 * Refusals throw before anything is written.
 */
export async function runPublish(
  ctx: Context,
  config: Config,
  options: PublishOptions,
  hooks: PublishHooks,
  steps: readonly PublishStep[] = PUBLISH_STEPS,
): Promise<PublishResult> {
  checkOptions(options);
  const now = ctx.now();
  const date = options.date ?? utcDate(now);
  const policiesDir = resolve(ctx.cwd, config.policies);
  const everyFile = (await listPolicyFiles(policiesDir)).map((absolutePath) => ({ file: displayPath(ctx, absolutePath), absolutePath }));
  const all = await readPublishFiles(ctx, everyFile);
  const named = options.files.length > 0
    ? await readPublishFiles(ctx, options.files.map((file) => ({ file, absolutePath: isAbsolute(file) ? file : join(ctx.cwd, file) })))
    : all;
  // An original goes out with its translations (one release carries both), and before them.
  const files = withTranslations(named, all);
  if (files.length === 0) {
    throw new PolicyError('USAGE', MESSAGES.USAGE('no policy files (*.md) to publish', { subject: displayPath(ctx, policiesDir) }));
  }
  const plans = files.map(({ file, absolutePath }) => newPlan(file, absolutePath));
  const events = new PublishEvents();
  events.subscribe(createNoticesListener({ ctx, config, notify: options.notify, hooks }));
  for (const listener of hooks.listeners ?? []) events.subscribe(listener);
  const env: PublishEnv = { ctx, config, options, hooks, archiveDir: archiveDirOf(ctx, config), date, now, events, pendingNotices: [] };
  if (options.dryRun) {
    // A dry run writes nothing, not even the lock file.
    await runPublishSteps(plans, env, steps);
  } else {
    const lockPath = publishLockPath(ctx);
    await withLock(
      lockPath,
      { waitMs: lockWaitMs(ctx), now: () => ctx.now(), label: displayPath(ctx, lockPath), onWait: hooks.onLockWait },
      () => runPublishSteps(plans, env, steps),
    );
  }
  return { dryRun: options.dryRun, date, plans, pendingNotices: env.pendingNotices };
}
