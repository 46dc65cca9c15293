/** Helpers to parse policies from strings and fixture files in tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../../src/hash.js';
import { parsePolicy } from '../../src/policy/parse-policy.js';
import type { Policy } from '../../src/types.js';

/** Absolute path of a file under test/fixtures/. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));
}

/** Text of a file under test/fixtures/. */
export function readFixture(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

/** Parses a policy from a string. */
export function policyFrom(source: string, path = 'policy.md', id = 'policy'): Policy {
  return parsePolicy({ source, path, id, sha256: sha256Hex(source) });
}
