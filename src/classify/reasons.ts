/**
 * Reasons a lawyer can read: the decisive signals, then which trigger governs the change (or that
 * none does). Composed as data (messages/types.ts); each language's catalogue words them.
 */
import type { ChangeLevel, Trigger } from '../types.js';
import type { Governance, ReasonMessage, Where } from './messages/types.js';
import { isSubstantive } from './detectors/table.js';
import type { Signal } from './signals.js';

/** What a change's reasons are made of. */
export interface ReasonInput {
  level: ChangeLevel;
  /** The signals whose rules gave the level. */
  decisive: Signal[];
  /** Every signal of the change. */
  all: Signal[];
  /** Where the change sits (a section, the opening text, the front matter). */
  where: Where;
  /** The trigger that best fits the change (governing or not). */
  trigger: Trigger | undefined;
  governed: boolean;
  /** The policy has no list of its own: the trigger is a default category. */
  isDefault: boolean;
  /** The change edits the trigger list itself (its signals say so already). */
  isList: boolean;
}

/** At most three sentences, the first naming the trigger for a major change, or why a substantive edit stays minor. */
export function composeReasons(r: ReasonInput): ReasonMessage[] {
  const clauses = distinct(r.decisive).slice(0, 3);
  const governance: Governance = {
    where: r.where,
    trigger: r.trigger ? { index: r.trigger.index, text: r.trigger.text } : null,
    governed: r.governed,
    isDefault: r.isDefault,
  };
  const plain = (s: Signal): ReasonMessage => ({ id: 'plain', clause: s.message });
  if (r.level === 'major') {
    if (r.isList) return clauses.map(plain);
    return [{ id: 'major', clause: clauses[0]?.message ?? null, governance }, ...clauses.slice(1).map(plain)];
  }
  const minor = clauses.length > 0 ? clauses : distinct(r.all).slice(0, 3);
  if (minor.length === 0) return [{ id: 'nothing' }];
  if (r.all.some(isSubstantive) && !r.governed && !r.isList) {
    return [{ id: 'minor-ungoverned', clause: minor[0]!.message, governance }, ...minor.slice(1).map(plain)];
  }
  return minor.map(plain);
}

/** The signals that read differently (the first of each English clause), in order. */
function distinct(signals: Signal[]): Signal[] {
  const seen = new Map<string, Signal>();
  for (const s of signals) if (!seen.has(s.text)) seen.set(s.text, s);
  return [...seen.values()];
}
