/**
 * Markdown → the ordered list of visible blocks. The body is cut at safe split
 * points (see sections.ts) into pieces; runs of pieces of a section are parsed
 * together with remark-parse + remark-gfm, up to PARSE_UNIT_CHARS at a time, and
 * identical runs are parsed once per process. A piece the parser would take
 * super-linear time on (see parse-bounds.ts) is read as plain text instead.
 */
import { createHash } from 'node:crypto';
import type { Definition, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { MESSAGES, PolicyError } from '../errors.js';
import type { Block, BlockKind } from '../types.js';
import { mayUseGfm } from './gfm.js';
import { plainTextReason } from './parse-bounds.js';
import { blockStaysOpen, definitionsUsedBy, mayDefineLinks, normalizeLabel, splitPieces } from './sections.js';
import { normalizeWhitespace } from './text.js';

/** A block before its section path and file line are known. */
export interface LocalBlock {
  kind: BlockKind;
  depth: number;
  text: string;
  urls: string[];
  /** 1-based line within the parsed section. */
  line: number;
  endLine: number;
}

const gfmParser = unified().use(remarkParse).use(remarkGfm);
const commonmarkParser = unified().use(remarkParse);

/** The parser for a text: with the GFM extensions only where the text may use them (see gfm.ts). */
function parseMarkdown(text: string): Root {
  return (mayUseGfm(text) ? gfmParser : commonmarkParser).parse(text);
}

/**
 * Deepest nesting a policy may have: block quotes and lists inside each other,
 * and inline markup (emphasis in emphasis) inside a block. Deeper input is
 * refused at parse: the Markdown parser, the walk below and the site's renderer
 * all recurse, and a policy that could be archived but not rendered would break
 * the site for good.
 */
export const MAX_NESTING_DEPTH = 100;

/** Block quote markers and list markers at the start of a line (after the indentation). */
const CONTAINER_MARKER = /^[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

function tooDeep(line: number): PolicyError {
  return new PolicyError('TOO_DEEP', MESSAGES.TOO_DEEP(`nesting deeper than ${MAX_NESTING_DEPTH} levels (block quotes, lists or inline markup) at line ${line}`, { line }));
}

/**
 * Refuses a body whose block quotes and lists nest deeper than MAX_NESTING_DEPTH,
 * before the Markdown parser (which recurses per level) sees it. Each marker at
 * the start of a line counts one level, and so do every two columns of the
 * indentation in front of a marker (a nested list is indented at least that much):
 * never less than the real depth. Linear. Lines are 1-based from `firstLine`.
 */
function checkContainerDepth(body: string, firstLine: number): void {
  let line = firstLine;
  for (let start = 0; start < body.length; line++) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    let rest = body.slice(start, Math.min(end, start + 4 * MAX_NESTING_DEPTH + 8));
    const indent = /^[ \t]*/.exec(rest)![0].replace(/\t/g, '    ').length;
    let depth = 0;
    for (let m = CONTAINER_MARKER.exec(rest); m && m[0].length > 0; m = CONTAINER_MARKER.exec(rest)) {
      depth++;
      rest = rest.slice(m[0].length);
    }
    if (depth > 0 && depth + Math.floor(indent / 2) > MAX_NESTING_DEPTH) throw tooDeep(line);
    start = end + 1;
  }
}

/** Nodes that nest one level: a list and its items count once. */
const NESTING = new Set(['blockquote', 'list', 'footnoteDefinition', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** Refuses a parsed tree nested deeper than MAX_NESTING_DEPTH (inline markup included). Iterative: the check must not overflow the stack itself. */
function checkTreeDepth(tree: Root): void {
  const stack: Array<[Nodes, number]> = [[tree, 0]];
  while (stack.length > 0) {
    const [node, outer] = stack.pop()!;
    const depth = outer + (NESTING.has(node.type) ? 1 : 0);
    if (depth > MAX_NESTING_DEPTH) throw tooDeep(node.position?.start.line ?? 1);
    if ('children' in node) for (const child of (node as Parent).children) stack.push([child as Nodes, depth]);
  }
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const TAG = /<\/?[A-Za-z][^>]*>|<![^>]*>|<\?[\s\S]*?\?>/g;
const ATTRIBUTE_URL = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
/** Where a block element of raw HTML starts: each starts a block of its own. */
const HTML_BLOCK_START = /<(h[1-6]|p|li|tr|dt|dd|blockquote|div|section|article|table|ul|ol|dl)(?=[\s>\/])[^>]*>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text and link targets a reader gets from a fragment of raw HTML. */
function htmlText(html: string, urls: string[]): string {
  const visible = html.replace(COMMENT, '');
  for (const match of visible.matchAll(ATTRIBUTE_URL)) urls.push(decodeEntities(match[1] ?? match[2] ?? match[3] ?? ''));
  // Cells of a row read like a Markdown table row; block elements break lines.
  const cells = visible.replace(/<\/t[dh]\s*>\s*(?=<t[dh][\s>])/gi, ' | ');
  const blockBreaks = cells.replace(/<\/?(p|div|br|li|tr|h[1-6]|ul|ol|table|section|article)\b[^>]*>/gi, '\n');
  return decodeEntities(blockBreaks.replace(TAG, ''));
}

type Definitions = Map<string, string>;

function phrasingText(nodes: readonly Nodes[], urls: string[], definitions: Definitions): string {
  let text = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        text += node.value;
        break;
      case 'break':
        text += '\n';
        break;
      case 'html':
        text += htmlText(node.value, urls);
        break;
      case 'image':
        urls.push(node.url);
        text += node.alt ?? '';
        break;
      case 'imageReference': {
        const url = definitions.get(normalizeLabel(node.identifier));
        if (url !== undefined) urls.push(url);
        text += node.alt ?? '';
        break;
      }
      case 'link':
        urls.push(node.url);
        text += phrasingText(node.children, urls, definitions);
        break;
      case 'linkReference': {
        const url = definitions.get(normalizeLabel(node.identifier));
        if (url !== undefined) urls.push(url);
        text += phrasingText(node.children, urls, definitions);
        break;
      }
      case 'footnoteReference':
        text += `[^${node.label ?? node.identifier}]`;
        break;
      default:
        if ('children' in node) text += phrasingText((node as Parent).children as Nodes[], urls, definitions);
        else if ('value' in node && typeof node.value === 'string') text += node.value;
    }
  }
  return text;
}

function lineOf(node: Nodes): [number, number] {
  return [node.position?.start.line ?? 1, node.position?.end.line ?? node.position?.start.line ?? 1];
}

function pushBlock(out: LocalBlock[], kind: BlockKind, depth: number, raw: string, urls: string[], node: Nodes): void {
  const text = normalizeWhitespace(raw);
  if (text === '' && urls.length === 0) return;
  const [line, endLine] = lineOf(node);
  out.push({ kind, depth, text, urls, line, endLine });
}

/**
 * Raw HTML as blocks: policies written in HTML structure themselves with
 * <h1>…<h6>, <p>, <li> and <tr>, so each of those becomes a heading, paragraph,
 * list item or table row, with the line it starts on.
 */
function pushHtmlBlocks(out: LocalBlock[], node: Extract<RootContent, { type: 'html' }>): void {
  const html = node.value;
  const startLine = node.position?.start.line ?? 1;
  const starts = [0];
  for (const match of html.replace(COMMENT, (comment) => ' '.repeat(comment.length)).matchAll(HTML_BLOCK_START)) {
    if (match.index > 0) starts.push(match.index);
  }
  starts.push(html.length);
  for (let i = 0; i < starts.length - 1; i++) {
    const piece = html.slice(starts[i], starts[i + 1]);
    const urls: string[] = [];
    const text = normalizeWhitespace(htmlText(piece, urls));
    if (text === '' && urls.length === 0) continue;
    const tag = /^<([a-z0-9]+)/i.exec(piece)?.[1]?.toLowerCase() ?? '';
    const heading = /^h([1-6])$/.exec(tag);
    const kind: BlockKind = heading ? 'heading' : tag === 'li' ? 'listItem' : tag === 'tr' ? 'tableRow' : 'html';
    const line = startLine + (html.slice(0, starts[i]).match(/\n/g)?.length ?? 0);
    const endLine = line + (piece.trimEnd().match(/\n/g)?.length ?? 0);
    out.push({ kind, depth: heading ? Number(heading[1]) : 0, text, urls, line, endLine });
  }
}

/** Plain text of any flow content (for list items and footnotes that hold several blocks). */
function flowText(nodes: readonly RootContent[], urls: string[], definitions: Definitions): string {
  const parts: string[] = [];
  for (const node of nodes) {
    if (node.type === 'list') continue;
    if (node.type === 'code') parts.push(node.value);
    else if (node.type === 'html') parts.push(htmlText(node.value, urls));
    else if (node.type === 'table') {
      for (const row of node.children) parts.push(row.children.map((cell) => phrasingText(cell.children, urls, definitions)).join(' | '));
    } else if ('children' in node) {
      const children = (node as Parent).children as RootContent[];
      parts.push(node.type === 'paragraph' || node.type === 'heading' ? phrasingText(children as PhrasingContent[], urls, definitions) : flowText(children, urls, definitions));
    }
  }
  return parts.join('\n');
}

function walkFlow(nodes: readonly RootContent[], out: LocalBlock[], definitions: Definitions, listDepth: number): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'heading': {
        const urls: string[] = [];
        pushBlock(out, 'heading', node.depth, phrasingText(node.children, urls, definitions), urls, node);
        break;
      }
      case 'paragraph': {
        const urls: string[] = [];
        pushBlock(out, 'paragraph', 0, phrasingText(node.children, urls, definitions), urls, node);
        break;
      }
      case 'list':
        for (const item of node.children) {
          const urls: string[] = [];
          pushBlock(out, 'listItem', listDepth, flowText(item.children, urls, definitions), urls, item);
          for (const child of item.children) {
            if (child.type === 'list') walkFlow([child], out, definitions, listDepth + 1);
          }
        }
        break;
      case 'table':
        for (const row of node.children) {
          const urls: string[] = [];
          const text = row.children.map((cell) => normalizeWhitespace(phrasingText(cell.children, urls, definitions))).join(' | ');
          pushBlock(out, 'tableRow', 0, text, urls, row);
        }
        break;
      case 'code':
        pushBlock(out, 'code', 0, node.value, [], node);
        break;
      case 'html':
        pushHtmlBlocks(out, node);
        break;
      case 'blockquote':
        walkFlow(node.children, out, definitions, listDepth);
        break;
      case 'footnoteDefinition': {
        const urls: string[] = [];
        const text = flowText(node.children, urls, definitions);
        pushBlock(out, 'footnote', 0, `[^${node.label ?? node.identifier}]: ${text}`, urls, node);
        break;
      }
      default:
        // definitions, thematic breaks and front matter carry no text of their own
        break;
    }
  }
}

