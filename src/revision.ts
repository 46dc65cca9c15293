/** Compare two parsed versions of a policy: diff, then classify. Pure. */
import { classifyRevision } from './classify/classify-revision.js';
import { diffPolicies } from './diff/diff-policies.js';
import type { Policy, Revision } from './types.js';

/** The classified revision from `oldPolicy` to `newPolicy`. */
export function comparePolicies(oldPolicy: Policy, newPolicy: Policy): Revision {
  return classifyRevision(oldPolicy, newPolicy, diffPolicies(oldPolicy, newPolicy));
}
