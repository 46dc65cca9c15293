/**
 * What an app needs to decide whether to ask a user to accept a policy again
 * (PIPL Art. 14, GDPR): `status.json` of the site and `policy consent-needed`.
 * Both read the recorded verdicts of index.json (level, triggers) and never
 * re-classify. Pure.
 */
import { PolicyError, MESSAGES } from '../errors.js';
import type { ArchiveIndex, ArchivedLevel, ArchivedVersion, Lang } from '../types.js';

/** The schema version of status.json; bumped only for changes an app would break on. */
export const STATUS_SCHEMA_VERSION = 1;

/** A version named with its publish and effective dates. */
export interface StatusVersionRef {
  version: string;
  date: string;
  effective: string;
}

/** One version as status.json lists it. */
export interface StatusVersion extends StatusVersionRef {
  level: ArchivedLevel;
  /** Trigger numbers of the previous version's list that the revision hit (as recorded). */
  triggers: number[];
}

/** `<id>/status.json`: fixed schema, documented in the README. */
export interface PolicyStatus {
  schemaVersion: typeof STATUS_SCHEMA_VERSION;
  id: string;
  title: string;
  lang: Lang;
  /** The version in effect on the day the site was built; null while every version is still to come. */
  current: StatusVersionRef | null;
  /** The newest published version (it may not be in effect yet). */
  latest: StatusVersionRef;
  /** The newest version that needs consent: the newest major one, else the first version. */
  lastMajor: { version: string; effective: string };
  /** Every version, newest first. */
  versions: StatusVersion[];
}

function ref(entry: ArchivedVersion): StatusVersionRef {
  return { version: entry.version, date: entry.date, effective: entry.effective };
}

function statusVersion(entry: ArchivedVersion): StatusVersion {
  return { ...ref(entry), level: entry.level, triggers: [...entry.triggers] };
}

/** True for a version a user must accept again: a major revision or the first version. */
function needsConsent(entry: ArchivedVersion): boolean {
  return entry.level === 'major' || entry.level === 'initial';
}

/** The version in effect on `today` (YYYY-MM-DD): the newest whose effective date has come. */
function inEffect(index: ArchiveIndex, today: string): ArchivedVersion | null {
  let found: ArchivedVersion | null = null;
  for (const entry of index.versions) if (entry.effective <= today) found = entry;
  return found;
}

/** The status document of one policy on `today` (YYYY-MM-DD). Pure. */
export function buildPolicyStatus(index: ArchiveIndex, today: string): PolicyStatus {
  const versions = index.versions;
  const latest = versions.at(-1);
  if (!latest) throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`archive index of ${index.id} lists no version`));
  const current = inEffect(index, today);
  const major = [...versions].reverse().find(needsConsent) ?? (versions[0] as ArchivedVersion);
  return {
    schemaVersion: STATUS_SCHEMA_VERSION,
    id: index.id,
    title: index.title,
    lang: index.lang,
    current: current ? ref(current) : null,
    latest: ref(latest),
    lastMajor: { version: major.version, effective: major.effective },
    versions: [...versions].reverse().map(statusVersion),
  };
}

/** A version in the answer of `policy consent-needed`: with its recorded summary. */
export interface ConsentVersion extends StatusVersion {
  summary: string;
}

/** The answer of `policy consent-needed <id> --since <version>`. */
export interface ConsentAnswer {
  id: string;
  /** The version the user accepted. */
  since: string;
  /** True when a major version took effect after `since`. */
  consentNeeded: boolean;
  current: StatusVersionRef | null;
  /** Major versions after `since` already in effect, newest first: why consent is needed. */
  versions: ConsentVersion[];
  /** Major versions after `since` published but not yet in effect, newest first. */
  upcoming: ConsentVersion[];
}

/**
 * Decides whether a user who accepted `since` must accept again on `today`.
 * Throws NOT_FOUND (exit 2) for a version the archive does not hold. Pure.
 */
export function decideConsent(index: ArchiveIndex, since: string, today: string): ConsentAnswer {
  const at = index.versions.findIndex((entry) => entry.version === since);
  if (at < 0) {
    const known = index.versions.map((entry) => entry.version).join(', ');
    throw new PolicyError('NOT_FOUND', MESSAGES.NOT_FOUND(`${index.id}@${since}: no such version (archived: ${known})`));
  }
  const later = index.versions.slice(at + 1).filter((entry) => entry.level === 'major').reverse();
  const describe = (entry: ArchivedVersion): ConsentVersion => ({ ...statusVersion(entry), summary: entry.summary });
  const versions = later.filter((entry) => entry.effective <= today).map(describe);
  const current = inEffect(index, today);
  return {
    id: index.id,
    since,
    consentNeeded: versions.length > 0,
    current: current ? ref(current) : null,
    versions,
    upcoming: later.filter((entry) => entry.effective > today).map(describe),
  };
}