function definitionsOf(tree: Root): Definitions {
  const definitions: Definitions = new Map();
  visitDefinitions(tree, (label, node) => definitions.set(label, node.url));
  return definitions;
}

/** Calls `found` for the first definition of each label, in document order, wherever it is nested. */
function visitDefinitions(tree: Root, found: (label: string, node: Definition) => void): void {
  const seen = new Set<string>();
  const visit = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'definition') {
        const label = normalizeLabel(node.identifier);
        if (!seen.has(label)) {
          seen.add(label);
          found(label, node);
        }
      } else if ('children' in node) visit((node as Parent).children as RootContent[]);
    }
  };
  visit(tree.children);
}

/**
 * Each definition of a parsed run as one line of Markdown that defines the same
 * destination at the top level, to lend to runs parsed without it (titles are
 * left out: no block shows them).
 */
function definitionLines(tree: Root): Map<string, string> {
  const lines = new Map<string, string>();
  visitDefinitions(tree, (label, node) => {
    const destination = node.url.replace(/[\\<>]/g, (char) => `\\${char}`);
    lines.set(label, `[${(node.label ?? node.identifier).replace(/\s+/g, ' ')}]: <${destination}>`);
  });
  return lines;
}

/** One run of text to parse: its text and the link definitions it borrows from elsewhere (Markdown to parse in front of it). */
export interface SectionJob {
  text: string;
  borrowed: string;
  /** 0-based line of the body where the run starts. */
  startLine: number;
  /** True when the run is to be read as plain text (see parse-bounds.ts). */
  plain: boolean;
}

