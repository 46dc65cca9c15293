/**
 * Signals of one change: what kind of edit it is, what it touches. Each signal carries a
 * message for the reason (messages/: an id and the words it names, worded per language)
 * and the concepts it is about (which steer the trigger choice).
 * The rules (rules.ts) turn signals into a level; nothing here decides major or minor.
 */
import type { Block } from '../types.js';
import { findConcepts, isStrong } from './concepts.js';
import { compareEntities, entitiesOfUrls, extractEntities, type Entity, type EntityDelta, type EntityType } from './entities.js';
import type { Hunk } from './hunks.js';
import { enumerationEdit, sentenceAt } from './lists.js';
import { isChannelSentence, isChannelText, isDeepenedLink, isGenericLinkText, samePages } from './links.js';
import { committalMarkers, PREDICATE_NEGATIONS, type MarkerFlip } from './markers.js';
import { renderSignalMessage } from './messages/index.js';
import type { SignalMessage } from './messages/types.js';
import type { SignalKind } from './rules.js';
import { cjkCount, contentKey, contentWords, normalizeText, stem } from './text.js';
import { TUNING } from './tuning.js';
import { EXAMPLE_MARKERS, restates } from './trivial.js';

/** One observation about a change. */
export interface Signal {
  kind: SignalKind;
  /** For `entity` signals. */
  entityType?: EntityType;
  /** What was observed, as data for a reason in any language (messages/). */
  message: SignalMessage;
  /** The message as an English clause (no final period), e.g. `Contact e-mail address changed from a to b`. */
  text: string;
  /** Lexicon concept ids the edit is about. */
  concepts: string[];
  /** For trigger-list signals: the index in the old list (absent for an added trigger). */
  trigger?: number;
  /** The id of the detector-table entry whose level the finding takes (set by the walk when the detector leaves it out). */
  rule: string;
}

/** Everything the classifier learned about one change. */
export interface Analysis {
  signals: Signal[];
  /** The text that changed (deleted and inserted runs, or the whole block), for choosing the trigger. */
  changedText: string;
  /** The sentences the edits sit in (before and after), a weaker hint for choosing the trigger. */
  contextText?: string;
}

/** A signal of a kind with its message (and the message's English clause as `text`). */
export function makeSignal(kind: SignalKind, message: SignalMessage, concepts: string[] = [], extra: Partial<Pick<Signal, 'entityType' | 'trigger' | 'rule'>> = {}): Signal {
  return { kind, rule: '', ...extra, message, text: renderSignalMessage(message, 'en'), concepts };
}


/** Concepts an entity type speaks to, whatever section it sits in. */
export const ENTITY_CONCEPTS: Partial<Record<EntityType, string[]>> = {
  email: ['contact'],
  phone: ['contact'],
  organization: ['company'],
  region: ['location'],
  amount: ['fee'],
};

/** The words of the links to a URL in the old (`before`) and the new (`after`) version (links.ts). */
export interface LinkTexts {
  before: (url: string) => string[];
  after: (url: string) => string[];
}

/**
 * Signals of link targets that changed while the text stayed: e-mail and phone links are channels,
 * and so is a link whose words name a request form or a way to contact us.
 */
export function linkSignals(before: Pick<Block, 'urls' | 'text'>, after: Pick<Block, 'urls' | 'text'>, links?: LinkTexts): Signal[] {
  const out: Signal[] = [];
  // A mailto: link dropped while its address stays in the text (spelt out, or against spam) is the same channel.
  const inText = (text: string) => {
    const read = readAddresses(text).toLowerCase();
    return (e: Entity): boolean => e.type === 'email' && read.includes(e.text.toLowerCase());
  };
  const [stillBefore, stillAfter] = [inText(before.text), inText(after.text)];
  for (const delta of compareEntities(entitiesOfUrls(before.urls), entitiesOfUrls(after.urls))) {
    const d = { ...delta, removed: delta.removed.filter((e) => !stillAfter(e)), added: delta.added.filter((e) => !stillBefore(e)) };
    if (d.removed.length === 0 && d.added.length === 0) continue;
    if (d.type === 'url') {
      const from = d.removed.map((e) => e.text);
      const to = d.added.map((e) => e.text);
      // Only a re-pointed link (one target for another): a link added or dropped shows in the text.
      // The same page with another query or fragment is the same channel.
      const repointed = from.length > 0 && to.length > 0 && !samePages(from, to);
      const texts = links && repointed ? [...from.flatMap(links.before), ...to.flatMap(links.after)] : [];
      // Words that say nothing ("here", the address itself) are read with the sentence around them.
      const channel = (t: string): boolean => {
        if (!isGenericLinkText(t)) return isChannelText(t);
        const text = normalizeText(after.text);
        const at = text.indexOf(t);
        return at >= 0 && isChannelSentence(text, at);
      };
      // The same site's address shown, the target only deeper inside it: the same place, no new channel.
      const deepened = repointed && isDeepenedLink(from, to, from.flatMap(links?.before ?? (() => [])));
      const anchor = deepened ? undefined : texts.find(channel);
      if (anchor !== undefined) out.push(makeSignal('channel', { id: 'channel-link', where: 'link', anchor, from, to }, conceptsIn(anchor), { rule: 'channel-link' }));
      else out.push(makeSignal('link', { id: 'link-target', from, to }, [], { rule: 'link-target' }));
    } else out.push(entitySignal(d));
  }
  return out;
}

