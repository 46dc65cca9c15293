/** Reasons a lawyer can read: the decisive signals, then which trigger governs the change (or that none does). */
import type { ChangeLevel, Trigger } from '../types.js';
import { SUBSTANTIVE, type Signal } from './signals.js';
import { quote } from './text.js';

/** What a change's reasons are made of. */
export interface ReasonInput {
  level: ChangeLevel;
  /** The signals whose rules gave the level. */
  decisive: Signal[];
  /** Every signal of the change. */
  all: Signal[];
  /** Where the change sits, e.g. `section "10. 如何联系我们"` or `the opening text`. */
  where: string;
  /** The trigger that best fits the change (governing or not). */
  trigger: Trigger | undefined;
  governed: boolean;
  /** The policy has no list of its own: the trigger is a default category. */
  isDefault: boolean;
  /** The change edits the trigger list itself (its signals say so already). */
  isList: boolean;
}

/** At most three sentences, the first naming the trigger for a major change, or why a substantive edit stays minor. */
export function composeReasons(r: ReasonInput): string[] {
  const texts = [...new Set(r.decisive.map((s) => s.text))].slice(0, 3);
  const name = r.trigger ? (r.isDefault ? `the default category ${r.trigger.index} (${show(r.trigger.text)})` : `trigger ${r.trigger.index} (${show(r.trigger.text)})`) : '';
  const governs = !r.trigger
    ? `no trigger governs ${r.where}`
    : r.governed
      ? r.isDefault
        ? `${r.where} falls under ${name}, used because the policy lists no major-change triggers of its own`
        : `${r.where} is governed by ${name}`
      : r.level === 'major'
        ? `no trigger governs ${r.where}; the nearest is ${name}`
        : `no trigger governs ${r.where}`;
  if (r.level === 'major') {
    if (r.isList) return texts.map(sentence);
    return [sentence(`${texts[0] ?? 'The change alters a commitment'}; ${governs}`), ...texts.slice(1).map(sentence)];
  }
  const minor = texts.length > 0 ? texts : [...new Set(r.all.map((s) => s.text))].slice(0, 3);
  if (minor.length === 0) return ['Nothing a reader sees changed.'];
  if (r.all.some((s) => SUBSTANTIVE.has(s.kind)) && !r.governed && !r.isList) {
    return [sentence(`${minor[0]}; minor because ${governs}`), ...minor.slice(1).map(sentence)];
  }
  return minor.map(sentence);
}

/** A quotation for a reason: trailing punctuation dropped, long text shortened. */
export function show(text: string): string {
  return `"${quote(text.replace(/[。；;，,.]+$/u, ''), 100)}"`;
}

/** A clause made a sentence: capitalised, with a final period. */
export function sentence(s: string): string {
  const t = s.trim();
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?。]$/.test(first) ? first : `${first}.`;
}
