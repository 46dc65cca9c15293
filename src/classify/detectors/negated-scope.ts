/**
 * Words slipped into, cut from or replaced in a negative promise ("we do not sell your data" + "for
 * monetary consideration") or a restrictive one (only to …): a fall-back, read only when no other
 * substantive finding explains the edit, and even with no term of the lexicon.
 */
import { negatedScope as scopeOf } from '../signals.js';
import { MAJOR_WHERE_GOVERNED, type EditDetector } from './types.js';

/** Detector `negated-scope`. */
export const negatedScope: EditDetector = {
  id: 'negated-scope',
  on: 'edit',
  step: 'substance',
  reads: 'markers',
  levels: MAJOR_WHERE_GOVERNED,
  why: 'Words added to or cut from a negative promise (we do not sell …, 我们不会共享 …) or a restrictive one (only to …, 仅用于 …) narrow or widen what it rules out or allows.',
  applies: (_e, ctx) => !ctx.found.some(ctx.isSubstantive),
  detect: (e) => {
    // A sentence added or removed whole speaks for itself.
    for (const h of e.flipHunks) {
      const scope = scopeOf(h, e.a, e.b);
      if (scope) return [scope];
    }
    return [];
  },
};
