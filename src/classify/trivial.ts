/**
 * Edits that change no commitment: whitespace, punctuation, letter case, typos, dropped
 * pronouns and particles, a removed duplicate, an added example, an added cross-reference,
 * a changed date, a re-pointed link. Each test looks at one hunk in the context of its block.
 */
import { findConcepts, isStrong } from './concepts.js';
import { extractEntities } from './entities.js';
import type { Hunk } from './hunks.js';
import { findMarkers } from './markers.js';
import { contentKey, contentWords, editDistance, hasCjk, isPunctuationOrSpace, splitSentences, stem } from './text.js';

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
  | 'link';

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
  /\b(?:above|below)\b.{0,20}\bsection\b/i,
];

const DIGITS = /[\p{N}〇一二三四五六七八九十百千万两]/u;

/** Context for judging a hunk. */
export interface HunkContext {
  /** The block's old and new normalised text. */
  before: string;
  after: string;
  /** Text around the block (its section) in the old version, to tell whether an example restates it. */
  sectionText: string;
}

/** Classifies a hunk as harmless, or returns null when it may change a commitment. */
export function classifyTrivialHunk(h: Hunk, ctx: HunkContext): TrivialEdit | null {
  const d = h.deleted;
  const i = h.inserted;
  const edit = (kind: TrivialKind, before = d, after = i): TrivialEdit => ({ kind, before: before.trim(), after: after.trim() });
  if (d.replace(/\s+/g, '') === i.replace(/\s+/g, '')) return edit('whitespace');
  if (contentKey(d) === contentKey(i)) {
    if (isPunctuationOrSpace(d) && isPunctuationOrSpace(i)) return edit('punctuation');
    if (d.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') === i.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')) {
      return d.toLowerCase() === i.toLowerCase() ? edit('case') : edit('punctuation');
    }
  }
  const date = withinEntity(h, ctx, 'date');
  if (date) return edit('date', date[0], date[1]);
  const url = withinEntity(h, ctx, 'url');
  if (url) return edit('link', url[0], url[1]);
  if (isFunctionWordEdit(d, i)) return edit('function-words');
  const typo = typoEdit(h, ctx);
  if (typo) return typo;
  if (i.trim() === '' || isPunctuationOrSpace(i) || isFunctionWordEdit('', i)) {
    if (isDuplicateDeletion(h, ctx)) return edit('duplicate');
  }
  if (isPunctuationOrSpace(d) || isFunctionWordEdit(d, '')) {
    if (isExample(i, ctx)) return edit('example');
    if (isCrossReference(i)) return edit('cross-reference');
  }
  if (isPunctuationOrSpace(i) || isFunctionWordEdit(i, '')) {
    // An example or cross-reference taken out: harmless if what it named is still named in the block.
    if (isExample(d, { before: ctx.after, after: ctx.after, sectionText: '' })) return edit('example');
    if (isCrossReference(d)) return edit('cross-reference');
  }
  return null;
}

/** When the hunk lies inside a date (or URL) on both sides, the whole entity before and after. */
function withinEntity(h: Hunk, ctx: HunkContext, type: 'date' | 'url'): [string, string] | null {
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

function typoEdit(h: Hunk, ctx: HunkContext): TrivialEdit | null {
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
    if ([...d].length > 1 || [...i].length > 1) return null;
    if (editDistance(before, after, 2) > 1) return null;
  } else {
    const bw = before.split(/\s+/);
    const aw = after.split(/\s+/);
    if (bw.length !== 1 || aw.length !== 1) return null;
    const len = Math.min(before.length, after.length);
    const dist = editDistance(before.toLowerCase(), after.toLowerCase(), 3);
    if (!(len >= 4 && dist <= 1) && !(len >= 7 && dist <= 2)) return null;
  }
  if (!sameMeaningMarkers(before, after)) return null;
  if (!sameConcepts(before, after)) return null;
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
function isFunctionWordEdit(d: string, i: string): boolean {
  // Stop words are short: a long run cannot be made only of them (and segmenting it would be wasted).
  const size = (t: string): number => (hasCjk(t) ? contentKey(t).length : t.split(/\s+/).length);
  if (size(d) > 8 || size(i) > 8) return false;
  if (contentWords(d).length > 0 || contentWords(i).length > 0) return false;
  if (contentKey(d) === '' && contentKey(i) === '') return false;
  return findMarkers(d).length === 0 && findMarkers(i).length === 0;
}

/** Deleted text that is still there: a doubled word, or a defined term still quoted elsewhere. */
function isDuplicateDeletion(h: Hunk, ctx: HunkContext): boolean {
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
  if (quoted.length > 0 && quoted.every((q) => new RegExp(`[“"'‘「]${escapeRe(q)}[”"'’」]`).test(ctx.after))) return true;
  // A whole sentence that is still there, word for word.
  if (/[。！？.!?]\s*$/u.test(d) && afterKey.includes(key)) return true;
  // Short, no commitment words, and the same words are still in the block.
  const strong = findConcepts(d).some((c) => isStrong(c.concept));
  const short = hasCjk(d) ? key.length <= 8 : contentWords(d).length <= 3;
  return !strong && short && afterKey.includes(key);
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An inserted clause that starts with an example marker and only restates what the section already says. */
export function isExample(inserted: string, ctx: HunkContext): boolean {
  const t = inserted.replace(/^[\s,，、;；:：(（—–-]+/u, '').toLowerCase();
  const marker = EXAMPLE_MARKERS.find((m) => t.startsWith(m.toLowerCase()));
  if (!marker) return false;
  if (extractEntities(inserted).some((e) => e.type !== 'date')) return false;
  if (findMarkers(inserted.slice(inserted.toLowerCase().indexOf(marker) + marker.length)).some((m) => m.classes.some((c) => c !== 'will'))) return false;
  if (splitSentences(inserted).length > 1) return false;
  // Commitment terms the example names (a kind of data, a recipient, a use) must already be in the block or its section.
  const known = new Set(findConcepts(`${ctx.before}\n${ctx.sectionText}`).map((c) => stem(c.term)));
  return findConcepts(inserted).every((c) => !isStrong(c.concept) || c.weak || known.has(stem(c.term)));
}

/** Inserted text made only of cross-references (参见本政策第 5 条, see section 5 …), with no entity of its own. */
export function isCrossReference(inserted: string): boolean {
  const sentences = splitSentences(inserted);
  if (sentences.length === 0) return false;
  if (!sentences.every((s) => CROSS_REFERENCE_PATTERNS.some((re) => re.test(s)))) return false;
  let rest = inserted;
  for (const re of CROSS_REFERENCE_PATTERNS) rest = rest.replace(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), ' ');
  if (extractEntities(rest).some((e) => e.type !== 'url')) return false;
  return !findMarkers(rest).some((m) => m.classes.includes('negation') || m.classes.includes('only') || m.classes.includes('exception'));
}
