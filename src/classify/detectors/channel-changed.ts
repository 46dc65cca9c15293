/** An e-mail address or phone number that came, went or changed in the text. */
import { entitySignal } from '../signals.js';
import { MAJOR_ANYWHERE, type EditDetector } from './types.js';

/** Detector `channel-changed`. */
export const channelChanged: EditDetector = {
  id: 'channel-changed',
  on: 'edit',
  step: 'substance',
  reads: 'entities',
  levels: MAJOR_ANYWHERE,
  why: 'A changed e-mail address or phone number changes a contact or request channel wherever it appears.',
  applies: (e) => e.entityDeltas.some((d) => d.type === 'email' || d.type === 'phone'),
  detect: (e) => e.entityDeltas.filter((d) => d.type === 'email' || d.type === 'phone').map(entitySignal),
};
