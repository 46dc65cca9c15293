/**
 * How alike two block texts are, for pairing removed and added blocks as modifications: overall
 * (Dice), and how closely the shorter text is found inside the longer one (a sentence appended to a
 * short paragraph leaves it inside the new one).
 */

/** Above this many characters only the start of a text is compared (bounded time). */
const MAX_COMPARED = 4000;

/** A text's character bigrams (lowercased, by code point) as sorted numeric keys; a one-character text is its character. */
function bigramKeys(text: string): Float64Array {
  const chars = Array.from(text.toLowerCase(), (c) => c.codePointAt(0)!);
  // Keys: first code point × 0x110000 + second; a lone character gets a negative key that no pair has.
  if (chars.length === 1) return Float64Array.of(-1 - chars[0]!);
  const keys = new Float64Array(Math.max(0, chars.length - 1));
  for (let i = 0; i < keys.length; i++) keys[i] = chars[i]! * 0x110000 + chars[i + 1]!;
  return keys.sort();
}

/**
 * Dice coefficient of two multisets given as sorted numeric keys: twice the shared count over the
 * total. Sorted typed arrays instead of maps of strings: no allocation per bigram. Pure.
 */
export function sortedDice(left: Float64Array, right: Float64Array): number {
  const total = left.length + right.length;
  if (total === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < left.length && j < right.length; ) {
    if (left[i]! < right[j]!) i++;
    else if (left[i]! > right[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return (2 * shared) / total;
}

/** Dice coefficient over character bigrams, in [0, 1]. Pure. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a === '' || b === '') return 0;
  return sortedDice(bigramKeys(a.length > MAX_COMPARED ? a.slice(0, MAX_COMPARED) : a), bigramKeys(b.length > MAX_COMPARED ? b.slice(0, MAX_COMPARED) : b));
}

/** Bigrams of a text as a list, in order (lowercased, at most the first 4000 characters). */
function bigramList(text: string): string[] {
  const chars = Array.from((text.length > MAX_COMPARED ? text.slice(0, MAX_COMPARED) : text).toLowerCase());
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * How closely the shorter text appears inside the longer one, in [0, 1]: the best Dice coefficient
 * between the shorter text and a window of the longer one of the same length. 1 when the shorter
 * text occurs whole in the longer; near Dice when both are about as long. Pure.
 */
export function containedSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [bigramList(a), bigramList(b)] : [bigramList(b), bigramList(a)];
  const n = short.length;
  if (n === 0 || long.length === 0) return 0;
  const want = new Map<string, number>();
  for (const g of short) want.set(g, (want.get(g) ?? 0) + 1);
  const have = new Map<string, number>();
  let shared = 0;
  let best = 0;
  for (let i = 0; i < long.length; i++) {
    const g = long[i]!;
    const h = (have.get(g) ?? 0) + 1;
    have.set(g, h);
    if (h <= (want.get(g) ?? 0)) shared++;
    if (i >= n) {
      const out = long[i - n]!;
      const left = have.get(out)! - 1;
      have.set(out, left);
      if (left < (want.get(out) ?? 0)) shared--;
    }
    if (i >= n - 1 || i === long.length - 1) best = Math.max(best, shared / n);
  }
  return best;
}
