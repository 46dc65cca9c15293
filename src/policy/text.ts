/** Normalisation of visible text, shared by the parser and the diff. */

const CJK = '\\u2e80-\\u2fff\\u3000-\\u303f\\u3040-\\u30ff\\u3100-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';

/** Matches one CJK character (ideographs, kana, hangul, full-width punctuation). */
export const CJK_CHAR = new RegExp(`[${CJK}]`);

const LINE_BREAK_BETWEEN_CJK = new RegExp(`([${CJK}])[ \\t]*\\n[ \\t]*(?=[${CJK}])`, 'g');

/**
 * Collapses whitespace the way a reader sees it: runs of spaces, tabs and line
 * breaks become one space, except that a line break between two CJK characters
 * disappears (re-wrapping Chinese text adds no space). Trimmed.
 */
export function normalizeWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(LINE_BREAK_BETWEEN_CJK, '$1')
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
    .trim();
}

/** True when the string contains at least one CJK character. */
export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** Longest piece of text handed to Intl.Segmenter at once: its cost grows with the square of the string's length. */
export const SEGMENT_PIECE = 1000;

/** A place to cut: after whitespace or CJK punctuation (not `.` or `'`, which can sit inside a word: 3.5, don't). */
const BREAK_AFTER = /[\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]/;

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Intl.Segmenter word segments of a text, with their offsets in the whole text,
 * in linear time: the text is segmented in pieces of at most `piece` characters,
 * cut after whitespace or CJK punctuation (or, in a run with neither, anywhere but
 * inside a surrogate pair), so long texts give the same words as one call.
 */
export function* segmentWordsOf(text: string, locale: string, piece: number = SEGMENT_PIECE): Generator<Intl.SegmentData> {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + piece);
    if (to < text.length) {
      let cut = to;
      while (cut > from + piece / 2 && !BREAK_AFTER.test(text[cut - 1]!)) cut--;
      if (cut > from + piece / 2) to = cut;
      else if (/[\ud800-\udbff]/.test(text[to - 1]!)) to--;
    }
    const part = text.slice(from, to);
    for (const s of segmenter.segment(part)) yield { segment: s.segment, index: from + s.index, input: text, isWordLike: s.isWordLike };
    from = to;
  }
}
