/**
 * Translations: a policy file whose front matter says `translationOf: <id>` is
 * a translation of that policy, in its own `lang`, with its own archive. Each
 * of its archived versions records which version of the original it renders
 * (`translates`).
 */
import { findIdProblem } from '../archive/policy-id.js';
import { PolicyError, MESSAGES } from '../errors.js';
import type { Policy } from '../types.js';

/** The front matter key that makes a policy a translation. */
export const TRANSLATION_KEY = 'translationOf';

/**
 * The id of the policy `policy` translates, or null when it is an original.
 * Throws BAD_FRONT_MATTER for a value that is not a valid policy id, or its own id. Pure.
 */
export function translationOf(policy: Pick<Policy, 'id' | 'path' | 'frontMatter'>): string | null {
  const value = policy.frontMatter[TRANSLATION_KEY];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || findIdProblem(value) !== null) {
    throw new PolicyError('BAD_FRONT_MATTER', MESSAGES.BAD_FRONT_MATTER(`${TRANSLATION_KEY} must be the id of the original policy (e.g. privacy-policy), found ${JSON.stringify(value)}`, { file: policy.path }));
  }
  if (value === policy.id) throw new PolicyError('BAD_FRONT_MATTER', MESSAGES.BAD_FRONT_MATTER(`${TRANSLATION_KEY} names the policy itself`, { file: policy.path }));
  return value;
}
