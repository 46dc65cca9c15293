/**
 * Text helpers shared by the classifier's signals: normalisation, tokens for the
 * inline diff, word segmentation (Intl.Segmenter for Chinese), content words.
 */
import { STOP_WORDS } from './lexicon.js';

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

let zhSegmenter: Intl.Segmenter | undefined;

/** Words of a text: Intl.Segmenter (zh) for ideographs, letters/digits runs for the rest. Lowercased. */
export function segmentWords(text: string): string[] {
  if (!hasCjk(text)) return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).map(trimQuote);
  zhSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const s of zhSegmenter.segment(text)) {
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

/** Words that carry content: segmentWords without stop words. */
export function contentWords(text: string): string[] {
  return segmentWords(text).filter((w) => !isStopWord(w) && !/^[\p{P}\p{S}]+$/u.test(w));
}

/** A crude English stem so that share/shares/shared/sharing meet. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (hasCjk(w) || w.length <= 4) return w;
  return w.replace(/(?:ies|ied)$/, 'y').replace(/(?:ing|ed|es|s)$/, '').replace(/e$/, '');
}

/** Damerau–Levenshtein distance (optimal string alignment), capped at `max + 1`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const A = [...a];
  const B = [...b];
  const rows: number[][] = [];
  for (let i = 0; i <= A.length; i++) {
    const row = new Array<number>(B.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= B.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= A.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= B.length; j++) {
      const cost = A[i - 1] === B[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && A[i - 1] === B[j - 2] && A[i - 2] === B[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
  }
  return rows[A.length]![B.length]!;
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

/** Character-bigram Dice similarity of two texts in [0, 1]. */
export function similarity(a: string, b: string): number {
  const ka = contentKey(a);
  const kb = contentKey(b);
  if (ka === kb) return 1;
  if (ka.length < 2 || kb.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < ka.length - 1; i++) {
    const g = ka.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let hits = 0;
  for (let i = 0; i < kb.length - 1; i++) {
    const g = kb.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      hits++;
      grams.set(g, n - 1);
    }
  }
  return (2 * hits) / (ka.length - 1 + kb.length - 1);
}
