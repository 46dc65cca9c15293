/**
 * The publish pipeline as a table: resume owed notices → read → compare →
 * decide → report → confirm → write the policy → write the version → record
 * the notices as pending → write index.json (the commit point) → notify. Each
 * step declares whether it runs under --dry-run. The write order makes every
 * state a kill can leave one that the next publish completes with the same
 * version number: an edited policy file alone is re-archived; a version file
 * that index.json does not list yet is replaced (and its pending-notices
 * marker, stale, is dropped); once index.json lists it, the version is
 * published, and its marker makes the next publish finish its notices.
 */
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { warn } from '../context.js';
import { PolicyError } from '../errors.js';
import { parsePolicyBytes, policyIdFromPath } from '../policy/parse-policy.js';
import { readPolicyFile } from '../policy/read-policy.js';
import { assertNoTodoMarkers } from '../policy/todo-markers.js';
import { comparePolicies } from '../revision.js';
import { removeTempFiles, writeFileAtomic } from '../archive/atomic-write.js';
import { sha256Hex } from '../hash.js';
import { latestVersion, readArchiveIndex, writeArchiveIndex } from '../archive/index-file.js';
import { noticeConfigProblem } from '../notify/notice-config.js';
import { clearPendingNotice, pendingNoticePath, pendingNoticesDir, readPendingNotices, savePendingNotice } from '../notify/pending-notices.js';
import type { NoticeResult } from '../notify/summary.js';
import type { PublishEnv, PublishPlan, PublishStep } from './publish.js';
import { automaticVerdict, planPublish } from './plan.js';
import { recordFileName } from './record.js';
import { resolveTranslates } from './translations.js';
import { translationOf } from '../policy/translation.js';
import { TOOL_VERSION } from '../tool-version.js';
import { validatePolicyId } from '../archive/policy-id.js';
import { displayPath } from '../archive/reference.js';
import { readArchivedBytes, writeVersionFile } from '../archive/store.js';
import { assertArchiveVerified } from '../archive/verify.js';
import { signArchiveEntry } from '../archive/signing.js';
import { beginArchiveWrite, clearPublishIntent, publishIntentsDir, type PublishIntent } from '../archive/intent.js';
import type { ArchivedVersion } from '../types.js';
import { assertWritable, type WriteTarget } from '../archive/writable.js';

function need<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`publish pipeline: ${what} is not set (a step ran out of order)`);
  return value;
}

function archiveLabel(env: PublishEnv, id: string, file?: string): string {
  return displayPath(env.ctx, file === undefined ? join(env.archiveDir, id) : join(env.archiveDir, id, file));
}

