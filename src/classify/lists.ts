/**
 * Items of enumerations added or removed inside a sentence (拒绝不合理、无端重复、… 的请求;
 * "unreasonable, repetitive, or prohibited"), and whole sentences added or removed.
 */
import type { Hunk } from './hunks.js';
import { cjkCount, contentKey, contentWords, hasCjk, splitSentences } from './text.js';

/** Items added to or removed from an in-sentence enumeration. */
export interface EnumerationEdit {
  added: string[];
  removed: string[];
  /** The sentence (new version, or old one for a removal) the enumeration sits in. */
  sentence: string;
}

const ZH_SEPARATORS = /[、；;]/;
const EN_SEPARATORS = /[,;]|\b(?:and|or)\b/i;

/** The items of an inserted or deleted run, split at enumeration separators, without empty ones. */
function items(text: string): string[] {
  return text
    .split(hasCjk(text) ? /[、；;]/ : /[;,]|\b(?:and|or)\b/)
    .map((s) => s.trim())
    .filter((s) => contentWords(s).length > 0);
}

/** The sentence of `text` that contains offset `pos` (clauses end at ；; too unless `whole`). */
export function sentenceAt(text: string, pos: number, whole = false): string {
  const stops = whole ? /[。！？!?]|(?<!\b(?:Inc|Ltd|Co|Corp|LLC|e\.g|i\.e|U\.S|Mr|Ms|Dr|No|St|Jr|vs))\.(?=\s|$)/g : /[。！？!?；;]|(?<!\b(?:Inc|Ltd|Co|Corp|LLC|e\.g|i\.e|U\.S|Mr|Ms|Dr|No|St|Jr|vs))\.(?=\s|$)/g;
  let start = 0;
  for (const m of text.matchAll(stops)) {
    if (m.index >= pos) return text.slice(start, m.index + 1).trim();
    start = m.index + 1;
  }
  return text.slice(start).trim();
}

/**
 * When a hunk adds or removes items of an enumeration, the items and their sentence.
 * Chinese lists use 、 and ；; English ones commas, semicolons, "and" and "or".
 */
export function enumerationEdit(h: Hunk, before: string, after: string): EnumerationEdit | null {
  const check = (run: string, text: string, at: number): string[] => {
    if (contentWords(run).length === 0) return [];
    // A parenthetical is an aside, not an item.
    if (/^[\s,，;；]*[(（][^)）]*[)）][\s,，;；]*$/u.test(run)) return [];
    const prev = text.slice(0, at).trimEnd().slice(-1);
    const next = text.slice(at + run.length).trimStart().charAt(0);
    const cjk = hasCjk(run);
    if (cjk) {
      if (!ZH_SEPARATORS.test(prev + run + next)) return [];
    } else {
      const edge = /^\s*(?:[,;]|and\b|or\b)|(?:[,;]|\band|\bor)\s*$/i;
      if (!edge.test(run) && !/[,;]/.test(prev + next)) return [];
      const sentence = sentenceAt(text, at);
      if ((sentence.match(/[,;]|\b(?:and|or)\b/gi)?.length ?? 0) < 2) return [];
    }
    // An enumeration item is a phrase, not a sentence of its own.
    if (splitSentences(run).length > 1 || wholeSentences(run).length > 0) return [];
    return items(run);
  };
  // Items that only moved within the sentence (A and B → B and A) are neither added nor removed.
  const added = check(h.inserted, after, h.newStart).filter((x) => !contentKey(before).includes(contentKey(x)));
  const removed = check(h.deleted, before, h.oldStart).filter((x) => !contentKey(after).includes(contentKey(x)));
  if (added.length === 0 && removed.length === 0) return null;
  if (!ZH_SEPARATORS.test(h.inserted + h.deleted) && !EN_SEPARATORS.test(h.inserted + h.deleted)) return null;
  const sentence = added.length > 0 ? sentenceAt(after, h.newStart, true) : sentenceAt(before, h.oldStart, true);
  return { added, removed, sentence };
}

/** True when a run is made of whole sentences only: a phrase slipped into a sentence is read with that sentence. */
export function isOnlyWholeSentences(run: string): boolean {
  return contentKey(wholeSentences(run).join('')) === contentKey(run);
}

/** Whole sentences with content inside a run of inserted or deleted text. */
export function wholeSentences(run: string): string[] {
  return splitSentences(run).filter((s) => {
    const ended = /[。！？!?.；;]$/.test(s);
    const big = hasCjk(s) ? cjkCount(s) >= 8 : contentWords(s).length >= 5;
    return ended && big;
  });
}
