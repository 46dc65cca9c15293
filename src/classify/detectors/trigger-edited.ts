/** A trigger's words changed beyond a typo. The edit's own findings follow (they say what changed). */
import { makeSignal } from '../signals.js';
import { MAJOR_ANYWHERE, type ListDetector } from './types.js';

/** Detector `trigger-edited`. */
export const triggerEdited: ListDetector = {
  id: 'trigger-edited',
  on: 'list',
  reads: 'trigger-list',
  levels: MAJOR_ANYWHERE,
  why: 'Rewording a trigger changes what the policy promises to announce.',
  applies: ({ olds, newIndex, substantive }) => olds.length === 1 && newIndex >= 0 && substantive,
  detect: ({ olds, news }) => {
    const t = olds[0]!;
    const to = news[0]?.text ?? '';
    return { signals: [makeSignal('trigger-edited', { id: 'trigger-edited', index: t.index, from: t.text, to, frontMatter: false }, [], { trigger: t.index })], keep: true };
  },
};
