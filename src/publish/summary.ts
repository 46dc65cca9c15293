/** The one-line summary an archive entry keeps of its revision (shown by `policy log` and the archive site). */
import { renderReasons } from '../classify/messages/index.js';
import type { ClassifiedChange, Lang, Revision } from '../types.js';

/** The summary of a policy's first archived version, in each language (archives before this wording was localised hold the English one). */
export const INITIAL_SUMMARIES: Record<Lang, string> = { en: 'Initial version', zh: '首次发布' };

/** The summary of a policy's first archived version, in the policy's language. Pure. */
export function renderInitialSummary(lang: Lang): string {
  return INITIAL_SUMMARIES[lang];
}

/** The summary an entry is shown with in `lang`: a first version's fixed wording is translated, anything else is as recorded. Pure. */
export function displaySummary(entry: { level: string; summary: string }, lang: Lang): string {
  const isFixedInitial = entry.level === 'initial' && Object.values(INITIAL_SUMMARIES).includes(entry.summary);
  return isFixedInitial ? renderInitialSummary(lang) : entry.summary;
}

const MAX_LENGTH = 200;

const WORDS: Record<Lang, { none: string; separator: RegExp; rest(major: number, minor: number): string }> = {
  en: {
    none: 'No visible change',
    separator: /;\s/,
    rest: (major, minor) => {
      const parts = [major > 0 ? `${major} more major` : '', minor > 0 ? `${minor} minor` : ''].filter(Boolean);
      return parts.length > 0 ? `; and ${parts.join(' and ')} change${major + minor === 1 ? '' : 's'}` : '';
    },
  },
  zh: {
    none: '无可见变更',
    separator: /；/,
    rest: (major, minor) => {
      const parts = [major > 0 ? `${major} 处重大变更` : '', minor > 0 ? `${minor} 处一般变更` : ''].filter(Boolean);
      return parts.length > 0 ? `；另有 ${parts.join('、')}` : '';
    },
  },
};

/** The first clause of a change's first reason, in `lang`: what changed, without which trigger governs it. */
function whatChanged(change: ClassifiedChange, lang: Lang): string {
  const reason = renderReasons(change, lang)[0] ?? change.kind;
  const clause = reason.split(WORDS[lang].separator)[0]!.replace(/[.。]$/u, '');
  return clause.length > MAX_LENGTH ? `${clause.slice(0, MAX_LENGTH - 1)}…` : clause;
}

/**
 * Summarises a revision in one line, in the policy's language: what the most
 * important change did, and how many other changes came with it, e.g.
 * `Contact e-mail address changed from a@x.com to b@x.com; and 1 minor change`. Pure.
 */
export function renderSummary(revision: Revision, lang: Lang = revision.new.lang): string {
  const words = WORDS[lang];
  const changes = revision.changes;
  if (changes.length === 0) return words.none;
  const lead = changes.find((change) => change.level === 'major') ?? changes[0]!;
  const others = changes.filter((change) => change !== lead);
  const major = others.filter((change) => change.level === 'major').length;
  return `${whatChanged(lead, lang)}${words.rest(major, others.length - major)}`;
}
