/**
 * Signals of one change: what kind of edit it is, what it touches. Each signal carries a
 * clause for the reason and the concepts it is about (which steer the trigger choice).
 * The rules (rules.ts) turn signals into a level; nothing here decides major or minor.
 */
import type { Block } from '../types.js';
import { conceptById, findConcepts, isStrong } from './concepts.js';
import { compareEntities, entitiesOfUrls, extractEntities, type Entity, type EntityDelta, type EntityType } from './entities.js';
import { applyHunks, diffHunks, type Hunk } from './hunks.js';
import { enumerationEdit, sentenceAt, wholeSentences } from './lists.js';
import { compareMarkers, type MarkerFlip } from './markers.js';
import type { SignalKind } from './rules.js';
import { cjkCount, contentKey, contentWords, normalizeText, quote, similarity, stem } from './text.js';
import { classifyTrivialHunk, EXAMPLE_MARKERS, isCrossReference, isExample, type TrivialEdit } from './trivial.js';

/** One observation about a change. */
export interface Signal {
  kind: SignalKind;
  /** For `entity` signals. */
  entityType?: EntityType;
  /** A clause for the reason (English, no final period), e.g. `contact e-mail changed from a to b`. */
  text: string;
  /** Lexicon concept ids the edit is about. */
  concepts: string[];
  /** For trigger-list signals: the index in the old list (absent for an added trigger). */
  trigger?: number;
}

/** Everything the classifier learned about one change. */
export interface Analysis {
  signals: Signal[];
  /** The text that changed (deleted and inserted runs, or the whole block), for choosing the trigger. */
  changedText: string;
  /** The sentences the edits sit in (before and after), a weaker hint for choosing the trigger. */
  contextText?: string;
}

/** Signal kinds that can make a change major (the rest are harmless by nature). */
export const SUBSTANTIVE: ReadonlySet<SignalKind> = new Set(['trigger-removed', 'trigger-edited', 'trigger-added', 'entity', 'flip', 'enumeration', 'concept', 'sentence', 'clause', 'rewrite', 'block']);

const ENTITY_NAMES: Record<EntityType, string> = {
  email: 'e-mail address',
  url: 'link',
  phone: 'phone number',
  organization: 'organisation',
  duration: 'period',
  amount: 'amount',
  percentage: 'percentage',
  number: 'figure',
  region: 'region',
  date: 'date',
};

/** Concepts an entity type speaks to, whatever section it sits in. */
const ENTITY_CONCEPTS: Partial<Record<EntityType, string[]>> = {
  email: ['contact'],
  phone: ['contact'],
  organization: ['company'],
  region: ['location'],
  amount: ['fee'],
};

const TRIVIAL_TEXT: Record<TrivialEdit['kind'], (e: TrivialEdit) => string> = {
  whitespace: () => 'only whitespace changed',
  punctuation: (e) => `punctuation changed (${show(e.before)} → ${show(e.after)})`,
  case: (e) => `letter case changed (${show(e.before)} → ${show(e.after)})`,
  typo: (e) => `typo fixed: ${show(e.before)} → ${show(e.after)}`,
  'function-words': (e) => (e.after === '' ? `the function word ${show(e.before)} was dropped` : e.before === '' ? `the function word ${show(e.after)} was added` : `function words changed (${show(e.before)} → ${show(e.after)})`),
  duplicate: (e) => `${show(e.before)} was removed, but the same words are still there`,
  example: (e) => (e.after === '' ? `an example was removed (${show(e.before)}); the category it illustrated is still named` : `an example was added (${show(e.after)}) that restates an existing category`),
  'cross-reference': (e) => (e.after === '' ? `a cross-reference was removed (${show(e.before)})` : `a cross-reference was added (${show(e.after)})`),
  date: (e) => `a date changed (${show(e.before)} → ${show(e.after)})`,
  link: (e) => `a link changed (${show(e.before)} → ${show(e.after)})`,
};

function show(text: string, max = 100): string {
  return text.trim() === '' ? '(nothing)' : `"${quote(text, max)}"`;
}

