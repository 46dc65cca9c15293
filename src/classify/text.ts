/**
 * Text helpers shared by the classifier's signals: normalisation, tokens for the
 * inline diff, word segmentation (Intl.Segmenter for Chinese), content words.
 */
import { segmentWordsOf } from '../policy/text.js';
import { sortedDice } from '../diff/similarity.js';
import { STOP_WORDS } from './lexicon.js';
import { memoize } from './memo.js';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK_G = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/** `text` with every regular-expression metacharacter escaped, to match it literally. Pure. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the string contains at least one CJK ideograph. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Number of CJK ideographs in the string. */
export function cjkCount(text: string): number {
  return text.match(CJK_G)?.length ?? 0;
}

const ENTITY_MAP: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * The text a reader sees, made comparable: HTML tags and entities removed,
 * full-width letters and digits folded (NFKC for those only), whitespace collapsed.
 */
export function normalizeText(text: string): string {
  let t = text;
  if (t.includes('<')) t = t.replace(/<\/?[A-Za-z][^<>]*>/g, ' ');
  if (t.includes('&')) t = t.replace(/&(#?\w+);/g, (m, name: string) => ENTITY_MAP[name.toLowerCase()] ?? m);
  t = t.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => c.normalize('NFKC'));
  return t.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** Text with everything but letters, digits and ideographs removed (for "same words?" checks). */
export function contentKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when the string holds no letters, digits or ideographs. */
export function isPunctuationOrSpace(text: string): boolean {
  return contentKey(text) === '';
}

/**
 * Tokens for the inline diff: latin words and digit runs whole, each CJK ideograph alone,
 * each punctuation mark alone, whitespace runs. Concatenated they give back the text.
 */
export function tokenize(text: string): string[] {
  return text.match(/[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}'’_-]+|\p{N}+(?:[.,]\p{N}+)*|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|\s+|./gsu) ?? [];
}

/** Words of a text: Intl.Segmenter (zh) for ideographs, letters/digits runs for the rest. Lowercased. */
export function segmentWords(text: string): string[] {
  if (!hasCjk(text)) return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).map(trimQuote);
  const out: string[] = [];
  for (const s of segmentWordsOf(text, 'zh')) {
    if (s.isWordLike) out.push(s.segment.toLowerCase());
  }
  return out;
}

function trimQuote(w: string): string {
  return w.replace(/['’-]+$/, '');
}

/** True for a word that carries no content (pronoun, article, particle …). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

const contentWordsOf = memoize((text: string): readonly string[] => segmentWords(text).filter((w) => !isStopWord(w) && !/^[\p{P}\p{S}]+$/u.test(w)), 8192);

/**
 * Words that carry content: segmentWords without stop words. The same runs (a hunk's words, the changed
 * text) are read by several detectors, and segmenting Chinese is the costly part: results are reused
 * (bounded memo, memo.ts); callers get a fresh array.
 */
export function contentWords(text: string): string[] {
  return [...contentWordsOf(text)];
}

/** A crude English stem so that share/shares/shared/sharing meet. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (hasCjk(w) || w.length <= 4) return w;
  return w.replace(/(?:ies|ied)$/, 'y').replace(/(?:ing|ed|es|s)$/, '').replace(/e$/, '');
}

/** Damerau–Levenshtein distance (optimal string alignment) when at most `max`; above `max`, some value above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const A = [...a];
  const B = [...b];
  if (Math.abs(A.length - B.length) > max) return max + 1;
  // Only cells within `max` of the diagonal can stay within `max`: a band of three rows
  // keeps time O(length × max) and memory O(length) (a full table of two long lines runs out of memory).
  const over = max + 1;
  const width = B.length + 1;
  let older = new Array<number>(width).fill(over);
  let prev = new Array<number>(width).fill(over);
  let row = new Array<number>(width).fill(over);
  for (let j = 0; j <= Math.min(B.length, max); j++) prev[j] = j;
  for (let i = 1; i <= A.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(B.length, i + max);
    row.fill(over, Math.max(0, lo - 2), Math.min(width, hi + 2));
    row[0] = i <= max ? i : over;
    let best = Infinity;
    for (let j = lo; j <= hi; j++) {
      const cost = A[i - 1] === B[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && A[i - 1] === B[j - 2] && A[i - 2] === B[j - 1]) v = Math.min(v, older[j - 2]! + 1);
      row[j] = Math.min(v, over);
      if (v < best) best = v;
    }
    if (best > max) return over;
    [older, prev, row] = [prev, row, older];
  }
  return Math.min(prev[B.length]!, over);
}

/** Sentences of a text (split after 。！？；.!? and line breaks), trimmed, non-empty. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[。！？!?])|(?<=[;；]|(?<!\b(?:Inc|Ltd|Co|Corp|LLC|e\.g|i\.e|U\.S|Mr|Ms|Dr|No|St|Jr|vs))\.)\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Shortens a quotation for a reason sentence. */
export function quote(text: string, max = 80): string {
  const t = normalizeText(text);
  const chars = [...t];
  return chars.length <= max ? t : `${chars.slice(0, max - 1).join('')}…`;
}

/** Character-bigram Dice similarity of the content keys of two texts, in [0, 1]. */
export function similarity(a: string, b: string): number {
  const ka = contentKey(a);
  const kb = contentKey(b);
  if (ka === kb) return 1;
  if (ka.length < 2 || kb.length < 2) return 0;
  return sortedDice(unitBigrams(ka), unitBigrams(kb));
}

/** Bigrams of UTF-16 units as sorted numeric keys. */
function unitBigrams(key: string): Float64Array {
  const keys = new Float64Array(key.length - 1);
  for (let i = 0; i < keys.length; i++) keys[i] = key.charCodeAt(i) * 0x10000 + key.charCodeAt(i + 1);
  return keys.sort();
}
