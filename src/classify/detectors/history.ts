/** A dated line of the policy's own change log. */
import { isHistoryEntry, makeSignal } from '../signals.js';
import { MINOR, type BlockDetector } from './types.js';

/** Detector `history`. */
export const history: BlockDetector = {
  id: 'history',
  on: 'block',
  alone: true,
  reads: 'structure',
  levels: MINOR,
  why: "A line of the policy's own change log records an edit; the edit itself is judged where it happens.",
  applies: () => true,
  detect: (b) => (isHistoryEntry(b.block, b.text, b.sectionText) ? [makeSignal('history', { id: 'history-entry', change: b.kind, text: b.text })] : []),
};
