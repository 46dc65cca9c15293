/** Compare two parsed versions of a policy: diff, set publish's bookkeeping apart, then classify. Pure. */
import { classifyRevision } from './classify/classify-revision.js';
import { separateBookkeeping } from './diff/bookkeeping.js';
import { diffPolicies } from './diff/diff-policies.js';
import type { Policy, Revision } from './types.js';

/**
 * The classified revision from `oldPolicy` to `newPolicy`; publish's
 * bookkeeping edits are listed apart, never among the changes. A revision
 * whose only difference is a re-dated "last updated" line is still minor
 * (with no changes): the page a reader sees says something new.
 */
export function comparePolicies(oldPolicy: Policy, newPolicy: Policy): Revision {
  const { changes, bookkeeping } = separateBookkeeping(oldPolicy, newPolicy, diffPolicies(oldPolicy, newPolicy));
  const revision = classifyRevision(oldPolicy, newPolicy, changes);
  const redated = bookkeeping.some((item) => item.kind === 'date-line');
  return { ...revision, level: revision.level === 'none' && redated ? 'minor' : revision.level, bookkeeping };
}
