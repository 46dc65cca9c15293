/**
 * Signals of one change: what kind of edit it is, what it touches. Each signal carries a
 * message for the reason (messages/: an id and the words it names, worded per language)
 * and the concepts it is about (which steer the trigger choice).
 * The rules (rules.ts) turn signals into a level; nothing here decides major or minor.
 */
import type { Block } from '../types.js';
import { findConcepts, isStrong } from './concepts.js';
import { compareEntities, entitiesOfUrls, extractEntities, type Entity, type EntityDelta, type EntityType } from './entities.js';
import { applyHunks, diffHunks, type Hunk } from './hunks.js';
import { enumerationEdit, sentenceAt, wholeSentences } from './lists.js';
import { compareMarkers, type MarkerFlip } from './markers.js';
import { renderSignalMessage } from './messages/index.js';
import type { Presence, SignalMessage } from './messages/types.js';
import type { SignalKind } from './rules.js';
import { cjkCount, contentKey, contentWords, normalizeText, similarity, stem } from './text.js';
import { classifyTrivialHunk, EXAMPLE_MARKERS, isCrossReference, isExample, type TrivialEdit } from './trivial.js';

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
export function makeSignal(kind: SignalKind, message: SignalMessage, concepts: string[] = [], extra: Pick<Signal, 'entityType' | 'trigger'> = {}): Signal {
  return { kind, ...extra, message, text: renderSignalMessage(message, 'en'), concepts };
}

/** Signal kinds that can make a change major (the rest are harmless by nature). */
export const SUBSTANTIVE: ReadonlySet<SignalKind> = new Set(['trigger-removed', 'trigger-edited', 'trigger-added', 'entity', 'flip', 'enumeration', 'concept', 'sentence', 'clause', 'rewrite', 'block']);

/** Concepts an entity type speaks to, whatever section it sits in. */
const ENTITY_CONCEPTS: Partial<Record<EntityType, string[]>> = {
  email: ['contact'],
  phone: ['contact'],
  organization: ['company'],
  region: ['location'],
  amount: ['fee'],
};

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
          ? makeSignal('heading', { id: 'heading-level', text: a, from: before.depth, to: after.depth })
          : before.kind !== after.kind || before.depth !== after.depth
          ? makeSignal('structure', { id: 'block-kind', from: before.kind, to: after.kind })
          : makeSignal('same-text', { id: 'same-text' }),
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
    signals.push(makeSignal(kind, { id: `trivial-${kind}`, before: first.before, after: first.after, more: edits.length - 1 } as SignalMessage));
  }
  if (substantive.length === 0) return { signals, changedText: '' };

  if (before.kind === 'heading' && after.kind === 'heading') {
    return { signals: [makeSignal('heading', { id: 'heading-changed', from: a, to: b }), ...signals.filter((x) => x.kind === 'link')], changedText: '' };
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
      found.push(makeSignal('example', { id: 'examples-gained', sentence: e.sentence, added: e.added }));
    } else if (e) {
      found.push(makeSignal('enumeration', { id: 'enumeration', sentence: e.sentence, added: e.added, removed: e.removed }, conceptsIn(e.sentence)));
    }
    const added = wholeSentences(h.inserted).filter((s) => !isCrossReference(s));
    const removed = wholeSentences(h.deleted);
    if (added.length > 0) found.push(makeSignal('sentence', { id: 'sentence', change: 'added', text: added[0]! }, conceptsIn(added.join(' '))));
    if (removed.length > 0 && contentKey(b).includes(contentKey(removed[0]!)) === false) {
      found.push(makeSignal('sentence', { id: 'sentence', change: 'removed', text: removed[0]! }, conceptsIn(removed.join(' '))));
    }
    if (added.length === 0 && removed.length === 0 && !e && substantive.length === 1) {
      // A clause added or cut with nothing in its place: a condition, a purpose, a promise.
      // (Only as the block's one edit: a reworded sentence cuts and adds pieces all over.)
      if (isClause(h.inserted) && contentWords(h.deleted).length === 0) {
        found.push(makeSignal('clause', { id: 'clause', change: 'added', text: h.inserted }, conceptsIn(h.inserted)));
      } else if (isClause(h.deleted) && contentWords(h.inserted).length === 0) {
        found.push(makeSignal('clause', { id: 'clause', change: 'removed', text: h.deleted }, conceptsIn(h.deleted)));
      }
    }
  }
  // Terms are compared in the sentences the edits touch (the rest of the block is the same on both sides).
  const touched = (text: string, at: (h: Hunk) => number): string => [...new Set(substantive.map((h) => sentenceAt(text, at(h), true)))].join('\n');
  const concept = conceptDelta(touched(a, (h) => h.oldStart), touched(b, (h) => h.newStart), substantive);
  if (concept) found.push(concept);
  const committal = findConcepts(changedText).some((h) => isStrong(h.concept) && !h.weak);
  if (similarity(a, b) < 0.5 && contentWords(changedText).length >= 4 && committal) {
    found.push(makeSignal('rewrite', { id: 'rewrite', from: a, to: b }, conceptsIn(changedText)));
  }
  if (found.length === 0) {
    const h = substantive[0]!;
    const from = sentenceAt(a, h.oldStart);
    const to = sentenceAt(b, h.newStart);
    found.push(makeSignal('rewording', { id: 'rewording', from, to }));
  }
  return { signals: [...found, ...signals], changedText, contextText };
}

