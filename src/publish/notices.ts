/**
 * The notices side of publish. Notices listen to "version archived" (see
 * events.ts): before the commit point the listener records the version's
 * notices as owed (the pending marker, the crash-safe hand-off), after it
 * sends them. The resume-notices step finishes, first thing in a publish, the
 * notices earlier publishes left owed. Nothing in the archive steps knows of
 * notices; everything publish does with src/notify/ is here.
 */
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { warn, type Context } from '../context.js';
import { PolicyError } from '../errors.js';
import { removeTempFiles } from '../atomic-write.js';
import { readArchiveIndex } from '../archive/index-file.js';
import { displayPath } from '../archive/reference.js';
import type { WriteTarget } from '../archive/writable.js';
import { noticeConfigProblem } from '../notify/notice-config.js';
import { clearPendingNotice, pendingNoticePath, pendingNoticesDir, readPendingNotices, savePendingNotice } from '../notify/pending-notices.js';
import { hasUndelivered, renderResumeCommand, type NoticeResult } from '../notify/summary.js';
import type { ArchivedLevel } from '../types.js';
import type { PublishListener, VersionEvent } from './events.js';
import type { PublishEnv, PublishHooks, PublishStep, SendNotices } from './publish.js';

/** The sender: the hooks' (tests), else src/notify/send-notices.ts, loaded only when a notice is due. */
async function senderOf(hooks: Pick<PublishHooks, 'sendNotices'>): Promise<SendNotices> {
  return hooks.sendNotices ?? (await import('../notify/send-notices.js')).sendVersionNotices;
}

/** How messages name `archive/<id>` or a file in it. */
export function archiveLabel(env: Pick<PublishEnv, 'ctx' | 'archiveDir'>, id: string, file?: string): string {
  return displayPath(env.ctx, file === undefined ? join(env.archiveDir, id) : join(env.archiveDir, id, file));
}

/** How a user finishes the notices of a version by hand (the next publish also does). */
function finishHint(id: string, version: string): string {
  return `run policy publish again (or ${renderResumeCommand(id, version)})`;
}

