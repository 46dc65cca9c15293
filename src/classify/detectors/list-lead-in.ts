/** The sentence that introduces the list (重大变更包括但不限于：): narrowing or widening it edits the list as a whole. */
import { makeSignal } from '../signals.js';
import { MAJOR_ANYWHERE, type ListDetector } from './types.js';

/** Detector `list-lead-in`. */
export const listLeadIn: ListDetector = {
  id: 'list-lead-in',
  on: 'list',
  reads: 'trigger-list',
  levels: MAJOR_ANYWHERE,
  why: 'A narrowed or widened lead-in (包括但不限于 → 包括) changes the list itself; it hits no existing trigger.',
  applies: ({ old, oldIndex }) => old.triggerSource === 'policy' && old.triggerBlocks !== null && oldIndex >= 0 && oldIndex === old.triggerBlocks[0] - 1,
  detect: ({ analysis, isSubstantive }) => {
    const detail = analysis.signals.find(isSubstantive);
    return detail ? { signals: [makeSignal('trigger-added', { id: 'list-lead-in', detail: detail.message })] } : null;
  },
};
