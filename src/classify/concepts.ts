/** Finds the lexicon's concepts in a text. */
import { LEXICON, SENSITIVE_TERMS, type Concept, type Family } from './lexicon.js';
import { memoize } from './memo.js';
import { hasCjk, isStopWord, stem } from './text.js';
import { escapeRegExp } from './text.js';

/** One occurrence of a concept's term in a text. */
export interface ConceptHit {
  concept: string;
  /** The words as written in the text. */
  term: string;
  start: number;
  end: number;
  /** True when the term is marked ambiguous (`~`) or a connective (`^`) in the lexicon: it steers affinity only. */
  weak: boolean;
  /** True for a connective (`^`): it announces the concept (in order to → a purpose) and counts in full for affinity. */
  connective: boolean;
}

/** One English term, compiled: its words, each matched exactly, with inflections (the last word), or as a prefix (`*`). */
interface EnglishTerm {
  concept: string;
  weak: boolean;
  connective: boolean;
  words: Array<{ forms: Set<string> } | { prefix: string }>;
  /** Sort key: longer terms are tried first. */
  length: number;
}

interface Compiled {
  /** Chinese terms (lowercased) by first character, longest first: a scan beats a 400-way alternation. */
  zh: Map<string, string[]>;
  /** Chinese term → concept. */
  zhTerms: Map<string, { concept: string; weak: boolean; connective: boolean }>;
  /** English terms by the forms of their first word; terms whose first word is a prefix, by its first three letters. */
  enByWord: Map<string, EnglishTerm[]>;
  enByPrefix: Map<string, EnglishTerm[]>;
}

/** The forms an English word matches: regular inflections (share → shares, shared, sharing; party → parties). */
function inflections(w: string, inflect: boolean): Set<string> {
  if (!inflect) return new Set([w]);
  if (/[^aeiou]y$/.test(w)) return new Set([w, `${w.slice(0, -1)}ies`, `${w.slice(0, -1)}ied`]);
  if (w.endsWith('e')) return new Set([w, `${w}s`, `${w}d`, `${w.slice(0, -1)}ing`]);
  if (/[a-z]$/.test(w)) return new Set([w, `${w}s`, `${w}es`, `${w}ed`, `${w}ing`]);
  return new Set([w]);
}

/** Words of English text, split at anything but letters and digits (so cross-border = cross border). */
const WORD = /[\p{L}\p{N}]+/gu;

let compiled: Compiled | undefined;

function compile(): Compiled {
  if (compiled) return compiled;
  const plain = (t: string): string => t.replace(/^[~^]/, '');
  const zhTerms = new Map<string, { concept: string; weak: boolean; connective: boolean }>();
  const enByWord = new Map<string, EnglishTerm[]>();
  const enByPrefix = new Map<string, EnglishTerm[]>();
  const push = (m: Map<string, EnglishTerm[]>, k: string, t: EnglishTerm): void => {
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(t);
  };
  for (const c of LEXICON) {
    for (const t of c.zh) zhTerms.set(plain(t).toLowerCase(), { concept: c.id, weak: /^[~^]/.test(t), connective: t.startsWith('^') });
    for (const raw of c.en) {
      const parts = plain(raw).toLowerCase().split(/[^\p{L}\p{N}*]+/u).filter((x) => x !== '');
      const words: EnglishTerm['words'] = parts.map((w, i) => (w.endsWith('*') ? { prefix: w.slice(0, -1) } : { forms: inflections(w, i === parts.length - 1) }));
      const term: EnglishTerm = { concept: c.id, weak: /^[~^]/.test(raw), connective: raw.startsWith('^'), words, length: plain(raw).length };
      const first = words[0]!;
      if ('prefix' in first) push(enByPrefix, first.prefix.slice(0, 3), term);
      else for (const f of first.forms) push(enByWord, f, term);
    }
  }
  for (const list of [...enByWord.values(), ...enByPrefix.values()]) list.sort((a, b) => b.words.length - a.words.length || b.length - a.length);
  const zh = new Map<string, string[]>();
  for (const term of [...zhTerms.keys()].sort((a, b) => b.length - a.length)) {
    let list = zh.get(term.charAt(0));
    if (!list) zh.set(term.charAt(0), (list = []));
    list.push(term);
  }
  compiled = { zh, zhTerms, enByWord, enByPrefix };
  return compiled;
}

const CJK = /[\u3400-\u9fff]/;
const LATIN = /[A-Za-z]/;

/** Every occurrence of a lexicon term in the text, in text order. Where two terms overlap, the longer one is meant ("phone number" is a kind of data, not a channel). */
export const findConcepts: (text: string) => ConceptHit[] = memoize(findConceptsOnce, 8192);

