/**
 * Inline redline of one changed block: word-level, CJK-aware. Text is split
 * into words, punctuation and spaces with Intl.Segmenter (dictionary-based word
 * breaks for Chinese), and the token lists are diffed with jsdiff. Segmenting is
 * done one block at a time: Intl.Segmenter is quadratic on very long strings.
 */
import { diffArrays } from 'diff';
import { hasCjk, segmentWordsOf } from '../policy/text.js';
import type { InlinePart } from '../types.js';

/** Above this many characters a block is tokenised by a regex instead of Intl.Segmenter. */
const SEGMENTER_LIMIT = 20_000;
/** Token diffs that take longer than this give up and show the whole block replaced. */
const DIFF_TIMEOUT_MS = 200;


const REGEX_TOKENS = /[\p{L}\p{N}_'’-]+|\s+|./gsu;

/** Splits text into word, punctuation and whitespace tokens. Pure. */
export function tokenize(text: string): string[] {
  if (text.length > SEGMENTER_LIMIT) return text.match(REGEX_TOKENS) ?? [];
  const locale = hasCjk(text) ? 'zh' : 'en';
  const tokens: string[] = [];
  for (const { segment } of segmentWordsOf(text, locale)) tokens.push(segment);
  return tokens;
}

function push(parts: InlinePart[], op: InlinePart['op'], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** Characters of unchanged text kept around an edit when segmenting, so word breaks near it stay right. */
const MARGIN = 12;

/** Lengths of the common prefix and suffix, in UTF-16 units, not splitting surrogate pairs. */
function commonEnds(a: string, b: string): [number, number] {
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return [Math.max(0, prefix - MARGIN), Math.max(0, suffix - MARGIN)];
}

/** Word-level diff of two texts as equal / delete / insert parts (deletions before insertions). Pure. */
export function diffInline(before: string, after: string): InlinePart[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  // Only the region around the edits is segmented and diffed; the common ends are kept as they are.
  let [prefix, suffix] = commonEnds(before, after);
  while (prefix > 0 && /[\udc00-\udfff]/.test(before[prefix] ?? '')) prefix--;
  while (suffix > 0 && /[\udc00-\udfff]/.test(before[before.length - suffix] ?? '')) suffix--;
  const head = before.slice(0, prefix);
  const tail = before.slice(before.length - suffix);
  const middle = diffMiddle(before.slice(prefix, before.length - suffix), after.slice(prefix, after.length - suffix));
  const parts: InlinePart[] = [];
  push(parts, 'equal', head);
  for (const part of middle) push(parts, part.op, part.text);
  push(parts, 'equal', tail);
  return parts;
}

function diffMiddle(before: string, after: string): InlinePart[] {
  const result = diffArrays(tokenize(before), tokenize(after), { timeout: DIFF_TIMEOUT_MS });
  if (!result) {
    const parts: InlinePart[] = [];
    push(parts, 'delete', before);
    push(parts, 'insert', after);
    return parts;
  }
  const parts: InlinePart[] = [];
  let pendingDelete = '';
  let pendingInsert = '';
  const flush = () => {
    push(parts, 'delete', pendingDelete);
    push(parts, 'insert', pendingInsert);
    pendingDelete = '';
    pendingInsert = '';
  };
  for (const change of result) {
    const text = change.value.join('');
    if (change.removed) pendingDelete += text;
    else if (change.added) pendingInsert += text;
    else {
      flush();
      push(parts, 'equal', text);
    }
  }
  flush();
  return parts;
}