/** Signals of a modified block. `sectionText` is the old text of its section (for examples). */
export function analyzeModified(before: Block, after: Block, sectionText = ''): Analysis {
  const a = normalizeText(before.text);
  const b = normalizeText(after.text);
  const signals: Signal[] = [];
  signals.push(...linkSignals(before.urls, after.urls));
  if (a === b) {
    if (signals.length === 0) {
      signals.push(
        before.kind === 'heading' && after.kind === 'heading'
          ? { kind: 'heading', text: `the heading ${show(a)} moved from level ${before.depth} to level ${after.depth}`, concepts: [] }
          : before.kind !== after.kind || before.depth !== after.depth
          ? { kind: 'structure', text: `the block changed from ${before.kind} to ${after.kind} with the same text`, concepts: [] }
          : { kind: 'same-text', text: 'the text a reader sees is the same before and after', concepts: [] },
      );
    }
    return { signals, changedText: '' };
  }
  const hunks = diffHunks(a, b);
  const substantive: Hunk[] = [];
  const trivial: TrivialEdit[] = [];
  for (const h of hunks) {
    const t = classifyTrivialHunk(h, { before: a, after: b, sectionText });
    if (t) trivial.push(t);
    else substantive.push(h);
  }
  for (const kind of new Set(trivial.map((t) => t.kind))) {
    const edits = [...new Map(trivial.filter((t) => t.kind === kind).map((t) => [`${t.before}\u0000${t.after}`, t])).values()];
    const first = edits[0]!;
    const more = edits.length > 1 ? ` (and ${edits.length - 1} more like it)` : '';
    signals.push({ kind, text: TRIVIAL_TEXT[kind](first) + more, concepts: [] });
  }
  if (substantive.length === 0) return { signals, changedText: '' };

  if (before.kind === 'heading' && after.kind === 'heading') {
    return { signals: [{ kind: 'heading', text: `the heading changed from ${show(a)} to ${show(b)}`, concepts: [] }, ...signals.filter((x) => x.kind === 'link')], changedText: '' };
  }
  const effective = applyHunks(a, substantive);
  // A sentence added or removed whole speaks for itself: its own "may" or "not" is not a flip of what was there.
  const sentenceHunk = (h: Hunk): boolean => {
    const run = contentWords(h.inserted).length > 0 ? h.inserted : h.deleted;
    const other = run === h.inserted ? h.deleted : h.inserted;
    return contentWords(other).length === 0 && contentKey(wholeSentences(run).join('')).length >= 0.8 * contentKey(run).length && contentKey(run).length > 0;
  };
  const flipBase = applyHunks(a, substantive.filter((h) => !sentenceHunk(h)));
  const changedText = substantive.map((h) => `${h.deleted}\n${h.inserted}`).join('\n');
  const contextText = substantive.map((h) => `${sentenceAt(a, h.oldStart)}\n${sentenceAt(b, h.newStart)}`).join('\n');
  const found: Signal[] = [];
  for (const d of compareEntities(extractEntities(a), extractEntities(effective))) {
    // "GitHub" → "GitHub, Inc.": the same party, now with its legal form.
    if (d.type === 'organization' && d.removed.length === 0 && d.added.every((e) => namedBefore(e, a))) continue;
    found.push(entitySignal(d));
  }
  const flips = compareMarkers(a, flipBase);
  if (flips.length > 0) found.push(flipSignal(flips, changedText));
  for (const h of substantive) {
    const e = trimOrgItems(enumerationEdit(h, a, b), a, b);
    if (e && e.removed.length === 0 && inExamples(e.sentence, e.added, `${a}\n${sectionText}`)) {
      found.push({ kind: 'example', text: `the examples in ${show(e.sentence)} gained ${e.added.map((x) => show(x)).join(', ')}`, concepts: [] });
    } else if (e) {
      const parts: string[] = [];
      if (e.added.length > 0) parts.push(`adds ${e.added.map((x) => show(x)).join(', ')}`);
      if (e.removed.length > 0) parts.push(`removes ${e.removed.map((x) => show(x)).join(', ')}`);
      found.push({ kind: 'enumeration', text: `the enumeration in ${show(e.sentence)} ${parts.join(' and ')}`, concepts: conceptsIn(e.sentence) });
    }
    const added = wholeSentences(h.inserted).filter((s) => !isCrossReference(s));
    const removed = wholeSentences(h.deleted);
    if (added.length > 0) found.push({ kind: 'sentence', text: `a sentence was added: ${show(added[0]!)}`, concepts: conceptsIn(added.join(' ')) });
    if (removed.length > 0 && contentKey(b).includes(contentKey(removed[0]!)) === false) {
      found.push({ kind: 'sentence', text: `a sentence was removed: ${show(removed[0]!)}`, concepts: conceptsIn(removed.join(' ')) });
    }
    if (added.length === 0 && removed.length === 0 && !e && substantive.length === 1) {
      // A clause added or cut with nothing in its place: a condition, a purpose, a promise.
      // (Only as the block's one edit: a reworded sentence cuts and adds pieces all over.)
      if (isClause(h.inserted) && contentWords(h.deleted).length === 0) {
        found.push({ kind: 'clause', text: `a clause was added: ${show(h.inserted)}`, concepts: conceptsIn(h.inserted) });
      } else if (isClause(h.deleted) && contentWords(h.inserted).length === 0) {
        found.push({ kind: 'clause', text: `a clause was removed: ${show(h.deleted)}`, concepts: conceptsIn(h.deleted) });
      }
    }
  }
  // Terms are compared in the sentences the edits touch (the rest of the block is the same on both sides).
  const touched = (text: string, at: (h: Hunk) => number): string => [...new Set(substantive.map((h) => sentenceAt(text, at(h), true)))].join('\n');
  const concept = conceptDelta(touched(a, (h) => h.oldStart), touched(b, (h) => h.newStart), substantive);
  if (concept) found.push(concept);
  const committal = findConcepts(changedText).some((h) => isStrong(h.concept) && !h.weak);
  if (similarity(a, b) < 0.5 && contentWords(changedText).length >= 4 && committal) {
    found.push({ kind: 'rewrite', text: `the passage was rewritten (from ${show(a)} to ${show(b)})`, concepts: conceptsIn(changedText) });
  }
  if (found.length === 0) {
    const h = substantive[0]!;
    const from = sentenceAt(a, h.oldStart);
    const to = sentenceAt(b, h.newStart);
    found.push({ kind: 'rewording', text: `the wording changed from ${show(from)} to ${show(to)} without adding or removing a commitment term`, concepts: [] });
  }
  return { signals: [...found, ...signals], changedText, contextText };
}

