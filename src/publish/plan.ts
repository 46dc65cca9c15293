/**
 * The publish planner: from the policy as read, its latest archived version
 * and the classified revision between them, decide everything a publish
 * writes — the dates, the trigger-removal refusal, the override, the notice
 * period, the version number, the rewritten source, the archive entry and the
 * revision record. Pure: no files, no clock (the instant is an input); the
 * steps in steps.ts only read and write.
 */
import { entryHash } from '../archive/canonical-json.js';
import { sha256Hex } from '../hash.js';
import { daysBetween, isIsoDate } from '../archive/dates.js';
import { FIRST_VERSION, nextVersion } from '../archive/version.js';
import { separateBookkeeping } from '../diff/bookkeeping.js';
import { diffPolicies } from '../diff/diff-policies.js';
import { PolicyError, MESSAGES } from '../errors.js';
import { changeNoteOf } from '../policy/change-note.js';
import { parsePolicy } from '../policy/parse-policy.js';
import type { ArchivedVersion, ChangeLevel, Policy, Revision } from '../types.js';
import { clearFrontMatterKey, renderDateLike, renderPublishedSource } from './published-source.js';
import { buildRevisionRecord, renderRevisionRecord, type RevisionRecord } from './record.js';
import { renderInitialSummary, renderSummary } from './summary.js';

/** One policy as the planner sees it. */
export interface PlanInput {
  /** The file as named in messages. */
  file: string;
  /** The policy as read (before publish edits it). */
  policy: Policy;
  /** The latest archived entry and that version parsed (null for a first version). */
  latest: ArchivedVersion | null;
  previous: Policy | null;
  /** The revision from `previous` to `policy` (null for a first version). */
  revision: Revision | null;
  /** For a translation: the original's version it renders (see translations.ts); null or absent otherwise. */
  translates?: string | null;
}

/** The choices of the person publishing. */
export interface PlanOptions {
  /** --yes: no one is asked, so low-confidence changes are recorded as not reviewed. */
  yes: boolean;
  dryRun: boolean;
  effective?: string;
  level?: ChangeLevel;
  reason?: string;
  summary?: string;
  allowTriggerRemoval: boolean;
}

/** The world the planner needs: the publish date and instant, the notice period, the tool's version. */
export interface PlanWorld {
  /** Publish date, YYYY-MM-DD. */
  date: string;
  /** The instant of the publish (publishedAt, override time). */
  now: Date;
  /** Days a major revision must be announced before it takes effect (undefined: none configured). */
  noticeDays: number | undefined;
  toolVersion: string;
}

/** What a publish of one policy writes. */
export interface PublishDecision {
  entry: ArchivedVersion;
  /** The version's bytes: the archived file, and what the policy file holds until the publish is committed. */
  published: Buffer;
  /** The policy file after the publish: `published` with the one-publish `effective` and the `changeNote` (now in the record) cleared. */
  sourceAfter: Buffer;
  /** How the last-updated date reads after the edit (null when the policy has no such line). */
  lastUpdatedText: string | null;
  record: RevisionRecord;
  /** The record's bytes (canonical JSON); `entry.record` is their sha256. */
  recordBytes: Buffer;
  warnings: string[];
}

/** The front matter `effective` date, if any (YAML may have turned an unquoted date into a Date). */
export function frontMatterEffective(policy: Policy, file: string): string | undefined {
  const value = policy.frontMatter.effective;
  if (value === undefined || value === null) return undefined;
  const text = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
  if (typeof text !== 'string' || !isIsoDate(text)) {
    throw new PolicyError('BAD_FRONT_MATTER', MESSAGES.BAD_FRONT_MATTER(`front matter "effective" must be a date written YYYY-MM-DD, found ${JSON.stringify(value)}`, { file }));
  }
  return text;
}

/** The classifier's verdict as publish keeps it: the level, and the triggers only when they are the policy's own. */
export function automaticVerdict(revision: Revision | null): { level: ChangeLevel; triggers: number[] } | null {
  if (revision === null || revision.level === 'none') return null;
  const own = revision.old.triggerSource !== 'default';
  return { level: revision.level, triggers: own ? revision.triggers : [] };
}

/**
 * Decides the publish of one policy. Throws REFUSED or USAGE (writing
 * nothing) for a date earlier than the latest version's, a retroactive
 * effective date, a removed trigger list without `--allow-trigger-removal`,
 * a downgrade without a reason, or a notice period too short. Pure.
 */
