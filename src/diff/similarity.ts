/** How alike two block texts are, for pairing removed and added blocks as modifications. */

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
