/**
 * Entities a commitment hangs on: e-mail addresses, URLs, phone numbers, organisations,
 * durations and deadlines, fees and amounts, percentages, regions, dates.
 * Extraction is pure and per text; comparison tells what was added, removed or changed.
 */

/** Kinds of entity the classifier compares. */
export type EntityType = 'email' | 'url' | 'phone' | 'organization' | 'duration' | 'amount' | 'percentage' | 'region' | 'date' | 'number';

/** One entity found in a text. */
export interface Entity {
  type: EntityType;
  /** As written. */
  text: string;
  /** Canonical value used for comparison (e.g. `30 day` for 三十天 and 30 days). */
  value: string;
  start: number;
  end: number;
}

/** What changed for one entity type between two texts. */
export interface EntityDelta {
  type: EntityType;
  removed: Entity[];
  added: Entity[];
}

/** Regions, canonical id → how they are written. Data, reviewed like the lexicon. */
export const REGIONS: ReadonlyArray<{ id: string; zh: string[]; en: string[] }> = [
  { id: 'CN', zh: ['中华人民共和国', '中国'], en: ["People's Republic of China", 'within China', 'PRC', 'China'] },
  // Mainland China (境内 in Chinese law) leaves out Hong Kong, Macao and Taiwan: "mainland China" → "China" widens where data may be.
  { id: 'CN-mainland', zh: ['中华人民共和国境内', '中国境内', '境内', '中国大陆', '中国内地', '大陆地区'], en: ['mainland China', 'Chinese mainland'] },
  { id: 'outside-CN', zh: ['中华人民共和国境外', '中国境外', '境外', '海外', '国外', '出境'], en: ['outside China', 'outside of China', 'outside mainland China', 'overseas', 'abroad'] },
  { id: 'HK', zh: ['香港'], en: ['Hong Kong'] },
  { id: 'MO', zh: ['澳门'], en: ['Macau', 'Macao'] },
  { id: 'TW', zh: ['台湾'], en: ['Taiwan'] },
  { id: 'EEA', zh: ['欧洲经济区'], en: ['European Economic Area', 'EEA'] },
  { id: 'EU', zh: ['欧盟'], en: ['European Union', 'EU'] },
  { id: 'UK', zh: ['英国'], en: ['United Kingdom', 'UK', 'U.K.'] },
  { id: 'CH', zh: ['瑞士'], en: ['Switzerland'] },
  { id: 'US', zh: ['美国'], en: ['United States of America', 'United States', 'USA', 'U.S.A.', 'U.S.', 'US'] },
  { id: 'CA', zh: ['加拿大'], en: ['Canada'] },
  { id: 'SG', zh: ['新加坡'], en: ['Singapore'] },
  { id: 'JP', zh: ['日本'], en: ['Japan'] },
  { id: 'IN', zh: ['印度'], en: ['India'] },
  { id: 'AU', zh: ['澳大利亚'], en: ['Australia'] },
  { id: 'DE', zh: ['德国'], en: ['Germany'] },
  { id: 'IE', zh: ['爱尔兰'], en: ['Ireland'] },
  { id: 'FR', zh: ['法国'], en: ['France'] },
  { id: 'NL', zh: ['荷兰'], en: ['Netherlands'] },
  { id: 'BR', zh: ['巴西'], en: ['Brazil'] },
  { id: 'CA-state', zh: ['加利福尼亚', '加州'], en: ['California'] },
  { id: 'outside-EEA', zh: [], en: ['outside the EEA', 'outside the European Economic Area', 'outside the EU', 'outside of the EEA'] },
  { id: 'outside-home', zh: [], en: ['outside your country', 'outside of your country', 'other countries', 'another country'] },
  ...COUNTRIES,
];

import { COUNTRIES } from './gazetteer.js';
import { runMatches, zhOrgSpans } from './linear-scan.js';
import { memoize } from './memo.js';
import { escapeRegExp } from './text.js';

/** After a match ending in a digit, the first digit past a run of commas (where a new amount may start). */
function afterCommas(text: string, from: number): number {
  if (from === 0 || !/\d/.test(text[from - 1]!)) return -1;
  let at = from;
  while (text[at] === ',') at++;
  return at > from && /\d/.test(text[at] ?? '') ? at : -1;
}