/** Blocks of one parsed run, with lines counted from the run's start. */
export type SectionBlocks = LocalBlock[];

/**
 * Pieces of a section are parsed together up to about this many characters:
 * each parse has a fixed cost (about as much as a few hundred characters), and
 * a small run is found again unchanged in the other version of a diff.
 */
export const PARSE_UNIT_CHARS = 2048;

const cache = new Map<string, ParsedRun>();
/** The memo holds runs of up to this many characters in all, then starts again: two versions of a 10 MB policy fit. */
const CACHE_CHARS = 24_000_000;
let cachedChars = 0;

/** A line of plain text at least this long is a block of its own; shorter ones are joined up to PLAIN_TEXT_BLOCK_LINES lines. */
const PLAIN_TEXT_LINE_CHARS = 40;
const PLAIN_TEXT_BLOCK_LINES = 32;

/**
 * A run read as plain text: every non-blank line a paragraph of its own, as
 * written, except that short lines (a quarter of a million `- a` would be as
 * many blocks) are joined into blocks of up to PLAIN_TEXT_BLOCK_LINES lines.
 */
function plainBlocks(text: string): SectionBlocks {
  const blocks: LocalBlock[] = [];
  const lines = text.split('\n');
  let group: string[] = [];
  let first = 0;
  const flush = (last: number) => {
    const joined = normalizeWhitespace(group.join('\n'));
    if (joined !== '') blocks.push({ kind: 'paragraph', depth: 0, text: joined, urls: [], line: first + 1, endLine: last + 1 });
    group = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (group.length === 0) first = i;
    group.push(line);
    const next = lines[i + 1];
    // A group ends at a long line, before one, at a blank line and at its size.
    if (line.length >= PLAIN_TEXT_LINE_CHARS || group.length >= PLAIN_TEXT_BLOCK_LINES || next === undefined || next.trim() === '' || next.length >= PLAIN_TEXT_LINE_CHARS) flush(i);
  }
  return blocks;
}

