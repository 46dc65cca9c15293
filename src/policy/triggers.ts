/**
 * Finds the policy's own list of what counts as a major change: the list that
 * follows a paragraph such as "本政策所指的重大变更包括但不限于：" or
 * "Material changes include, but are not limited to:".
 *
 * The items may be a Markdown list (bulleted or numbered, also inside a blockquote),
 * paragraphs that each start with a marker ("(1) …", "（一）…", "A. …"), or lettered or
 * numbered items run together in one paragraph, a fenced code block or the lead-in
 * itself ("… include: (a) …; (b) …"). Markers only count in sequence (a, b, c …; 1, 2, 3 …),
 * so a stray "A." in a sentence is not an item.
 */
import type { Block, Trigger } from '../types.js';

/** Words that announce the list of major changes. */
const CUE_ZH = /(重大|重要|实质性?)(变更|变化|修改|调整)/;
const CUE_EN =
  /\b(material|significant|major|substantial|substantive)\s+(changes?|modifications?|amendments?|revisions?)\b|\b(changes?|modifications?|amendments?)\s+(?:is|are|will be|would be)\s+(?:considered\s+|deemed\s+)?(material|significant|major|substantial)\b/i;
/** Words that say a list follows (包括 …：, include …:). */
const INTRODUCES_ZH = /(包括|包含|如下|以下|是指|指的是|情形|：\s*$|:\s*$)/;
const INTRODUCES_EN = /\b(include|includes|including|following|such as|means?|are|is)\b|:\s*$/i;

/** An item that describes a kind of change (or an assessment's finding). */
const DESCRIBES_CHANGE = /变化|变更|改变|调整|变动|更改|表明|显示|发现|change|alter|modif|amend|revis|indicat|show|reveal|find/i;
/** An item that is the company's own promise rather than a kind of change. */
const PROMISE = /^(我们|本公司|公司)?(还|也|亦|将|会|承诺)|^(we|the company)\s+(will|shall|also|undertake|commit)\b/i;

/**
 * An item marker: A. a) (a) （a） 1. 1) (1) （1） 1、 一、 （一）. The group is the ordinal's text.
 * Preceded by the start, a space or a punctuation mark, so "e.g." or "No.1" do not start an item.
 */
