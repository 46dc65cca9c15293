/** A trigger removed from the list: its block gone, or its block no longer a trigger. */
import { makeSignal } from '../signals.js';
import { MAJOR_ANYWHERE, type ListDetector } from './types.js';

/** Detector `trigger-removed`. */
export const triggerRemoved: ListDetector = {
  id: 'trigger-removed',
  on: 'list',
  reads: 'trigger-list',
  levels: MAJOR_ANYWHERE,
  why: 'Removing a trigger from the list changes what the policy promises to announce.',
  // A block that is no longer a trigger, with words changed, is `trigger-edited`.
  applies: ({ olds, news, newIndex, substantive }) => olds.length === 1 && (newIndex < 0 || (news.length === 0 && !substantive)),
  detect: ({ olds, newIndex }) => {
    const t = olds[0]!;
    const message = newIndex < 0 ? ({ id: 'trigger-removed', index: t.index, text: t.text, frontMatter: false } as const) : ({ id: 'trigger-dropped', index: t.index, text: t.text } as const);
    return { signals: [makeSignal('trigger-removed', message, [], { trigger: t.index })], changedText: t.text };
  },
};
