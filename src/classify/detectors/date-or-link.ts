/** A date or a web address that changed in the text (not a request or contact channel). */
import { entitySignal, urlSignal } from '../signals.js';
import { MINOR, type EditDetector } from './types.js';

/** Detector `date-or-link`. */
export const dateOrLink: EditDetector = {
  id: 'date-or-link',
  on: 'edit',
  step: 'substance',
  reads: 'entities',
  levels: MINOR,
  why: 'Dates ("last updated") and link targets are not commitments.',
  applies: (e) => e.entityDeltas.some((d) => d.type === 'date' || d.type === 'url'),
  detect: (e) =>
    e.entityDeltas.flatMap((d) => (d.type === 'date' ? [entitySignal(d)] : d.type === 'url' ? [urlSignal(d, e.a, e.effective)].filter((s) => s.rule !== 'channel-link') : [])),
};
