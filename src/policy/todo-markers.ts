/**
 * `[[TODO: …]]` markers: what `policy init`'s starter policy leaves for the
 * company to fill in. A policy that still has one is not ready to publish.
 */
import { MESSAGES, PolicyError } from '../errors.js';

/** The opening of a marker, as the starter policies write it. */
export const TODO_MARKER = '[[TODO:';

/** The first marker in `text`: its 1-based line and the marker as written (at most 80 characters). Pure, linear. */
export function findTodoMarker(text: string): { line: number; marker: string } | null {
  const at = text.indexOf(TODO_MARKER);
  if (at < 0) return null;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  const close = text.indexOf(']]', at);
  const lineEnd = text.indexOf('\n', at);
  const end = close >= 0 && (lineEnd < 0 || close < lineEnd) ? close + 2 : lineEnd < 0 ? text.length : lineEnd;
  const marker = text.slice(at, end);
  return { line, marker: marker.length > 80 ? `${marker.slice(0, 79)}…` : marker };
}

/** Throws UNFINISHED_POLICY (exit 2) naming `file:line` when the policy still has a `[[TODO: …]]` marker. */
export function assertNoTodoMarkers(text: string, file: string): void {
  const found = findTodoMarker(text);
  if (found === null) return;
  throw new PolicyError('UNFINISHED_POLICY', MESSAGES.UNFINISHED_POLICY(file, found.line, found.marker, TODO_MARKER));
}
