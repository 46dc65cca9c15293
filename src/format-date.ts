/**
 * Dates as people read them, in one place: every surface (notices, site,
 * the date publish stamps) formats through Intl.DateTimeFormat here instead of
 * keeping month tables of its own. Dates are calendar days (YYYY-MM-DD), so
 * formatting is in UTC: a date never shifts with the machine's time zone.
 */
import type { Lang } from './types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const LONG = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const NUMERIC = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });

/** The English month names, January first (from Intl, not a table). */
export const MONTH_NAMES: readonly string[] = Array.from({ length: 12 }, (_unused, i) => MONTH.format(Date.UTC(2000, i, 1)));

function instant(iso: string): Date | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === iso ? date : null;
}

/** The year, month and day of a YYYY-MM-DD date as numbers (null for anything else). Pure. */
export function dateParts(iso: string): { y: number; m: number; d: number } | null {
  const date = instant(iso);
  if (!date) return null;
  const parts = Object.fromEntries(NUMERIC.formatToParts(date).map((part) => [part.type, part.value]));
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day) };
}

/**
 * A YYYY-MM-DD date as a reader of `lang` writes it: `2026 年 12 月 1 日`
 * (spaces between Chinese and digits, no leading zeros), `December 1, 2026`;
 * `order: 'dmy'` gives `1 December 2026`. Anything that is not a date is
 * returned as it is. Pure.
 */
export function formatDate(iso: string, lang: Lang, order: 'mdy' | 'dmy' = 'mdy'): string {
  const date = instant(iso);
  const parts = dateParts(iso);
  if (!date || !parts) return iso;
  if (lang === 'zh') return `${parts.y} 年 ${parts.m} 月 ${parts.d} 日`;
  if (order === 'dmy') return `${parts.d} ${MONTH_NAMES[parts.m - 1]} ${parts.y}`;
  return LONG.format(date);
}