/** Counts of what a notices run left undelivered, e.g. `1 failed, 2 not attempted`. */
function undeliveredParts(result: NoticeResult): string {
  return [
    result.failed ? `${result.failed} failed` : '',
    result.uncertain ? `${result.uncertain} uncertain` : '',
    result.notAttempted ? `${result.notAttempted} not attempted` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * Finishes the notices that earlier publishes left owed (killed after their
 * commit point, or with notices that failed), before anything new is
 * published: the same run as `policy notify <id>@<version> --resume`. A marker
 * for a version index.json does not list is stale (its publish stopped before
 * the commit point) and is dropped. Under --no-notify the notices stay
 * pending; under --dry-run they are only described.
 */
export const resumeNotices: PublishStep = {
  name: 'resume-notices',
  dryRun: true,
  appliesTo: () => true,
  async run(_plans, env) {
    const { ctx, config, options } = env;
    const dir = pendingNoticesDir(ctx, config);
    for (const pending of await readPendingNotices(dir)) {
      const { id, version } = pending;
      const target = `${id}@${version}`;
      const index = await readArchiveIndex(env.archiveDir, id, archiveLabel(env, id, 'index.json'));
      const outcome = { id, version, notices: null, noticeError: null };
      if (!index?.versions.some((entry) => entry.version === version)) {
        const why = `${archiveLabel(env, id, 'index.json')} does not list ${version}: the publish that recorded it stopped before its commit point`;
        if (options.dryRun) {
          env.pendingNotices.push({ ...outcome, status: 'would-drop', action: `would drop the stale pending notices of ${target} (${why})` });
        } else {
          await clearPendingNotice(dir, id, version);
          env.pendingNotices.push({ ...outcome, status: 'dropped', action: `dropped the stale pending notices of ${target} (${why})` });
        }
        continue;
      }
      if (!options.notify) {
        env.pendingNotices.push({
          ...outcome,
          status: 'kept',
          action: `notices of ${target} still pending, not sent (--no-notify); ${finishHint(id, version)} to send them`,
        });
        continue;
      }
      if (options.dryRun) {
        env.pendingNotices.push({ ...outcome, status: 'would-resume', action: `would resume the pending notices of ${target} (an earlier publish did not finish them)` });
        continue;
      }
      ctx.stderr.write(`resuming the notices of ${target}, which an earlier publish did not finish\n`);
      const send = await senderOf(env.hooks);
      let result: NoticeResult;
      try {
        result = await send(ctx, config, { id, version, resume: true });
      } catch (error) {
        if (!(error instanceof PolicyError) || error.code === 'INTERRUPTED') throw error;
        env.pendingNotices.push({
          ...outcome,
          status: 'undelivered',
          action: `pending notices of ${target}: still not sent`,
          noticeError: `${target}: its pending notices are still not sent: ${error.message}; when that is fixed, ${finishHint(id, version)}`,
          ...(error.code === 'ENVIRONMENT' ? { noticeEnvironment: true } : {}),
        });
        continue;
      }
      if (result.skipped) {
        // The configuration no longer sends this level: the notices stay owed until it does.
        env.pendingNotices.push({
          ...outcome,
          status: 'undelivered',
          notices: result,
          action: `pending notices of ${target}: none sent: ${result.reason ?? 'nothing to send'}`,
          noticeError: `${target}: its pending notices are still not sent: ${result.reason ?? 'nothing to send'}; when that is fixed, ${finishHint(id, version)} (the marker ${displayPath(ctx, pendingNoticePath(dir, id, version))} keeps them pending)`,
        });
        continue;
      }
      const counts = `${result.sent} sent, ${result.failed} failed, ${result.uncertain} uncertain${result.alreadySent ? `, ${result.alreadySent} already sent before` : ''}`;
      if (hasUndelivered(result)) {
        env.pendingNotices.push({
          ...outcome,
          status: 'undelivered',
          notices: result,
          action: `resumed the pending notices of ${target}: ${counts}`,
          noticeError: `${target}: its pending notices are still not all delivered (${undeliveredParts(result)}); ${finishHint(id, version)}`,
        });
      } else {
        env.pendingNotices.push({ ...outcome, status: 'delivered', notices: result, action: `resumed the pending notices of ${target}: ${counts}` });
      }
    }
  },
};

/** What the notices listener needs of the publish run. */
export interface NoticesListenerOptions {
  ctx: Context;
  config: Config;
  /** False under --no-notify: nothing is owed or sent, and the version says so. */
  notify: boolean;
  hooks: Pick<PublishHooks, 'sendNotices'>;
}

/**
 * The notices, as a listener of "version archived": a major or minor version
 * is announced to its recipients. A failure is reported on the version's
 * outcome with the command that finishes the job; it never undoes the archive.
 */
export function createNoticesListener(options: NoticesListenerOptions): PublishListener {
  const { ctx, config, notify } = options;
  const dir = pendingNoticesDir(ctx, config);
  /** The level a notice goes out for, or the reason none will (null level). */
  const due = (level: ArchivedLevel): { level: 'major' | 'minor' } | { level: null; why: string } => {
    if (!notify) return { level: null, why: 'notices not sent (--no-notify)' };
    if (level === 'initial') return { level: null, why: 'a first version has no change to announce' };
    const problem = noticeConfigProblem(config, level);
    return problem === null ? { level } : { level: null, why: problem };
  };
  return {
    name: 'notices',
    writes(event: VersionEvent): WriteTarget[] {
      if (due(event.level).level === null) return [];
      return [
        { path: pendingNoticePath(dir, event.id, event.version), bytes: 1024 },
        // Notices without an SMTP server are files too: an outbox that cannot take them would fail after the commit point.
        ...(ctx.env.POLICY_SMTP_URL ? [] : [{ path: resolve(ctx.cwd, config.notify.outbox, event.id, 'message.eml'), bytes: 64 * 1024 }]),
      ];
    },
    async archiving(event: VersionEvent): Promise<void> {
      const { level } = due(event.level);
      if (level === null) return;
      await removeTempFiles(dir, `${event.id}@${event.version}.json`);
      await savePendingNotice(dir, { id: event.id, version: event.version, level, recordedAt: event.now.toISOString() });
    },
    async archived(event: VersionEvent): Promise<void> {
      const { id, version, outcome } = event;
      if (!notify) {
        outcome.actions.push('notices not sent (--no-notify)');
        return;
      }
      const finish = finishHint(id, version);
      // A kill from here on cannot be reported, so say now how to finish the job.
      if (due(event.level).level !== null) {
        ctx.stderr.write(`sending the notices of ${id}@${version} (if interrupted, the next policy publish finishes them, as does ${renderResumeCommand(id, version)})\n`);
      }
      let result: NoticeResult;
      try {
        const send = await senderOf(options.hooks);
        result = await send(ctx, config, { id, version });
      } catch (error) {
        if (!(error instanceof PolicyError) || error.code === 'INTERRUPTED') throw error;
        outcome.noticeError = `${id}@${version} is archived, but its notices were not sent: ${error.message}; when that is fixed, ${finish}`;
        if (error.code === 'ENVIRONMENT') outcome.noticeEnvironment = true;
        return;
      }
      outcome.notices = result;
      if (result.skipped) warn(ctx, `${id}@${version}: no notices sent: ${result.reason ?? 'nothing to send'}`);
      if (hasUndelivered(result)) {
        outcome.noticeError = `${id}@${version} is archived, but not all notices were delivered (${undeliveredParts(result)}); ${finish}`;
      }
      outcome.actions.push(
        result.skipped ? `notices: none sent: ${result.reason ?? 'nothing to send'}` : `notices: ${result.sent} sent, ${result.failed} failed, ${result.uncertain} uncertain`,
      );
    },
    stopped(event: VersionEvent): string | null {
      return due(event.level).level !== null
        ? `its notices not sent yet: ${finishHint(event.id, event.version)}`
        : 'with no notices to send (policy verify checks the archive)';
    },
    describe(event: VersionEvent): string | null {
      const plan = due(event.level);
      if (!notify) return 'notices not sent (--no-notify)';
      return plan.level === null ? `would send no notices: ${plan.why}` : `would send the ${plan.level} notices of ${event.id}@${event.version}`;
    },
  };
}