/** How a user finishes the notices of a version by hand (the next publish also does). */
function finishHint(id: string, version: string): string {
  return `run policy publish again (or ${resumeCommand(id, version)})`;
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

/** Refuses an archive that fails `policy verify` before anything else runs (a leftover of an interrupted publish is no failure). */
const verifyFirst: PublishStep = {
  name: 'verify',
  dryRun: true,
  appliesTo: () => true,
  async run(_plans, env) {
    await assertArchiveVerified(env.ctx, env.config, 'nothing was published');
  },
};

/**
 * Finishes the notices that earlier publishes left owed (killed after their
 * commit point, or with notices that failed), before anything new is
 * published: the same run as `policy notify <id>@<version> --resume`. A marker
 * for a version index.json does not list is stale (its publish stopped before
 * the commit point) and is dropped. Under --no-notify the notices stay
 * pending; under --dry-run they are only described.
 */
const resumeNotices: PublishStep = {
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
      const send = env.hooks.sendNotices ?? (await import('../notify/send-notices.js')).sendVersionNotices;
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

/** Reads each policy and its latest archived version. */
const read: PublishStep = {
  name: 'read',
  dryRun: true,
  async run(plans, env) {
    const seen = new Map<string, string>();
    for (const plan of plans) {
      const inArchive = relative(env.archiveDir, plan.absolutePath);
      if (!inArchive.startsWith('..') && !isAbsolute(inArchive)) {
        throw new PolicyError('USAGE', `${plan.file}: is inside the archive, whose files are never edited; publish the policy under ${env.config.policies}/`);
      }
      const fileId = policyIdFromPath(plan.file);
      validatePolicyId(fileId, plan.file);
      const bytes = await readPolicyFile(plan.file, env.ctx);
      let policy = parsePolicyBytes(bytes, plan.file, fileId);
      assertNoTodoMarkers(policy.source, plan.file);
      const declared = policy.frontMatter.id;
      if (declared !== undefined) {
        if (typeof declared !== 'string') throw new PolicyError('BAD_ID', `${plan.file}: front matter "id" must be a string`);
        validatePolicyId(declared, `${plan.file}: front matter "id"`);
        if (declared !== fileId) policy = { ...policy, id: declared };
      }
      const other = seen.get(policy.id);
      if (other !== undefined) throw new PolicyError('USAGE', `${plan.file}: policy id ${policy.id} is also the id of ${other}`);
      seen.set(policy.id, plan.file);
      plan.id = policy.id;
      plan.policy = policy;
      plan.translationOf = translationOf(policy);
      if (plan.translationOf !== null) {
        const original = await readArchiveIndex(env.archiveDir, plan.translationOf, archiveLabel(env, plan.translationOf, 'index.json'));
        plan.originalLatest = original ? latestVersion(original).version : null;
      }
      plan.index = await readArchiveIndex(env.archiveDir, policy.id, archiveLabel(env, policy.id, 'index.json'));
      if (plan.index) {
        const latest = latestVersion(plan.index);
        const label = archiveLabel(env, policy.id, latest.file);
        plan.latest = latest;
        plan.previous = parsePolicyBytes(await readArchivedBytes(env.archiveDir, policy.id, latest, label), label, policy.id);
      }
    }
  },
};

/** Diffs and classifies each policy against its latest archived version. */
const compare: PublishStep = {
  name: 'compare',
  dryRun: true,
  async run(plans) {
    for (const plan of plans) {
      if (!plan.previous) continue; // a first version has nothing to compare with
      const revision = comparePolicies(plan.previous, need(plan.policy, 'policy'));
      plan.revision = revision;
      plan.warnings.push(...revision.warnings);
      if (revision.level === 'none') {
        plan.status = 'nothing';
        continue;
      }
      plan.automatic = automaticVerdict(revision);
    }
  },
};

/**
 * Decides each publish with the pure planner (plan.ts): dates, the trigger
 * list, the override, the notice period, the version, the published text, the
 * entry and the record. Under --dry-run a refusal still shows the classified
 * report first, so the user sees what was refused.
 */
const decide: PublishStep = {
  name: 'decide',
  dryRun: true,
  async run(plans, env) {
    const { options, config, date } = env;
    const originals = plans.filter((plan) => plan.translationOf === null);
    if (options.level !== undefined && originals.length > 1) {
      throw new PolicyError('USAGE', `--level applies to one policy, but ${originals.length} have changes (${originals.map((plan) => plan.file).join(', ')}): name the file to publish`);
    }
    const world = { date, now: env.now, noticeDays: config.noticeDays, toolVersion: TOOL_VERSION };
    // Originals come before their translations (see runPublish), so a translation knows the version published with it.
    const publishedNow = new Map<string, string>();
    for (const plan of plans) {
      let decision;
      const translates = plan.translationOf !== null ? resolveTranslates(plan.translationOf, publishedNow, plan.originalLatest) : null;
      if (plan.translationOf !== null && translates === null) {
        plan.warnings.push(`${plan.file}: translation of ${plan.translationOf}, which has no archived version: publish the original first so the translation can record which version it renders`);
      }
      try {
        decision = planPublish(
          { file: plan.file, policy: need(plan.policy, 'policy'), latest: plan.latest, previous: plan.previous, revision: plan.revision, translates },
          // A --level decision is about the original; its translations keep their own verdicts.
          plan.translationOf !== null ? { ...options, level: undefined, reason: undefined } : options,
          world,
        );
      } catch (error) {
        if (options.dryRun && error instanceof PolicyError && error.code === 'REFUSED') env.hooks.report(plan, env);
        throw error;
      }
      // Signed here, before anything is written: the entry carries the sha256 of the version file and of its record.
      plan.entry = signArchiveEntry(env.ctx.env, env.config, plan.id, decision.entry);
      publishedNow.set(plan.id, decision.entry.version);
      plan.published = decision.published;
      plan.sourceAfter = decision.sourceAfter;
      plan.recordBytes = decision.recordBytes;
      plan.lastUpdatedText = decision.lastUpdatedText;
      plan.warnings.push(...decision.warnings);
      plan.archiveFile = archiveLabel(env, plan.id, decision.entry.file);
    }
  },
};

/** Shows each planned publish (the classified report). */
const report: PublishStep = {
  name: 'report',
  dryRun: true,
  async run(plans, env) {
    for (const plan of plans) env.hooks.report(plan, env);
  },
};

/** Asks once for all planned publishes, unless --yes. */
const confirm: PublishStep = {
  name: 'confirm',
  dryRun: false,
  async run(plans, env) {
    if (env.options.yes) return;
    if (await env.hooks.confirm(plans, env)) return;
    for (const plan of plans) {
      plan.status = 'declined';
      plan.actions.push('declined: nothing written');
    }
  },
};

function describeDate(plan: PublishPlan): string {
  return plan.lastUpdatedText === null ? '' : `"last updated" → ${plan.lastUpdatedText}, `;
}

/** The files a publish of `plan` writes, with their sizes, for the check before the first write. */
function publishWriteTargets(plan: PublishPlan, env: PublishEnv): WriteTarget[] {
  const bytes = need(plan.published, 'published').length;
  const folder = join(env.archiveDir, plan.id);
  return [
    { path: plan.absolutePath, bytes },
    { path: join(folder, need(plan.entry, 'entry').file), bytes },
    { path: join(folder, recordFileName(need(plan.entry, 'entry').version)), bytes: need(plan.recordBytes, 'record').length },
    { path: join(folder, 'index.json'), bytes: 64 * 1024 },
    { path: pendingNoticePath(pendingNoticesDir(env.ctx, env.config), plan.id, need(plan.entry, 'entry').version), bytes: 1024 },
    { path: join(publishIntentsDir(env.ctx, env.config), `${plan.id}.json`), bytes: 4096 },
    // Notices without an SMTP server are files too: an outbox that cannot take them would fail after the commit point.
    ...(willNotify(plan, env) && !env.ctx.env.POLICY_SMTP_URL ? [{ path: resolve(env.ctx.cwd, env.config.notify.outbox, plan.id, 'message.eml'), bytes: 64 * 1024 }] : []),
  ];
}

/** Writes the policy file with its new date and version (first: on its own it is completed by the next publish). */
const writePolicy: PublishStep = {
  name: 'write-policy',
  dryRun: false,
  atomic: true,
  describe: (plan) => `would update ${plan.file}: ${describeDate(plan)}front matter version: "${need(plan.entry, 'entry').version}"`,
  async run(plans, env) {
    await assertWritable(env.ctx, plans.flatMap((plan) => publishWriteTargets(plan, env)));
    for (const plan of plans) {
      const published = need(plan.published, 'published');
      const policy = need(plan.policy, 'policy');
      // The author may have saved the file while we were asking for confirmation.
      const current = await readPolicyFile(plan.file, env.ctx);
      if (sha256Hex(current) !== policy.sha256) {
        throw new PolicyError('REFUSED', `${plan.file}: changed while publishing; nothing of it was written, run policy publish again`);
      }
      await removeTempFiles(dirname(plan.absolutePath), basename(plan.absolutePath));
      if (!current.equals(published)) await writeFileAtomic(plan.absolutePath, published);
      plan.actions.push(`updated ${plan.file}: ${describeDate(plan)}front matter version: "${need(plan.entry, 'entry').version}"`);
    }
  },
};

/** What publish is about to write for a new entry: the version file and its record, each with its sha256. */
function intentOf(id: string, entry: ArchivedVersion): PublishIntent {
  const files = [{ file: entry.file, sha256: entry.sha256 }];
  if (entry.record !== undefined) files.push({ file: recordFileName(entry.version), sha256: entry.record });
  return { id, version: entry.version, files };
}

/** Writes `archive/<id>/<version>.md`, the exact bytes published. */
const writeVersion: PublishStep = {
  name: 'write-version',
  dryRun: false,
  atomic: true,
  describe: (plan, env) => {
    const entry = need(plan.entry, 'entry');
    return `would write ${archiveLabel(env, plan.id, entry.file)} (sha256 ${entry.sha256.slice(0, 12)}…) and its record ${recordFileName(entry.version)}`;
  },
  async run(plans, env) {
    for (const plan of plans) {
      const entry = need(plan.entry, 'entry');
      await beginArchiveWrite(env.archiveDir, publishIntentsDir(env.ctx, env.config), intentOf(plan.id, entry), (path) => displayPath(env.ctx, path === undefined ? env.archiveDir : join(env.archiveDir, path)));
      await writeVersionFile(env.archiveDir, plan.id, entry.file, need(plan.published, 'published'));
      await writeVersionFile(env.archiveDir, plan.id, recordFileName(entry.version), need(plan.recordBytes, 'record'));
      plan.actions.push(`wrote ${archiveLabel(env, plan.id, entry.file)} and ${archiveLabel(env, plan.id, recordFileName(entry.version))}`);
    }
  },
};

/** True when the notices step will try to send the notices of this plan's new version. */
function willNotify(plan: PublishPlan, env: PublishEnv): boolean {
  const entry = need(plan.entry, 'entry');
  return env.options.notify && entry.level !== 'initial' && noticeConfigProblem(env.config, entry.level) === null;
}

/**
 * Records the notices of each new version as pending, before the commit
 * point: a publish killed after index.json is written (or whose notices fail)
 * leaves them for the next publish to finish. Nothing is recorded when no
 * notice will be sent (--no-notify, a first version, no sender or recipients).
 */
const recordNotices: PublishStep = {
  name: 'record-notices',
  dryRun: false,
  atomic: true,
  async run(plans, env) {
    const dir = pendingNoticesDir(env.ctx, env.config);
    for (const plan of plans) {
      if (!willNotify(plan, env)) continue;
      const entry = need(plan.entry, 'entry');
      const level = entry.level === 'initial' ? null : entry.level;
      await removeTempFiles(dir, `${plan.id}@${entry.version}.json`);
      await savePendingNotice(dir, { id: plan.id, version: entry.version, level, recordedAt: env.now.toISOString() });
    }
  },
};

/** Adds the entry to `archive/<id>/index.json`: the commit point of the publish. */
const writeIndex: PublishStep = {
  name: 'write-index',
  dryRun: false,
  atomic: true,
  describe: (plan, env) => `would add version ${need(plan.entry, 'entry').version} to ${archiveLabel(env, plan.id, 'index.json')}`,
  async run(plans, env) {
    for (const plan of plans) {
      const policy = need(plan.policy, 'policy');
      const entry = need(plan.entry, 'entry');
      const versions = plan.index ? [...plan.index.versions, entry] : [entry];
      const translation = plan.translationOf !== null ? { translationOf: plan.translationOf } : {};
      await writeArchiveIndex(env.archiveDir, { id: plan.id, title: policy.title, lang: policy.lang, ...translation, versions });
      plan.status = 'published';
      await clearPublishIntent(publishIntentsDir(env.ctx, env.config), plan.id, entry.version);
      plan.actions.push(`added version ${entry.version} to ${archiveLabel(env, plan.id, 'index.json')}`);
    }
  },
};

/**
 * After the commit point, lets go of the one-publish `effective` front matter
 * in the policy file (the archived version keeps it). A kill before this step
 * leaves the date in the file, where it is bookkeeping: the next comparison
 * does not count it as a change.
 */
const clearEffective: PublishStep = {
  name: 'clear-effective',
  dryRun: false,
  atomic: true,
  appliesTo: (plan) => plan.status === 'published' && plan.sourceAfter !== null && plan.published !== null && !plan.sourceAfter.equals(plan.published),
  describe: (plan) => `would clear front matter effective in ${plan.file} (the archived version keeps it)`,
  async run(plans, env) {
    for (const plan of plans) {
      const current = await readPolicyFile(plan.file, env.ctx);
      // Edited since it was written: leave the author's text alone.
      if (!current.equals(need(plan.published, 'published'))) continue;
      await writeFileAtomic(plan.absolutePath, need(plan.sourceAfter, 'sourceAfter'));
      plan.actions.push(`cleared front matter effective in ${plan.file} (the archive keeps it)`);
    }
  },
};

function noticeSkipReason(env: PublishEnv): string | null {
  return env.options.notify ? null : 'notices not sent (--no-notify)';
}

/** True when a notices run left recipients without an accepted message (they need a resume). */
function hasUndelivered(result: NoticeResult): boolean {
  return !result.skipped && !result.dryRun && result.failed + result.uncertain + (result.notAttempted ?? 0) > 0;
}

/** Sends the notices of each published version. A failure is recorded and reported; it never undoes the archived version. */
const notify: PublishStep = {
  name: 'notify',
  dryRun: false,
  appliesTo: (plan) => plan.status === 'published' || (plan.status === 'planned' && plan.entry !== null),
  describe: (plan, env) => {
    const entry = need(plan.entry, 'entry');
    const skip = noticeSkipReason(env);
    if (skip) return skip;
    const problem = entry.level === 'initial' ? 'a first version has no change to announce' : noticeConfigProblem(env.config, entry.level);
    return problem ? `would send no notices: ${problem}` : `would send the ${entry.level} notices of ${plan.id}@${entry.version}`;
  },
  async run(plans, env) {
    for (const plan of plans) {
      const skip = noticeSkipReason(env);
      if (skip) {
        plan.actions.push(skip);
        continue;
      }
      const entry = need(plan.entry, 'entry');
      const version = entry.version;
      const finish = finishHint(plan.id, version);
      // A kill from here on cannot be reported, so say now how to finish the job.
      if (willNotify(plan, env)) {
        env.ctx.stderr.write(`sending the notices of ${plan.id}@${version} (if interrupted, the next policy publish finishes them, as does ${resumeCommand(plan.id, version)})\n`);
      }
      let result: NoticeResult;
      try {
        const send = env.hooks.sendNotices ?? (await import('../notify/send-notices.js')).sendVersionNotices;
        result = await send(env.ctx, env.config, { id: plan.id, version });
      } catch (error) {
        if (!(error instanceof PolicyError) || error.code === 'INTERRUPTED') throw error;
        plan.noticeError = `${plan.id}@${version} is archived, but its notices were not sent: ${error.message}; when that is fixed, ${finish}`;
        if (error.code === 'ENVIRONMENT') plan.noticeEnvironment = true;
        continue;
      }
      plan.notices = result;
      if (result.skipped) warn(env.ctx, `${plan.id}@${version}: no notices sent: ${result.reason ?? 'nothing to send'}`);
      if (hasUndelivered(result)) {
        plan.noticeError = `${plan.id}@${version} is archived, but not all notices were delivered (${undeliveredParts(result)}); ${finish}`;
      }
      plan.actions.push(
        result.skipped ? `notices: none sent: ${result.reason ?? 'nothing to send'}` : `notices: ${result.sent} sent, ${result.failed} failed, ${result.uncertain} uncertain`,
      );
    }
  },
};

/**
 * The pipeline, in order. Owed notices are finished first; then the steps
 * that run under --dry-run, which only read; then the writes.
 */
export const PUBLISH_STEPS: readonly PublishStep[] = [
  verifyFirst,
  resumeNotices,
  read,
  compare,
  decide,
  report,
  confirm,
  writePolicy,
  writeVersion,
  recordNotices,
  writeIndex,
  clearEffective,
  notify,
];

/**
 * What an interrupt that came during the archive step says once that step
 * has finished: which versions are archived, and what to run next. Pure.
 */
export function renderInterruptedAfterArchive(plans: readonly PublishPlan[], env: PublishEnv): string {
  const published = plans.filter((plan) => plan.status === 'published' && plan.entry !== null);
  if (published.length === 0) return 'interrupted: nothing was published; run policy publish again to publish';
  const parts = published.map((plan) => {
    const version = need(plan.entry, 'entry').version;
    return willNotify(plan, env)
      ? `${plan.id}@${version} is archived, its notices not sent yet: ${finishHint(plan.id, version)}`
      : `${plan.id}@${version} is archived, with no notices to send (policy verify checks the archive)`;
  });
  return `interrupted after the archive step finished: ${parts.join('; ')}`;
}

/** For messages: the command that resends the notices of a version. */
export function resumeCommand(id: string, version: string): string {
  return `policy notify ${id}@${version} --resume`;
}