/** Signals of a block that was added or removed whole. */
export function analyzeBlock(block: Block, kind: 'added' | 'removed', sectionText = ''): Analysis {
  const text = normalizeText(block.text);
  const verb = kind === 'added' ? 'added' : 'removed';
  if (block.kind === 'heading') return { signals: [{ kind: 'heading', text: `the heading ${show(text)} was ${verb}`, concepts: [] }], changedText: '' };
  if (contentKey(text) === '' || block.kind === 'thematicBreak' || block.kind === 'definition') {
    const sig: Signal[] = block.kind === 'definition' ? linkSignals(kind === 'removed' ? block.urls : [], kind === 'added' ? block.urls : []) : [];
    return { signals: sig.length > 0 ? sig : [{ kind: 'structure', text: `a ${block.kind} without text was ${verb}`, concepts: [] }], changedText: '' };
  }
  if (isCrossReference(text)) return { signals: [{ kind: 'cross-reference', text: `a cross-reference was ${verb} (${show(text)})`, concepts: [] }], changedText: '' };
  if (kind === 'added' && isExample(text, { before: '', after: text, sectionText })) {
    return { signals: [{ kind: 'example', text: `an example was added (${show(text)}) that restates an existing category`, concepts: [] }], changedText: '' };
  }
  const signals: Signal[] = [];
  const ents = extractEntities(text).concat(entitiesOfUrls(block.urls).filter((e) => e.type !== 'url'));
  // Channels and parties are named on their own; other entities are part of the block's text.
  for (const d of compareEntities(kind === 'removed' ? ents : [], kind === 'added' ? ents : [])) {
    if (d.type === 'email' || d.type === 'phone' || d.type === 'organization') signals.push(entitySignal(d));
  }
  const what = block.kind === 'listItem' ? 'list item' : block.kind === 'tableRow' ? 'table row' : 'paragraph';
  signals.unshift({ kind: 'block', text: `a ${what} was ${verb}: ${show(text)}`, concepts: conceptsIn(text) });
  return { signals, changedText: text };
}

/** Signals of link targets that changed while the text stayed: e-mail and phone links are channels. */
function linkSignals(before: string[], after: string[]): Signal[] {
  const out: Signal[] = [];
  for (const d of compareEntities(entitiesOfUrls(before), entitiesOfUrls(after))) {
    if (d.type === 'url') {
      const from = d.removed.map((e) => e.text).join(', ') || '(none)';
      const to = d.added.map((e) => e.text).join(', ') || '(none)';
      out.push({ kind: 'link', text: `a link target changed (${from} → ${to})`, concepts: [] });
    } else out.push(entitySignal(d));
  }
  return out;
}

function entitySignal(d: EntityDelta): Signal {
  const name = ENTITY_NAMES[d.type];
  const list = (es: Entity[]): string => es.map((e) => e.text).join(', ');
  let text: string;
  if (d.removed.length > 0 && d.added.length > 0) text = `${name} changed from ${list(d.removed)} to ${list(d.added)}`;
  else if (d.added.length > 0) text = `${name} added: ${list(d.added)}`;
  else text = `${name} removed: ${list(d.removed)}`;
  if (d.type === 'email' || d.type === 'phone') text = `contact ${text}`;
  const kind: SignalKind = d.type === 'url' ? 'link' : d.type === 'date' ? 'date' : 'entity';
  return { kind, entityType: d.type, text: capitalizeFirst(text), concepts: ENTITY_CONCEPTS[d.type] ?? [] };
}

