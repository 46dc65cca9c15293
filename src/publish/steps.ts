/**
 * The publish pipeline as a table: resume owed notices → read → compare →
 * decide → report → confirm → write the policy → write the version → emit
 * "version archiving" (listeners record what they will owe: the notices'
 * pending marker) → write index.json (the commit point) → emit "version
 * archived" (listeners do their work: the notices are sent). Each step
 * declares whether it runs under --dry-run. The write order makes every
 * state a kill can leave one that the next publish completes with the same
 * version number: an edited policy file alone is re-archived; a version file
 * that index.json does not list yet is replaced (and its pending-notices
 * marker, stale, is dropped); once index.json lists it, the version is
 * published, and its marker makes the next publish finish its notices. These
 * steps know nothing of notices: they live in notices.ts, as a listener.
 */
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { PolicyError, MESSAGES } from '../errors.js';
import { parsePolicyBytes, policyIdFromPath } from '../policy/parse-policy.js';
import { readPolicyFile } from '../policy/read-policy.js';
import { assertNoTodoMarkers } from '../policy/todo-markers.js';
import { comparePolicies } from '../revision.js';
import { removeTempFiles, writeFileAtomic } from '../atomic-write.js';
import { sha256Hex } from '../hash.js';
import { latestVersion, readArchiveIndex, writeArchiveIndex } from '../archive/index-file.js';
import type { VersionEvent } from './events.js';
import { archiveLabel, resumeNotices } from './notices.js';
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
import { beginArchiveWrite, clearPublishIntent, publishIntentsDir, readPublishIntents, type PublishIntent } from '../archive/intent.js';
import type { ArchivedVersion } from '../types.js';
import { assertWritable, type WriteTarget } from '../archive/writable.js';

function need<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`publish pipeline: ${what} is not set (a step ran out of order)`);
  return value;
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
 * Drops the publish intents of versions index.json already lists: a publish
 * killed between its commit point and clearing its intent leaves one, which
 * excuses nothing any more (the files are listed) and would otherwise stay.
 */
const settleIntents: PublishStep = {
  name: 'settle-intents',
  dryRun: false,
  appliesTo: () => true,
  async run(_plans, env) {
    const dir = publishIntentsDir(env.ctx);
    for (const intent of await readPublishIntents(dir)) {
      const index = await readArchiveIndex(env.archiveDir, intent.id, archiveLabel(env, intent.id, 'index.json'));
      if (index?.versions.some((entry) => entry.version === intent.version)) await clearPublishIntent(dir, intent.id, intent.version);
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
        throw new PolicyError('USAGE', MESSAGES.USAGE(`is inside the archive, whose files are never edited; publish the policy under ${env.config.policies}/`, { file: plan.file }));
      }
      const fileId = policyIdFromPath(plan.file);
      validatePolicyId(fileId, plan.file);
      const bytes = await readPolicyFile(plan.file, env.ctx);
      let policy = parsePolicyBytes(bytes, plan.file, fileId);
      assertNoTodoMarkers(policy.source, plan.file);
      const declared = policy.frontMatter.id;
      if (declared !== undefined) {
        if (typeof declared !== 'string') throw new PolicyError('BAD_ID', MESSAGES.BAD_ID('front matter "id" must be a string', { file: plan.file }));
        validatePolicyId(declared, `${plan.file}: front matter "id"`);
        if (declared !== fileId) policy = { ...policy, id: declared };
      }
      const other = seen.get(policy.id);
      if (other !== undefined) throw new PolicyError('USAGE', MESSAGES.USAGE(`policy id ${policy.id} is also the id of ${other}`, { file: plan.file }));
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
      throw new PolicyError('USAGE', MESSAGES.USAGE(`--level applies to one policy, but ${originals.length} have changes (${originals.map((plan) => plan.file).join(', ')}): name the file to publish`));
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
    { path: join(publishIntentsDir(env.ctx), `${plan.id}.json`), bytes: 4096 },
    // What the listeners of "version archived" write (the notices' marker and outbox) would fail after the commit point.
    ...env.events.writes(versionEvent(plan, env)),
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
        throw new PolicyError('REFUSED', MESSAGES.REFUSED('changed while publishing; nothing of it was written, run policy publish again', { file: plan.file }));
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
      await beginArchiveWrite(env.archiveDir, publishIntentsDir(env.ctx), intentOf(plan.id, entry), (path) => displayPath(env.ctx, path === undefined ? env.archiveDir : join(env.archiveDir, path)));
      await writeVersionFile(env.archiveDir, plan.id, entry.file, need(plan.published, 'published'));
      await writeVersionFile(env.archiveDir, plan.id, recordFileName(entry.version), need(plan.recordBytes, 'record'));
      plan.actions.push(`wrote ${archiveLabel(env, plan.id, entry.file)} and ${archiveLabel(env, plan.id, recordFileName(entry.version))}`);
    }
  },
};

/** The event the listeners of a plan's new version get. */
function versionEvent(plan: PublishPlan, env: PublishEnv): VersionEvent {
  const entry = need(plan.entry, 'entry');
  return { id: plan.id, version: entry.version, level: entry.level, now: env.now, outcome: plan };
}

/**
 * Emits "version archiving" for each new version, before the commit point:
 * its listeners record what they will owe (the notices' pending marker), so a
 * publish killed after index.json is written leaves that work for the next
 * publish to finish.
 */
const announceArchiving: PublishStep = {
  name: 'version-archiving',
  dryRun: false,
  atomic: true,
  async run(plans, env) {
    for (const plan of plans) await env.events.emit('version archiving', versionEvent(plan, env));
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
      await clearPublishIntent(publishIntentsDir(env.ctx), plan.id, entry.version);
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

/**
 * Emits "version archived" for each published version (index.json lists it):
 * its listeners (the notices) do their work now. A listener's failure is
 * recorded on the plan and reported; it never undoes the archived version.
 */
const announceArchived: PublishStep = {
  name: 'version-archived',
  dryRun: false,
  appliesTo: (plan) => plan.status === 'published' || (plan.status === 'planned' && plan.entry !== null),
  describe: (plan, env) => env.events.describe(versionEvent(plan, env)).join('; ') || null,
  async run(plans, env) {
    for (const plan of plans) await env.events.emit('version archived', versionEvent(plan, env));
  },
};

/**
 * The pipeline, in order. Owed notices are finished first; then the steps
 * that run under --dry-run, which only read; then the writes.
 */
export const PUBLISH_STEPS: readonly PublishStep[] = [
  verifyFirst,
  settleIntents,
  resumeNotices,
  read,
  compare,
  decide,
  report,
  confirm,
  writePolicy,
  writeVersion,
  announceArchiving,
  writeIndex,
  clearEffective,
  announceArchived,
];

/**
 * What an interrupt that came during the archive step says once that step
 * has finished: which versions are archived, and what each listener of
 * "version archived" left to do (the notices: how to send them). Pure.
 */
export function renderInterruptedAfterArchive(plans: readonly PublishPlan[], env: PublishEnv): string {
  const published = plans.filter((plan) => plan.status === 'published' && plan.entry !== null);
  if (published.length === 0) return 'interrupted: nothing was published; run policy publish again to publish';
  const parts = published.map((plan) => {
    const left = env.events.stopped(versionEvent(plan, env));
    return `${plan.id}@${need(plan.entry, 'entry').version} is archived${left.length > 0 ? `, ${left.join('; ')}` : ''}`;
  });
  return `interrupted after the archive step finished: ${parts.join('; ')}`;
}
