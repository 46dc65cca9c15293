/** A block moved unchanged. */
import { makeSignal } from '../signals.js';
import { MINOR, type ChangeDetector } from './types.js';

/** Detector `moved`. */
export const moved: ChangeDetector = {
  id: 'moved',
  on: 'change',
  reads: 'whole-change',
  levels: MINOR,
  why: 'Moving a block unchanged does not change a commitment.',
  applies: (c) => c.kind === 'moved',
  detect: (c) => ({ signals: [makeSignal('moved', { id: 'moved', from: c.oldBlock?.line ?? null, to: c.newBlock?.line ?? null })], changedText: '' }),
};