/** A deletion whose object is the app itself (deleting the app from a device, 删除本应用). */
const APP_OBJECT = /^(?:delet|remov|eras)\w*\s+(?:the|our|this|your)\s+(?:\w+\s+)?(?:app|application|game)s?\b/;

function findConceptsOnce(text: string): ConceptHit[] {
  const c = compile();
  const hits: ConceptHit[] = [];
  const lower = text.toLowerCase();
  if (CJK.test(text)) {
    const n = lower.length;
    for (let i = 0; i < n; i++) {
      const candidates = c.zh.get(lower[i]!);
      if (candidates === undefined) continue;
      let term: string | undefined;
      for (const t of candidates) {
        if (lower.startsWith(t, i)) {
          term = t;
          break;
        }
      }
      if (term === undefined) continue;
      const t = c.zhTerms.get(term)!;
      hits.push({ concept: t.concept, term: text.slice(i, i + term.length), start: i, end: i + term.length, weak: t.weak, connective: t.connective });
      i += term.length - 1;
    }
  }
  if (LATIN.test(text)) {
    const words = [...lower.matchAll(WORD)].map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }));
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!.w;
      // Chinese runs are matched above; here only words with a latin letter.
      if (!LATIN.test(w)) continue;
      const candidates = [...(c.enByWord.get(w) ?? []), ...(c.enByPrefix.get(w.slice(0, 3)) ?? [])];
      if (candidates.length === 0) continue;
      candidates.sort((a, b) => b.words.length - a.words.length || b.length - a.length);
      const hit = candidates.find((t) => t.words.every((tw, k) => {
        const word = words[i + k]?.w;
        if (word === undefined) return false;
        return 'prefix' in tw ? word.startsWith(tw.prefix) : tw.forms.has(word);
      }));
      if (!hit) continue;
      // "non-disclosure agreement", "non-personal data": the prefix says the opposite of the term.
      if (lower.slice(Math.max(0, words[i]!.start - 4), words[i]!.start) === 'non-') continue;
      // Deleting the app is uninstalling it, not the right to have data deleted.
      if (hit.concept === 'right-kind' && APP_OBJECT.test(lower.slice(words[i]!.start, words[i]!.start + 60))) continue;
      const last = words[i + hit.words.length - 1]!;
      hits.push({ concept: hit.concept, term: text.slice(words[i]!.start, last.end), start: words[i]!.start, end: last.end, weak: hit.weak, connective: hit.connective });
      i += hit.words.length - 1;
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Concept id → number of occurrences in the text. */
export function countConcepts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of findConcepts(text)) out.set(h.concept, (out.get(h.concept) ?? 0) + 1);
  return out;
}

const byId = new Map(LEXICON.map((c) => [c.id, c]));

/** The lexicon entry of a concept id. */
export function conceptById(id: string): Concept | undefined {
  return byId.get(id);
}

/** The family (category of material change) of a concept id, or null. */
export function familyOf(id: string): Family | null {
  return byId.get(id)?.family ?? null;
}

/** True when the concept is a commitment (see lexicon.ts). */
export function isStrong(id: string): boolean {
  return byId.get(id)?.strong ?? false;
}

let sensitive: RegExp | undefined;

/** The words of the text that name a sensitive category of personal information (lexicon.ts SENSITIVE_TERMS), lowercased. */
export function findSensitive(text: string): string[] {
  const escape = (t: string): string => escapeRegExp(t).replace(/ /g, '\\s+');
  sensitive ??= new RegExp(`${SENSITIVE_TERMS.zh.map(escape).join('|')}|(?<![\\p{L}])(?:${SENSITIVE_TERMS.en.map(escape).join('|')})`, 'giu');
  return [...text.matchAll(sensitive)].map((m) => m[0].toLowerCase().replace(/\s+/g, ' '));
}

let lexiconWords: { exact: Set<string>; prefixes: string[] } | undefined;

/**
 * True when the word is part of a lexicon term ("providers" of "service providers", 第三方): a noun
 * a commitment is about. Stop words are not. Compared by crude stem (provider, providers).
 */
export function isLexiconWord(word: string): boolean {
  if (!lexiconWords) {
    const exact = new Set<string>();
    const prefixes: string[] = [];
    for (const c of LEXICON) {
      for (const raw of c.en) {
        for (const w of raw.replace(/^[~^]/, '').toLowerCase().split(/[^\p{L}\p{N}*]+/u)) {
          if (w === '' || isStopWord(w)) continue;
          if (w.endsWith('*')) prefixes.push(w.slice(0, -1));
          else exact.add(stem(w));
        }
      }
    }
    lexiconWords = { exact, prefixes };
  }
  const w = word.toLowerCase();
  if (hasCjk(w)) return findConcepts(w).length > 0;
  return !isStopWord(w) && (lexiconWords.exact.has(stem(w)) || lexiconWords.prefixes.some((p) => p.length >= 3 && w.startsWith(p)));
}