const AT = /\s?[[(（]\s?at\s?[\])）]\s?/gi;
const DOT = /\s?[[(（]\s?dot\s?[\])）]\s?/gi;

/** Text with e-mail addresses spelt out against spam read as addresses: privacy [at] example [dot] com → privacy@example.com. */
export function readAddresses(text: string): string {
  if (!/[[(（]\s?at\s?[\])）]/i.test(text)) return text;
  return text.replace(AT, '@').replace(DOT, '.');
}

/**
 * Only the words of links changed, their targets the same ("click here" → "Cookie Notice"): the reader is
 * sent to the same place, now with a description.
 */
export function linkTextEdit(before: Block, after: Block, hunks: readonly Hunk[], links?: LinkTexts): Signal | null {
  if (!links || before.urls.length === 0 || before.urls.join('\n') !== after.urls.join('\n')) return null;
  const oldTexts = [...new Set(before.urls.flatMap(links.before))];
  const newTexts = [...new Set(after.urls.flatMap(links.after))];
  const inside = (run: string, texts: string[]): boolean => run.trim() === '' || texts.some((t) => t.includes(run.trim()));
  if (!hunks.every((h) => inside(h.deleted, oldTexts) && inside(h.inserted, newTexts))) return null;
  const from = oldTexts.filter((t) => !newTexts.includes(t));
  const to = newTexts.filter((t) => !oldTexts.includes(t));
  if (from.length === 0 && to.length === 0) return null;
  return makeSignal('link', { id: 'trivial-link', before: from.join(', '), after: to.join(', '), more: 0 });
}

/** Headings of a policy's own change log. */
const HISTORY_HEADING = /\b(?:history|change\s?log|changes|revisions?|versions?|updates)\b|修订|更新记录|更新日志|版本|变更记录|历史/iu;

/**
 * A line of the policy's own change log: a list item, table row or paragraph that opens with a date (or a
 * version), in a section whose heading names a history or whose other lines open with dates too.
 */
export function isHistoryEntry(block: Block, text: string, sectionText: string): boolean {
  if (block.kind !== 'listItem' && block.kind !== 'tableRow' && block.kind !== 'paragraph') return false;
  const opensDated = (line: string): boolean => /^\s*(?:v?\d+(?:\.\d+)+\b|version\s+\d)/i.test(line) || extractEntities(line.slice(0, 40)).some((e) => e.type === 'date' && e.start <= 2);
  if (!opensDated(text)) return false;
  const heading = block.section[block.section.length - 1] ?? '';
  if (HISTORY_HEADING.test(heading)) return true;
  const lines = sectionText.split('\n').filter((l) => l.trim() !== '');
  return lines.length >= 2 && lines.filter(opensDated).length >= lines.length - 1;
}

/** Conjunctions and marks that end the reach of a negation (… do not sell it, but we share it …; …, so please …). */
const NEGATION_BREAK = /(?<![\p{L}])(?:but|however|although|though|while|whereas|unless|except|because|since|so|please|and\s+we)(?![\p{L}])|[，,]\s*(?:而|并|所以|因此|因而|请)|但|然而|除非|因为/iu;

/**
 * What governs position `runAt` of a sentence, if anything (nothing past a break such as "but"): the
 * negation of a promise's predicate, or a restrictive `only` (only, solely, 仅) whose scope the words fall in.
 */
