/**
 * Negation, modality and scope markers (不会 → 会, 无需 → 需要, may → will, only, 所有 …).
 * A change that adds or removes one of them flips what a sentence promises, even when
 * every other word stays the same.
 */

/** What a marker does to the sentence it sits in. */
export type MarkerClass =
  | 'negation'
  | 'will'
  | 'may'
  | 'must'
  | 'only'
  | 'all'
  | 'open-ended'
  | 'exception'
  | 'qualifier';

/** Marker classes whose addition or removal alone flips a promise (`will` only counts together with another class). */
export const FLIP_CLASSES: ReadonlySet<MarkerClass> = new Set(['negation', 'may', 'must', 'only', 'all', 'open-ended', 'exception', 'qualifier']);

/** One marker term. Chinese terms are regex sources (lookarounds keep 会 out of 社会, 会员 …). */
interface MarkerTerm {
  term: string;
  classes: MarkerClass[];
}

/** The marker table. Data, reviewed like the lexicon. Longer terms win over shorter ones. */
export const MARKERS: { zh: MarkerTerm[]; en: MarkerTerm[] } = {
  zh: [
    { term: '包括但不限于', classes: ['open-ended'] },
    { term: '但不限于', classes: ['open-ended'] },
    { term: '不限于', classes: ['open-ended'] },
    { term: '不会', classes: ['negation', 'will'] },
    { term: '不得', classes: ['negation', 'must'] },
    { term: '不能', classes: ['negation', 'may'] },
    { term: '不可', classes: ['negation', 'may'] },
    { term: '不再', classes: ['negation'] },
    { term: '不需要', classes: ['negation', 'must'] },
    { term: '无需', classes: ['negation', 'must'] },
    { term: '无须', classes: ['negation', 'must'] },
    { term: '不必', classes: ['negation', 'must'] },
    { term: '未经', classes: ['negation'] },
    { term: '没有', classes: ['negation'] },
    { term: '禁止', classes: ['negation'] },
    { term: '绝不', classes: ['negation'] },
    // 不时 (from time to time), 不断, 不仅 (not only), 不论, 不同, 不少 are not negations.
    { term: '不(?![时断仅论同少久定])', classes: ['negation'] },
    { term: '有可能', classes: ['may'] },
    { term: '可能', classes: ['may'] },
    { term: '可以', classes: ['may'] },
    { term: '有权', classes: ['may'] },
    { term: '将会', classes: ['will'] },
    { term: '(?<![社机大协学理体领误约宴开聚年省都])会(?![员议计话谈议面所谈])', classes: ['will'] },
    { term: '应当', classes: ['must'] },
    { term: '必须', classes: ['must'] },
    { term: '必需', classes: ['must'] },
    { term: '必要', classes: ['must'] },
    { term: '(?<![必无])须', classes: ['must'] },
    { term: '仅限于', classes: ['only'] },
    { term: '仅限', classes: ['only'] },
    { term: '仅仅', classes: ['only'] },
    { term: '仅', classes: ['only'] },
    { term: '只会', classes: ['only', 'will'] },
    { term: '只能', classes: ['only', 'may'] },
    { term: '(?<![一])只(?![要是])', classes: ['only'] },
    { term: '专门', classes: ['only'] },
    { term: '所有', classes: ['all'] },
    { term: '任何', classes: ['all'] },
    { term: '全部', classes: ['all'] },
    { term: '一切', classes: ['all'] },
    { term: '(?<![平])均', classes: ['all'] },
    { term: '等等', classes: ['open-ended'] },
    { term: '(?<![相平同对])等(?![级待同])', classes: ['open-ended'] },
    { term: '除外', classes: ['exception'] },
    { term: '例外', classes: ['exception'] },
    { term: '除非', classes: ['exception'] },
    { term: '明确', classes: ['qualifier'] },
    { term: '明示', classes: ['qualifier'] },
    { term: '单独', classes: ['qualifier'] },
    { term: '事先', classes: ['qualifier'] },
    { term: '书面', classes: ['qualifier'] },
  ],
  en: [
    { term: 'including but not limited to', classes: ['open-ended'] },
    { term: 'including without limitation', classes: ['open-ended'] },
    { term: 'without limitation', classes: ['open-ended'] },
    { term: 'but not limited to', classes: ['open-ended'] },
    { term: 'not limited to', classes: ['open-ended'] },
    { term: 'will not', classes: ['negation', 'will'] },
    { term: "won't", classes: ['negation', 'will'] },
    { term: 'shall not', classes: ['negation', 'must'] },
    { term: 'must not', classes: ['negation', 'must'] },
    { term: 'may not', classes: ['negation', 'may'] },
    { term: 'cannot', classes: ['negation', 'may'] },
    { term: "can't", classes: ['negation', 'may'] },
    { term: 'do not', classes: ['negation'] },
    { term: 'does not', classes: ['negation'] },
    { term: "don't", classes: ['negation'] },
    { term: "doesn't", classes: ['negation'] },
    { term: 'not', classes: ['negation'] },
    { term: 'never', classes: ['negation'] },
    { term: 'no', classes: ['negation'] },
    { term: 'without', classes: ['negation'] },
    { term: 'nor', classes: ['negation'] },
    { term: 'may', classes: ['may'] },
    { term: 'might', classes: ['may'] },
    { term: 'can', classes: ['may'] },
    { term: 'could', classes: ['may'] },
    { term: 'will', classes: ['will'] },
    { term: 'shall', classes: ['must'] },
    { term: 'must', classes: ['must'] },
    { term: 'required to', classes: ['must'] },
    { term: 'necessary', classes: ['must'] },
    { term: 'only', classes: ['only'] },
    { term: 'solely', classes: ['only'] },
    { term: 'exclusively', classes: ['only'] },
    { term: 'limited to', classes: ['only'] },
    { term: 'all', classes: ['all'] },
    { term: 'any', classes: ['all'] },
    { term: 'every', classes: ['all'] },
    { term: 'except', classes: ['exception'] },
    { term: 'unless', classes: ['exception'] },
    { term: 'exception', classes: ['exception'] },
    { term: 'exceptions', classes: ['exception'] },
    { term: 'explicit', classes: ['qualifier'] },
    { term: 'explicitly', classes: ['qualifier'] },
    { term: 'express', classes: ['qualifier'] },
    { term: 'expressly', classes: ['qualifier'] },
    { term: 'prior', classes: ['qualifier'] },
    { term: 'written', classes: ['qualifier'] },
    { term: 'separate', classes: ['qualifier'] },
  ],
};

