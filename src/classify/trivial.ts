/**
 * Edits that change no commitment: whitespace, punctuation, letter case, typos, dropped
 * pronouns and particles, a removed duplicate, an added example, an added cross-reference,
 * a changed date, a re-pointed link (not a request channel), a copyright or trade-mark
 * notice. Each test looks at one hunk in the context of its block.
 */
import { findConcepts, findSensitive, isStrong, type ConceptHit } from './concepts.js';
import { extractEntities } from './entities.js';
import type { Hunk } from './hunks.js';
import { committalMarkers, findMarkers } from './markers.js';
import { cjkCount, contentKey, contentWords, editDistance, hasCjk, isPunctuationOrSpace, splitSentences, stem } from './text.js';
import { escapeRegExp } from './text.js';
import { TUNING } from './tuning.js';

/** Why a hunk is harmless. */
export type TrivialKind =
  | 'whitespace'
  | 'punctuation'
  | 'case'
  | 'typo'
  | 'function-words'
  | 'duplicate'
  | 'example'
  | 'cross-reference'
  | 'date'
  | 'link'
  | 'boilerplate';

/** A hunk judged harmless, with the words to show in a reason. */
export interface TrivialEdit {
  kind: TrivialKind;
  before: string;
  after: string;
}

/** Example markers (例如, for example …): an inserted clause that starts with one restates a category. Data. */
export const EXAMPLE_MARKERS: readonly string[] = ['例如', '比如', '譬如', '诸如', '举例来说', '如：', '如:', '包括', 'for example', 'for instance', 'e.g.', 'e.g', 'such as', 'like', 'including', 'namely'];

