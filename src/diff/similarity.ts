/**
 * How alike two block texts are, for pairing removed and added blocks as modifications: overall
 * (Dice), and how closely the shorter text is found inside the longer one (a sentence appended to a
 * short paragraph leaves it inside the new one).
 */

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = Array.from(text.toLowerCase());
  if (chars.length === 1) grams.set(chars[0]!, 1);
  for (let i = 0; i < chars.length - 1; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient over character bigrams, in [0, 1]. Pure. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a === '' || b === '') return 0;
  const left = bigrams(a.length > 4000 ? a.slice(0, 4000) : a);
  const right = bigrams(b.length > 4000 ? b.slice(0, 4000) : b);
  let shared = 0;
  let total = 0;
  for (const count of left.values()) total += count;
  for (const [gram, count] of right) {
    total += count;
    const other = left.get(gram);
    if (other) shared += Math.min(other, count);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Bigrams of a text as a list, in order (lowercased, at most the first 4000 characters). */
function bigramList(text: string): string[] {
  const chars = Array.from((text.length > 4000 ? text.slice(0, 4000) : text).toLowerCase());
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
