/** The one-line summary an archive entry keeps of its revision. */
import { sectionOf } from '../cli/report/describe.js';
import type { Revision } from '../types.js';

/** The summary of a policy's first archived version. */
export const INITIAL_SUMMARY = 'Initial version';

const MAX_SECTIONS = 3;

/**
 * Summarises a revision in one line: how many changes of each level, and the
 * sections they are in (`2 changes (1 major, 1 minor) in 3. …, 10. …`). Pure.
 */
export function renderSummary(revision: Revision): string {
  const major = revision.changes.filter((change) => change.level === 'major').length;
  const minor = revision.changes.length - major;
  const count = revision.changes.length;
  const levels = [major > 0 ? `${major} major` : null, minor > 0 ? `${minor} minor` : null].filter(Boolean).join(', ');
  const sections: string[] = [];
  for (const change of revision.changes) {
    const section = sectionOf(change);
    if (section !== '' && !sections.includes(section)) sections.push(section);
  }
  const shown = sections.slice(0, MAX_SECTIONS).join('; ');
  const more = sections.length > MAX_SECTIONS ? ` and ${sections.length - MAX_SECTIONS} more` : '';
  const where = sections.length > 0 ? ` in ${shown}${more}` : '';
  return `${count} change${count === 1 ? '' : 's'} (${levels})${where}`;
}
