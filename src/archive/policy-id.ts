/**
 * Policy ids name folders (`archive/<id>/`) and appear in references
 * (`<id>@<version>`), so anything that could climb out of a folder or confuse
 * a reference is refused before a single byte is written.
 */
import { PolicyError, MESSAGES } from '../errors.js';

const MAX_ID_LENGTH = 100;
// Letters and digits of any script, then also `.`, `_` and `-`; never a path separator, `@`, NUL or a control character.
const ID = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}._-]*$/u;

/** Why `id` is not a valid policy id, or null when it is. Pure. */
export function findIdProblem(id: string): string | null {
  if (id === '') return 'it is empty';
  if (id.includes('\0')) return 'it contains a NUL character';
  if (/[/\\]/.test(id)) return 'it contains a path separator';
  if (id.includes('..')) return 'it contains ".."';
  if (id.includes('@')) return 'it contains "@", which separates an id from a version in references';
  if (id.length > MAX_ID_LENGTH) return `it is longer than ${MAX_ID_LENGTH} characters`;
  if (!ID.test(id)) return 'use letters, digits, ".", "_" and "-", starting with a letter or digit';
  return null;
}

/** Returns `id` when it is a valid policy id; otherwise throws BAD_ID naming `where` (a file or argument). */
export function validatePolicyId(id: string, where: string): string {
  const problem = findIdProblem(id);
  if (problem !== null) throw new PolicyError('BAD_ID', MESSAGES.BAD_ID(`invalid policy id ${JSON.stringify(id)}: ${problem}`, { file: where }));
  return id;
}
