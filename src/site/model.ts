/**
 * The view of the archive the pages are rendered from: which version is in
 * effect, which are superseded or still to come, and who replaced whom. Plain
 * data (it crosses to worker threads), built by pure functions.
 */
import type { ChangeCounts } from '../count-changes.js';
import type { ArchiveIndex, ArchivedLevel, ArchivedVersion, Lang } from '../types.js';
import type { VersionStatus } from './i18n.js';
import type { RecordedVerdict } from '../publish/read-record.js';

/** A version named together with the day it takes effect. */
export interface VersionRef {
  version: string;
  effective: string;
}

/** One archived version with its place in the policy's history. */
export interface VersionView {
  entry: ArchivedVersion;
  status: VersionStatus;
  /** The version before / after this one, if any. */
  previous: string | null;
  next: string | null;
  /** For a superseded version: the version that replaced it. */
  supersededBy: VersionRef | null;
}

/** A policy's history as the site shows it. */
export interface PolicyView {
  id: string;
  title: string;
  lang: Lang;
  /** Oldest first, as in index.json. */
  versions: VersionView[];
  /** The version in effect today (null when every version is still to come). */
  current: VersionRef | null;
  /** The first published version that is not yet in effect, if any. */
  upcoming: VersionRef | null;
  /** The version `/<id>/latest/` points at: the latest published, in effect or not (like `<id>@latest`). */
  latest: string;
  /** The version `/<id>/current/` and the home page point at: the one in effect today, else the first upcoming one (like `<id>@current`). */
  inEffect: string;
}

/** A trigger of a policy's own list, as shown on the site. */
export interface TriggerText {
  index: number;
  text: string;
}

/** What the site needs to know about a version that only parsing it can tell. Cached by file hash. */
export interface VersionFacts {
  triggers: TriggerText[];
  /** The owners' change note from the version's record (absent or null: none). */
  changeNote?: string | null;
  /** The verdict from the version's record: level, counts, summary (null: archived before records; the index entry is shown). */
  verdict?: RecordedVerdict | null;
}

/** Today's date as YYYY-MM-DD (UTC), the day against which effective dates are compared. */
export function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Works out every version's status from the effective dates. Pure. */
export function buildPolicyView(index: ArchiveIndex, today: string): PolicyView {
  const entries = index.versions;
  let currentIndex = -1;
  entries.forEach((entry, i) => {
    if (entry.effective <= today) currentIndex = i;
  });
  const ref = (entry: ArchivedVersion | undefined): VersionRef | null =>
    entry ? { version: entry.version, effective: entry.effective } : null;
  const versions = entries.map((entry, i): VersionView => {
    const status: VersionStatus = i === currentIndex ? 'current' : i < currentIndex ? 'superseded' : 'upcoming';
    return {
      entry,
      status,
      previous: entries[i - 1]?.version ?? null,
      next: entries[i + 1]?.version ?? null,
      supersededBy: status === 'superseded' ? ref(entries[i + 1]) : null,
    };
  });
  const current = currentIndex >= 0 ? ref(entries[currentIndex]) : null;
  const upcoming = ref(entries[currentIndex + 1]);
  return {
    id: index.id,
    title: index.title,
    lang: index.lang,
    versions,
    current,
    upcoming,
    latest: entries.at(-1)?.version ?? '',
    inEffect: current?.version ?? entries[0]?.version ?? '',
  };
}

/** The trigger texts an entry hit, looked up in the previous version's own list. Pure. */
export function resolveTriggers(indices: number[], previous: VersionFacts | undefined): TriggerText[] {
  return indices.map((index) => ({
    index,
    text: previous?.triggers.find((trigger) => trigger.index === index)?.text ?? '',
  }));
}

/**
 * What a list of versions shows of one: its level, whether a person decided
 * it, the count of its changes (null: not recorded) and its summary, from the
 * record where there is one, else from the index entry. Pure.
 */
export function shownVerdict(entry: ArchivedVersion, verdict: RecordedVerdict | null | undefined): { level: ArchivedLevel; overridden: boolean; counts: ChangeCounts | null; summary: string } {
  if (!verdict) return { level: entry.level, overridden: entry.override !== undefined, counts: null, summary: entry.summary };
  return { level: verdict.level, overridden: verdict.overridden, counts: verdict.level === 'initial' ? null : verdict.counts, summary: verdict.summary };
}
