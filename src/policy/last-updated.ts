/**
 * Finds the "last updated" date in a policy's own words, and writes a new date
 * in the same format (the publish step rewrites it in place).
 */
import type { LastUpdated } from '../types.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';

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
    regex: new RegExp(`${EN_CUE}[\\s*_:：]*(((${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})))`, 'i'),
    toIso: (m) => iso(Number(m[5]), monthNumber(m[3]!), Number(m[4])),
  },
  {
    format: 'en-long-dmy',
    regex: new RegExp(`${EN_CUE}[\\s*_:：]*(((\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})\\.?,?\\s+(\\d{4})))`, 'i'),
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

/** Writes `isoDate` (YYYY-MM-DD) the way `previous` was written. Pure. */
export function formatLikeLastUpdated(previous: LastUpdated, isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const old = previous.source;
  switch (previous.format) {
    case 'zh': {
      // Keep the spacing the policy uses around 年/月/日 ("2021 年 8 月 27 日" or "2021年8月27日").
      const spaced = /\d\s+年/.test(old);
      const pad = /月\s*0\d/.test(old) || /年\s*0\d/.test(old);
      const two = (n: number) => (pad ? String(n).padStart(2, '0') : String(n));
      return spaced ? `${year} 年 ${two(month)} 月 ${two(day)} 日` : `${year}年${two(month)}月${two(day)}日`;
    }
    case 'en-long': {
      const name = MONTHS[month - 1]!;
      const abbreviated = /^[A-Za-z]{3,4}\.?\s/.test(old) && !MONTHS.some((m) => old.toLowerCase().startsWith(m));
      const monthText = abbreviated ? name.slice(0, 3) : name;
      const comma = /\d,/.test(old) ? ',' : '';
      return `${monthText[0]!.toUpperCase()}${monthText.slice(1)}${abbreviated && /\./.test(old) ? '.' : ''} ${day}${comma} ${year}`;
    }
    case 'en-long-dmy': {
      const name = MONTHS[month - 1]!;
      return `${day} ${name[0]!.toUpperCase()}${name.slice(1)} ${year}`;
    }
    case 'iso':
      return isoDate;
    case 'numeric': {
      const separator = old.includes('/') ? '/' : '.';
      const pad = /[./]0\d/.test(old);
      const two = (n: number) => (pad ? String(n).padStart(2, '0') : String(n));
      return `${year}${separator}${two(month)}${separator}${two(day)}`;
    }
  }
}
