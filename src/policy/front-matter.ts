/**
 * YAML front matter: parsed with gray-matter, located precisely so that block
 * lines stay file lines and so the publish step can edit keys in place.
 */
import matter from 'gray-matter';
import { PolicyError } from '../errors.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The Markdown after the front matter. */
  body: string;
  /** Number of lines before the body starts (0 without front matter). */
  bodyLineOffset: number;
  /** Offset in the source where the body starts. */
  bodyOffset: number;
  /** Whether the file has a front matter block at all. */
  present: boolean;
}

const OPENING = /^(\uFEFF)?---[ \t]*\r?\n/;

/** Splits and parses a policy's front matter. Throws BAD_FRONT_MATTER for invalid YAML. */
export function parseFrontMatter(source: string, path: string): FrontMatter {
  const opening = OPENING.exec(source);
  if (!opening) return { data: {}, body: source.replace(/^\uFEFF/, ''), bodyLineOffset: 0, bodyOffset: source.startsWith('\uFEFF') ? 1 : 0, present: false };
  // The closing delimiter is the first line that is exactly --- (or ...).
  const closing = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  const rest = source.slice(opening[0].length);
  const match = closing.exec(rest);
  if (!match) {
    throw new PolicyError('BAD_FRONT_MATTER', `${path}: front matter opened with --- on line 1 is never closed`);
  }
  const yaml = rest.slice(0, match.index);
  const bodyOffset = opening[0].length + match.index + match[0].length;
  let data: unknown;
  try {
    // gray-matter memoises by input; pass only the YAML block so its result is ours.
    data = matter(`---\n${yaml}---\n`, {}).data;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const where = mark?.line !== undefined ? ` at line ${mark.line + 2}` : '';
    const reason = ((error as { reason?: string }).reason ?? (error as Error).message).split('\n')[0];
    throw new PolicyError('BAD_FRONT_MATTER', `${path}: invalid front matter YAML${where}: ${reason}`, {}, { cause: error });
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new PolicyError('BAD_FRONT_MATTER', `${path}: front matter must be a mapping of keys to values`);
  }
  const head = source.slice(0, bodyOffset);
  const bodyLineOffset = head.split('\n').length - 1;
  return { data: data as Record<string, unknown>, body: source.slice(bodyOffset), bodyLineOffset, bodyOffset, present: true };
}