const CLASS_NAMES: Record<string, string> = {
  negation: 'negation',
  will: 'certainty',
  may: 'permission',
  must: 'obligation',
  only: 'limitation',
  all: 'universal scope',
  'open-ended': 'open-ended scope',
  exception: 'exception',
  qualifier: 'qualifier',
};

function flipSignal(flips: MarkerFlip[], changed: string): Signal {
  const parts = flips
    .filter((f) => f.markerClass !== 'will' || flips.length === 1)
    .map((f) => {
      const name = CLASS_NAMES[f.markerClass] ?? f.markerClass;
      if (f.removed.length > 0 && f.added.length > 0) return `${name} "${f.removed.join('", "')}" became "${f.added.join('", "')}"`;
      if (f.removed.length > 0) return `${name} "${f.removed.join('", "')}" was removed`;
      return `${name} "${f.added.join('", "')}" was added`;
    });
  return { kind: 'flip', text: `the promise's force changed: ${[...new Set(parts)].join('; ')}`, concepts: conceptsIn(changed) };
}

const LEGAL_FORM = /(?:股份有限公司|有限责任公司|有限公司|合伙企业|研究院)$|[\s,]*(?:co\.?,?\s*ltd\.?|pte\.?\s*ltd\.?|pty\.?\s*ltd\.?|inc\.?|incorporated|ltd\.?|limited|llc|l\.l\.c\.|llp|gmbh|ag|s\.a\.s?\.?|sas|b\.v\.|n\.v\.|plc|corp\.?|corporation)$/iu;

/** True when an organisation's name without its legal form was already in the text. */
function namedBefore(org: Entity, before: string): boolean {
  const core = org.text.replace(LEGAL_FORM, '').trim();
  return core.length >= 2 && contentKey(before).includes(contentKey(core));
}

/** Drops "items" that are only part of an organisation's name (GitHub → GitHub, Inc.). */
function trimOrgItems(e: ReturnType<typeof enumerationEdit>, a: string, b: string): ReturnType<typeof enumerationEdit> {
  if (!e) return null;
  const inOrg = (item: string, text: string): boolean => extractEntities(text).some((x) => x.type === 'organization' && x.text.includes(item.replace(/^[\s,]+|[\s,]+$/g, '')));
  const added = e.added.filter((x) => !inOrg(x, b));
  const removed = e.removed.filter((x) => !inOrg(x, a));
  return added.length + removed.length === 0 ? null : { ...e, added, removed };
}

/** Items added to a list of examples (例如 …、…; such as …, …) that name no commitment term the section did not already name. */
function inExamples(sentence: string, added: string[], known: string): boolean {
  const lower = sentence.toLowerCase();
  const first = Math.min(...added.map((x) => lower.indexOf(x.toLowerCase())).filter((i) => i >= 0));
  const marker = EXAMPLE_MARKERS.filter((m) => !['包括', 'including', 'like'].includes(m)).some((m) => {
    const at = lower.indexOf(m.toLowerCase());
    return at >= 0 && at < first;
  });
  if (!marker) return false;
  const knownTerms = new Set(findConcepts(known).map((c) => stem(c.term)));
  return added.every((x) => findConcepts(x).every((c) => !isStrong(c.concept) || c.weak || knownTerms.has(stem(c.term))) && extractEntities(x).length === 0);
}

/** A run big enough to be a clause: eight ideographs, or four content words. */
function isClause(run: string): boolean {
  return cjkCount(run) >= 7 || (cjkCount(run) === 0 && contentWords(run).length >= 4);
}

function conceptsIn(text: string): string[] {
  return [...new Set(findConcepts(text).map((h) => h.concept))];
}

/** Concepts whose terms are kinds to enumerate: swapping one term for another (name → e-mail address) changes the commitment. */
const ENUMERABLE = new Set(['data-item', 'recipient', 'use-kind', 'right-kind', 'purpose']);

/**
 * Commitment terms added or removed: for enumerable concepts, any term that comes or goes;
 * for the others, a change in how often the concept is named (a reworded sentence keeps its count).
 */
function conceptDelta(before: string, after: string, hunks: Hunk[]): Signal | null {
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
  const list = (hs: typeof inserted): string => [...new Set(hs.map((h) => `"${h.term}"`))].join(', ');
  const labels = [...new Set(ids.map((id) => conceptById(id)?.label ?? id))].join(', ');
  const parts: string[] = [];
  if (inserted.length > 0) parts.push(`adds ${list(inserted)}`);
  if (deleted.length > 0) parts.push(`removes ${list(deleted)}`);
  if (parts.length === 0) return null;
  return { kind: 'concept', text: `the edit ${parts.join(' and ')} (${labels})`, concepts: ids };
}

function capitalizeFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
