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