/** The match of `re` at each known span, as matchAll would give it. */
function* spansToMatches(text: string, re: RegExp, spans: Array<[number, number]>): Generator<RegExpMatchArray> {
  const sticky = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'y');
  for (const [start] of spans) {
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (m) yield m;
  }
}


const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
const EN_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14,
  fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, a: 1, an: 1,
};

/** Chinese numerals (三十, 一百八十, 十五) or digits to a number; NaN when it is neither. */
export function parseNumber(text: string): number {
  const t = text.replace(/[\s,，]/g, '');
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (/^[零〇一二两三四五六七八九十百千万]+$/.test(t)) {
    let total = 0;
    let section = 0;
    let digit = 0;
    for (const ch of t) {
      if (ch in ZH_DIGITS) digit = ZH_DIGITS[ch]!;
      else {
        const unit = ZH_UNITS[ch]!;
        if (unit === 10000) {
          total += (section + digit) * unit;
          section = 0;
        } else section += (digit === 0 ? 1 : digit) * unit;
        digit = 0;
      }
    }
    return total + section + digit;
  }
  const words = t.toLowerCase().split(/-/);
  if (words.every((w) => w in EN_NUMBERS)) return words.reduce((n, w) => (w === 'hundred' ? n * 100 : n + EN_NUMBERS[w]!), 0);
  return NaN;
}

const UNIT_ZH: Record<string, string> = { 工作日: 'working day', 个工作日: 'working day', 日: 'day', 天: 'day', 周: 'week', 星期: 'week', 个月: 'month', 月: 'month', 年: 'year', 小时: 'hour', 个小时: 'hour', 分钟: 'minute', 周岁: 'years of age', 岁: 'years of age' };

interface Pattern {
  type: EntityType;
  /** What the pattern matches, as `matchAll` would find it. */
  re: RegExp;
  /** The same matches in linear time, where `re` alone backtracks quadratically on long runs (see linear-scan.ts). */
  matches?: (text: string, re: RegExp) => Iterable<RegExpMatchArray>;
  value: (m: RegExpMatchArray) => string | null;
}


const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const EN_NUM = `\\d+|${Object.keys(EN_NUMBERS).filter((w) => w.length > 2).join('|')}`;
const ZH_NUM = '[0-9]+|[零〇一二两三四五六七八九十百千]+';
const ZH_NUM_RUN_START = '(?<![0-9])[0-9]+|(?<![零〇一二两三四五六七八九十百千])[零〇一二两三四五六七八九十百千]+';

function durationPattern(zhNumber: string): RegExp {
  return new RegExp(
    `(?:${zhNumber})(?:\\s*[（(]\\s*\\d+\\s*[)）])?\\s*(?:个工作日|工作日|个小时|小时|分钟|个月|周岁|岁|天|日|周|星期|年)(?![0-9])|\\b(?:${EN_NUM})(?:\\s*\\(\\d+\\))?[\\s-]+(?:business\\s+|working\\s+|calendar\\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?)\\b`,
    'gi',
  );
}
const ORG_SUFFIX_EN =
  "Co\\.,?\\s*Ltd\\.?|Pte\\.?\\s*Ltd\\.?|Pty\\.?\\s*Ltd\\.?|Inc\\.?|Incorporated|Ltd\\.?|Limited|LLC|L\\.L\\.C\\.|LLP|GmbH|AG|S\\.A\\.|S\\.A\\.S\\.|SAS|B\\.V\\.|N\\.V\\.|PLC|plc|Corp\\.?|Corporation|S\\.à\\s?r\\.l\\.|K\\.K\\.|Oy|AB|ApS";

