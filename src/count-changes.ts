/** The one count of a revision's changes that every surface states (report, JSON, notices, site, feed, log). */
import type { ChangeLevel } from './types.js';

/** How many changes, and how many of them major and minor. */
export interface ChangeCounts {
  changes: number;
  major: number;
  minor: number;
}

/** Counts changes by level (bookkeeping is never among them). Pure. */
export function countChanges(changes: readonly { level: ChangeLevel }[]): ChangeCounts {
  let major = 0;
  for (const change of changes) if (change.level === 'major') major++;
  return { changes: changes.length, major, minor: changes.length - major };
}

/** `3 changes (1 major, 2 minor)`: the count as the reports, `log` and English pages state it. Pure. */
export function renderChangeCounts(counts: ChangeCounts): string {
  return `${counts.changes} change${counts.changes === 1 ? '' : 's'} (${counts.major} major, ${counts.minor} minor)`;
}
