/** A change with nothing to read (no block on either side). */
import { makeSignal } from '../signals.js';
import { MINOR, type ChangeDetector } from './types.js';

/** Detector `nothing-changed`. */
export const nothingChanged: ChangeDetector = {
  id: 'nothing-changed',
  on: 'change',
  reads: 'whole-change',
  levels: MINOR,
  why: 'The text a reader sees did not change.',
  applies: () => true,
  detect: () => ({ signals: [makeSignal('same-text', { id: 'nothing-changed' })], changedText: '' }),
};
