/**
 * Several triggers written in one block (lettered items in a paragraph or a code block): the items
 * whose words changed are the triggers edited, removed or added. Each finding takes the level of the
 * entry it names (`trigger-edited`, `trigger-removed`, `trigger-added`).
 */
import { makeSignal, type Signal } from '../signals.js';
import { contentKey, normalizeText } from '../text.js';
import type { Trigger } from '../../types.js';
import { MAJOR_ANYWHERE, type ListDetector } from './types.js';

const key = (t: Trigger): string => contentKey(normalizeText(t.text));

/** Detector `trigger-items`. */
export const triggerItems: ListDetector = {
  id: 'trigger-items',
  on: 'list',
  reads: 'trigger-list',
  levels: MAJOR_ANYWHERE,
  why: 'Items of a trigger list that share a block are compared one by one: each edited item is an edit of the list.',
  applies: (l) => l.olds.length > 1 || l.news.length > 1,
  detect: ({ olds, news, substantive }) => {
    const newKeys = new Set(news.map(key));
    const oldKeys = new Set(olds.map(key));
    const gone = olds.filter((t) => !newKeys.has(key(t)));
    const come = news.filter((t) => !oldKeys.has(key(t)));
    // Nothing of the list changed (or only a typo): the edit's own findings stand, and no other list reading applies.
    if (!substantive || (gone.length === 0 && come.length === 0)) return { signals: [], keep: true };
    const signals: Signal[] = gone.map((t, k) => {
      const to = come[k];
      return to
        ? makeSignal('trigger-edited', { id: 'trigger-edited', index: t.index, from: t.text, to: to.text, frontMatter: false }, [], { trigger: t.index, rule: 'trigger-edited' })
        : makeSignal('trigger-removed', { id: 'trigger-removed', index: t.index, text: t.text, frontMatter: false }, [], { trigger: t.index, rule: 'trigger-removed' });
    });
    for (const t of come.slice(gone.length)) signals.push(makeSignal('trigger-added', { id: 'trigger-added', text: t.text, frontMatter: false }, [], { rule: 'trigger-added' }));
    return { signals };
  },
};