// Order matters: earlier patterns claim their span first (a date is not a duration; an e-mail is not a URL).
/** The entity patterns in claiming order (exported for the property test that checks each linear scan against its pattern). */
export const PATTERNS: Pattern[] = [
  {
    type: 'email',
    re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    // Refusing a start inside a run of address characters: a start inside fails when the one before failed.
    matches: (text, re) => runMatches(text, re, /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g),
    value: (m) => m[0].toLowerCase(),
  },
  {
    type: 'url',
    re: /\b(?:https?:\/\/|www\.)[^\s<>"'，。；）)\]】]+[^\s<>"'，。；）)\]】.,;:!?]/gi,
    value: (m) => m[0].toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/$/, ''),
  },
  {
    type: 'date',
    re: new RegExp(
      `\\d{4}\\s*年\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}|\\b(?:${MONTHS})\\s+\\d{4}`,
      'g',
    ),
    value: (m) => m[0].replace(/\s+/g, ' '),
  },
  {
    type: 'phone',
    re: /(?<![\w.-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}(?![\w-])|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)[48]00[\s-]?\d{3}[\s-]?\d{4}(?!\d)/g,
    value: (m) => {
      // A span of years (2019-2024, © 2021 – 2023) is not a phone number.
      if (/^(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}$/.test(m[0].trim())) return null;
      const digits = m[0].replace(/\D/g, '');
      return digits.length >= 7 && digits.length <= 15 ? digits : null;
    },
  },
  {
    type: 'amount',
    re: /(?:人民币|RMB|CNY|USD|EUR|GBP|US\$|[$€£¥￥])\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:元|美元|欧元|英镑|dollars?|euros?|pounds?)(?![A-Za-z]))?|\d[\d,]*(?:\.\d+)?\s?(?:元|美元|欧元|英镑|dollars?|euros?|pounds?)(?![A-Za-z])/gi,
    // A figure after a currency-less match (`$1.5,3元`) starts a run the lookbehind would refuse: try it exactly.
    matches: (text, re) =>
      runMatches(
        text,
        re,
        /(?:人民币|RMB|CNY|USD|EUR|GBP|US\$|[$€£¥￥])\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:元|美元|欧元|英镑|dollars?|euros?|pounds?)(?![A-Za-z]))?|(?<!\d,*)\d[\d,]*(?:\.\d+)?\s?(?:元|美元|欧元|英镑|dollars?|euros?|pounds?)(?![A-Za-z])/gi,
        afterCommas,
      ),
    value: (m) => {
      const t = m[0].toLowerCase();
      const currency = /人民币|rmb|cny|元|[¥￥]/.test(t) && !/美元|欧元/.test(t) ? 'CNY' : /eur|€|欧元/.test(t) ? 'EUR' : /gbp|£|pound|英镑/.test(t) ? 'GBP' : 'USD';
      return `${currency} ${Number(t.replace(/[^\d.]/g, ''))}`;
    },
  },
  {
    type: 'percentage',
    re: /\d+(?:\.\d+)?\s?%|百分之[零一二两三四五六七八九十百]+/g,
    matches: (text, re) => runMatches(text, re, /(?<!\d)\d+(?:\.\d+)?\s?%|百分之[零一二两三四五六七八九十百]+/g),
    value: (m) => {
      const t = m[0].replace(/\s/g, '');
      return t.startsWith('百分之') ? `${parseNumber(t.slice(3))}%` : t;
    },
  },
  {
    type: 'duration',
    re: durationPattern(ZH_NUM),
    // A numeral inside a run of numerals fails whenever the one before it failed.
    matches: (text, re) => runMatches(text, re, durationPattern(ZH_NUM_RUN_START)),
    value: (m) => {
      const zh = /^(.+?)(?:\s*[（(]\s*(\d+)\s*[)）])?\s*(个工作日|工作日|个小时|小时|分钟|个月|周岁|岁|天|日|周|星期|年)$/.exec(m[0]);
      if (zh) {
        // 三十（30）天: the figure in brackets restates the numeral.
        const n = zh[2] !== undefined ? Number(zh[2]) : parseNumber(zh[1]!);
        return Number.isNaN(n) ? null : `${n} ${UNIT_ZH[zh[3]!]}`;
      }
      const en = /^(\S+?)(?:\s*\((\d+)\))?[\s-]+(business |working |calendar )?(day|week|month|year|hour|minute)s?$/i.exec(m[0].replace(/\s+/g, ' '));
      if (!en) return null;
      const n = en[2] !== undefined ? Number(en[2]) : parseNumber(en[1]!);
      const kind = en[3] === 'business ' || en[3] === 'working ' ? 'working day' : en[4]!.toLowerCase();
      return Number.isNaN(n) ? null : `${n} ${kind}`;
    },
  },
  {
    type: 'organization',
    re: /(?:[\u4e00-\u9fa5A-Za-z0-9·]|（[\u4e00-\u9fa5]{2,6}）|\([\u4e00-\u9fa5]{2,6}\))+?(?:股份有限公司|有限责任公司|有限公司|合伙企业|研究院)/g,
    matches: (text, re) => spansToMatches(text, re, zhOrgSpans(text)),
    value: (m) => orgName(m[0]),
  },
  {
    type: 'organization',
    re: new RegExp(`(?:\\b[A-Z][\\w&'.-]*,?\\s+(?:\\([A-Z][\\w ]*\\)\\s+)?){1,6}(?:${ORG_SUFFIX_EN})(?![\\w])`, 'g'),
    value: (m) => orgNameEn(m[0]),
  },
  {
    // Any other figure (an age, a postcode, a count), except a reference to a section or article.
    type: 'number',
    re: /(?<![\p{L}\p{N}.§#-]|(?:section|sections|article|clause|paragraph|item|part|chapter|appendix|annex|schedule|version|v|第)\s{0,2})\p{N}+(?:[.,]\p{N}+)*(?!\s*[条节章款项部段]|\.\s|\p{N}|\.\p{N})/giu,
    value: (m) => m[0].replace(/,/g, ''),
  },
];

/** Trims what precedes a Chinese company name in the same run of ideographs (及其全资子公司…, 与…). */
function orgName(raw: string): string | null {
  let name = raw;
  // Anchored: unanchored, a name without any of these words is rescanned from every start.
  const cut = /^.*(?:公司|及其|以及|和|与|及|或|的|由|向|将|为|是|在|经|被|对|请|下称|其中|包括|、)/;
  const body = name.replace(/(?:股份有限公司|有限责任公司|有限公司|合伙企业|研究院)$/, '');
  const m = cut.exec(body);
  if (m) name = name.slice(m[0].length);
  const core = name.replace(/(?:股份有限公司|有限责任公司|有限公司|合伙企业|研究院)$/, '');
  return core.replace(/[（）()]/g, '').length >= 2 ? name.replace(/\(/g, '（').replace(/\)/g, '）') : null;
}

const EN_ORG_LEADS = /^(?:The|Our|We|If|When|Where|Please|For|By|Contact|Email|With|And|Or|Of|To|In|On|At|From|As|This|That|These|Those|Any|All|Such)\s+/;

/** A legal form written out or abbreviated names the same company (Stripe Payments Europe, Ltd. = … Limited). */
const LEGAL_FORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ company limited$/, ' co ltd'],
  [/ limited$/, ' ltd'],
  [/ incorporated$/, ' inc'],
  [/ corporation$/, ' corp'],
  [/ l l c$/, ' llc'],
  [/ l l p$/, ' llp'],
];

