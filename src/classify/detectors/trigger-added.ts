/** A new trigger added to the list. */
import { makeSignal } from '../signals.js';
import { MAJOR_ANYWHERE, type ListDetector } from './types.js';

/** Detector `trigger-added`. */
export const triggerAdded: ListDetector = {
  id: 'trigger-added',
  on: 'list',
  reads: 'trigger-list',
  levels: MAJOR_ANYWHERE,
  why: 'A new trigger changes the list itself; it hits no existing trigger.',
  applies: ({ olds, news, oldIndex, substantive }) => olds.length === 0 && news.length === 1 && oldIndex < 0 && substantive,
  detect: ({ news }) => ({ signals: [makeSignal('trigger-added', { id: 'trigger-added', text: news[0]!.text, frontMatter: false })], changedText: news[0]!.text }),
};