const MARKER = /(?<=^|[\s:：;；,，。])(?:[(（]([A-Za-z]|\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|([A-Za-z]|\d{1,2})[.)](?=\s)|(\d{1,2}|[一二三四五六七八九十]{1,3})、)\s*/gu;
const CN_DIGITS = '一二三四五六七八九';

/** A marker's ordinal (0-based) and its style; null for text that is no ordinal. */
function ordinal(text: string): { n: number; style: string } | null {
  if (/^\d+$/.test(text)) return { n: Number(text) - 1, style: 'digit' };
  if (/^[a-z]$/.test(text)) return { n: text.charCodeAt(0) - 97, style: 'lower' };
  if (/^[A-Z]$/.test(text)) return { n: text.charCodeAt(0) - 65, style: 'upper' };
  if (text === '十') return { n: 9, style: 'cn' };
  if (text.length === 1) return { n: CN_DIGITS.indexOf(text), style: 'cn' };
  if (text.length === 2 && text[0] === '十') return { n: 10 + CN_DIGITS.indexOf(text[1]!), style: 'cn' };
  return null;
}

interface Marked {
  at: number;
  end: number;
  n: number;
  /** Style and bracket form together: (a) and a) are different sequences. */
  style: string;
}

function markersIn(text: string): Marked[] {
  const out: Marked[] = [];
  for (const m of text.matchAll(MARKER)) {
    const raw = m[1] ?? m[2] ?? m[3]!;
    const o = ordinal(raw);
    if (!o || o.n < 0) continue;
    const form = m[1] !== undefined ? 'paren' : m[2] !== undefined ? 'dot' : 'comma';
    out.push({ at: m.index, end: m.index + m[0].length, n: o.n, style: `${o.style}:${form}` });
  }
  return out;
}

/** Items written one after another in one text, each after its marker, in sequence from the first; null for fewer than two. */
export function splitMarkedItems(text: string): { items: string[]; start: number } | null {
  const marks = markersIn(text);
  // Only the first few starts are tried: a list starts near its lead-in (and the scan stays linear).
  let tries = 0;
  for (let s = 0; s < marks.length && tries < 3; s++) {
    if (marks[s]!.n !== 0) continue;
    tries++;
    const chain = [marks[s]!];
    for (let j = s + 1; j < marks.length; j++) {
      const last = chain[chain.length - 1]!;
      if (marks[j]!.style === last.style && marks[j]!.n === last.n + 1) chain.push(marks[j]!);
    }
    if (chain.length < 2) continue;
    const items = chain.map((m, k) => cleanItem(text.slice(m.end, k + 1 < chain.length ? chain[k + 1]!.at : text.length)));
    return { items: items.filter((x) => x !== ''), start: chain[0]!.at };
  }
  return null;
}

/** An item without the joining words and marks between items ("…; and", "…；以及"). */
function cleanItem(text: string): string {
  return text
    .trim()
    .replace(/(?:[;；,，]\s*)?(?:\b(?:and|or)\b|以及|及|或)?\s*$/iu, '')
    .replace(/[;；,，]\s*$/u, '')
    .trim();
}

/** True for a list item that is a commitment ("we will also archive …"), not a trigger. */
export function isPromiseItem(text: string): boolean {
  return PROMISE.test(text.trim()) && !DESCRIBES_CHANGE.test(text);
}

/** Where the cue that announces the list ends in a block's text, or -1. */
function leadInEnd(block: Block): number {
  if (!['paragraph', 'html', 'heading', 'code', 'blockquote', 'listItem'].includes(block.kind)) return -1;
  const text = block.text;
  const zh = CUE_ZH.exec(text);
  if (zh && INTRODUCES_ZH.test(text)) return zh.index + zh[0].length;
  const en = CUE_EN.exec(text);
  if (en && INTRODUCES_EN.test(text)) return en.index + en[0].length;
  return -1;
}

/** An item the list holds: a trigger, or a promise left out. */
export interface ListItem {
  text: string;
  /** 1-based source line. */
  line: number;
  blockIndex: number;
}

export interface TriggerList {
  triggers: Trigger[];
  /** Items of the list that are the company's promises, not kinds of change. */
  promises: ListItem[];
  /** The block that announces the list (its lead-in). */
  lead: { blockIndex: number; text: string; line: number };
  /** [start, end) in blocks of the whole list. */
  range: [number, number];
}

/** The line of an item within its block: the first line of the block's source that holds its opening words. */
function itemLine(block: Block, item: string, lines: readonly string[] | undefined): number {
  if (!lines) return block.line;
  const probe = item.slice(0, 12);
  for (let l = block.line; l <= block.endLine && l <= lines.length; l++) if (lines[l - 1]!.replace(/\s+/g, ' ').includes(probe)) return l;
  return block.line;
}

function build(blocks: readonly Block[], lead: number, items: Array<{ text: string; blockIndex: number; line: number }>, end: number): TriggerList | null {
  const triggers: Trigger[] = [];
  const promises: ListItem[] = [];
  for (const item of items) {
    if (isPromiseItem(item.text)) promises.push(item);
    else triggers.push({ index: triggers.length + 1, text: item.text, line: item.line, blockIndex: item.blockIndex });
  }
  if (triggers.length === 0) return null;
  const b = blocks[lead]!;
  return { triggers, promises, lead: { blockIndex: lead, text: b.text, line: b.line }, range: [items[0]!.blockIndex === lead ? lead : lead + 1, end] };
}

/**
 * Detects the trigger list in a policy's blocks. `lines` (the source split at newlines, front
 * matter included) gives items run together in one block their own line. Pure.
 */
export function parseTriggerList(blocks: readonly Block[], lines?: readonly string[]): TriggerList | null {
  for (let i = 0; i < blocks.length; i++) {
    const cueEnd = leadInEnd(blocks[i]!);
    if (cueEnd < 0) continue;
    const first = blocks[i + 1];
    // A Markdown list (also in a blockquote): its items at the first item's depth.
    if (first?.kind === 'listItem') {
      const depth = first.depth;
      let end = i + 1;
      while (end < blocks.length && blocks[end]!.kind === 'listItem' && blocks[end]!.depth >= depth) end++;
      const items = [];
      for (let j = i + 1; j < end; j++) if (blocks[j]!.depth === depth) items.push({ text: blocks[j]!.text, blockIndex: j, line: blocks[j]!.line });
      const found = build(blocks, i, items, end);
      if (found) return found;
    }
    // Items run together after the cue, in the lead-in itself ("… include: (a) …; (b) …").
    const own = splitMarkedItems(blocks[i]!.text.slice(cueEnd));
    if (own) {
      const found = build(blocks, i, own.items.map((text) => ({ text, blockIndex: i, line: itemLine(blocks[i]!, text, lines) })), i + 1);
      if (found) return found;
    }
    if (!first || first.kind === 'heading' || first.kind === 'listItem') continue;
    // Paragraphs that each start with a marker in sequence: (1) … (2) …
    const paras: Array<{ text: string; blockIndex: number; line: number }> = [];
    for (let j = i + 1; j < blocks.length && blocks[j]!.kind !== 'heading'; j++) {
      const m = markersIn(blocks[j]!.text)[0];
      if (!m || m.at !== 0 || m.n !== paras.length) break;
      paras.push({ text: cleanItem(blocks[j]!.text.slice(m.end)), blockIndex: j, line: blocks[j]!.line });
    }
    if (paras.length >= 2) {
      const found = build(blocks, i, paras, i + 1 + paras.length);
      if (found) return found;
    }
    // Items run together in the next block (a paragraph, a fenced code block, raw HTML).
    const next = splitMarkedItems(first.text);
    if (next && next.start <= 2) {
      const found = build(blocks, i, next.items.map((text) => ({ text, blockIndex: i + 1, line: itemLine(first, text, lines) })), i + 2);
      if (found) return found;
    }
  }
  return null;
}

/** Lead-ins that announce major changes (blocks whose text has the cue), for a warning when no list follows. */
export function findLeadIns(blocks: readonly Block[]): number[] {
  const out: number[] = [];
  blocks.forEach((b, i) => {
    if (leadInEnd(b) >= 0) out.push(i);
  });
  return out;
}
