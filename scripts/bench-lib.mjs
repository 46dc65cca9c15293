// Helpers shared by the bench scripts: deterministic corpora and archive hashing.
import { createHash } from 'node:crypto';

/** SHA-256 hex of a string or bytes. */
export const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** JSON with keys sorted at every depth: what index.json's `previous` hashes. */
export function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}

/** A deterministic pseudo-random generator, so every run edits the same places. */
export function random(seed) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** The seed's sections repeated (renumbered) until the document reaches `bytes`. */
export function largePolicy(seed, bytes) {
  const split = seed.indexOf('\n## ');
  let doc = seed.slice(0, split);
  const body = seed.slice(split);
  for (let copy = 1; Buffer.byteLength(doc) < bytes; copy++) doc += body.replace(/\n## (\d+)\./g, (_m, n) => `\n## ${copy}.${n}.`);
  return doc;
}

/** `count` small edits at scattered lines (a phrase inserted, replaced or deleted), drawn from `next`. */
export function scatteredEdits(doc, count, next) {
  const lines = doc.split('\n');
  const candidates = lines.map((_line, i) => i).filter((i) => i > 10 && lines[i].length > 20 && !lines[i].startsWith('#'));
  for (let i = 0; i < count; i++) {
    const at = candidates[Math.floor(next() * candidates.length)];
    const line = lines[at];
    const pos = Math.floor(next() * (line.length - 4));
    const kind = next();
    lines[at] =
      kind < 0.4 ? line.slice(0, pos) + '以及相关' + line.slice(pos)
      : kind < 0.8 ? line.slice(0, pos) + '其他' + line.slice(pos + 2)
      : line.slice(0, pos) + line.slice(pos + 3);
  }
  return lines.join('\n');
}
