/**
 * The text a publish writes back into the policy file: the "last updated" date
 * set to the publish date in the policy's own wording and format, and
 * `version: "<v>"` in the front matter. Everything else stays byte for byte:
 * these are in-place edits of the source, never a re-serialisation.
 */
import { formatDate, MONTH_NAMES } from '../format-date.js';
import type { Lang, LastUpdated } from '../types.js';

/** A replacement of `source.slice(start, end)` by `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

const MONTHS = MONTH_NAMES;

type Role = 'y' | 'm' | 'd';

function splitDate(date: string): Record<Role, number> {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function monthIndex(word: string): number {
  const lower = word.toLowerCase();
  if (lower === 'sept') return 8;
  return MONTHS.findIndex((name) => name.toLowerCase() === lower || (lower.length === 3 && name.toLowerCase().startsWith(lower)));
}

/** The new month spelled like `like` (the old month's word): full or abbreviated, in the same letter case. */
function spellMonth(like: string, oldMonth: number, month: number): string {
  const full = MONTHS[month - 1] as string;
  const abbreviated = like.length < (MONTHS[oldMonth - 1] as string).length;
  let word = abbreviated ? full.slice(0, like.length === 4 && month === 9 ? 4 : 3) : full;
  if (like === like.toUpperCase()) word = word.toUpperCase();
  else if (like === like.toLowerCase()) word = word.toLowerCase();
  return word;
}

