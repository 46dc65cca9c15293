/**
 * A passage recast: its sentences split, merged or reordered, the same things said in other words. Every
 * content word the edit cut is still in the new text and every one it brought in was in the old one (a
 * few plain words aside, none a term of the lexicon), no figure, date, place or address came or went,
 * and no promise turned round (as many negations, as many "may" and "must" as before).
 */
import { isLexiconWord } from '../concepts.js';
import { compareEntities, extractEntities } from '../entities.js';
import { committalMarkers, type MarkerClass } from '../markers.js';
import { sentenceAt } from '../lists.js';
import { makeSignal } from '../signals.js';
import { contentWords, stem } from '../text.js';
import { TUNING } from '../tuning.js';
import { MINOR, type EditDetector, type EditSubject } from './types.js';

/** Marker classes that turn a promise round when their count changes; the others (only, unless, every …) reshape a sentence as it is recast. */
const POLARITY: readonly MarkerClass[] = ['negation', 'may', 'must'];

const stems = (text: string): Set<string> => new Set(contentWords(text).map((w) => stem(w.toLowerCase())));

/** How many markers of each polarity class a text holds. */
function polarity(text: string): string {
  return POLARITY.map((c) => committalMarkers(text).filter((m) => m.classes.includes(c)).length).join(',');
}

/** True when an edit only recasts what the passage says (see the module comment). */
export function isRecast(a: string, b: string, deleted: string, inserted: string): boolean {
  const { recastMoved, recastNewWords } = TUNING.edits;
  const before = stems(a);
  const after = stems(b);
  const cut = [...stems(deleted)];
  const brought = [...stems(inserted)];
  // Words that moved: cut in one place, put back in another. Without them it is an edit, not a recast.
  if (brought.filter((w) => before.has(w)).length < recastMoved) return false;
  const gone = cut.filter((w) => !after.has(w));
  const fresh = brought.filter((w) => !before.has(w));
  if (gone.length > recastNewWords || fresh.length > recastNewWords) return false;
  if ([...gone, ...fresh].some((w) => isLexiconWord(w))) return false;
  if (compareEntities(extractEntities(a), extractEntities(b)).length > 0) return false;
  return polarity(a) === polarity(b);
}

/** Detector `recast`. */
export const recast: EditDetector = {
  id: 'recast',
  on: 'edit',
  step: 'whole',
  alone: true,
  reads: 'sentences',
  levels: MINOR,
  why: 'Saying the same thing in another order or other sentences changes no commitment: nothing a term names came or went, no figure moved, no promise turned round.',
  applies: (e) => e.substantive.length > 0,
  detect: (e) => {
    const deleted = e.substantive.map((h) => h.deleted).join(' ');
    const inserted = e.substantive.map((h) => h.inserted).join(' ');
    if (!isRecast(e.a, e.b, deleted, inserted)) return [];
    return [makeSignal('rewording', { id: 'recast', ...sentencesTouched(e) })];
  },
};

/** The sentences an edit touched, old and new, from the first one to the last: what a reason quotes. */
export function sentencesTouched(e: EditSubject): { from: string; to: string } {
  const first = e.substantive[0]!;
  const last = e.substantive[e.substantive.length - 1]!;
  const span = (text: string, from: number, to: number): string => {
    const head = sentenceAt(text, from);
    const tail = sentenceAt(text, to);
    return head === tail || text.indexOf(tail) < text.indexOf(head) ? head : text.slice(text.indexOf(head), text.indexOf(tail) + tail.length);
  };
  return { from: span(e.a, first.oldStart, last.oldStart + last.deleted.length), to: span(e.b, first.newStart, last.newStart + last.inserted.length) };
}