function governingMarker(sentence: string, runAt: number): 'negation' | 'only' | null {
  const markers = committalMarkers(sentence).filter((m) => m.end <= runAt && !NEGATION_BREAK.test(sentence.slice(m.end, runAt)));
  if (markers.some((m) => m.classes.includes('negation') && PREDICATE_NEGATIONS.has(m.text.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'")))) return 'negation';
  return markers.some((m) => m.classes.includes('only')) ? 'only' : null;
}

/**
 * Content words inserted after the negation of a negative promise ("we do not sell your data" +
 * "for monetary consideration"), cut from one, or replaced ("do not share" → "do not sell"):
 * the promise now rules out less, more, or something else. The same within the reach of a
 * restrictive `only` ("only to resolve your request" + "and to improve our products"): what the
 * promise allows grows or shrinks.
 */
export function negatedScope(h: Hunk, a: string, b: string): Signal | null {
  const inserted = contentWords(h.inserted).length > 0;
  const deleted = contentWords(h.deleted).length > 0;
  if (!inserted && !deleted) return null;
  // A replacement is judged in the new sentence (where the promise now stands); a cut, in the old one.
  const [text, at, run] = inserted ? [b, h.newStart, h.inserted] : [a, h.oldStart, h.deleted];
  const sentence = sentenceAt(text, at);
  const start = text.lastIndexOf(sentence, at);
  const governed = start < 0 ? null : governingMarker(sentence, at - start);
  if (!governed) return null;
  if (inserted && deleted) {
    const id = governed === 'only' ? 'only-replaced' : 'negated-replaced';
    return makeSignal('negated-scope', { id, from: h.deleted.trim(), to: h.inserted.trim(), sentence }, conceptsIn(sentence));
  }
  const id = governed === 'only' ? 'only-scope' : 'negated-scope';
  return makeSignal('negated-scope', { id, change: inserted ? 'added' : 'removed', text: run.trim(), sentence }, conceptsIn(sentence));
}

/** An address written in the text that changed: a channel when its sentence names a request or a way to contact us (trivial.ts lets such edits through). */
export function urlSignal(d: EntityDelta, before: string, after: string): Signal {
  const from = d.removed.map((e) => e.text);
  const to = d.added.map((e) => e.text);
  if (from.length === 0 || to.length === 0 || samePages(from, to)) return entitySignal(d);
  const added = d.added.find((e) => isChannelSentence(after, e.start));
  const removed = added ? undefined : d.removed.find((e) => isChannelSentence(before, e.start));
  const at = added ? ([after, added] as const) : removed ? ([before, removed] as const) : null;
  if (!at) return entitySignal(d);
  const [text, e] = at;
  // The sentence without its address (and what follows it): "You can submit a request at".
  const anchor = sentenceAt(text.slice(0, e.start), e.start).replace(/[\s,，:：]+$/u, '');
  return makeSignal('channel', { id: 'channel-link', where: 'text', anchor, from, to }, conceptsIn(sentenceAt(text, e.start)), { rule: 'channel-link' });
}

/** The detector-table entry whose level an entity finding takes: a channel anywhere, a term where a trigger governs, a date or link never. */
export const ENTITY_RULE: Readonly<Record<EntityType, 'channel-changed' | 'term-changed' | 'date-or-link'>> = {
  email: 'channel-changed',
  phone: 'channel-changed',
  organization: 'term-changed',
  duration: 'term-changed',
  amount: 'term-changed',
  percentage: 'term-changed',
  region: 'term-changed',
  number: 'term-changed',
  date: 'date-or-link',
  url: 'date-or-link',
};

/** A signal of entities that came, went or changed (its rule from ENTITY_RULE). */
export function entitySignal(d: EntityDelta): Signal {
  const kind: SignalKind = d.type === 'url' ? 'link' : d.type === 'date' ? 'date' : 'entity';
  const texts = (es: Entity[]): string[] => es.map((e) => e.text);
  return makeSignal(kind, { id: 'entity', type: d.type, removed: texts(d.removed), added: texts(d.added) }, ENTITY_CONCEPTS[d.type] ?? [], { entityType: d.type, rule: ENTITY_RULE[d.type] });
}

export function flipSignal(flips: MarkerFlip[], changed: string): Signal {
  // "will" only counts beside another class (may → will); alone it is the flip.
  const parts = flips.filter((f) => f.markerClass !== 'will' || flips.length === 1).map((f) => ({ markerClass: f.markerClass, removed: f.removed, added: f.added }));
  return makeSignal('flip', { id: 'flip', parts }, conceptsIn(changed));
}

const LEGAL_FORM = /(?:股份有限公司|有限责任公司|有限公司|合伙企业|研究院)$|[\s,]*(?:co\.?,?\s*ltd\.?|pte\.?\s*ltd\.?|pty\.?\s*ltd\.?|inc\.?|incorporated|ltd\.?|limited|llc|l\.l\.c\.|llp|gmbh|ag|s\.a\.s?\.?|sas|b\.v\.|n\.v\.|plc|corp\.?|corporation)$/iu;

/** True when an organisation's name without its legal form was already in the text. */
export function namedBefore(org: Entity, before: string): boolean {
  const core = org.text.replace(LEGAL_FORM, '').trim();
  return core.length >= 2 && contentKey(before).includes(contentKey(core));
}

/** Drops "items" that are only part of an organisation's name (GitHub → GitHub, Inc.). */
export function trimOrgItems(e: ReturnType<typeof enumerationEdit>, a: string, b: string): ReturnType<typeof enumerationEdit> {
  if (!e) return null;
  const inOrg = (item: string, text: string): boolean => extractEntities(text).some((x) => x.type === 'organization' && x.text.includes(item.replace(/^[\s,]+|[\s,]+$/g, '')));
  const added = e.added.filter((x) => !inOrg(x, b));
  const removed = e.removed.filter((x) => !inOrg(x, a));
  return added.length + removed.length === 0 ? null : { ...e, added, removed };
}

/** Items added to a list of examples (例如 …、…; such as …, …) that restate what the section names (trivial.ts `restates`) and name no entity. */
export function inExamples(sentence: string, added: string[], known: string): boolean {
  const lower = sentence.toLowerCase();
  const first = Math.min(...added.map((x) => lower.indexOf(x.toLowerCase())).filter((i) => i >= 0));
  const markerAt = Math.min(
    ...EXAMPLE_MARKERS.filter((m) => !['包括', 'including', 'like'].includes(m))
      .map((m) => lower.indexOf(m.toLowerCase()))
      .filter((at) => at >= 0 && at < first),
  );
  if (!Number.isFinite(markerAt)) return false;
  return added.every((x) => extractEntities(x).length === 0 && restates(findConcepts(x), x, known, sentence.slice(0, markerAt)));
}

/** A run big enough to be a clause: seven ideographs, or four content words (tuning.ts `edits`). */
export function isClause(run: string): boolean {
  return cjkCount(run) >= TUNING.edits.clauseIdeographs || (cjkCount(run) === 0 && contentWords(run).length >= TUNING.edits.clauseWords);
}

export function conceptsIn(text: string): string[] {
  return [...new Set(findConcepts(text).map((h) => h.concept))];
}

/** Concepts whose terms are kinds to enumerate: swapping one term for another (name → e-mail address) changes the commitment. */
const ENUMERABLE = new Set(['data-item', 'recipient', 'use-kind', 'right-kind', 'purpose']);

/**
 * Commitment terms added or removed: for enumerable concepts, any term that comes or goes;
 * for the others, a change in how often the concept is named (a reworded sentence keeps its count).
 */
export function conceptDelta(before: string, after: string, hunks: Hunk[]): Signal | null {
  const terms = (t: string): Map<string, string[]> => {
    const m = new Map<string, string[]>();
    for (const h of findConcepts(t)) {
      if (!isStrong(h.concept) || h.weak) continue;
      let list = m.get(h.concept);
      if (!list) m.set(h.concept, (list = []));
      list.push(stem(h.term));
    }
    return m;
  };
  const b = terms(before);
  const a = terms(after);
  const ids = [...new Set([...b.keys(), ...a.keys()])].filter((id) => {
    const x = b.get(id) ?? [];
    const y = a.get(id) ?? [];
    if (x.length !== y.length) return true;
    return ENUMERABLE.has(id) && [...x].sort().join('\u0000') !== [...y].sort().join('\u0000');
  });
  if (ids.length === 0) return null;
  const inserted = findConcepts(hunks.map((h) => h.inserted).join('\n')).filter((h) => ids.includes(h.concept) && !h.weak);
  const deleted = findConcepts(hunks.map((h) => h.deleted).join('\n')).filter((h) => ids.includes(h.concept) && !h.weak);
  if (inserted.length === 0 && deleted.length === 0) return null;
  const written = (hs: typeof inserted): string[] => [...new Set(hs.map((h) => h.term))];
  return makeSignal('concept', { id: 'concept', added: written(inserted), removed: written(deleted), concepts: ids }, ids);
}
