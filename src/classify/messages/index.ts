/**
 * Reasons in a language: the catalogues (one file per language) and the pure functions that
 * render signal and reason messages with them. English is the reference wording: it is what
 * `ClassifiedChange.reasons` holds. To add a language, add a catalogue file and list it here.
 */
import type { ClassifiedChange, Lang } from '../../types.js';
import { en } from './en.js';
import type { Catalogue, ReasonMessage, SignalMessage } from './types.js';
import { zh } from './zh.js';

export type * from './types.js';

/** The catalogue of every language. */
export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, zh };

/** The catalogue for a language (English for one without a catalogue). */
export function catalogueFor(lang: string): Catalogue {
  return Object.hasOwn(CATALOGUES, lang) ? CATALOGUES[lang as Lang] : en;
}

/** A signal message as a clause (no final full stop) in a language. Pure. */
export function renderSignalMessage(message: SignalMessage, lang: Lang = 'en'): string {
  const catalogue = catalogueFor(lang);
  const render = (m: SignalMessage): string => (catalogue.signals[m.id] as (x: SignalMessage, r: typeof render) => string)(m, render);
  return render(message);
}

/** Reason messages as sentences in a language. Pure. */
export function renderReasonMessages(reasons: readonly ReasonMessage[], lang: Lang = 'en'): string[] {
  const catalogue = catalogueFor(lang);
  const render = (m: SignalMessage): string => renderSignalMessage(m, catalogue.lang);
  return reasons.map((r) => (catalogue.reasons[r.id] as (x: ReasonMessage, s: typeof render) => string)(r, render));
}

/**
 * A change's reasons in a language. A change without `reasonMessages` (built by hand, or
 * by an older classifier) has only its English `reasons`, which are returned as they are. Pure.
 */
export function renderReasons(change: Pick<ClassifiedChange, 'reasons' | 'reasonMessages'>, lang: Lang): string[] {
  return change.reasonMessages ? renderReasonMessages(change.reasonMessages, lang) : change.reasons;
}