/** A parsed run: its blocks, the link definitions it makes (as lines of Markdown by label), and whether it ends inside a block (see blockStaysOpen). */
interface ParsedRun {
  blocks: SectionBlocks;
  definitions: Map<string, string>;
  open: boolean;
}

const NO_DEFINITIONS: ReadonlyMap<string, string> = new Map();

/** Parses one run (plus the definitions it borrows) into local blocks. Memoised. */
function parseRun(job: Pick<SectionJob, 'text' | 'borrowed' | 'plain'>): ParsedRun {
  const cacheKey = (job.plain ? 'p' : 'm') + job.text + '\u0000' + job.borrowed;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  let parsed: ParsedRun;
  if (job.plain) parsed = { blocks: plainBlocks(job.text), definitions: new Map(), open: false };
  else {
    // Borrowed definitions go in front (and so win over the run's own, as an
    // earlier definition does in the whole body); the run's lines follow them.
    const source = job.borrowed + job.text;
    const tree = parseMarkdown(source);
    const borrowedLines = job.borrowed === '' ? 0 : job.borrowed.split('\n').length - 1;
    try {
      checkTreeDepth(tree);
    } catch (error) {
      if (error instanceof PolicyError && error.code === 'TOO_DEEP') throw tooDeep(Number(error.details.line) - borrowedLines);
      throw error;
    }
    const blocks: LocalBlock[] = [];
    walkFlow(tree.children, blocks, definitionsOf(tree), 0);
    // Only definitions of the run's own text; borrowed ones are known already.
    const definitions = job.borrowed === '' ? definitionLines(tree) : parseRun({ ...job, borrowed: '' }).definitions;
    const last = tree.children.at(-1)?.position;
    parsed = {
      blocks: blocks.map((block) => ({ ...block, line: block.line - borrowedLines, endLine: block.endLine - borrowedLines })).filter((block) => block.line >= 1),
      definitions,
      open: last !== undefined && blockStaysOpen(source.slice(last.start.offset, last.end.offset), source.slice(last.end.offset)),
    };
  }
  if (cachedChars + cacheKey.length > CACHE_CHARS) {
    cache.clear();
    cachedChars = 0;
  }
  cache.set(cacheKey, parsed);
  cachedChars += cacheKey.length;
  return parsed;
}

/** Parses one run of a body; a nesting error names its line in the body. */
function parseJob(job: SectionJob): ParsedRun {
  try {
    return parseRun(job);
  } catch (error) {
    if (error instanceof PolicyError && error.code === 'TOO_DEEP') throw tooDeep(Number(error.details.line) + job.startLine);
    throw error;
  }
}

/**
 * Gives each run the link definitions it uses from other runs. Definitions are
 * found by the parser itself (in block quotes and list items too, and never in
 * a paragraph's continuation or in code), so that a run parsed alone resolves
 * its references exactly as the whole body would; only runs that contain `]:`
 * are parsed for them, and those parses are the memoised ones reused later.
 */
