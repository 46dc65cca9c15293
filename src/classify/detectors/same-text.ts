/** Nothing a reader sees changed (markup only). */
import { makeSignal } from '../signals.js';
import { MINOR, type EditDetector } from './types.js';

/** Detector `same-text`. */
export const sameText: EditDetector = {
  id: 'same-text',
  on: 'edit',
  step: 'unchanged',
  reads: 'words',
  levels: MINOR,
  why: 'The text a reader sees did not change.',
  applies: () => true,
  detect: () => [makeSignal('same-text', { id: 'same-text' })],
};
