/**
 * The text of a policy's links, read back from its source (a block keeps its link targets, not
 * their words): Markdown inline, reference and shortcut links, autolinks, HTML anchors. A link
 * whose words name a request form or a contact channel ("privacy request form", 联系我们) is a
 * channel: re-pointing it changes how rights are exercised or how to reach the company.
 */
import type { Block } from '../types.js';
import { findConcepts, familyOf } from './concepts.js';
import type { Family } from './lexicon.js';
import { sentenceAt } from './lists.js';
import { contentWords } from './text.js';
import { escapeRegExp } from './text.js';

/** Words that make a link a channel besides the lexicon's rights and contact terms (a form, a portal). Data. */
export const CHANNEL_LINK_WORDS: { readonly zh: readonly string[]; readonly en: readonly string[] } = {
  zh: ['表单', '表格', '申请', '提交', '门户', '入口'],
  en: ['form', 'forms', 'portal', 'submit', 'web form', 'webform'],
};

/** Link words that say nothing of where the link goes: the sentence around them does. Data. */
export const GENERIC_LINK_WORDS: ReadonlySet<string> = new Set(['here', 'click', 'link', 'page', 'website', 'site', 'online', 'this', '此处', '这里', '点击', '链接', '网页', '页面', '网站']);

/** Lexicon families whose terms in a link's words make it a channel. */
const CHANNEL_FAMILIES: ReadonlySet<Family> = new Set(['rights', 'contact']);

/** Where a policy's links point and what they say. */
export interface LinkIndex {
  /** The words of the links to `url` in the block's source lines (or, when none is there, anywhere in the policy). */
  textsOf(block: Pick<Block, 'line' | 'endLine'>, url: string): string[];
}

const DEFINITION = /^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?/gm;
const INLINE = /\[((?:[^[\]]|\[[^\]]*\])*)\]\(\s*<?([^\s)>]+)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const REFERENCE = /\[((?:[^[\]]|\[[^\]]*\])*)\]\[([^\]]*)\]/g;
const SHORTCUT = /(?<!\])\[([^[\]]+)\](?![([:])/g;
const AUTOLINK = /<((?:https?|mailto|tel):[^>\s]+)>/gi;
const ANCHOR = /<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>/gi;

const label = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');
const decode = (s: string): string => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
/** A URL as compared: scheme, www. and a final slash dropped, lowercased. */
const key = (url: string): string => decode(url.trim()).toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/$/, '');
/** Link words as a reader sees them: tags and emphasis marks removed, spaces collapsed. */
const words = (s: string): string => s.replace(/<[^>]*>/g, ' ').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();

/** Every link of some Markdown or HTML text: [target key, words]. */
function linksIn(text: string, definitions: Map<string, string>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of text.matchAll(INLINE)) out.push([key(m[2]!), words(m[1]!)]);
  for (const m of text.matchAll(REFERENCE)) {
    const url = definitions.get(label(m[2] === '' ? m[1]! : m[2]!));
    if (url !== undefined) out.push([key(url), words(m[1]!)]);
  }
  for (const m of text.matchAll(SHORTCUT)) {
    const url = definitions.get(label(m[1]!));
    if (url !== undefined) out.push([key(url), words(m[1]!)]);
  }
  for (const m of text.matchAll(AUTOLINK)) out.push([key(m[1]!), m[1]!]);
  for (const m of text.matchAll(ANCHOR)) out.push([key(m[1] ?? m[2] ?? m[3] ?? ''), words(m[4]!)]);
  return out;
}

/** Indexes the links of a policy's source. Pure. */
export function indexLinks(source: string): LinkIndex {
  const lines = source.split(/\r?\n/);
  const definitions = new Map<string, string>();
  for (const m of source.matchAll(DEFINITION)) if (!definitions.has(label(m[1]!))) definitions.set(label(m[1]!), m[2]!);
  let everywhere: Array<[string, string]> | undefined;
  return {
    textsOf(block, url) {
      const target = key(url);
      const local = linksIn(lines.slice(Math.max(0, block.line - 1), block.endLine).join('\n'), definitions).filter(([k]) => k === target);
      if (local.length > 0) return [...new Set(local.map(([, t]) => t))];
      everywhere ??= linksIn(source, definitions);
      return [...new Set(everywhere.filter(([k]) => k === target).map(([, t]) => t))];
    },
  };
}

