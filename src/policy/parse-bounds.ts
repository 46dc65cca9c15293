/**
 * What the Markdown parser may be given. micromark (under remark-parse) takes
 * time quadratic in some constructs of one paragraph: runs of unmatched link
 * brackets and emphasis markers (`[` `](` `*a` `[^`), and lazy continuation
 * lines of a block quote or list item (a line without `>` or indentation that
 * still belongs to the paragraph above it). A pull request could stall CI with
 * a few hundred kilobytes of either. Text between two blank-line split points
 * (a piece, see splitPieces) whose counts pass the bounds below is read as
 * plain text instead: every line one paragraph block, exactly as written, so
 * the reader still sees the text and a diff still finds the change. The
 * bounds are far above what prose, tables and lists of a policy reach (a
 * paragraph needs several hundred brackets or markers, about one in eight of
 * its characters, to pass the first), and they keep the parser's work linear
 * in the size of the piece. Pure and linear.
 */

/** Characters that open or close inline constructs whose matching is quadratic in micromark. */
const INLINE_MARKERS = new Uint8Array(128);
for (const marker of '[]<!*_~`') INLINE_MARKERS[marker.charCodeAt(0)] = 1;

/** A line of one marker character (and spaces): a thematic break, setext underline or code fence, which the parser reads in linear time. */
const RULE_LINE = /^[ \t]*([*_~`=-])(?:[ \t]|\1)*\r?$/;

/** Fewer markers (or lazy lines) than this never make a piece plain text: the parser handles them in microseconds. */
export const PLAIN_TEXT_MIN_COUNT = 64;
/** A piece with a paragraph of m inline markers (outside lines that are only a thematic break or fence) and n characters is plain text when m² > this × n. */
export const PLAIN_TEXT_MARKER_FACTOR = 64;
/** A piece with l lazy continuation lines and n characters is plain text when l² > this × n. */
export const PLAIN_TEXT_LAZY_FACTOR = 32;
/**
 * A piece with more lines than this inside lists or block quotes is plain text:
 * the parser's work grows with the square of a container's lines (a 1 MB list
 * took over a minute). A blank line followed by an unindented line starts a new piece.
 */
export const PLAIN_TEXT_MAX_CONTAINER_LINES = 1000;
/** A piece of more lines than this whose lines average under PLAIN_TEXT_SHORT_LINE characters is plain text (each line costs the parser as much as a long one). */
export const PLAIN_TEXT_MIN_LINES = 256;
export const PLAIN_TEXT_SHORT_LINE = 16;

const PIPE = '|'.charCodeAt(0);

/** A piece with a line of more `|` than this is plain text: a table row of that many cells takes the parser gigabytes. */
export const PLAIN_TEXT_MAX_CELLS = 256;

/** A bullet list item (which always starts a paragraph of its own), after any indentation or quote markers. */
const BULLET_START = /^[ \t>]*(?:[-+*]|1[.)])[ \t]+\S/;

/** A list or block quote marker at the start of a line (after any indentation). */
const CONTAINER_START = /^[ \t]*(?:>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

/**
 * Why a piece of Markdown must be read as plain text rather than parsed, or
 * null when the parser may read it. One pass over the text.
 */
export function plainTextReason(text: string): string | null {
  // Markers are counted per paragraph (the unit whose inline content the parser
  // matches as a whole): a blank line or a bullet item ends one. Rows of a
  // table count together (conservative: cells are matched one by one).
  let markers = 0;
  let worst = 0;
  let paragraphStart = 0;
  let lines = 0;
  let lazy = 0;
  let inContainer = false;
  let containerLines = 0;
  let widest = 0;
  const endParagraph = (at: number) => {
    if (markers > PLAIN_TEXT_MIN_COUNT) worst = Math.max(worst, (markers * markers) / Math.max(1, at - paragraphStart));
    markers = 0;
    paragraphStart = at;
  };
  for (let start = 0; start <= text.length; lines++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    const blank = /^[ \t\r]*$/.test(line);
    if (blank || BULLET_START.test(line)) endParagraph(start);
    if (!RULE_LINE.test(line)) {
      let pipes = 0;
      for (let i = 0; i < line.length; i++) {
        const code = line.charCodeAt(i);
        if (code < 128) markers += INLINE_MARKERS[code]!;
        if (code === PIPE) pipes++;
      }
      widest = Math.max(widest, pipes);
    }
    if (blank) inContainer = false;
    else if (CONTAINER_START.test(line)) inContainer = true;
    else if (inContainer && line[0] !== ' ' && line[0] !== '\t') lazy++;
    if (inContainer) containerLines++;
    start = end + 1;
  }
  endParagraph(text.length);
  if (widest > PLAIN_TEXT_MAX_CELLS) return `a line of ${widest} table cell separators`;
  if (worst > PLAIN_TEXT_MARKER_FACTOR) return `a paragraph with too many link or emphasis markers for its length (m² > ${PLAIN_TEXT_MARKER_FACTOR} × n)`;
  if (lazy > PLAIN_TEXT_MIN_COUNT && lazy * lazy > PLAIN_TEXT_LAZY_FACTOR * text.length) {
    return `${lazy} lazy continuation lines in ${text.length} characters`;
  }
  if (containerLines > PLAIN_TEXT_MAX_CONTAINER_LINES) return `${containerLines} lines of lists or block quotes without a blank line and an unindented line between them`;
  if (lines > PLAIN_TEXT_MIN_LINES && text.length < lines * PLAIN_TEXT_SHORT_LINE) {
    return `${lines} lines averaging under ${PLAIN_TEXT_SHORT_LINE} characters`;
  }
  return null;
}
