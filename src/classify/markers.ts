/**
 * Negation, modality and scope markers (不会 → 会, 无需 → 需要, may → will, only, 所有 …).
 * A change that adds or removes one of them flips what a sentence promises, even when
 * every other word stays the same — unless the marker sits in a clause that does not carry
 * the promise (a purpose clause, a condition about the reader, a relative clause): see
 * MARKER_CONTEXTS.
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
  | 'qualifier'
  | 'before'
  | 'after';

/** Marker classes whose addition or removal alone flips a promise (`will` only counts together with another class). */
export const FLIP_CLASSES: ReadonlySet<MarkerClass> = new Set(['negation', 'may', 'must', 'only', 'all', 'open-ended', 'exception', 'qualifier', 'before', 'after']);

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
    // 请勿 / 切勿 / 毋: a prohibition written the formal way (请不要 → 请勿 changes nothing).
    { term: '勿', classes: ['negation'] },
    { term: '毋', classes: ['negation'] },
    // 不时 (from time to time), 不断, 不仅 (not only), 不论, 不同, 不少, 不幸 (unfortunately) are not negations.
    { term: '不(?![时断仅论同少久定幸])', classes: ['negation'] },
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
    { term: '事先', classes: ['qualifier', 'before'] },
    { term: '书面', classes: ['qualifier'] },
    // Timing of a commitment (notice before or after a transfer): before ↔ after flips the promise.
    { term: '事前', classes: ['before'] },
    { term: '提前', classes: ['before'] },
    { term: '之前', classes: ['before'] },
    { term: '以前', classes: ['before'] },
    { term: '事后', classes: ['after'] },
    { term: '之后', classes: ['after'] },
    { term: '以后', classes: ['after'] },
    { term: '及时', classes: ['before'] },
    { term: '立即', classes: ['before'] },
    // 前/后 right after a verb of processing (转移前, 变更后; the verb is part of the marker); not 目前, 前述, 随后, 后续 ….
    { term: '(?:转移|转让|变更|处理|收集|共享|删除|披露|使用|同意)前(?![述往提款面者])', classes: ['before'] },
    { term: '(?:转移|转让|变更|处理|收集|共享|删除|披露|使用|同意)后(?![续果者面台端])', classes: ['after'] },
    // The same when only the verb's last character is in sight (a one-character edit seen with its neighbours).
    { term: '(?<=[移让更理集享除露用意])前(?![述往提款面者])', classes: ['before'] },
    { term: '(?<=[移让更理集享除露用意])后(?![续果者面台端])', classes: ['after'] },
    // Whether the reader must provide a piece of data: 选填 ↔ 必填.
    { term: '可选', classes: ['may'] },
    { term: '选填', classes: ['may'] },
    { term: '自愿', classes: ['may'] },
    { term: '必填', classes: ['must'] },
    // De-identification: data shared in aggregate or anonymised is not the same data as raw records.
    { term: '去标识化', classes: ['qualifier'] },
    { term: '匿名化', classes: ['qualifier'] },
    { term: '汇总', classes: ['qualifier'] },
    { term: '聚合', classes: ['qualifier'] },
    { term: '加密', classes: ['qualifier'] },
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
    { term: 'no one', classes: ['negation'] },
    { term: 'no-one', classes: ['negation'] },
    { term: 'nobody', classes: ['negation'] },
    { term: 'none', classes: ['negation'] },
    { term: 'nothing', classes: ['negation'] },
    { term: 'never', classes: ['negation'] },
    { term: 'no', classes: ['negation'] },
    { term: 'without', classes: ['negation'] },
    { term: 'nor', classes: ['negation'] },
    // A right is a permission: "you have the right to access" says what "you may access" says (有权 likewise).
    { term: 'have the right to', classes: ['may'] },
    { term: 'has the right to', classes: ['may'] },
    { term: 'are entitled to', classes: ['may'] },
    { term: 'is entitled to', classes: ['may'] },
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
    { term: 'without undue delay', classes: ['before'] },
    { term: 'in advance', classes: ['before'] },
    { term: 'beforehand', classes: ['before'] },
    { term: 'prior to', classes: ['qualifier', 'before'] },
    { term: 'before', classes: ['before'] },
    { term: 'promptly', classes: ['before'] },
    { term: 'immediately', classes: ['before'] },
    { term: 'after', classes: ['after'] },
    { term: 'afterwards', classes: ['after'] },
    { term: 'optional', classes: ['may'] },
    { term: 'voluntary', classes: ['may'] },
    { term: 'voluntarily', classes: ['may'] },
    { term: 'required', classes: ['must'] },
    { term: 'mandatory', classes: ['must'] },
    { term: 'aggregated', classes: ['qualifier'] },
    { term: 'aggregate', classes: ['qualifier'] },
    { term: 'anonymised', classes: ['qualifier'] },
    { term: 'anonymized', classes: ['qualifier'] },
    { term: 'anonymous', classes: ['qualifier'] },
    { term: 'de-identified', classes: ['qualifier'] },
    { term: 'deidentified', classes: ['qualifier'] },
    { term: 'pseudonymised', classes: ['qualifier'] },
    { term: 'pseudonymized', classes: ['qualifier'] },
    { term: 'hashed', classes: ['qualifier'] },
    { term: 'encrypted', classes: ['qualifier'] },
  ],
};

