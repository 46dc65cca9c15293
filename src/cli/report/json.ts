/** Printing JSON reports (the shape of a revision is in src/revision-json.ts). */

/** Characters JSON.stringify leaves raw that a terminal or an editor acts on (C1 controls, line and paragraph separators, bidi overrides). */
const RAW_CONTROLS = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A JSON report as printed: indented, and with every control character in a
 * string as a `\uXXXX` escape (JSON.stringify already escapes those below
 * U+0020), so the same value parses back and nothing raw reaches a terminal. Pure.
 */
export function stringifyReportJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
