/**
 * What a notice says, as plain data: the policy, the version, whether the
 * change is major, each major change under the trigger it hits with a short
 * before/after, the effective date and the links to the archive site. Built
 * from a Revision and the archive entries; the templates turn it into words
 * and the renderers into text and HTML. Pure.
 */
import type { ArchivedVersion, ChangeKind, ClassifiedChange, ChangeLevel, InlinePart, Revision } from '../types.js';

/** One change as a notice shows it. */
export interface NoticeChange {
  kind: ChangeKind;
  /** The heading of the section it sits in ('' when none). */
  section: string;
  /** A short excerpt of the old text (null for an addition). */
  before: string | null;
  /** A short excerpt of the new text (null for a removal). */
  after: string | null;
}

/** Major changes that hit one trigger of the policy's list (trigger null: major, but under no listed trigger). */
export interface NoticeGroup {
  trigger: string | null;
  changes: NoticeChange[];
}

/** Everything a notice says, before wording and markup. */
export interface NoticeModel {
  /** Template language (`zh`, `en`, …). */
  lang: string;
  policyId: string;
  /** The policy's title, on one line. */
  title: string;
  version: string;
  previousVersion: string;
  level: ChangeLevel;
  /** Publish date, YYYY-MM-DD. */
  date: string;
  /** Effective date, YYYY-MM-DD. */
  effective: string;
  /** Major changes by trigger (only in major notices). */
  groups: NoticeGroup[];
  /** The changes not in `groups`, listed when there are no groups (capped). */
  others: NoticeChange[];
  /** How many changes are not in `groups` (the listed ones and those left out). */
  otherCount: number;
  /** Changes left out of the lists because of the cap. */
  omitted: number;
  /** The owners' own words about the revision (`changeNote`, from the record), shown first; null when none. */
  changeNote: string | null;
  links: {
    /** `<siteUrl>/<id>/<version>/` */
    version?: string;
    /** `<siteUrl>/<id>/<version>/changes/` */
    changes?: string;
    unsubscribe?: string;
  };
}

/** Inputs of a notice. */
export interface NoticeInput {
  revision: Revision;
  /** The archive entry of the version being announced (its `level` is final). */
  entry: ArchivedVersion;
  /** The entry of the version before it. */
  previous: ArchivedVersion;
  siteUrl?: string;
  unsubscribeUrl?: string;
  /** At most this many changes are listed in a notice. Default 25. */
  maxListed?: number;
  /** The change note recorded with the version, if any. */
  changeNote?: string | null;
}

const EXCERPT_CONTEXT = 40;
const EXCERPT_MAX = 200;

/** One line of text: line breaks and control characters collapsed to spaces (a title cannot break a header). */
export function renderOneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029\s]+/gu, ' ').trim();
}

function truncate(chars: string[], max = EXCERPT_MAX): string {
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}

/**
 * The old (`delete`) or new (`insert`) side of a redline, cut to the stretch
 * around what changed, with `…` where text was left out.
 */
export function renderExcerpt(parts: readonly InlinePart[], side: 'delete' | 'insert'): string {
  const chars: string[] = [];
  let first = -1;
  let last = -1;
  for (const part of parts) {
    if (part.op === 'equal' || part.op === side) {
      const partChars = Array.from(part.text);
      if (part.op === side && partChars.length > 0) {
        if (first < 0) first = chars.length;
        last = chars.length + partChars.length;
      }
      chars.push(...partChars);
    } else if (first < 0) {
      // A change only on the other side: centre on where it happened.
      first = chars.length;
      last = chars.length;
    } else {
      last = Math.max(last, chars.length);
    }
  }
  if (first < 0) return truncate(chars);
  let start = Math.max(0, first - EXCERPT_CONTEXT);
  let end = Math.min(chars.length, last + EXCERPT_CONTEXT);
  if (end - start > EXCERPT_MAX) end = start + EXCERPT_MAX;
  // Do not start or end an excerpt with a lone space.
  while (start < first && chars[start] === ' ') start += 1;
  const text = chars.slice(start, end).join('').trim();
  return `${start > 0 ? '…' : ''}${text}${end < chars.length ? '…' : ''}`;
}

