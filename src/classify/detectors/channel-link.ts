/** An address written in a sentence about making a request or contacting us, now pointing elsewhere. */
import { urlSignal } from '../signals.js';
import { MAJOR_WHERE_GOVERNED, type EditDetector } from './types.js';

/** Detector `channel-link`. */
export const channelLink: EditDetector = {
  id: 'channel-link',
  on: 'edit',
  step: 'substance',
  reads: 'links',
  levels: MAJOR_WHERE_GOVERNED,
  why: 'A link to a request form or a contact page that now points elsewhere changes how rights are exercised or how to reach us.',
  applies: (e) => e.entityDeltas.some((d) => d.type === 'url'),
  detect: (e) => e.entityDeltas.filter((d) => d.type === 'url').map((d) => urlSignal(d, e.a, e.effective)).filter((s) => s.rule === 'channel-link'),
};