let channelWords: RegExp | undefined;

/** True when a link's words name a request or contact channel (a form, a portal, a right, a way to contact us). */
export function isChannelText(text: string): boolean {
  channelWords ??= new RegExp(`${CHANNEL_LINK_WORDS.zh.map(escapeRegExp).join('|')}|(?<![\\p{L}])(?:${CHANNEL_LINK_WORDS.en.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'iu');
  if (channelWords.test(text)) return true;
  return findConcepts(text).some((h) => {
    const family = familyOf(h.concept);
    return family !== null && CHANNEL_FAMILIES.has(family);
  });
}

/**
 * A URL's page as a channel: its host and the last segment of its path (lowercased; scheme, www.,
 * query, fragment and final slash dropped). A page moved within its site keeps its name
 * (/cookie-policy → /legal/cookie-policy); a form moved to another system does not.
 */
function page(url: string): string {
  const bare = key(url).replace(/[?#].*$/, '').replace(/\/+$/, '');
  const slash = bare.indexOf('/');
  // The site, not the host: a page moved off a staging or preview host (staging.example.com) is the same page.
  const host = siteOf(slash < 0 ? bare : bare.slice(0, slash));
  const last = slash < 0 ? '' : bare.slice(bare.lastIndexOf('/') + 1).replace(/\.(?:html?|php|aspx?)$/, '');
  return `${host}/${last}`;
}

/** A host's site: its last two labels (three under a two-letter country code's second level: example.co.uk, example.com.cn). */
function siteOf(host: string): string {
  const labels = host.split('.');
  const keep = labels.length >= 3 && /^(?:co|com|net|org|gov|edu|ac)$/.test(labels[labels.length - 2]!) && labels[labels.length - 1]!.length === 2 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * True when every new target lies deeper inside the site of an old one, shown as that site's own address
 * (www.regulator.example → www.regulator.example/complaints): the reader is sent to the same place,
 * only to a more precise page of it. Mail and phone links are channels of their own, never deepened.
 */
export function isDeepenedLink(from: readonly string[], to: readonly string[], shown: readonly string[]): boolean {
  const bare = (u: string): string => key(u).replace(/[?#].*$/, '').replace(/\/+$/, '');
  const web = (u: string): boolean => !/^(?:mailto|tel):/i.test(u.trim());
  if (from.length === 0 || to.length === 0 || ![...from, ...to].every(web)) return false;
  const olds = from.map(bare);
  const under = (t: string): string | undefined => olds.find((o) => t === o || t.startsWith(`${o}/`));
  if (!to.map(bare).every((t) => under(t) !== undefined)) return false;
  // The words the reader sees are the old address itself, so what they read still names the target.
  return shown.length > 0 && shown.every((w) => olds.some((o) => key(w).replace(/\/+$/, '') === o));
}

/** True when two sets of link targets name the same pages: only a query, a fragment or the folders on the same site changed. */
export function samePages(before: readonly string[], after: readonly string[]): boolean {
  const a = new Set(before.map(page));
  const b = new Set(after.map(page));
  return a.size === b.size && [...a].every((x) => b.has(x));
}

const URL_TEXT = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+/giu;

/** True for link words that say nothing of the link (here, 点击此处) or that are the address itself. */
export function isGenericLinkText(text: string): boolean {
  return contentWords(text.replace(URL_TEXT, ' ')).every((w) => GENERIC_LINK_WORDS.has(w));
}

/** True when the sentence of `text` around offset `at`, its addresses left out, names a request or contact channel. */
export function isChannelSentence(text: string, at: number): boolean {
  return isChannelText(sentenceAt(text, Math.max(0, at)).replace(URL_TEXT, ' '));
}
