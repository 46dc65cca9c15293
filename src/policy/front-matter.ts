/**
 * The one front-matter module: finds the YAML block between `---` lines, parses
 * it with a bounded parser, checks what it declares (dates), and keeps the
 * file line and offsets of every top-level key, so that block lines stay file
 * lines, reports name the right line and publish can edit a key in place.
 *
 * YAML is read by `yaml` 2.x (YAML 1.2 core schema): aliases are bounded
 * (an alias bomb is refused, not expanded), and unquoted dates stay strings,
 * which `checkDates` then checks as calendar dates.
 */
import { LineCounter, parseDocument, isMap, isScalar, type YAMLError } from 'yaml';
import { isIsoDate } from '../archive/dates.js';
import { PolicyError, MESSAGES } from '../errors.js';

/** Most alias expansions front matter may make before it is refused as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** Keys whose value must be a calendar date written YYYY-MM-DD. */
const DATE_KEYS = ['effective'];

/** Where a top-level front-matter key sits in the file. */
export interface FrontMatterKey {
  /** 1-based file line of the key. */
  line: number;
  /** Source offsets of the whole entry (key, value and any continuation lines). */
  start: number;
  end: number;
}

/** Where the front matter block sits in a file, before it is parsed. */
export interface FrontMatterBlock {
  /** Whether the file has a front matter block at all. */
  present: boolean;
  /** Offset of the first YAML character (after the opening `---` line); equals `yamlEnd` when absent. */
  yamlStart: number;
  /** Offset of the closing `---` line. */
  yamlEnd: number;
  /** Offset where the Markdown body starts. */
  bodyOffset: number;
  /** The line ending the opening line uses (`\n` when absent). */
  eol: string;
}

export interface FrontMatter extends FrontMatterBlock {
  data: Record<string, unknown>;
  /** The Markdown after the front matter. */
  body: string;
  /** Number of lines before the body starts (0 without front matter). */
  bodyLineOffset: number;
  /** Each top-level key's position, by key. */
  keys: Record<string, FrontMatterKey>;
}

const OPENING = /^(\uFEFF)?---[ \t]*(\r?\n)/;
// The closing delimiter is the first line that is exactly --- (or ...).
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Finds the front matter block of a file. Throws BAD_FRONT_MATTER when it is opened and never closed. Pure. */
export function locateFrontMatter(source: string, path: string): FrontMatterBlock {
  const opening = OPENING.exec(source);
  if (!opening) {
    const start = source.startsWith('\uFEFF') ? 1 : 0;
    const eol = /^[^\n]*\r\n/.test(source) ? '\r\n' : '\n';
    return { present: false, yamlStart: start, yamlEnd: start, bodyOffset: start, eol };
  }
  const yamlStart = opening[0].length;
  const closing = CLOSING.exec(source.slice(yamlStart));
  if (!closing) {
    throw new PolicyError('BAD_FRONT_MATTER', MESSAGES.BAD_FRONT_MATTER('front matter opened with --- on line 1 is never closed', { file: path, line: 1 }));
  }
  const yamlEnd = yamlStart + closing.index;
  return { present: true, yamlStart, yamlEnd, bodyOffset: yamlEnd + closing[0].length, eol: opening[2]! };
}

/** A BAD_FRONT_MATTER error; `problem` holds `{line}` where the line number goes. */
function bad(path: string, line: number, problem: string, cause?: unknown): PolicyError {
  return new PolicyError('BAD_FRONT_MATTER', MESSAGES.BAD_FRONT_MATTER(`${problem.replace('{line}', `at line ${line}`)}`, { file: path, line }), cause === undefined ? undefined : { cause });
}

/** The first line of a YAML error, without the position the parser appends (we give the file line). */
function yamlReason(error: YAMLError): string {
  return error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Splits, parses and checks a policy's front matter. Throws BAD_FRONT_MATTER (file and line in details) for invalid YAML, an alias bomb or an impossible date. Pure. */
export function parseFrontMatter(source: string, path: string): FrontMatter {
  const block = locateFrontMatter(source, path);
  if (!block.present) {
    return { ...block, data: {}, body: source.slice(block.bodyOffset), bodyLineOffset: 0, keys: {} };
  }
  const yaml = source.slice(block.yamlStart, block.yamlEnd);
  // File line of the YAML's first line: the opening `---` is line 1.
  const firstLine = 2;
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false, version: '1.2' });
  const error = doc.errors[0];
  if (error) {
    const line = firstLine - 1 + (counter.linePos(error.pos[0]).line ?? 1);
    throw bad(path, line, `invalid front matter YAML {line}: ${yamlReason(error)}`, error);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    if (!(cause instanceof ReferenceError)) throw cause;
    throw bad(path, firstLine, `front matter YAML {line} expands aliases more than ${MAX_ALIAS_COUNT} times (refused as an alias bomb)`, cause);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) throw bad(path, firstLine, 'front matter {line} must be a mapping of keys to values');
  const keys: Record<string, FrontMatterKey> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : null;
      const range = (pair.key as { range?: [number, number, number] } | null)?.range;
      if (key === null || !range) continue;
      const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
      keys[key] = { line: firstLine - 1 + counter.linePos(range[0]).line, start: block.yamlStart + range[0], end: block.yamlStart + (valueRange ? valueRange[1] : range[1]) };
    }
  }
  checkDates(data as Record<string, unknown>, keys, path);
  const bodyLineOffset = source.slice(0, block.bodyOffset).split('\n').length - 1;
  return { ...block, data: data as Record<string, unknown>, body: source.slice(block.bodyOffset), bodyLineOffset, keys };
}

/** Refuses a date key whose value is not a real calendar date written YYYY-MM-DD (2026-13-45, 2026-02-30), quoted or not. */
function checkDates(data: Record<string, unknown>, keys: Record<string, FrontMatterKey>, path: string): void {
  for (const key of DATE_KEYS) {
    const value = data[key];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'string' && isIsoDate(value)) continue;
    throw bad(path, keys[key]?.line ?? 1, `front matter "${key}" {line} must be a real date written YYYY-MM-DD, found ${JSON.stringify(value)}`);
  }
}
