/**
 * The edits inside a modified block, as hunks: a run of deleted text and the text
 * inserted in its place, with offsets in both texts. Computed here (tokens: latin words,
 * single ideographs, punctuation) rather than taken from the redline, so that the
 * signals do not depend on how the redline was cut.
 */
import { diffArrays } from 'diff';
import { cjkCount, tokenize } from './text.js';

/** One edit inside a block. */
export interface Hunk {
  /** Text removed (may be empty). */
  deleted: string;
  /** Text inserted (may be empty). */
  inserted: string;
  /** Offset of `deleted` in the old text. */
  oldStart: number;
  /** Offset of `inserted` in the new text. */
  newStart: number;
}

/** Token count above which a block is treated as one hunk instead of being diffed. */
const MAX_TOKENS = 20_000;

/** The hunks that turn `before` into `after`, short equal runs between edits merged in. */
export function diffHunks(before: string, after: string): Hunk[] {
  if (before === after) return [];
  // The common head and tail need no diff (a typo in a 100 KB HTML block is one small hunk); cut at word boundaries.
  let head = 0;
  const max = Math.min(before.length, after.length);
  while (head < max && before[head] === after[head]) head++;
  while (head > 0 && WORD_CHAR.test(before[head - 1]!) && WORD_CHAR.test(before[head] ?? '')) head--;
  let tail = 0;
  while (tail < max - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  while (tail > 0 && WORD_CHAR.test(before[before.length - tail]!) && WORD_CHAR.test(before[before.length - tail - 1] ?? '')) tail--;
  const inner = diffMiddle(before.slice(head, before.length - tail), after.slice(head, after.length - tail));
  return inner.map((h) => ({ ...h, oldStart: h.oldStart + head, newStart: h.newStart + head }));
}

/** Latin letters and digits: a cut between two of them would split a word. */
const WORD_CHAR = /[A-Za-z0-9'’\u00c0-\u024f]/;

function diffMiddle(before: string, after: string): Hunk[] {
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.length + b.length > MAX_TOKENS) return [{ deleted: before, inserted: after, oldStart: 0, newStart: 0 }];
  const parts = diffArrays(a, b, { timeout: 200 }) ?? [{ removed: true, added: false, value: a, count: a.length }, { added: true, removed: false, value: b, count: b.length }];
  type Seg = { op: 'eq' | 'del' | 'ins'; text: string };
  const segs: Seg[] = parts.map((p) => ({ op: p.added ? 'ins' : p.removed ? 'del' : 'eq', text: p.value.join('') }));

  // Walk the parts, collecting hunks; an equal run that is tiny next to its neighbours is
  // absorbed, so a rewritten clause is one hunk and not a confetti of single characters.
  const hunks: Hunk[] = [];
  let oldPos = 0;
  let newPos = 0;
  let cur: Hunk | null = null;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.op === 'eq') {
      const next = segs.slice(i + 1).find((x) => x.op !== 'eq');
      if (cur && next && absorbable(s.text, cur, segs, i)) {
        cur.deleted += s.text;
        cur.inserted += s.text;
      } else if (cur) {
        hunks.push(cur);
        cur = null;
      }
      oldPos += s.text.length;
      newPos += s.text.length;
      continue;
    }
    cur ??= { deleted: '', inserted: '', oldStart: oldPos, newStart: newPos };
    if (s.op === 'del') {
      cur.deleted += s.text;
      oldPos += s.text.length;
    } else {
      cur.inserted += s.text;
      newPos += s.text.length;
    }
  }
  if (cur) hunks.push(cur);
  return hunks;
}

/** An equal run between two edits is absorbed when it is much shorter than the edits around it. */
function absorbable(eq: string, cur: Hunk, segs: Array<{ op: string; text: string }>, i: number): boolean {
  const size = (t: string): number => cjkCount(t) + (t.match(/[A-Za-z0-9]+/g)?.length ?? 0);
  const eqSize = size(eq);
  let after = 0;
  for (let j = i + 1; j < segs.length && segs[j]!.op !== 'eq'; j++) after += size(segs[j]!.text);
  const before = Math.max(size(cur.deleted), size(cur.inserted));
  // A lone space or mark between two edited words: one phrase was replaced.
  if (eqSize === 0) return eq.length <= 2 && before > 0 && after > 0;
  return eqSize <= 2 && before >= 3 * eqSize && after >= 3 * eqSize;
}

/** Applies a subset of hunks to the old text: the new text as if only those edits had been made. */
export function applyHunks(before: string, hunks: Hunk[]): string {
  let out = '';
  let pos = 0;
  for (const h of [...hunks].sort((x, y) => x.oldStart - y.oldStart)) {
    out += before.slice(pos, h.oldStart) + h.inserted;
    pos = h.oldStart + h.deleted.length;
  }
  return out + before.slice(pos);
}

/** Where each hunk's inserted text lies in `applyHunks(before, hunks)`, as [start, end) offsets, in old-text order. */
export function insertedRanges(hunks: Hunk[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let shift = 0;
  for (const h of [...hunks].sort((x, y) => x.oldStart - y.oldStart)) {
    const start = h.oldStart + shift;
    out.push([start, start + h.inserted.length]);
    shift += h.inserted.length - h.deleted.length;
  }
  return out;
}