/**
 * Negations of a promise's predicate (we do not sell, 我们不会共享), as opposed to those that
 * negate a condition (without your consent, 未经), a noun (no third party) or a word (不当 improper).
 * Words added after one of these change what the promise rules out. Data.
 */
export const PREDICATE_NEGATIONS: ReadonlySet<string> = new Set([
  'will not', "won't", 'shall not', 'must not', 'may not', 'cannot', "can't", 'do not', 'does not', "don't", "doesn't", 'not', 'never',
  '不会', '不得', '不能', '不可', '不再', '不需要', '无需', '无须', '不必', '没有', '禁止', '绝不',
]);

/** One marker found in a text. */
export interface Marker {
  text: string;
  classes: MarkerClass[];
  start: number;
  end: number;
}

import { isLexiconWord } from './concepts.js';
import { memoize } from './memo.js';
import { escapeRegExp } from './text.js';

let compiled: { re: RegExp; classesOf: (m: string, text: string, at: number) => MarkerClass[] } | undefined;

function compile(): NonNullable<typeof compiled> {
  if (compiled) return compiled;
  const zhPlain = new Map<string, MarkerClass[]>();
  const zhRegex: Array<{ re: RegExp; classes: MarkerClass[] }> = [];
  for (const m of MARKERS.zh) {
    // Sticky, tried where the match starts in the whole text, so a lookbehind sees the word before.
    if (/[(?\\]/.test(m.term)) zhRegex.push({ re: new RegExp(m.term, 'uy'), classes: m.classes });
    else zhPlain.set(m.term, m.classes);
  }
  const enMap = new Map(MARKERS.en.map((m) => [m.term, m.classes]));
  // The table is ordered longest first within each language; keep that order in the alternation.
  const zhAlt = MARKERS.zh.map((m) => (/[(?\\]/.test(m.term) ? m.term : escapeRegExp(m.term))).join('|');
  const enAlt = [...MARKERS.en]
    .sort((a, b) => b.term.length - a.term.length)
    .map((m) => escapeRegExp(m.term).replace(/ /g, '\\s+'))
    .join('|');
  const re = new RegExp(`(?:${zhAlt})|(?<![\\p{L}'’])(?:${enAlt})(?![\\p{L}'’])`, 'giu');
  const classesOf = (m: string, text: string, at: number): MarkerClass[] => {
    const plain = zhPlain.get(m);
    if (plain) return plain;
    const en = enMap.get(m.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'"));
    if (en) return en;
    for (const r of zhRegex) {
      r.re.lastIndex = at;
      if (r.re.exec(text)?.[0] === m) return r.classes;
    }
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
    const classes = classesOf(m[0], text, m.index);
    if (classes.length > 0) out.push({ text: m[0], classes, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * A context that takes some marker classes out of the promise a sentence makes: the marker
 * sits in a subordinate clause that the context word opens, not on the promise's predicate.
 * Data, reviewed like the marker table.
 */
export interface MarkerContext {
  id: string;
  /** The classes the context takes away from a marker that follows its opener in the same clause. */
  classes: MarkerClass[];
  /** Where the subordinate clause starts (a global, unicode regex). */
  opener: RegExp;
  /**
   * `text`: anywhere. `run`: only inside an inserted or deleted run that also holds the opener
   * (a relative clause whose noun came with it; an old noun's relative clause still frames the promise).
   */
  scope: 'text' | 'run';
  /** Words that start the main clause again (we, 我们): a marker after one of them is the promise's own. */
  until?: RegExp;
  /**
   * The opener's first group is the noun the clause describes; the context holds only when that noun
   * is no term of the lexicon (people, visitors), since a clause on a recipient or a kind of data
   * ("partners who are not bound by …") narrows the commitment itself.
   */
  plainHead?: boolean;
  why: string;
}

/** The contexts, checked for every marker. */
export const MARKER_CONTEXTS: readonly MarkerContext[] = [
  {
    id: 'purpose-clause',
    classes: ['may', 'will', 'must'],
    opener: /(?<![\p{L}])(?:so\s+that|so\s+as\s+to|in\s+order\s+that|in\s+order\s+for|such\s+that)(?![\p{L}])|以便|以使|使得/giu,
    scope: 'text',
    until: /(?<![\p{L}])(?:and|but|or|while)\s+(?:we|you|they)(?![\p{L}])|并且|而且|但|同时/iu,
    why: 'A modal inside a purpose clause ("so that we can contact you", 以便我们能够) says what the processing is for; it grants no permission.',
  },
  {
    id: 'reader-condition',
    classes: ['all'],
    // The reader: you, or the parent or guardian a children's policy speaks to.
    opener: /(?<![\p{L}])(?:if|should|in\s+case|whenever)\s+(?:you|a\s+parent|parents|a\s+guardian|guardians)(?![\p{L}])|(?<![例比譬诸])(?:如果|假如|倘若|如|若|一旦)(?:您|你|监护人|家长)/giu,
    scope: 'text',
    // 则 (then), not the 则 of 规则, 原则, 准则, 细则, 法则, 否则.
    until: /(?<![\p{L}])(?:we|then)(?![\p{L}])|我们|(?<![规原准细法否守总])则/iu,
    why: 'A universal word in a condition about the reader ("if you have any questions", 如您有任何疑问, 如监护人有任何疑问) is not the scope of a commitment.',
  },
  {
    id: 'relative-clause',
    classes: ['negation'],
    opener: /(\p{L}[\p{L}'’-]*)\s+(?:who|whom|whose)(?![\p{L}])/giu,
    scope: 'run',
    plainHead: true,
    why: 'A negation inside a relative clause describes the noun it follows ("people who are not signed in"); it does not negate the promise.',
  },
];

/** Marks that close a clause: a context opened before one of them does not reach past it. */
const CLAUSE_END = /[,;:，；：。.!?！？()（）]/u;
/** How far (characters) an opener reaches. */
const CONTEXT_REACH = 60;

/** The classes of a marker that no context takes away. `run`: the text is an inserted or deleted run (run-scoped contexts apply). */
function committalClasses(text: string, m: Marker, run: boolean): MarkerClass[] {
  let classes = m.classes;
  for (const ctx of MARKER_CONTEXTS) {
    if (ctx.scope === 'run' && !run) continue;
    if (!classes.some((c) => ctx.classes.includes(c))) continue;
    ctx.opener.lastIndex = 0;
    for (const o of text.matchAll(ctx.opener)) {
      const end = o.index + o[0].length;
      if (end > m.start || m.start - end > CONTEXT_REACH) continue;
      const between = text.slice(end, m.start);
      if (CLAUSE_END.test(between) || ctx.until?.test(between)) continue;
      if (ctx.plainHead && isLexiconWord(o[1] ?? '')) continue;
      classes = classes.filter((c) => !ctx.classes.includes(c));
      break;
    }
  }
  return classes;
}

/**
 * The markers that bear on the promise: those in a purpose clause, a condition about the reader
 * (and, inside the given runs of inserted or deleted text, a relative clause) lose the classes
 * their context takes away. `runs` are [start, end) offsets in `text`.
 */
export function committalMarkers(text: string, runs: ReadonlyArray<readonly [number, number]> = []): Marker[] {
  const out: Marker[] = [];
  for (const m of findMarkers(text)) {
    let classes = committalClasses(text, m, false);
    const run = runs.find(([s, e]) => s <= m.start && m.end <= e);
    if (run && classes.length > 0) {
      const local = { ...m, start: m.start - run[0], end: m.end - run[0] };
      classes = committalClasses(text.slice(run[0], run[1]), local, true).filter((c) => classes.includes(c));
    }
    if (classes.length > 0) out.push(classes === m.classes ? m : { ...m, classes });
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
 * Only committal markers count (see MARKER_CONTEXTS); `runs` are the deleted runs of `before`
 * and the inserted runs of `after`, where run-scoped contexts apply.
 * A change of `will` alone (我们会发布 → 我们发布) is not a flip; with another class it is (may → will).
 */
export function compareMarkers(before: string, after: string, runs: { before?: ReadonlyArray<readonly [number, number]>; after?: ReadonlyArray<readonly [number, number]> } = {}): MarkerFlip[] {
  const b = committalMarkers(before, runs.before);
  const a = committalMarkers(after, runs.after);
  // In the order the words appear (all markers, committal or not), so reasons read the same way every time.
  const order = [...findMarkers(before), ...findMarkers(after)].flatMap((m) => m.classes);
  const classes = new Set<MarkerClass>([...order, ...[...b, ...a].flatMap((m) => m.classes)]);
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
