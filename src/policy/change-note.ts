/**
 * The human change note: `changeNote: |` in a policy's front matter, in the
 * policy's language — what changed and why, in a lawyer's words. Publish moves
 * it into the archived record and clears it from the source (like `effective`).
 */
import { PolicyError, MESSAGES } from '../errors.js';
import type { Policy } from '../types.js';

/** The front matter key of the change note. */
export const CHANGE_NOTE_KEY = 'changeNote';

/** Longest note accepted: a note is a few paragraphs, not a second policy. */
export const MAX_CHANGE_NOTE_LENGTH = 10_000;

/**
 * The change note of a policy's source, trimmed; null when there is none (or it is blank).
 * Throws BAD_FRONT_MATTER for a value that is not text, or is too long. Pure.
 */
export function changeNoteOf(policy: Pick<Policy, 'path' | 'frontMatter'>): string | null {
  const value = policy.frontMatter[CHANGE_NOTE_KEY];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    throw new PolicyError('BAD_FRONT_MATTER', MESSAGES.BAD_FRONT_MATTER(`${CHANGE_NOTE_KEY} must be text (use "${CHANGE_NOTE_KEY}: |" and indented lines), found ${Array.isArray(value) ? 'a list' : typeof value}`, { file: policy.path }));
  }
  const note = value.trim();
  if (note.length > MAX_CHANGE_NOTE_LENGTH) {
    throw new PolicyError('BAD_FRONT_MATTER', MESSAGES.BAD_FRONT_MATTER(`${CHANGE_NOTE_KEY} is ${note.length} characters long, at most ${MAX_CHANGE_NOTE_LENGTH} allowed`, { file: policy.path }));
  }
  return note === '' ? null : note;
}

/**
 * A change note's paragraphs: separated by blank lines, each with its line
 * breaks joined (with nothing between Chinese characters, a space elsewhere). Pure.
 */
export function splitNoteParagraphs(note: string): string[] {
  return note
    .split(/\n[ \t]*\n/)
    .map((part) =>
      part
        .trim()
        .replace(/(\p{Script=Han}|\p{P})[ \t]*\r?\n[ \t]*(?=\p{Script=Han})/gu, '$1')
        .replace(/[ \t]*\r?\n[ \t]*/g, ' '),
    )
    .filter((part) => part !== '');
}
