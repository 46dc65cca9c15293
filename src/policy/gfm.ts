/**
 * When a text can use GitHub Flavored Markdown. Parsing with the GFM
 * extensions costs about twice as much as plain CommonMark, and most of a
 * policy uses none of them: text that holds none of the characters that start
 * a GFM construct parses to the same tree without them.
 */

/**
 * What every GFM construct needs somewhere in its text: a table `|`,
 * strikethrough `~`, a footnote `[^`, a task list item `[ ]` or `[x]`, and the
 * autolink literals (`www`, `http`, `mailto`, `xmpp`, an e-mail address's `@`:
 * the bare words, since an escaped dot `www\.` still starts one). Case-blind,
 * as the autolink literals are.
 */
const GFM_TRIGGER = /[|~@]|\[\^|\[[\sxX]\]|www|http|mailto|xmpp/i;

/** False when the text cannot hold a GFM construct, so CommonMark alone reads it the same. Linear. */
export function mayUseGfm(text: string): boolean {
  return GFM_TRIGGER.test(text);
}
