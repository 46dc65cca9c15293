/**
 * Linear-time matching for entity patterns that a backtracking engine would run
 * in quadratic time: a pattern like `[a-z]+@…` fails at every start inside a
 * long run of letters, and each failure rescans the rest of the run. These
 * helpers give exactly the matches `text.matchAll(re)` gives (leftmost first,
 * non-overlapping), but try each run once.
 */

/**
 * The matches `text.matchAll(exact)` would give, found with `fast`: the same
 * pattern behind a lookbehind that refuses a start when the character before
 * it belongs to the same run, where a start inside a run fails whenever the
 * start before it failed. `fast` may skip a start only when the start before
 * it was tried, so the first position after each match (whose predecessor was
 * never tried) is tried with `exact`, as are the positions `alsoTry` names.
 */
export function* runMatches(
  text: string,
  exact: RegExp,
  fast: RegExp,
  alsoTry?: (text: string, from: number) => number,
): Generator<RegExpExecArray> {
  const sticky = new RegExp(exact.source, exact.flags.replace(/[gy]/g, '') + 'y');
  const global = new RegExp(fast.source, fast.flags.replace(/[gy]/g, '') + 'g');
  let from = 0;
  while (from <= text.length) {
    let match: RegExpExecArray | null = null;
    const tries = [from];
    const extra = alsoTry?.(text, from) ?? -1;
    if (extra > from) tries.push(extra);
    for (const at of tries) {
      sticky.lastIndex = at;
      match = sticky.exec(text);
      if (match) break;
    }
    if (!match) {
      global.lastIndex = from;
      match = global.exec(text);
      if (!match) return;
    }
    yield match;
    from = match.index + Math.max(1, match[0].length);
  }
}

const ZH_ORG_CHAR = /[\u4e00-\u9fa5A-Za-z0-9·]/;
const ZH_ORG_GROUP = /（[\u4e00-\u9fa5]{2,6}）|\([\u4e00-\u9fa5]{2,6}\)/y;
const ZH_ORG_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '合伙企业', '研究院'];

function zhOrgToken(text: string, at: number): number {
  if (at >= text.length) return 0;
  if (ZH_ORG_CHAR.test(text[at]!)) return 1;
  const c = text[at];
  if (c !== '（' && c !== '(') return 0;
  ZH_ORG_GROUP.lastIndex = at;
  return ZH_ORG_GROUP.test(text) ? ZH_ORG_GROUP.lastIndex - at : 0;
}

function zhOrgSuffix(text: string, at: number): number {
  for (const suffix of ZH_ORG_SUFFIXES) if (text.startsWith(suffix, at)) return suffix.length;
  return 0;
}

/**
 * Start and end of every Chinese organisation name, as the pattern
 * `(?:[\u4e00-\u9fa5A-Za-z0-9·]|（[\u4e00-\u9fa5]{2,6}）|\([\u4e00-\u9fa5]{2,6}\))+?(?:股份有限公司|…|研究院)`
 * with `matchAll` finds them, in one pass from the right: a name starting at
 * `i` ends at the first suffix after one or more tokens, which is the name
 * starting at the next token unless a suffix comes straight after the first.
 */
export function zhOrgSpans(text: string): Array<[number, number]> {
  const n = text.length;
  const end = new Int32Array(n + 1).fill(-1);
  const token = new Uint8Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    const t = zhOrgToken(text, i);
    token[i] = t;
    if (t === 0) continue;
    const b = i + t;
    const suffix = zhOrgSuffix(text, b);
    end[i] = suffix > 0 ? b + suffix : b < n && token[b]! > 0 ? end[b]! : -1;
  }
  const out: Array<[number, number]> = [];
  for (let i = 0; i < n; ) {
    if (end[i]! >= 0) {
      out.push([i, end[i]!]);
      i = end[i]!;
    } else i++;
  }
  return out;
}