function sectionOf(change: ClassifiedChange): string {
  const block = change.newBlock ?? change.oldBlock;
  if (!block) return '';
  if (block.kind === 'heading') return block.text;
  return block.section[block.section.length - 1] ?? '';
}

/** A change as a notice shows it. */
export function renderNoticeChange(change: ClassifiedChange): NoticeChange {
  const section = renderOneLine(sectionOf(change));
  const oldText = change.oldBlock?.text ?? '';
  const newText = change.newBlock?.text ?? '';
  switch (change.kind) {
    case 'added':
      return { kind: 'added', section, before: null, after: truncate(Array.from(newText)) };
    case 'removed':
      return { kind: 'removed', section, before: truncate(Array.from(oldText)), after: null };
    case 'moved':
      return { kind: 'moved', section, before: null, after: truncate(Array.from(newText)) };
    case 'modified':
      if (change.inline.length === 0) return { kind: 'modified', section, before: truncate(Array.from(oldText)), after: truncate(Array.from(newText)) };
      return { kind: 'modified', section, before: renderExcerpt(change.inline, 'delete'), after: renderExcerpt(change.inline, 'insert') };
  }
}

function joinUrl(base: string, ...segments: string[]): string {
  return `${base.replace(/\/+$/, '')}/${segments.map((s) => encodeURIComponent(s)).join('/')}/`;
}

/** Builds the notice model of an archived version. Throws a TypeError for an initial version (there is nothing to announce). */
export function renderNoticeModel(input: NoticeInput): NoticeModel {
  const { revision, entry, previous } = input;
  if (entry.level === 'initial') throw new TypeError('an initial version has no notice');
  const level: ChangeLevel = entry.level;
  const maxListed = input.maxListed ?? 25;
  const policy = revision.new;

  const byTrigger = new Map<number | null, NoticeChange[]>();
  const others: ClassifiedChange[] = [];
  for (const change of revision.changes) {
    if (level !== 'major' || change.level !== 'major') {
      others.push(change);
      continue;
    }
    const known = change.triggers.filter((index) => revision.old.triggers.some((t) => t.index === index));
    const key = known.length > 0 ? Math.min(...known) : null;
    const list = byTrigger.get(key) ?? [];
    list.push(renderNoticeChange(change));
    byTrigger.set(key, list);
  }

  let budget = maxListed;
  let omitted = 0;
  const take = (changes: NoticeChange[]): NoticeChange[] => {
    const kept = changes.slice(0, Math.max(0, budget));
    omitted += changes.length - kept.length;
    budget -= kept.length;
    return kept;
  };
  const keys = [...byTrigger.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  const groups: NoticeGroup[] = [];
  for (const key of keys) {
    const changes = take(byTrigger.get(key)!);
    if (changes.length === 0) continue;
    const trigger = key === null ? null : renderOneLine(revision.old.triggers.find((t) => t.index === key)!.text);
    groups.push({ trigger, changes });
  }
  // Only a notice without highlighted changes lists the others (a major notice mentions their number).
  const listedOthers = groups.length === 0 && byTrigger.size === 0 ? take(others.map(renderNoticeChange)) : [];

  const links: NoticeModel['links'] = {};
  if (input.siteUrl) {
    links.version = joinUrl(input.siteUrl, policy.id, entry.version);
    links.changes = `${links.version}changes/`;
  }
  if (input.unsubscribeUrl) links.unsubscribe = input.unsubscribeUrl;

  return {
    lang: policy.lang,
    policyId: policy.id,
    title: renderOneLine(policy.title),
    version: entry.version,
    previousVersion: previous.version,
    level,
    date: entry.date,
    effective: entry.effective,
    groups,
    others: listedOthers,
    otherCount: others.length,
    omitted,
    changeNote: input.changeNote ?? null,
    links,
  };
}
