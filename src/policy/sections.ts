/**
 * Splits Markdown at top-level ATX headings so each part can be parsed on its
 * own: parsing cost and memory then scale with the size of a section, and a
 * section that is identical in two versions is parsed once.
 *
 * A split is made only where it cannot change how CommonMark reads the text:
 * at a `#` heading in column 0, outside fenced code and raw HTML blocks.
 */

export interface SourceSection {
  /** The section's Markdown (the heading line first, except for the preamble). */
  text: string;
  /** 0-based line of the body where the section starts. */
  startLine: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const HTML_START = /^ {0,3}<(!--|\?|![A-Za-z]|!\[CDATA\[|\/?[A-Za-z][A-Za-z0-9-]*)/;

function htmlBlockEnd(opening: string): RegExp {
  if (opening === '!--') return /-->/;
  if (opening === '?') return /\?>/;
  if (opening === '![CDATA[') return /\]\]>/;
  if (opening.startsWith('!')) return />/;
  if (/^(script|pre|style|textarea)$/i.test(opening)) return /<\/(script|pre|style|textarea)>/i;
  return /^\s*$/; // other HTML blocks end at a blank line
}

/**
 * Whether the last top-level block of a run, as the parser read it, is fenced
 * code or raw HTML that is still open where the run ends: then the run was cut
 * inside it, and the text after the cut belongs to it. `source` is the block's
 * own text, `rest` the run's text after it. These are the only blocks that
 * can carry across a split point (see splitPieces).
 */
export function blockStaysOpen(source: string, rest: string): boolean {
  const firstEnd = source.indexOf('\n');
  const first = firstEnd === -1 ? source : source.slice(0, firstEnd);
  const last = source.slice(source.lastIndexOf('\n') + 1).replace(/\r$/, '');
  const fence = FENCE.exec(first);
  if (fence) {
    if (firstEnd === -1) return true;
    const closing = FENCE.exec(last);
    return !(closing && closing[1]![0] === fence[1]![0] && closing[1]!.length >= fence[1]!.length && last.trim() === closing[0].trim());
  }
  const html = HTML_START.exec(first);
  if (!html) return false;
  const end = htmlBlockEnd(html[1]!.replace(/^\//, ''));
  // Blocks that end at a blank line are open unless one follows them.
  if (end.source === '^\\s*$') return !rest.includes('\n');
  return !end.test(firstEnd === -1 ? first.slice(html.index + html[0].length) : last);
}

/** A piece of a body between two safe split points (see splitPieces). */
export interface SourcePiece extends SourceSection {
  /** True when the piece starts with an ATX heading (a new section). */
  heading: boolean;
}

/**
 * Splits a Markdown body at every point where CommonMark cannot carry a block
 * across: before an ATX heading in column 0, and — with `paragraphs` — before a
 * line in column 0 that follows a blank line (a blank line ends every paragraph
 * and lazy continuation, and an unindented line after it ends every list item
 * and block quote). Never inside fenced code or a raw HTML block. Linear.
 */
export function splitPieces(body: string, options: { paragraphs?: boolean } = {}): SourcePiece[] {
  const lines = body.split('\n');
  const pieces: SourcePiece[] = [];
  let start = 0;
  let startsWithHeading = false;
  let fence: string | null = null;
  let htmlEnd: RegExp | null = null;
  let afterBlank = false;
  const cut = (i: number, heading: boolean) => {
    if (i > start) pieces.push({ text: lines.slice(start, i).join('\n'), startLine: start, heading: startsWithHeading });
    start = i;
    startsWithHeading = heading;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const blank = /^[ \t]*$/.test(line);
    const wasAfterBlank = afterBlank;
    afterBlank = blank;
    if (fence) {
      const closing = FENCE.exec(line);
      if (closing && closing[1]![0] === fence[0] && closing[1]!.length >= fence.length && line.trim() === closing[0].trim()) fence = null;
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = null;
      continue;
    }
    if (ATX_HEADING.test(line)) cut(i, true);
    else if (options.paragraphs && wasAfterBlank && !blank && line[0] !== ' ' && line[0] !== '\t') cut(i, false);
    const opening = FENCE.exec(line);
    if (opening) {
      fence = opening[1]!;
      continue;
    }
    // HTML blocks of most kinds may start without a blank line before them (they
    // interrupt a paragraph); treating every tag-like line as one only ever
    // prevents a split, which is always safe.
    const html = HTML_START.exec(line);
    if (html) {
      const end = htmlBlockEnd(html[1]!.replace(/^\//, ''));
      // A one-line comment or processing instruction closes on its own line.
      if (end.source !== '^\\s*$' && end.test(line.slice(html.index + html[0].length))) continue;
      htmlEnd = end;
    }
  }
  pieces.push({ text: lines.slice(start).join('\n'), startLine: start, heading: startsWithHeading });
  return pieces;
}

/** Splits a Markdown body into sections at safe heading lines. */
export function splitSections(body: string): SourceSection[] {
  return splitPieces(body).map(({ text, startLine }) => ({ text, startLine }));
}

// A label holds no unescaped bracket (CommonMark), which also keeps this scan linear on runs of `[`.
const LABEL = /\[((?:[^[\]\\]|\\.){1,999})\]/g;

/** Normalises a link label the way CommonMark matches them. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** False when the text cannot hold a link reference definition (every one has `]:`). */
export function mayDefineLinks(text: string): boolean {
  return text.includes(']:');
}

/**
 * The definitions (one line of Markdown each, by normalised label, the first of
 * the whole body) that a section uses and does not itself make first, as
 * Markdown to put in front of it, so that its reference links resolve when it
 * is parsed alone as they do in the whole body.
 */
export function definitionsUsedBy(section: string, definitions: ReadonlyMap<string, string>, own: ReadonlyMap<string, string>): string {
  if (definitions.size === 0 || !section.includes('[')) return '';
  const needed = new Set<string>();
  for (const match of section.matchAll(LABEL)) {
    const label = normalizeLabel(match[1]!);
    const definition = definitions.get(label);
    if (definition && own.get(label) !== definition) needed.add(definition);
  }
  return needed.size > 0 ? `${[...needed].join('\n')}\n\n` : '';
}