/** Cross-reference patterns (参见第 5 条, see section 5 …). Data. */
export const CROSS_REFERENCE_PATTERNS: readonly RegExp[] = [
  /(?:参见|参阅|详见|请见|见|参考)\s*(?:本[\u4e00-\u9fa5]{0,8})?第\s*[0-9一二三四五六七八九十]+(?:\.\d+)*\s*(?:条|节|章|部分|款|项|段)/,
  /(?:参见|参阅|详见|请见|参考)\s*(?:本[\u4e00-\u9fa5]{0,8})?[“「《"][^”」》"]{1,40}[”」》"]/,
  /(?:参见|参阅|详见|请见|参考)\s*(?:本[\u4e00-\u9fa5]{0,8})?(?:上文|下文|前述|以上|以下)/,
  /\b(?:see|refer to|referred to in|as described in|as set out in|described in|set out in|outlined in|explained in|detailed in|listed in|in accordance with)\s+(?:the\s+)?(?:section|paragraph|clause|part|article|appendix|annex|schedule)s?\s+(?:[0-9IVXivx]+[.\d]*|["“][^"”]{1,60}["”])/i,
  /\b(?:see|refer to)\s+(?:the\s+)?["“][^"”]{1,60}["”]/i,
  /\b(?:see|refer to|read)\s+(?:our|the|this)\s+[\p{L}\s'’-]{0,60}?(?:policy|notice|statement|section|page|terms|faq|article|documentation)\b/iu,
  /\b(?:section|paragraph|clause)\s+[0-9]+[.\d]*\s+(?:above|below)\b/i,
  /\bas\s+(?:described|set\s+out|explained|detailed|outlined|listed|noted)\s+(?:below|above|earlier|later|in\s+(?:this|our)\s+(?:policy|notice|statement|section))\b/i,
  /(?:如下文|如上文|如前文|如本政策)(?:所述|所列|所说明)/,
  /\b(?:above|below)\b.{0,20}\bsection\b/i,
];

/**
 * Copyright and trade-mark notices (© 2024 Acme Ltd.; X is a trade mark of Y; All rights reserved;
 * 版权所有): company boilerplate, not a commitment. Each pattern matches one whole sentence. Data.
 */
export const BOILERPLATE_PATTERNS: readonly RegExp[] = [
  /^(?:[Cc]opyright|COPYRIGHT|©|\([Cc]\)(?=\s*\d{4}))(?:\s*(?:©|\([Cc]\)))?\s*(?:\d{4}(?:\s*[-–—]\s*(?:\d{4}|[Pp]resent))?,?\s*)?(?:[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*,?\s*(?:(?:and|&)\s+)?){0,8}(?:[.。]\s*)?(?:[Aa]ll [Rr]ights [Rr]eserved\.?)?$/u,
  /^[^.。!?]{1,120}?\s(?:is|are)\s+(?:a\s+|the\s+)?(?:registered\s+)?(?:trade\s?marks?|trademarks?|service\s+marks?)(?:\s+or\s+(?:registered\s+)?(?:trade\s?marks?|trademarks?))?\s+(?:of|owned\s+by)\s+[^.。!?]{1,80}[.。]?$/iu,
  /^all rights reserved\.?$/iu,
  /^(?:©|版权所有|Copyright)[^。！？]{0,60}(?:版权所有|保留所有权利)?。?$/u,
  /^[^。！？]{1,60}(?:是|为)[^。！？]{0,40}的(?:注册)?商标。?$/u,
  /^(?:保留所有权利|版权所有)。?$/u,
];

/** Sentences for the boilerplate test: also cut after a legal form (Acme Ltd. Acme is …). */
function noticeSentences(text: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  const cut = /[.。!?！？](?=\s+[\p{Lu}\p{Lo}©])|[。！？](?=\S)/gu;
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim() !== '') out.push({ text: raw.trim(), start: start + lead, end: start + lead + raw.trim().length });
  };
  for (const m of text.matchAll(cut)) {
    push(m.index + 1);
    start = m.index + 1;
  }
  push(text.length);
  return out;
}

/** A sentence that is a copyright or trade-mark notice, naming no channel (e-mail, phone, link) and making no promise (not, may, only …). */
function isNoticeSentence(sentence: string): boolean {
  if (extractEntities(sentence).some((e) => e.type === 'email' || e.type === 'phone' || e.type === 'url')) return false;
  // "All rights reserved" is the one universal word a notice has.
  if (findMarkers(sentence).some((m) => m.classes.some((c) => c !== 'all' && c !== 'will'))) return false;
  return BOILERPLATE_PATTERNS.some((re) => re.test(sentence));
}

/** True when every sentence of the text is a copyright or trade-mark notice. */
export function isBoilerplate(text: string): boolean {
  const sentences = noticeSentences(text);
  return sentences.length > 0 && sentences.every((x) => isNoticeSentence(x.text));
}

/** The sentences that the range [start, end) touches, when every one is a copyright or trade-mark notice; else null. */
export function noticeAround(text: string, start: number, end: number): string | null {
  const touched = noticeSentences(text).filter((x) => x.start <= Math.max(end, start + 1) && start <= x.end);
  return touched.length > 0 && touched.every((x) => isNoticeSentence(x.text)) ? touched.map((x) => x.text).join(' ') : null;
}

const DIGITS = /[\p{N}〇一二三四五六七八九十百千万两]/u;

/** Context for judging a hunk. */
export interface HunkContext {
  /** The block's old and new normalised text. */
  before: string;
  after: string;
  /** Text around the block (its section) in the old version, to tell whether an example restates it. */
  sectionText: string;
  /** The old version's whole text (computed on first use), to tell whether a note on reading the policy restates it. */
  documentText?: () => string;
}

/** A hunk judged harmless, as the edit of `kind` with the words to show (trimmed). */
export function trivialEdit(kind: TrivialKind, h: Hunk, before = h.deleted, after = h.inserted): TrivialEdit {
  return { kind, before: before.trim(), after: after.trim() };
}

const BARE_ADDRESS = /^[\s<>()（）]*(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s<>]*)?[\s<>()（）.。]*$/i;

/** A web address alone (tidbcloud.com, example.com/legal/subprocessors), with the brackets around it. */
export function isBareAddress(text: string): boolean {
  return text.length <= 200 && BARE_ADDRESS.test(text);
}

/** Words that tell a reader how to read an address spelt out against spam: [at] → @, [dot] → . */
const ANTI_SPAM = /[\[(（]\s?(?:at|dot)\s?[\])）]/i;

/** A run that only spells out an address against spam, or says how to read one (请将 [at] 替换为 @). */
export function isAntiSpamNote(text: string): boolean {
  return ANTI_SPAM.test(text) && extractEntities(text.replace(ANTI_SPAM_GLOBAL, ' ')).every((e) => e.type !== 'phone');
}
const ANTI_SPAM_GLOBAL = new RegExp(ANTI_SPAM.source, 'gi');

/** When the hunk lies inside a date (or URL) on both sides, the whole entity before and after. */
export function withinEntity(h: Hunk, ctx: HunkContext, type: 'date' | 'url'): [string, string] | null {
  const inside = (text: string, start: number, len: number): string | null =>
    extractEntities(text).find((e) => e.type === type && e.start <= start && start + len <= e.end)?.text ?? null;
  const before = inside(ctx.before, h.oldStart, h.deleted.length);
  const after = inside(ctx.after, h.newStart, h.inserted.length);
  return before !== null && after !== null ? [before, after] : null;
}

/** The words around a hunk: extends both sides to whole words (latin) or one ideograph of context (CJK). */
function widen(text: string, start: number, end: number): string {
  let s = start;
  let e = end;
  while (s > 0 && /[\p{L}\p{N}'’-]/u.test(text[s - 1]!) && !hasCjk(text[s - 1]!)) s--;
  while (e < text.length && /[\p{L}\p{N}'’-]/u.test(text[e]!) && !hasCjk(text[e]!)) e++;
  if (s > 0 && hasCjk(text[s - 1]!)) s--;
  if (e < text.length && hasCjk(text[e]!)) e++;
  return text.slice(s, e);
}

export function typoEdit(h: Hunk, ctx: HunkContext): TrivialEdit | null {
  const d = h.deleted.trim();
  const i = h.inserted.trim();
  if (DIGITS.test(d) || DIGITS.test(i)) return null;
  // A typo swaps letters; a mark turned into a word (、 → 或) is something else.
  if ((d !== '' && isPunctuationOrSpace(d)) || (i !== '' && isPunctuationOrSpace(i))) return null;
  if (touchesEntity(ctx.before, h.oldStart, h.deleted.length) || touchesEntity(ctx.after, h.newStart, h.inserted.length)) return null;
  const before = widen(ctx.before, h.oldStart, h.oldStart + h.deleted.length);
  const after = widen(ctx.after, h.newStart, h.newStart + h.inserted.length);
  if (before === after) return null;
  const cjk = hasCjk(before) || hasCjk(after);
  if (cjk) {
    // One ideograph substituted, dropped or added inside a word: 搜集 → 收集, 必须 → 必需, 隐私权政策 → 隐私政策.
    if ([...d].length > 1 || [...i].length > 1) return typoRun(h, ctx);
    if (editDistance(before, after, 2) > 1) return null;
  } else {
    const bw = before.split(/\s+/);
    const aw = after.split(/\s+/);
    if (bw.length !== 1 || aw.length !== 1) return null;
    const len = Math.min(before.length, after.length);
    const dist = editDistance(before.toLowerCase(), after.toLowerCase(), 3);
    if (!(len >= TUNING.harmless.typoShortWord && dist <= 1) && !(len >= TUNING.harmless.typoLongWord && dist <= 2)) return null;
  }
  // A misspelt word fixed into a marker or a lexicon term (seperate → separate, recieve → receive) is still a typo.
  if ((!sameMeaningMarkers(before, after) || !sameConcepts(before, after)) && !isMisspelling(before, after) && !(cjk && isCjkSlip(d, i))) return null;
  if (extractEntities(before).length + extractEntities(after).length > 0) return null;
  if (cjk) {
    const [from, to] = wordAround(ctx.before, h.oldStart, h.deleted.length);
    const shift = h.inserted.length - h.deleted.length;
    const oldWord = ctx.before.slice(from, to);
    const newWord = ctx.after.slice(from - h.oldStart + h.newStart, to - h.oldStart + h.newStart + shift);
    return { kind: 'typo', before: oldWord, after: newWord };
  }
  return { kind: 'typo', before, after };
}

/**
 * Ideographs written for one another by mistake or as an older variant — the
 * pairs Chinese proofreading lists name most (帐号 → 账号, 登陆 → 登录, 既使 →
 * 即使, 做为 → 作为, 其它 → 其他, 象 → 像, 必须/必需, 部署/布署): one of them
 * replaced by the other is a spelling fix even where only the right spelling
 * is a term the classifier knows. Each pair is unordered.
 */
const CJK_CONFUSABLE = new Set(['帐账', '陆录', '既即', '做作', '它他', '象像', '须需', '部布', '的地', '的得', '地得', '再在', '已以', '帐賬', '订定', '份分', '惟唯', '藉借']);

/** True when one ideograph replaced another that is commonly written for it (see CJK_CONFUSABLE). */
function isCjkSlip(deleted: string, inserted: string): boolean {
  return [...deleted].length === 1 && [...inserted].length === 1 && (CJK_CONFUSABLE.has(deleted + inserted) || CJK_CONFUSABLE.has(inserted + deleted));
}

/** Most ideographs one hunk may substitute one for one and still be read as typos (注销帐号；帐号 → 注销账号；账号). */
const TYPO_RUN_CHARS = 8;

/**
 * A short CJK hunk of the same length on both sides in which every ideograph
 * that differs is a typo fix of its own (the diff joins two fixes a few
 * characters apart into one hunk): the first of them, or null.
 */
function typoRun(h: Hunk, ctx: HunkContext): TrivialEdit | null {
  if (h.deleted.length !== h.inserted.length || h.deleted.length > TYPO_RUN_CHARS || !hasCjk(h.deleted)) return null;
  let first: TrivialEdit | null = null;
  for (let k = 0; k < h.deleted.length; k++) {
    if (h.deleted[k] === h.inserted[k]) continue;
    if (!hasCjk(h.deleted[k]!) || !hasCjk(h.inserted[k]!)) return null;
    const one = typoEdit({ ...h, deleted: h.deleted[k]!, inserted: h.inserted[k]!, oldStart: h.oldStart + k, newStart: h.newStart + k }, ctx);
    if (!one) return null;
    first ??= one;
  }
  return first;
}

/**
 * A latin word and its misspelling, where the misspelt side means nothing to the classifier (no
 * marker, no lexicon term): five letters or more, first and last letters kept, and the slip is one
 * that spelling makes — two letters transposed (recieve), one vowel for another (seperate), a
 * letter dropped (signficant), or a letter doubled, a vowel slipped in (adresss) or a pair of letters
 * typed twice (aggregrated). Two real words
 * that differ in meaning (share → shame, retain → retrain, explicit → implicit) fail these tests.
 */
function isMisspelling(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (!/^[a-z]+$/.test(x) || !/^[a-z]+$/.test(y)) return false;
  if (Math.min(x.length, y.length) < TUNING.harmless.misspellingLetters || x[0] !== y[0] || x.at(-1) !== y.at(-1)) return false;
  const bare = (t: string): boolean => findMarkers(t).length === 0 && findConcepts(t).length === 0;
  const [wrong, right] = bare(x) ? [x, y] : bare(y) ? [y, x] : [null, null];
  return wrong !== null && spellingSlip(wrong, right);
}

const VOWEL = /[aeiouy]/;

/** True when `wrong` is `right` with one slip of spelling (see isMisspelling). */
function spellingSlip(wrong: string, right: string): boolean {
  if (wrong.length === right.length) {
    const diff = [...wrong].flatMap((c, k) => (c === right[k] ? [] : [k]));
    if (diff.length === 1) return VOWEL.test(wrong[diff[0]!]!) && VOWEL.test(right[diff[0]!]!);
    return diff.length === 2 && diff[1] === diff[0]! + 1 && wrong[diff[0]!] === right[diff[1]!] && wrong[diff[1]!] === right[diff[0]!];
  }
  // One letter dropped from the right word, or one added to it.
  const [short, long] = wrong.length < right.length ? [wrong, right] : [right, wrong];
  if (long.length !== short.length + 1) return false;
  let k = 0;
  while (k < short.length && short[k] === long[k]) k++;
  if (long.slice(k + 1) !== short.slice(k)) return false;
  if (wrong === short) return true;
  const extra = long[k]!;
  // A vowel slipped in, a letter doubled, or a stutter: the letter repeats, with the one before it, a pair typed just before (aggre-gr-ated).
  return VOWEL.test(extra) || extra === long[k - 1] || extra === long[k + 1] || (k > 0 && long.slice(0, k - 1).includes(long[k - 1]! + extra));
}

/** True when [start, start + len] overlaps or borders an entity of the text (30 天, legal@…, 境内 …). */
function touchesEntity(text: string, start: number, len: number): boolean {
  return extractEntities(text).some((e) => start <= e.end && e.start <= start + len);
}

let segmenter: Intl.Segmenter | undefined;

/** Offsets of the Chinese word(s) around an edit in the old text, for showing 搜集 → 收集 rather than 搜 → 收. */
function wordAround(text: string, start: number, len: number): [number, number] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const from = Math.max(0, start - 8);
  const window = text.slice(from, start + len + 8);
  const s = start - from;
  const e = s + len;
  const segs = [...segmenter.segment(window)].map((x) => ({ a: x.index, b: x.index + x.segment.length, word: x.isWordLike === true }));
  let a = s;
  let b = e;
  for (const seg of segs) {
    if (seg.a < Math.max(e, s + 1) && s < seg.b && seg.word) {
      a = Math.min(a, seg.a);
      b = Math.max(b, seg.b);
    }
  }
  // A one-character word (权 in 隐私权政策) shows with the words either side of it.
  if (b - a <= 1) {
    const prev = [...segs].reverse().find((x) => x.b <= a && x.word);
    const next = segs.find((x) => x.a >= b && x.word);
    a = prev && prev.b === a ? prev.a : Math.max(0, a - 1);
    b = next && next.a === b ? next.b : Math.min(window.length, b + 1);
  }
  return [from + a, from + b];
}

function sameMeaningMarkers(a: string, b: string): boolean {
  const classes = (t: string): string => findMarkers(t).flatMap((m) => m.classes).sort().join(',');
  return classes(a) === classes(b);
}

function sameConcepts(a: string, b: string): boolean {
  const ids = (t: string): string => [...new Set(findConcepts(t).map((c) => c.concept))].sort().join(',');
  return ids(a) === ids(b);
}

/** Both sides hold only stop words and punctuation, and no marker (不, only, may …) changes. */
export function isFunctionWordEdit(d: string, i: string): boolean {
  // Stop words are short: a long run cannot be made only of them (and segmenting it would be wasted).
  const size = (t: string): number => (hasCjk(t) ? contentKey(t).length : t.split(/\s+/).length);
  if (size(d) > TUNING.harmless.functionWordsRun || size(i) > TUNING.harmless.functionWordsRun) return false;
  if (contentWords(d).length > 0 || contentWords(i).length > 0) return false;
  if (contentKey(d) === '' && contentKey(i) === '') return false;
  return findMarkers(d).length === 0 && findMarkers(i).length === 0;
}

/** Deleted text that is still there: a doubled word, or a defined term still quoted elsewhere. */
export function isDuplicateDeletion(h: Hunk, ctx: HunkContext): boolean {
  const d = h.deleted;
  const key = contentKey(d);
  if (key === '') return false;
  // A doubled word or phrase: the same words right before or after the deletion.
  const prev = contentKey(ctx.before.slice(Math.max(0, h.oldStart - d.length * 2), h.oldStart));
  const next = contentKey(ctx.before.slice(h.oldStart + d.length, h.oldStart + d.length * 3));
  if (prev.endsWith(key) || next.startsWith(key)) return true;
  if (findMarkers(d).length > 0 || extractEntities(d).length > 0) return false;
  const afterKey = contentKey(ctx.after);
  // A defined term listed twice ("我们"、"我们的"或"我们").
  const quoted = [...d.matchAll(/[“"'‘「]([^”"'’」]+)[”"'’」]/g)].map((m) => m[1]!);
  if (quoted.length > 0 && quoted.every((q) => new RegExp(`[“"'‘「]${escapeRegExp(q)}[”"'’」]`).test(ctx.after))) return true;
  // A whole sentence that is still there, word for word.
  if (/[。！？.!?]\s*$/u.test(d) && afterKey.includes(key)) return true;
  // Short, no commitment words, and the same words are still in the block.
  const strong = findConcepts(d).some((c) => isStrong(c.concept));
  const short = hasCjk(d) ? key.length <= TUNING.harmless.duplicateIdeographs : contentWords(d).length <= TUNING.harmless.duplicateWords;
  return !strong && short && afterKey.includes(key);
}


/** Marker classes an example may carry without binding anything: it says what an instance looks like and when it happens. */
const EXAMPLE_TIMING: ReadonlySet<string> = new Set(['will', 'before', 'after']);

/**
 * An inserted clause that starts with an example marker and only restates the category it follows:
 * no entity of its own, no committal marker, and every commitment term it names is already in the
 * block or its section, or shares a word with the words it follows (contacts … (for example, a
 * contact list …)) without naming a sensitive category the section did not name.
 */
export function isExample(inserted: string, ctx: HunkContext): boolean {
  const t = inserted.replace(/^[\s,，、;；:：(（—–-]+/u, '').toLowerCase();
  const marker = EXAMPLE_MARKERS.find((m) => t.startsWith(m.toLowerCase()));
  if (!marker) return false;
  if (extractEntities(inserted).some((e) => e.type !== 'date')) return false;
  const body = inserted.slice(inserted.toLowerCase().indexOf(marker) + marker.length);
  // When the example happens (the day before the appointment) describes the instance, not a promise; may, only, not … do bind.
  if (committalMarkers(body, [[0, body.length]]).some((m) => m.classes.some((c) => !EXAMPLE_TIMING.has(c)))) return false;
  if (splitSentences(inserted).length > 1) return false;
  const at = ctx.after.indexOf(inserted.trim());
  const preceding = at > 0 ? ctx.after.slice(0, at) : ctx.before;
  return restates(findConcepts(inserted), inserted, `${ctx.before}\n${ctx.sectionText}`, preceding);
}

/** Ideographs too common in privacy terms to tie one term to another (个人信息, 数据, 您的). */
const GENERIC_IDEOGRAPHS: ReadonlySet<string> = new Set([...'个人信息数据资料您的我们号码地址内容记录情况服务用户']);

/**
 * True when example terms restate what is already there: each commitment term (a kind of data, a
 * recipient, a use) is named in `known`, or shares a word with the clause the example follows;
 * and no sensitive category appears that `known` does not name.
 */
export function restates(hits: ConceptHit[], example: string, known: string, preceding: string): boolean {
  const knownLower = known.toLowerCase();
  if (findSensitive(example).some((w) => !knownLower.includes(w))) return false;
  const knownTerms = new Set(findConcepts(known).map((c) => stem(c.term)));
  const clause = preceding.split(/[。；;!?！？]|\.(?=\s)/u).pop() ?? '';
  const near = new Set(contentWords(clause).slice(-12).map(stem));
  const nearKey = contentKey(clause);
  const follows = (term: string): boolean =>
    hasCjk(term) ? [...term].some((_, k) => k + 2 <= term.length && cjkCount(term.slice(k, k + 2)) === 2 && nearKey.includes(term.slice(k, k + 2))) : contentWords(term).some((w) => near.has(stem(w)));
  // An example of the kind the clause it follows already names (工作邮箱 after 电子邮件地址: both contact details).
  const clauseHits = findConcepts(clause);
  const clauseConcepts = new Set(clauseHits.map((c) => c.concept));
  // A Chinese term that shares a telling ideograph with a term of the clause names an instance of it (邮箱 of 电子邮件地址).
  const clauseTerms = clauseHits.filter((c) => isStrong(c.concept) && !c.weak).map((c) => c.term);
  const instanceOf = (term: string): boolean => hasCjk(term) && [...term].some((ch) => hasCjk(ch) && !GENERIC_IDEOGRAPHS.has(ch) && clauseTerms.some((t) => t.includes(ch)));
  // A kind of data is restated only as an instance of the kind it follows (工作邮箱 of 电子邮件地址), never by
  // being data too: 通讯录 is not an example of 设备信息.
  const sameKind = (c: ConceptHit): boolean => c.concept !== 'data-item' && clauseConcepts.has(c.concept);
  return hits.every((c) => !isStrong(c.concept) || c.weak || knownTerms.has(stem(c.term)) || follows(c.term) || sameKind(c) || instanceOf(c.term));
}

/** Words that name a security measure: describing one restates the promise to protect, it adds none. */
const SECURITY_MEASURE =
  /encrypt|\b(?:TLS|SSL|HTTPS|AES(?:-\d+)?|SOC\s?[12]|ISO\s?27001|MFA|2FA)\b|penetration test|vulnerabilit|firewall|access control|audit(?:ed|s|ing)?\b|multi-factor|two-factor|pseudonymi|加密|渗透测试|漏洞扫描|访问控制|审计|防火墙|多因素|双因素|等级保护|安全认证|去标识化/iu;

/** Back-references that tie a limit to what the policy already lists (上述目的, these purposes). */
const BACK_REFERENCE = /上述|前述|以上|本条所列|本节所列|本政策所述|所列目的|\b(?:these|those|the above|above|aforementioned|listed|described|set out)\b/iu;

/** How an added run restates what is there: a description of security measures, a repeated limit, a gloss, or null. */
export function restatement(inserted: string, context: string): 'security' | 'limit' | 'gloss' | null {
  const text = inserted.trim();
  if (text === '' || extractEntities(text).some((e) => e.type !== 'number' && e.type !== 'date')) return null;
  const hits = findConcepts(text);
  const strong = hits.filter((h) => isStrong(h.concept) && !h.weak);
  if (SECURITY_MEASURE.test(text) && hits.some((h) => h.concept === 'security') && strong.length === 0) return 'security';
  // "We use it only for these purposes" / 我们不会将其用于上述目的以外的用途: the limit the section already sets.
  if (BACK_REFERENCE.test(text) && strong.length > 0 && strong.every((h) => h.concept === 'purpose') && committalMarkers(text).some((m) => m.classes.includes('only') || m.classes.includes('negation'))) {
    return 'limit';
  }
  // A parenthetical that says what a word means ("spam (unsolicited bulk messages)"): no term, no promise of its own.
  if (/^[(（][^()（）]{1,80}[)）]$/u.test(text) && strong.length === 0 && committalMarkers(text).length === 0 && context.includes(text) === false) return 'gloss';
  return null;
}

/**
 * Sentences about the policy's own versions (where earlier versions can be read, what this version
 * changed): they speak of the document, not of what is done with anyone's data. Data.
 */
export const VERSION_NOTE_PATTERNS: readonly RegExp[] = [
  /(?:历史|历次|以往|过往|旧|早期|先前|此前|之前|以前)的?版本/u,
  /(?:本|此|该)(?:次)?版本|(?:本次|此次)(?:修订|更新|修改)/u,
  /\b(?:previous|earlier|past|prior|older|archived|former)\s+versions?\b|\bversion\s+history\b|\bchange\s?log\b/iu,
  /\b(?:this|the\s+current)\s+(?:version|revision|update)\b/iu,
];

/** True when every sentence of an added run speaks only of the policy's own versions: no entity but a date or a link, no term of the lexicon, no promise (not, may, must …). */
export function isVersionNote(inserted: string): boolean {
  const sentences = splitSentences(inserted);
  if (sentences.length === 0 || !sentences.every((x) => VERSION_NOTE_PATTERNS.some((re) => re.test(x)))) return false;
  if (extractEntities(inserted).some((e) => e.type !== 'date' && e.type !== 'url')) return false;
  if (findConcepts(inserted).some((c) => isStrong(c.concept) && !c.weak)) return false;
  // "Only the wording was improved" limits what the note says of itself, not anything done with data.
  return committalMarkers(inserted).every((m) => m.classes.every((c) => c === 'only' || c === 'will'));
}

/**
 * Sentences that help a reader through the policy rather than say what is done with data: an
 * instruction to read it (请您仔细阅读, please read it together with …), a note that key terms are in
 * bold, a reading guide or table of contents, a summary that says it does not replace the policy. Data.
 */
export const READING_NOTE_PATTERNS: readonly RegExp[] = [
  /请(?:您)?(?:务必)?(?:仔细|认真|重点|完整|审慎|充分)?阅读/u,
  /阅读指引|阅读提示|导读|目录[:：]/u,
  /(?:加粗|粗体|黑体|下划线|斜体)(?:字体|方式|形式)?(?:提示|标识|标注|显示|注明)/u,
  /\bplease (?:read|review)\b|\bread (?:it|this|them)\b[^.]{0,60}\b(?:together with|carefully|in full|alongside)\b|\bcarefully read\b/iu,
  /\b(?:in bold|bolded|highlighted|underlined)\b/iu,
  /\btable of contents\b|^\s*contents\s*[:：]/iu,
  // A summary of the document itself, not "a summary of your activity".
  /\b(?:this|the following|our) summary\b|\bsummary of (?:this|our|the) (?:policy|notice|terms)\b|\bin short\b|\bat a glance\b|\bkey points\b|本(?:政策|协议|规则)(?:的)?(?:摘要|概要|要点)|(?:摘要|概要)[:：]/iu,
];

/** Words that name sensitive data as a class, not a category of it. */
const GENERIC_SENSITIVE: ReadonlySet<string> = new Set(['敏感', 'sensitive']);

/** A summary that says of itself that it binds nothing: the policy it summarises does. */
const SUMMARY_DECLARATION = /\b(?:does not|doesn't|do not|will not) replace\b|\bfull (?:policy|notice|terms)\b|不(?:能)?(?:替代|取代)|以(?:正文|全文)为准/iu;

/** Fewer content words than this outside the headings a table of contents names: its lead-in ("Contents", 阅读指引). */
const CONTENTS_LEAD_WORDS = 12;
/** A table of contents names at least this many of the policy's headings. */
const CONTENTS_MIN_HEADINGS = 3;
/** Bounds, not tunings: a table of contents lists the first headings of a policy in a paragraph of modest size (keeps the check linear in a 10 MB policy). */
const CONTENTS_MAX_HEADINGS = 200;
const CONTENTS_MAX_CHARS = 4000;

/** A heading as a table of contents writes it: without its number (1., 一、, 第一条, (a)). */
function bareHeading(heading: string): string {
  return normalizeTextForNote(heading).replace(/^(?:[(（]?[0-9a-z一二三四五六七八九十]{1,3}[.)）、]|第[一二三四五六七八九十百0-9]+[条章节])\s*/iu, '').trim();
}

const normalizeTextForNote = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');

/** True when the text names at least CONTENTS_MIN_HEADINGS of the headings and says little besides. */
function isTableOfContents(text: string, headings: readonly string[]): boolean {
  if (text.length > CONTENTS_MAX_CHARS) return false;
  let rest = normalizeTextForNote(text);
  let named = 0;
  for (const heading of new Set(headings.slice(0, CONTENTS_MAX_HEADINGS).map(bareHeading))) {
    if ((hasCjk(heading) ? cjkCount(heading) < 2 : heading.length < 4) || !rest.includes(heading)) continue;
    named++;
    rest = rest.split(heading).join(' ');
  }
  return named >= CONTENTS_MIN_HEADINGS && contentWords(rest).length <= CONTENTS_LEAD_WORDS;
}

/**
 * True when an added (or removed) run only helps a reader through the policy (see
 * READING_NOTE_PATTERNS) and says nothing new: no entity but a date, link or figure; every commitment
 * term it names is already in `knownText()` (the rest of the policy); and no promise of its own (not, may,
 * only …) unless it declares itself a summary that does not replace the policy. A table of contents
 * naming the policy's `headings` counts too.
 */
export function isReadingAid(text: string, knownText: () => string, headings: readonly string[] = []): boolean {
  if (extractEntities(text).some((e) => e.type !== 'date' && e.type !== 'url' && e.type !== 'number')) return false;
  if (isTableOfContents(text, headings)) return true;
  const sentences = splitSentences(text);
  // A summary that declares it does not replace the policy: every sentence after the declaration is its content.
  const summary = SUMMARY_DECLARATION.test(text) && READING_NOTE_PATTERNS.some((re) => re.test(sentences[0] ?? ''));
  if (sentences.length === 0 || !(summary || sentences.every((x) => READING_NOTE_PATTERNS.some((re) => re.test(x))))) return false;
  // The rest of the policy is read only for a run that has the shape of a note.
  const known = knownText();
  const knownLower = known.toLowerCase();
  // A summary restates the policy's own terms; a note may name their kind (敏感个人信息 for the ID and card numbers the policy lists).
  const knownConcepts = new Set(findConcepts(known).map((c) => c.concept));
  const restated = (c: ConceptHit): boolean => (summary ? knownLower.includes(c.term.toLowerCase()) : knownConcepts.has(c.concept));
  if (findConcepts(text).some((c) => isStrong(c.concept) && !c.weak && !restated(c))) return false;
  // Naming the class (敏感个人信息, sensitive data) is not naming a new category of it.
  if (findSensitive(text).some((w) => !GENERIC_SENSITIVE.has(w) && !knownLower.includes(w))) return false;
  return summary || committalMarkers(text).every((m) => m.classes.every((c) => c === 'will' || c === 'all'));
}

/** Inserted text made only of cross-references (参见本政策第 5 条, see section 5 …), with no entity of its own. */
export function isCrossReference(inserted: string): boolean {
  const sentences = splitSentences(inserted);
  if (sentences.length === 0) return false;
  if (!sentences.every((s) => CROSS_REFERENCE_PATTERNS.some((re) => re.test(s)))) return false;
  let rest = inserted;
  for (const re of CROSS_REFERENCE_PATTERNS) rest = rest.replace(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), ' ');
  if (extractEntities(rest).some((e) => e.type !== 'url')) return false;
  return !committalMarkers(rest, [[0, rest.length]]).some((m) => m.classes.includes('negation') || m.classes.includes('only') || m.classes.includes('exception'));
}