/** One marker found in a text. */
export interface Marker {
  text: string;
  classes: MarkerClass[];
  start: number;
  end: number;
}

import { memoize } from './memo.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let compiled: { re: RegExp; classesOf: (m: string) => MarkerClass[] } | undefined;

function compile(): NonNullable<typeof compiled> {
  if (compiled) return compiled;
  const zhPlain = new Map<string, MarkerClass[]>();
  const zhRegex: Array<{ re: RegExp; classes: MarkerClass[] }> = [];
  for (const m of MARKERS.zh) {
    if (/[(?\\]/.test(m.term)) zhRegex.push({ re: new RegExp(`^${m.term}$`), classes: m.classes });
    else zhPlain.set(m.term, m.classes);
  }
  const enMap = new Map(MARKERS.en.map((m) => [m.term, m.classes]));
  // The table is ordered longest first within each language; keep that order in the alternation.
  const zhAlt = MARKERS.zh.map((m) => (/[(?\\]/.test(m.term) ? m.term : escape(m.term))).join('|');
  const enAlt = [...MARKERS.en]
    .sort((a, b) => b.term.length - a.term.length)
    .map((m) => escape(m.term).replace(/ /g, '\\s+'))
    .join('|');
  const re = new RegExp(`(?:${zhAlt})|(?<![\\p{L}'’])(?:${enAlt})(?![\\p{L}'’])`, 'giu');
  const classesOf = (m: string): MarkerClass[] => {
    const plain = zhPlain.get(m);
    if (plain) return plain;
    const en = enMap.get(m.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'"));
    if (en) return en;
    for (const r of zhRegex) if (r.re.test(m)) return r.classes;
    return [];
  };
  compiled = { re, classesOf };
  return compiled;
}

/** Every marker in the text, in order. */
export const findMarkers: (text: string) => Marker[] = memoize(findMarkersOnce);

function findMarkersOnce(text: string): Marker[] {
  const { re, classesOf } = compile();
  re.lastIndex = 0;
  const out: Marker[] = [];
  for (const m of text.matchAll(re)) {
    const classes = classesOf(m[0]);
    if (classes.length > 0) out.push({ text: m[0], classes, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** How the markers of one class differ between two texts. */
export interface MarkerFlip {
  markerClass: MarkerClass;
  removed: string[];
  added: string[];
}

/**
 * Marker classes whose count differs between the texts, with the words removed and added.
 * A change of `will` alone (我们会发布 → 我们发布) is not a flip; with another class it is (may → will).
 */
export function compareMarkers(before: string, after: string): MarkerFlip[] {
  const b = findMarkers(before);
  const a = findMarkers(after);
  const classes = new Set<MarkerClass>([...b, ...a].flatMap((m) => m.classes));
  const flips: MarkerFlip[] = [];
  for (const cls of classes) {
    const bs = b.filter((m) => m.classes.includes(cls)).map((m) => m.text.toLowerCase());
    const as = a.filter((m) => m.classes.includes(cls)).map((m) => m.text.toLowerCase());
    if (bs.length === as.length) continue;
    flips.push({ markerClass: cls, removed: minus(bs, as), added: minus(as, bs) });
  }
  if (flips.length > 0 && flips.every((f) => !FLIP_CLASSES.has(f.markerClass))) return [];
  return flips;
}

function minus(xs: string[], ys: string[]): string[] {
  const rest = [...ys];
  const out: string[] = [];
  for (const x of xs) {
    const i = rest.indexOf(x);
    if (i >= 0) rest.splice(i, 1);
    else out.push(x);
  }
  return out;
}
