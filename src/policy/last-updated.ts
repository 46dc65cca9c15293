/**
 * Finds the "last updated" date in a policy's own words, with what the publish
 * step needs to rewrite it in place (see publish/published-source.ts).
 */
import { MONTH_NAMES } from '../format-date.js';
import type { LastUpdated } from '../types.js';

const MONTHS = MONTH_NAMES.map((name) => name.toLowerCase());
/** Full names, then three-letter abbreviations (and `Sept`), longest first so the alternation takes the whole word. */
const MONTH_PATTERN = [...MONTH_NAMES, 'Sept?', ...MONTH_NAMES.map((name) => name.slice(0, 3)).filter((short) => short !== 'May' && short !== 'Sep')].join('|');

const ZH_CUE = '(?:最新|最近|最后)?(?:更新|修订|修改)(?:日期|时间|于|日)?';
const EN_CUE = '(?:last\\s+(?:updated|modified|revised|amended|changed)|updated|revised|last\\s+update)(?:\\s+(?:on|as\\s+of|date))?';

interface Pattern {
  format: LastUpdated['format'];
  regex: RegExp;
  toIso(match: RegExpExecArray): string | null;
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3))) + 1;
}

// Each pattern's last capture group is the date as written; the cue precedes it.
const PATTERNS: Pattern[] = [
  {
    format: 'zh',
    regex: new RegExp(`${ZH_CUE}[\\s*_:：]*((\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日)`),
    toIso: (m) => iso(Number(m[2]), Number(m[3]), Number(m[4])),
  },
  {
    format: 'en-long',
    regex: new RegExp(`${EN_CUE}[\\s*_:：]*(((${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})))`, 'i'),
    toIso: (m) => iso(Number(m[5]), monthNumber(m[3]!), Number(m[4])),
  },
  {
    format: 'en-long-dmy',
    regex: new RegExp(`${EN_CUE}[\\s*_:：]*(((\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})))`, 'i'),
    toIso: (m) => iso(Number(m[5]), monthNumber(m[4]!), Number(m[3])),
  },
  {
    format: 'iso',
    regex: new RegExp(`(?:${ZH_CUE}|${EN_CUE})[\\s*_:：]*(((\\d{4})-(\\d{2})-(\\d{2})))`, 'i'),
    toIso: (m) => iso(Number(m[3]), Number(m[4]), Number(m[5])),
  },
  {
    format: 'numeric',
    regex: new RegExp(`(?:${ZH_CUE}|${EN_CUE})[\\s*_:：]*(((\\d{4})[./](\\d{1,2})[./](\\d{1,2})))`, 'i'),
    toIso: (m) => iso(Number(m[3]), Number(m[4]), Number(m[5])),
  },
];

/**
 * Finds the first "last updated" date in `source`, searching from `fromOffset`
 * (the end of the front matter). Pure.
 */
export function parseLastUpdated(source: string, fromOffset = 0): LastUpdated | null {
  const body = source.slice(fromOffset);
  let best: LastUpdated | null = null;
  for (const pattern of PATTERNS) {
    const match = pattern.regex.exec(body);
    if (!match) continue;
    const date = pattern.toIso(match);
    if (!date) continue;
    const dateSource = match[1]!;
    const offset = fromOffset + match.index + match[0].length - dateSource.length;
    if (best && best.offset <= offset) continue;
    const line = source.slice(0, offset).split('\n').length;
    best = { date, line, source: dateSource, offset, format: pattern.format };
  }
  return best;
}
