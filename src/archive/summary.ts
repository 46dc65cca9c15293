/** The one-line summary an archive entry keeps of its revision (shown by `policy log` and the archive site). */
import type { ClassifiedChange, Revision } from '../types.js';

/** The summary of a policy's first archived version. */
export const INITIAL_SUMMARY = 'Initial version';

const MAX_LENGTH = 200;

/** The first clause of a change's first reason: what changed, without which trigger governs it. */
function whatChanged(change: ClassifiedChange): string {
  const reason = change.reasons[0] ?? `${change.kind} block`;
  const clause = reason.split(/;\s/)[0]!.replace(/\.$/, '');
  return clause.length > MAX_LENGTH ? `${clause.slice(0, MAX_LENGTH - 1)}…` : clause;
}

/**
 * Summarises a revision in one line: what the most important change did, and
 * how many other changes came with it, e.g. `Contact e-mail address changed
 * from a@x.com to b@x.com; and 1 minor change`. Pure.
 */
export function renderSummary(revision: Revision): string {
  const changes = revision.changes;
  if (changes.length === 0) return 'No visible change';
  const lead = changes.find((change) => change.level === 'major') ?? changes[0]!;
  const others = changes.filter((change) => change !== lead);
  const major = others.filter((change) => change.level === 'major').length;
  const minor = others.length - major;
  const rest = [major > 0 ? `${major} more major` : '', minor > 0 ? `${minor} minor` : ''].filter(Boolean);
  const tail = rest.length > 0 ? `; and ${rest.join(' and ')} change${others.length === 1 ? '' : 's'}` : '';
  return `${whatChanged(lead)}${tail}`;
}
