/** A bounded cache for pure functions of one string (the same block text is analysed several times). */

/** Wraps `fn` so that its last `size` results are reused; `fn` must be pure. */
export function memoize<T>(fn: (text: string) => T, size = 2048): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    cache.set(text, value);
    return value;
  };
}