function lendDefinitions(jobs: SectionJob[]): SectionJob[] {
  const definitions = new Map<string, string>();
  const own = new Map<SectionJob, ReadonlyMap<string, string>>();
  for (const job of jobs) {
    if (job.plain || !mayDefineLinks(job.text)) continue;
    const made = parseJob(job).definitions;
    own.set(job, made);
    for (const [label, line] of made) if (!definitions.has(label)) definitions.set(label, line);
  }
  if (definitions.size === 0) return jobs;
  return jobs.map((job) => (job.plain ? job : { ...job, borrowed: definitionsUsedBy(job.text, definitions, own.get(job) ?? NO_DEFINITIONS) }));
}

/**
 * The runs a body is parsed in: pieces (see splitPieces) joined up to
 * PARSE_UNIT_CHARS within a section, and each piece the parser must not be
 * given (see plainTextReason) on its own, as plain text. `split: false` gives
 * the body as one run for the parser, unbounded (the reference the runs must
 * match).
 */
export function planSections(body: string, options: { split?: boolean } = {}): SectionJob[] {
  if (options.split === false) return [{ text: body, borrowed: '', startLine: 0, plain: false }];
  const jobs: SectionJob[] = [];
  // A run holds pieces that all may use GFM or none does, so that most of a
  // policy is parsed without the GFM extensions (see gfm.ts).
  let run: { texts: string[]; chars: number; startLine: number; gfm: boolean } | null = null;
  const flush = () => {
    if (!run) return;
    const text = run.texts.join('\n');
    jobs.push({ text, borrowed: '', startLine: run.startLine, plain: false });
    run = null;
  };
  for (const piece of splitPieces(body, { paragraphs: true })) {
    if (plainTextReason(piece.text) !== null) {
      flush();
      jobs.push({ text: piece.text, borrowed: '', startLine: piece.startLine, plain: true });
      continue;
    }
    const gfm = mayUseGfm(piece.text);
    if (run && (piece.heading || run.gfm !== gfm || run.chars + piece.text.length > PARSE_UNIT_CHARS)) flush();
    if (!run) run = { texts: [], chars: 0, startLine: piece.startLine, gfm };
    run.texts.push(piece.text);
    run.chars += piece.text.length + 1;
  }
  flush();
  const lent = lendDefinitions(jobs);
  // The splitter reads fences and raw HTML from the lines alone; where the
  // parser finds that a run was cut inside one, the body is parsed whole (when
  // its size allows; see parse-bounds.ts).
  const cutInsideBlock = lent.some((job, i) => i < lent.length - 1 && !job.plain && parseJob(job).open);
  if (cutInsideBlock && plainTextReason(body) === null) return [{ text: body, borrowed: '', startLine: 0, plain: false }];
  return lent;
}

/** The identity of a block for alignment: two blocks with equal keys look the same to a reader. */
export function blockKey(kind: BlockKind, depth: number, text: string, urls: readonly string[]): string {
  const family = kind === 'html' || kind === 'paragraph' ? 'text' : kind === 'heading' ? `h${depth}` : kind;
  return createHash('sha1').update(`${family}\u0000${text}\u0000${urls.join('\u0001')}`).digest('base64').slice(0, 20);
}

/**
 * Parses a Markdown body into blocks with their section paths and file lines.
 * `lineOffset` is the number of file lines before the body (the front matter).
 * `split: false` parses the body in one piece (the reference the sectioned parse must match).
 */
export function parseBlocks(body: string, lineOffset = 0, options: { split?: boolean } = {}): Block[] {
  const blocks: Block[] = [];
  const headings: { depth: number; text: string }[] = [];
  checkContainerDepth(body, lineOffset + 1);
  let runs: { job: SectionJob; parsed: SectionBlocks }[];
  try {
    runs = planSections(body, options).map((job) => ({ job, parsed: parseJob(job).blocks }));
  } catch (error) {
    // A line of the body, as a line of the file.
    if (error instanceof PolicyError && error.code === 'TOO_DEEP') throw tooDeep(Number(error.details.line) + lineOffset);
    throw error;
  }
  for (const { job: section, parsed } of runs) {
    for (const local of parsed) {
      if (local.kind === 'heading') {
        while (headings.length > 0 && headings[headings.length - 1]!.depth >= local.depth) headings.pop();
      }
      const offset = lineOffset + section.startLine;
      blocks.push({
        kind: local.kind,
        depth: local.depth,
        text: local.text,
        urls: local.urls,
        section: headings.map((heading) => heading.text),
        line: local.line + offset,
        endLine: local.endLine + offset,
        key: blockKey(local.kind, local.depth, local.text, local.urls),
      });
      if (local.kind === 'heading') headings.push({ depth: local.depth, text: local.text });
    }
  }
  return blocks;
}