function ordinalSuffix(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th';
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** The date written the canonical way for a format, when the original spelling cannot be followed. */
function renderCanonical(format: LastUpdated['format'], date: string): string {
  switch (format) {
    case 'zh':
      return formatDate(date, 'zh');
    case 'en-long':
      return formatDate(date, 'en');
    case 'en-long-dmy':
      return formatDate(date, 'en', 'dmy');
    default:
      return date;
  }
}

/**
 * Spells `date` (YYYY-MM-DD) the way `lastUpdated.source` spells its own date:
 * same separators, padding, month-name style and order (`2021 年 8 月 27 日` →
 * `2026 年 11 月 29 日`, `August 27th, 2021` → `November 29th, 2026`). Pure.
 */
export function renderDateLike(lastUpdated: LastUpdated, date: string, lang: Lang): string {
  const before = splitDate(lastUpdated.date);
  const after = splitDate(date);
  const tokens = lastUpdated.source.match(/[0-9]+|[A-Za-z]+|[^0-9A-Za-z]+/g) ?? [];
  const digitRuns = tokens.map((token, i) => ({ token, i })).filter(({ token }) => /^[0-9]+$/.test(token));
  const monthWord = tokens.findIndex((token) => /^[A-Za-z]+$/.test(token) && monthIndex(token) >= 0);
  const roles: Role[] = monthWord >= 0 ? ['d', 'y'] : ['y', 'm', 'd'];
  if (monthWord >= 0 && monthIndex(tokens[monthWord] as string) + 1 !== before.m) return renderCanonical(lastUpdated.format, date);
  if (digitRuns.length !== roles.length) return renderCanonical(lastUpdated.format, date);

  const fits = (run: string, role: Role) =>
    role === 'y' ? (run.length === 4 && Number(run) === before.y) || (run.length === 2 && Number(run) === before.y % 100) : run.length <= 2 && Number(run) === before[role];
  // When values are ambiguous (the 5th of May, 05/05), the conventional order decides.
  const firstIsYear = digitRuns[0]?.token.length === 4;
  const preferred: Role[] =
    monthWord >= 0 ? (firstIsYear ? ['y', 'd'] : ['d', 'y'])
    : firstIsYear ? ['y', 'm', 'd']
    : lang === 'en' ? ['m', 'd', 'y']
    : ['d', 'm', 'y'];
  const candidates = [preferred, ...permutations(roles)];
  const assignment = candidates.find((order) => order.length === digitRuns.length && order.every((role, k) => fits(digitRuns[k]?.token as string, role)));
  if (!assignment) return renderCanonical(lastUpdated.format, date);

  // Zero-padding is the source's style only where it shows: a leading zero
  // ("08") pads, a one-digit run ("8") does not; two-digit values ("27", "12")
  // say nothing, and then only numeric formats pad.
  const monthDay = digitRuns.filter((_run, k) => assignment[k] !== 'y').map(({ token }) => token);
  const padded = monthDay.some((token) => token.length === 2 && token.startsWith('0'))
    || (!monthDay.some((token) => token.length === 1) && (lastUpdated.format === 'iso' || lastUpdated.format === 'numeric'));
  const out = [...tokens];
  digitRuns.forEach(({ token, i }, k) => {
    const role = assignment[k] as Role;
    const value = role === 'y' && token.length === 2 ? after.y % 100 : after[role];
    out[i] = role === 'y' ? (token.length === 2 ? String(value).padStart(2, '0') : String(value)) : padded ? String(value).padStart(2, '0') : String(value);
    if (role === 'd') {
      const next = tokens[i + 1];
      if (next && /^(st|nd|rd|th)$/i.test(next)) {
        const suffix = ordinalSuffix(after.d);
        out[i + 1] = next === next.toUpperCase() ? suffix.toUpperCase() : suffix;
      }
    }
  });
  if (monthWord >= 0) out[monthWord] = spellMonth(tokens[monthWord] as string, before.m, after.m);
  return out.join('');
}

const OPENING = /^(\uFEFF)?---[ \t]*(\r?\n)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Where the YAML of the front matter sits in `source` (null when there is none). */
function frontMatterSpan(source: string): { start: number; end: number; eol: string } | null {
  const opening = OPENING.exec(source);
  if (!opening) return null;
  const start = opening[0].length;
  const closing = CLOSING.exec(source.slice(start));
  // The parser has already refused a front matter that is never closed.
  return { start, end: start + (closing ? closing.index : source.length - start), eol: opening[2] as string };
}

/** The span of a top-level key's line in the front matter, with any indented continuation lines (null when absent). */
function keySpan(source: string, span: { start: number; end: number }, key: string): { start: number; end: number } | null {
  const yaml = source.slice(span.start, span.end);
  const existing = new RegExp(`^${key}[ \t]*:[^\r\n]*`, 'm').exec(yaml);
  if (!existing) return null;
  let end = span.start + existing.index + existing[0].length;
  // A value continued on indented lines (a block scalar, a nested mapping) belongs to the key.
  // Blank lines inside a block scalar (a change note's paragraphs) belong to it when indented lines follow.
  const continuation = /^(?:(?:\r?\n[ \t]*(?=\r?\n))*\r?\n[ \t]+[^\r\n]*)+/.exec(source.slice(end, span.end));
  if (continuation) end += continuation[0].length;
  return { start: span.start + existing.index, end };
}

/** The edit that sets front matter `version` (replacing an existing key, or adding one). Pure. */
function versionEdit(source: string, version: string): Edit {
  const line = `version: ${JSON.stringify(version)}`;
  const span = frontMatterSpan(source);
  if (!span) {
    const bom = source.startsWith('\uFEFF') ? 1 : 0;
    const eol = /^[^\n]*\r\n/.test(source) ? '\r\n' : '\n';
    return { start: bom, end: bom, text: `---${eol}${line}${eol}---${eol}` };
  }
  const existing = keySpan(source, span, 'version');
  if (!existing) return { start: span.end, end: span.end, text: `${line}${span.eol}` };
  return { ...existing, text: line };
}

/**
 * `source` without the front-matter key `key` (its line, continuation lines
 * and line break), byte for byte otherwise; unchanged when there is no such
 * key. Publish clears `effective` (it holds for one publish) and `changeNote`
 * (moved into the record) this way. Pure.
 */
export function clearFrontMatterKey(source: string, key: 'effective' | 'changeNote'): string {
  const span = frontMatterSpan(source);
  const found = span ? keySpan(source, span, key) : null;
  if (!found) return source;
  const rest = source.slice(found.end);
  const lineBreak = /^\r?\n/.exec(rest)?.[0] ?? '';
  return source.slice(0, found.start) + rest.slice(lineBreak.length);
}

/** What changes in the policy file when it is published. */
export interface PublishedEdit {
  /** Publish date, YYYY-MM-DD. */
  date: string;
  version: string;
  lang: Lang;
}

/**
 * The policy's source as published: the "last updated" date (when the policy
 * has such a line) set to `edit.date` in its own format, and front matter
 * `version` set to `edit.version`. Pure.
 */
export function renderPublishedSource(source: string, lastUpdated: LastUpdated | null, edit: PublishedEdit): string {
  const edits: Edit[] = [versionEdit(source, edit.version)];
  if (lastUpdated) {
    const { offset } = lastUpdated;
    if (source.slice(offset, offset + lastUpdated.source.length) !== lastUpdated.source) {
      throw new Error(`last-updated date ${JSON.stringify(lastUpdated.source)} is not at offset ${offset} of the source`);
    }
    edits.push({ start: offset, end: offset + lastUpdated.source.length, text: renderDateLike(lastUpdated, edit.date, edit.lang) });
  }
  edits.sort((a, b) => b.start - a.start);
  let text = source;
  let limit = Infinity;
  for (const { start, end, text: replacement } of edits) {
    if (end > limit) throw new Error('overlapping edits of the published source');
    text = text.slice(0, start) + replacement + text.slice(end);
    limit = start;
  }
  return text;
}
