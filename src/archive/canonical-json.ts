/**
 * Canonical JSON (keys sorted, no whitespace) and the hashes built on it, so
 * that an archive entry hashes the same whoever wrote the file and however it
 * was indented.
 */
import { sha256Hex } from '../hash.js';

/** Serialises a JSON value with object keys sorted at every depth and no whitespace. Pure. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    // JSON.stringify returns undefined for undefined, functions and symbols: not JSON values.
    if (text === undefined) throw new TypeError(`canonicalJson: not a JSON value: ${String(value)}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/** The hash that the next entry's `previous` must hold: SHA-256 of the entry's canonical JSON. */
export function entryHash(entry: object): string {
  return sha256Hex(canonicalJson(entry));
}
