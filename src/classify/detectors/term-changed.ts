/** An organisation, deadline, retention period, fee, region or other figure that came, went or changed. */
import { entitySignal, namedBefore } from '../signals.js';
import { MAJOR_WHERE_GOVERNED, type EditDetector } from './types.js';

const TERMS = new Set(['organization', 'duration', 'amount', 'percentage', 'region', 'number']);

/** Detector `term-changed`. */
export const termChanged: EditDetector = {
  id: 'term-changed',
  on: 'edit',
  step: 'substance',
  reads: 'entities',
  levels: MAJOR_WHERE_GOVERNED,
  why: 'A changed organisation (controller, recipient), deadline, retention period, fee, region or other figure (an age, a postcode) changes a commitment a trigger covers.',
  applies: (e) => e.entityDeltas.some((d) => TERMS.has(d.type)),
  detect: (e) =>
    e.entityDeltas
      .filter((d) => TERMS.has(d.type))
      // "GitHub" → "GitHub, Inc.": the same party, now with its legal form.
      .filter((d) => !(d.type === 'organization' && d.removed.length === 0 && d.added.every((x) => namedBefore(x, e.a))))
      .map(entitySignal),
};
