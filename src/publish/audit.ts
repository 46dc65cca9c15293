/**
 * `policy audit`: today's classifier against the verdicts in the archive. For
 * each archived version after the first, the level and triggers the classifier
 * gave when it was published (its record's automatic verdict, or for a
 * version from before records its entry) beside what it gives today. Changes
 * nothing: it is what a legal team runs after upgrading the tool.
 */
import type { ArchivedVersion, ChangeLevel, Revision, RevisionLevel } from '../types.js';
import { automaticVerdict } from './plan.js';
import type { RevisionRecord } from './record.js';

/** One archived version, its verdict then and now. */
export interface AuditFinding {
  id: string;
  version: string;
  previousVersion: string;
  /** Where the verdict then comes from: the record, or (before records) the index entry. */
  source: 'record' | 'entry';
  then: { level: RevisionLevel; triggers: number[] };
  today: { level: RevisionLevel; triggers: number[] };
  /** What differs: the level, the triggers, or both; empty when today's classifier agrees. */
  differs: ('level' | 'triggers')[];
}

/** The classifier's verdict when the version was published. Pure. */
export function verdictThen(entry: ArchivedVersion, record: RevisionRecord | null): AuditFinding['then'] & { source: AuditFinding['source'] } {
  if (record !== null) {
    const level = record.automatic.level === 'initial' ? 'none' : record.automatic.level;
    return { level, triggers: [...record.automatic.triggers], source: 'record' };
  }
  const automatic = entry.automatic ?? { level: entry.level as ChangeLevel, triggers: entry.triggers };
  return { level: automatic.level, triggers: [...automatic.triggers], source: 'entry' };
}

/** Compares a version's verdict then with today's revision of the same pair. Pure. */
export function auditVersion(
  id: string,
  previous: ArchivedVersion,
  entry: ArchivedVersion,
  record: RevisionRecord | null,
  today: Revision,
): AuditFinding {
  const { source, ...then } = verdictThen(entry, record);
  const now = automaticVerdict(today) ?? { level: today.level, triggers: [] };
  const same = (a: number[], b: number[]) => a.length === b.length && [...a].sort((x, y) => x - y).every((value, i) => value === [...b].sort((x, y) => x - y)[i]);
  const differs: AuditFinding['differs'] = [];
  if (then.level !== now.level) differs.push('level');
  if (!same(then.triggers, now.triggers)) differs.push('triggers');
  return { id, version: entry.version, previousVersion: previous.version, source, then, today: { level: now.level, triggers: [...now.triggers] }, differs };
}

/** The text of an audit: one line per version where today's classifier decides differently, then a verdict. Pure. */
export function renderAuditText(findings: readonly AuditFinding[]): string {
  const verdict = (v: AuditFinding['then']) => `${v.level}${v.triggers.length > 0 ? ` (triggers ${v.triggers.join(', ')})` : ''}`;
  const lines = findings
    .filter((finding) => finding.differs.length > 0)
    .map((f) => `${f.id}@${f.version} (against ${f.previousVersion}): recorded ${verdict(f.then)}, today ${verdict(f.today)}${f.source === 'entry' ? ' [archived before records: compared with its index entry]' : ''}`);
  const differing = lines.length;
  lines.push(
    differing === 0
      ? `audit: today's classifier agrees with all ${findings.length} archived verdict${findings.length === 1 ? '' : 's'}`
      : `audit: today's classifier decides ${differing} of ${findings.length} archived verdict${findings.length === 1 ? '' : 's'} differently (nothing was changed)`,
  );
  return `${lines.join('\n')}\n`;
}