function orgNameEn(raw: string): string | null {
  let name = raw.trim();
  while (EN_ORG_LEADS.test(name)) name = name.replace(EN_ORG_LEADS, '');
  let value = name.toLowerCase().replace(/[^a-z0-9&]+/g, ' ').trim();
  for (const [written, short] of LEGAL_FORMS) value = value.replace(written, short);
  return value.split(' ').length >= 2 ? value : null;
}

let regionPatterns: RegExp[] | undefined;
const regionIds = new Map<string, string>();

function regions(): RegExp[] {
  if (regionPatterns) return regionPatterns;
  const zh: string[] = [];
  const en: string[] = [];
  const short: string[] = [];
  for (const r of REGIONS) {
    for (const t of r.zh) {
      zh.push(t);
      regionIds.set(t, r.id);
    }
    for (const t of r.en) {
      // "US" and "EU" match only in capitals, so the pronoun "us" is never a region.
      (t.replace(/\./g, '').length <= 3 ? short : en).push(t);
      regionIds.set(t.toLowerCase(), r.id);
    }
  }
  const alt = (xs: string[]): string => [...xs].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  regionPatterns = [
    new RegExp(`${alt(zh)}|(?<![\\p{L}])(?:${alt(en)})(?![\\p{L}])`, 'giu'),
    new RegExp(`(?<![\\p{L}.])(?:${alt(short)})(?![\\p{L}])`, 'gu'),
  ];
  return regionPatterns;
}