/** Signals of a block that was added or removed whole. */
export function analyzeBlock(block: Block, kind: 'added' | 'removed', sectionText = ''): Analysis {
  const text = normalizeText(block.text);
  const change: Presence = kind;
  if (block.kind === 'heading') return { signals: [makeSignal('heading', { id: 'heading-block', change, text })], changedText: '' };
  if (contentKey(text) === '' || block.kind === 'thematicBreak' || block.kind === 'definition') {
    const sig: Signal[] = block.kind === 'definition' ? linkSignals(kind === 'removed' ? block.urls : [], kind === 'added' ? block.urls : []) : [];
    return { signals: sig.length > 0 ? sig : [makeSignal('structure', { id: 'empty-block', change, blockKind: block.kind })], changedText: '' };
  }
  // A whole cross-reference or example block reads like the same edit inside a paragraph (trivial.ts).
  const [before, after] = kind === 'added' ? ['', text] : [text, ''];
  if (isCrossReference(text)) return { signals: [makeSignal('cross-reference', { id: 'trivial-cross-reference', before, after, more: 0 })], changedText: '' };
  if (kind === 'added' && isExample(text, { before: '', after: text, sectionText })) {
    return { signals: [makeSignal('example', { id: 'trivial-example', before, after, more: 0 })], changedText: '' };
  }
  const signals: Signal[] = [];
  const ents = extractEntities(text).concat(entitiesOfUrls(block.urls).filter((e) => e.type !== 'url'));
  // Channels and parties are named on their own; other entities are part of the block's text.
  for (const d of compareEntities(kind === 'removed' ? ents : [], kind === 'added' ? ents : [])) {
    if (d.type === 'email' || d.type === 'phone' || d.type === 'organization') signals.push(entitySignal(d));
  }
  const what = block.kind === 'listItem' || block.kind === 'tableRow' ? block.kind : 'paragraph';
  signals.unshift(makeSignal('block', { id: 'block', change, what, text }, conceptsIn(text)));
  return { signals, changedText: text };
}

/** Signals of link targets that changed while the text stayed: e-mail and phone links are channels. */
function linkSignals(before: string[], after: string[]): Signal[] {
  const out: Signal[] = [];
  for (const d of compareEntities(entitiesOfUrls(before), entitiesOfUrls(after))) {
    if (d.type === 'url') {
      out.push(makeSignal('link', { id: 'link-target', from: d.removed.map((e) => e.text), to: d.added.map((e) => e.text) }));
    } else out.push(entitySignal(d));
  }
  return out;
}

function entitySignal(d: EntityDelta): Signal {
  const kind: SignalKind = d.type === 'url' ? 'link' : d.type === 'date' ? 'date' : 'entity';
  const texts = (es: Entity[]): string[] => es.map((e) => e.text);
  return makeSignal(kind, { id: 'entity', type: d.type, removed: texts(d.removed), added: texts(d.added) }, ENTITY_CONCEPTS[d.type] ?? [], { entityType: d.type });
}

function flipSignal(flips: MarkerFlip[], changed: string): Signal {
  // "will" only counts beside another class (may → will); alone it is the flip.
  const parts = flips.filter((f) => f.markerClass !== 'will' || flips.length === 1).map((f) => ({ markerClass: f.markerClass, removed: f.removed, added: f.added }));
  return makeSignal('flip', { id: 'flip', parts }, conceptsIn(changed));
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
  if (inserted.length === 0 && deleted.length === 0) return null;
  const written = (hs: typeof inserted): string[] => [...new Set(hs.map((h) => h.term))];
  return makeSignal('concept', { id: 'concept', added: written(inserted), removed: written(deleted), concepts: ids }, ids);
}