export function planPublish(input: PlanInput, options: PlanOptions, world: PlanWorld): PublishDecision {
  const { file, policy, latest, previous, revision } = input;
  const { date } = world;
  const warnings: string[] = [];
  const automatic = automaticVerdict(revision);
  if (latest && date < latest.date) {
    throw new PolicyError('REFUSED', MESSAGES.REFUSED(`publish date ${date} is earlier than ${policy.id}@${latest.version}'s date ${latest.date}; a version cannot predate the one it replaces`, { file }));
  }
  const effective = options.effective ?? frontMatterEffective(policy, file) ?? date;
  if (effective < date) {
    throw new PolicyError('REFUSED', MESSAGES.REFUSED(`effective date ${effective} is before the publish date ${date}; a revision cannot take effect retroactively`, { file }));
  }
  if (previous && latest && previous.triggerSource !== 'default' && policy.triggerSource === 'default') {
    const where = `${policy.id}@${latest.version}`;
    if (!(options.yes && options.allowTriggerRemoval)) {
      throw new PolicyError('REFUSED', MESSAGES.REFUSED(`the policy's own list of major changes (${previous.triggers.length} items in ${where}) is gone; if that is intended, publish with --yes --allow-trigger-removal`, { file }));
    }
    warnings.push(`${file}: the policy's own list of major changes (in ${where}) was removed (--allow-trigger-removal)`);
  }

  let level: ChangeLevel | 'initial' = 'initial';
  let override: ArchivedVersion['override'];
  if (automatic) {
    level = options.level ?? automatic.level;
    if (options.level !== undefined) {
      if (automatic.level === 'major' && options.level === 'minor' && options.reason === undefined) {
        throw new PolicyError('USAGE', MESSAGES.USAGE('the classifier found a major revision; downgrading it with --level minor needs --reason "…" for the record', { file }));
      }
      override = { level: options.level, reason: options.reason ?? '', at: world.now.toISOString() };
    }
  } else if (options.level !== undefined) {
    throw new PolicyError('USAGE', MESSAGES.USAGE(`${policy.id} has no archived version yet, so it is published as ${FIRST_VERSION} (initial); --level has nothing to override`, { file }));
  }

  if (level === 'major') {
    const days = daysBetween(date, effective);
    if (world.noticeDays !== undefined && days < world.noticeDays) {
      throw new PolicyError('REFUSED', MESSAGES.REFUSED(`a major revision must take effect at least ${world.noticeDays} days after it is published (noticeDays), but ${effective} is ${days} days after ${date}; set front matter effective or --effective`, { file }));
    }
    if (world.noticeDays === undefined && days === 0) {
      warnings.push(
        `${file}: a major revision takes effect the day it is published (${date}), with no notice period configured; set noticeDays in policy.config.json, or give a later date with --effective (GitHub gives 30 days for material changes; GDPR asks for "well in advance")`,
      );
    }
  }

  const unsure = revision?.needsDecision ?? 0;
  if (options.yes && options.level === undefined && unsure > 0) {
    warnings.push(`${file}: ${unsure} low-confidence change${unsure === 1 ? '' : 's'} published at the classifier's level without review (--yes); the record notes it`);
  }

  const version = level === 'initial' ? FIRST_VERSION : nextVersion((latest as ArchivedVersion).version, level);
  const source = renderPublishedSource(policy.source, policy.lastUpdated, { date, version, lang: policy.lang });
  const published = Buffer.from(source, 'utf8');
  const publishedPolicy = parsePolicy({ source, path: file, id: policy.id, sha256: sha256Hex(published) });
  let lastUpdatedText: string | null = null;
  if (policy.lastUpdated) {
    lastUpdatedText = renderDateLike(policy.lastUpdated, date, policy.lang);
    if (publishedPolicy.lastUpdated?.date !== date) {
      warnings.push(`${file}: the rewritten "last updated" line (${lastUpdatedText}) does not read back as ${date}; check it`);
    }
  } else {
    warnings.push(`${file}: no "last updated" line found, so none was updated`);
  }
  // `effective` holds for this publish only: the archive keeps it, the source lets it go.
  // The change note moves into the record: the next revision starts without one.
  const changeNote = changeNoteOf(policy);
  const sourceAfter = Buffer.from(clearFrontMatterKey(clearFrontMatterKey(source, 'effective'), 'changeNote'), 'utf8');

  const triggers = automatic && (level === automatic.level || level === 'major') ? automatic.triggers : [];
  const entry: ArchivedVersion = {
    version,
    date,
    effective,
    file: `${version}.md`,
    sha256: sha256Hex(published),
    level,
    triggers,
    summary: options.summary?.trim() || (revision ? renderSummary(revision) : renderInitialSummary(policy.lang)),
    publishedAt: world.now.toISOString(),
    previous: latest ? entryHash(latest) : null,
  };
  if (input.translates) entry.translates = input.translates;
  if (override && automatic) {
    entry.automatic = automatic;
    entry.override = override;
  }
  const before = previous ?? policy;
  const record = buildRevisionRecord({
    changeNote,
    version,
    previousVersion: latest?.version ?? null,
    revision,
    policy: publishedPolicy,
    entry,
    reviewed: !options.yes || options.level !== undefined,
    bookkeeping: separateBookkeeping(before, publishedPolicy, diffPolicies(before, publishedPolicy)).bookkeeping,
    toolVersion: world.toolVersion,
  });
  const recordBytes = Buffer.from(renderRevisionRecord(record), 'utf8');
  entry.record = sha256Hex(recordBytes);
  return { entry, published, sourceAfter, lastUpdatedText, record, recordBytes, warnings };
}