function regionMatches(text: string, taken: Coverage): Entity[] {
  const out: Entity[] = [];
  const own = new Coverage(text.length);
  for (const re of regions()) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const id = regionIds.get(m[0]) ?? regionIds.get(m[0].toLowerCase());
      const end = m.index + m[0].length;
      if (id && !own.overlaps(m.index, end)) {
        own.take(m.index, end);
        if (!taken.overlaps(m.index, end)) out.push({ type: 'region', text: m[0], value: id, start: m.index, end });
      }
    }
  }
  return out;
}

/** Which characters of a text an entity already claims; checking a span costs its length, not the number of entities found. */
class Coverage {
  private readonly claimed: Uint8Array;
  constructor(length: number) {
    this.claimed = new Uint8Array(length);
  }
  overlaps(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.claimed[i]) return true;
    return false;
  }
  take(start: number, end: number): void {
    this.claimed.fill(1, start, end);
  }
}

/** Every entity in the text, in text order; overlapping matches go to the earlier pattern. */
export const extractEntities: (text: string) => Entity[] = memoize(extractEntitiesOnce, 8192);

function extractEntitiesOnce(text: string): Entity[] {
  const taken = new Coverage(text.length);
  const out: Entity[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (const m of p.matches ? p.matches(text, p.re) : text.matchAll(p.re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken.overlaps(start, end)) continue;
      const value = p.value(m);
      if (value === null) continue;
      // An organisation's text may start later than the match (leading words trimmed).
      const shown = p.type === 'organization' ? trimOrgText(m[0]) : m[0];
      const offset = m[0].lastIndexOf(shown);
      out.push({ type: p.type, text: shown, value, start: start + Math.max(0, offset), end });
      taken.take(start + Math.max(0, offset), end);
    }
  }
  for (const r of regionMatches(text, taken)) out.push(r);
  return out.sort((a, b) => a.start - b.start);
}

function trimOrgText(raw: string): string {
  if (/[\u4e00-\u9fa5]/.test(raw)) return (orgName(raw) ?? raw).replace(/（/g, raw.includes('(') ? '(' : '（').replace(/）/g, raw.includes(')') ? ')' : '）');
  let name = raw.trim();
  while (EN_ORG_LEADS.test(name)) name = name.replace(EN_ORG_LEADS, '');
  return name;
}

/** Entities of the two texts compared by type and canonical value: which values are named on one side only (naming one twice is no change). */
export function compareEntities(before: Entity[], after: Entity[]): EntityDelta[] {
  const types = new Set<EntityType>([...before, ...after].map((e) => e.type));
  const out: EntityDelta[] = [];
  for (const type of types) {
    const b = before.filter((e) => e.type === type);
    const a = after.filter((e) => e.type === type);
    const removed = multisetMinus(b, a);
    const added = multisetMinus(a, b);
    if (removed.length > 0 || added.length > 0) out.push({ type, removed, added });
  }
  return out;
}

function multisetMinus(xs: Entity[], ys: Entity[]): Entity[] {
  const present = new Set(ys.map((y) => y.value));
  const out: Entity[] = [];
  for (const x of xs) {
    if (present.has(x.value)) continue;
    out.push(x);
    present.add(x.value);
  }
  return out;
}

/** Entities behind link targets: mailto: → e-mail, tel: → phone, others → URL. */
export function entitiesOfUrls(urls: string[]): Entity[] {
  return urls.map((u): Entity => {
    const lower = u.trim().toLowerCase();
    if (lower.startsWith('mailto:')) {
      const v = lower.slice(7).split('?')[0]!;
      return { type: 'email', text: v, value: v, start: -1, end: -1 };
    }
    if (lower.startsWith('tel:')) {
      const v = lower.replace(/\D/g, '');
      return { type: 'phone', text: u.slice(4), value: v, start: -1, end: -1 };
    }
    const v = lower.replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/$/, '');
    return { type: 'url', text: u, value: v, start: -1, end: -1 };
  });
}
