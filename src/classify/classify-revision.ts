/**
 * Classifies every change of a revision as major or minor by the OLD version's triggers
 * (the promise in force when the change was made), with reasons a lawyer can read.
 *
 * The section a change sits in decides WHICH trigger it would hit; the substance of the
 * change (signals.ts) decides WHETHER it is major; rules.ts turns signals into a level.
 */
import { defaultListWarning } from '../policy/default-triggers.js';
import type { Block, Change, ChangeLevel, ClassifiedChange, Confidence, Policy, Revision, Trigger } from '../types.js';
import type { Family } from './lexicon.js';
import { extractEntities } from './entities.js';
import { addInto, conceptFeatures, featuresOf, indexSections, modelTriggers, scoreTriggers, type SectionIndex, type TriggerModel, type Vector } from './affinity.js';
import { makeSignal } from './signals.js';
import { indexLinks, type LinkIndex } from './links.js';
import type { Analysis, LinkTexts, Signal } from './signals.js';
import { maxLevel } from './rules.js';
import { isSubstantive, levelOf, STRONG } from './detectors/table.js';
import { analyzeBlock, analyzeEdit, walkChange, walkList } from './detectors/walk.js';
import type { ChangeContext } from './detectors/types.js';
import { renderReasonMessages } from './messages/index.js';
import type { Where } from './messages/types.js';
import { composeReasons } from './reasons.js';
import { TUNING } from './tuning.js';
import { contentKey, contentWords, normalizeText, similarity, splitSentences, stem } from './text.js';


/** Classifies the changes between two versions. Pure. */
export function classifyRevision(old: Policy, neu: Policy, changes: Change[]): Revision {
  const ctx = revisionContext(old, neu, changes);
  const classified = changes.map((c, i) => classifyChange(ctx, c, i));
  let level: Revision['level'] = 'none';
  for (const c of classified) level = level === 'none' ? c.level : maxLevel(level, c.level);
  const triggers = [...new Set(classified.flatMap((c) => c.triggers))].sort((a, b) => a - b);
  const needsDecision = classified.filter((c) => c.confidence === 'low').length;
  // Both versions falling back to the default list is one fact: say it once, for the version in force.
  const bothDefault = old.triggerSource === 'default' && neu.triggerSource === 'default';
  const newWarnings = bothDefault ? neu.warnings.filter((warning) => warning !== defaultListWarning(neu.path)) : neu.warnings;
  const warnings = [...new Set([...old.warnings, ...newWarnings])];
  return { old, new: neu, level, triggers, changes: classified, needsDecision, warnings };
}

type Side = 'old' | 'new';

/**
 * Everything a change is judged against, computed once per revision before any change is read and
 * never changed after: the trigger model, each version's sections, links and stated triggers, and what
 * the revision's other changes are (pairs of removed and added blocks, content keys, added headings).
 */
interface RevisionContext {
  old: Policy;
  neu: Policy;
  model: TriggerModel;
  sides: Readonly<Record<Side, { policy: Policy; index: SectionIndex; links: LinkIndex; triggerAt: ReadonlyMap<number, readonly Trigger[]>; sectionTexts: ReadonlyMap<string, string>; documentText: () => string; headings: readonly string[] }>>;
  /** Content keys of the names of the company that is "we", in either version: read once, on first need (most revisions never ask). */
  controllers: () => readonly string[];
  all: readonly Change[];
  /** Removed and added blocks paired as one rewritten block. */
  pairs: ReadonlyMap<number, number>;
  /** Content keys of each change's old and new block (null for a moved block or none). */
  keys: ReadonlyArray<{ old: string | null; new: string | null }>;
  /** Indices of the added and removed (non-heading) changes. */
  wholeBlocks: readonly number[];
  /** Headings added (possibly a `#Title` paragraph fixed to render). */
  addedHeadings: readonly Change[];
}

/** Builds the revision context. Pure. */
function revisionContext(old: Policy, neu: Policy, all: readonly Change[]): RevisionContext {
  const side = (policy: Policy) => ({
    policy,
    index: indexSections(policy, policy.triggerBlocks),
    links: indexLinks(policy.source),
    triggerAt: triggersByBlock(policy),
    sectionTexts: sectionTexts(policy),
    documentText: once(() => normalizeText(policy.blocks.map((b) => b.text).join('\n'))),
    headings: policy.blocks.filter((b) => b.kind === 'heading').map((b) => b.text),
  });
  return {
    old,
    neu,
    model: modelTriggers(old.triggers),
    sides: { old: side(old), new: side(neu) },
    controllers: once(() => [...controllerNames(old), ...controllerNames(neu)]),
    all,
    pairs: pairUp(all),
    keys: all.map((c) => ({
      old: c.oldBlock && c.kind !== 'moved' ? contentKey(normalizeText(c.oldBlock.text)) : null,
      new: c.newBlock && c.kind !== 'moved' ? contentKey(normalizeText(c.newBlock.text)) : null,
    })),
    wholeBlocks: all.flatMap((c, j) => ((c.kind === 'added' || c.kind === 'removed') && (c.newBlock ?? c.oldBlock)!.kind !== 'heading' ? [j] : [])),
    addedHeadings: all.filter((c) => c.kind === 'added' && c.newBlock?.kind === 'heading' && c.newBlock.text !== ''),
  };
}

/** A value computed on first call and kept: the one memo of the classifier, local to one revision. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** The triggers each block states (several when items run together in one paragraph or code block). */
function triggersByBlock(policy: Policy): Map<number, Trigger[]> {
  const at = new Map<number, Trigger[]>();
  for (const t of policy.triggers) if (t.blockIndex >= 0) at.set(t.blockIndex, [...(at.get(t.blockIndex) ?? []), t]);
  return at;
}

/** The text of each section (its blocks joined), by heading path. */
function sectionTexts(policy: Policy): Map<string, string> {
  const parts = new Map<string, string[]>();
  for (const b of policy.blocks) {
    const key = b.section.join('\u0000');
    let list = parts.get(key);
    if (!list) parts.set(key, (list = []));
    list.push(b.text);
  }
  return new Map([...parts].map(([key, list]) => [key, list.join('\n')]));
}

function sectionText(ctx: RevisionContext, which: Side, section: string[]): string {
  return ctx.sides[which].sectionTexts.get(section.join('\u0000')) ?? '';
}

interface Governor {
  /** Position in the old trigger list, or -1. */
  at: number;
  score: number;
  governed: boolean;
}

/** Classifies one change of the revision: its findings, the level their entries give, the trigger, the reasons. Pure. */
function classifyChange(ctx: RevisionContext, change: Change, i: number): ClassifiedChange {
  const { old } = ctx;
  const analysis = analyze(ctx, change, i);
  const side: Side = change.kind === 'added' ? 'new' : 'old';
  const blockIndex = side === 'new' ? change.newIndex : change.oldIndex;
  const block = (side === 'new' ? change.newBlock : change.oldBlock) ?? change.newBlock ?? change.oldBlock;
  const gov = govern(ctx, side, blockIndex, block, analysis);
  let level: ChangeLevel = 'minor';
  // Each finding gives the level of its table entry, where a trigger governs the change or where none does; the highest wins.
  const fired = analysis.signals.map((signal) => ({ signal, level: levelOf(signal, gov.governed) }));
  for (const f of fired) level = maxLevel(level, f.level);
  const listSignals = analysis.signals.filter((s) => s.kind.startsWith('trigger-'));
  const verdict = judgeConfidence(level, fired, analysis.signals, gov, analysis.changedText, inTriggerList(ctx.sides[side].policy, blockIndex));
  level = verdict.level;
  const decisive = fired.filter((f) => f.level === level).map((f) => f.signal);
  let triggers: number[] = [];
  /** The trigger the reason names: the governing one, unless the edit's own words chose another. */
  let named = { at: gov.at, governed: gov.governed };
  if (level === 'major') {
    if (listSignals.length > 0) triggers = [...new Set(listSignals.flatMap((s) => (s.trigger !== undefined ? [s.trigger] : [])))].sort((x, y) => x - y);
    else if (gov.at >= 0) triggers = [old.triggers[gov.at]!.index];
    // The edit first, the section second: a vendor is a recipient, a region a place of storage, whatever the heading.
    const topic = listSignals.length === 0 ? editTopic(fired.filter((f) => f.level === 'major').map((f) => f.signal), change, ctx) : null;
    // A mailbox in a passage about exercising rights is the request channel: the rights trigger keeps it.
    const requestChannel = topic?.family === 'contact' && gov.governed && gov.at >= 0 && gov.at === triggerOfFamily(ctx.model, 'rights');
    const at = topic && !requestChannel ? triggerOfFamily(ctx.model, topic.family, topic.concepts) : -1;
    if (at >= 0) {
      triggers = [old.triggers[at]!.index];
      named = { at, governed: true };
    }
  }
  const rules = [...new Set(decisive.map((f) => f.rule))];
  if (verdict.fallback) rules.push(verdict.fallback);
  const reasonMessages = composeReasons({
    level,
    decisive,
    all: analysis.signals,
    // The section as the reader now finds it: a renamed heading is named as it reads in the new version.
    where: change.newIndex >= 0 && change.newBlock?.kind !== 'frontMatter' ? sectionName(ctx, 'new', change.newIndex) : sectionName(ctx, side, blockIndex),
    trigger: named.at >= 0 ? old.triggers[named.at] : undefined,
    governed: named.governed,
    isDefault: old.triggerSource === 'default',
    isList: listSignals.length > 0,
  });
  return { ...change, level, triggers, reasons: renderReasonMessages(reasonMessages, 'en'), reasonMessages, rules, confidence: verdict.confidence };
}

/** Findings of one change, including the trigger list's own edits: the change walk of detectors/walk.ts, given the revision's readers. */
function analyze(ctx: RevisionContext, change: Change, i: number): Analysis {
  const stages: ChangeContext = {
    old: ctx.old,
    neu: ctx.neu,
    index: i,
    all: ctx.all,
    pairs: ctx.pairs,
    analyzeEdit: (before, after) => readEdit(ctx, before, after),
    analyzeBlock: (block, kind) =>
      analyzeBlock(block, kind, sectionText(ctx, 'old', block.section), {
        documentText: ctx.sides[kind === 'added' ? 'old' : 'new'].documentText,
        headings: ctx.sides[kind === 'added' ? 'new' : 'old'].headings,
      }),
    withTriggerList: (a, oldIndex, newIndex) => withTriggerList(ctx, a, oldIndex, newIndex),
    splitsAndMerges: (c) => withSplitsAndMerges(ctx, c, i),
    textElsewhere: (block, kind) => textElsewhere(ctx, block, kind),
    oldTriggersAt: (blockIndex) => ctx.sides.old.triggerAt.get(blockIndex) ?? [],
    isSubstantive,
  };
  return walkChange(change, stages);
}

/**
 * A paragraph split in two shows as a modified block plus an added one; two merged, as a modified
 * block plus a removed one. Judge the modified block with the split-off (or merged-in) text put
 * back, so that text that only moved is not read as cut or added.
 */
function withSplitsAndMerges(ctx: RevisionContext, change: Change, i: number): [Block, Block] {
  const oldBlock = change.oldBlock!;
  const newBlock = change.newBlock!;
  if (ctx.wholeBlocks.length === 0 && ctx.addedHeadings.length === 0) return [oldBlock, newBlock];
  const oldKey = ctx.keys[i]!.old!;
  const newKey = ctx.keys[i]!.new!;
  const before: Block[] = [];
  const after: Block[] = [];
  const extraOld: Block[] = [];
  const minKey = TUNING.pairing.minKey;
  for (const j of ctx.wholeBlocks) {
    const c = ctx.all[j]!;
    if (c.kind === 'added' && c.newBlock && c.newBlock.kind !== 'heading') {
      const k = ctx.keys[j]!.new!;
      if (k.length >= minKey && oldKey.includes(k) && !newKey.includes(k)) (c.newIndex < change.newIndex ? before : after).push(c.newBlock);
    } else if (c.kind === 'removed' && c.oldBlock && c.oldBlock.kind !== 'heading') {
      const k = ctx.keys[j]!.old!;
      if (k.length >= minKey && newKey.includes(k) && !oldKey.includes(k)) extraOld.push(c.oldBlock);
    }
  }
  // A heading that did not render (#Title, no space) fixed to render: its text left the paragraph it ran into.
  for (const c of ctx.addedHeadings) {
    if (c.newBlock && oldBlock.text.includes(`#${c.newBlock.text}`) && !newBlock.text.includes(c.newBlock.text)) (c.newIndex < change.newIndex ? before : after).push(c.newBlock);
  }
  const newParts = [...before, newBlock, ...after];
  const oldParts = extraOld.length === 0 ? [oldBlock] : mergeOrder([oldBlock, ...extraOld], newBlock.text);
  const join = (b: Block, parts: Block[]): Block => (parts.length === 1 ? b : { ...b, text: parts.map((p) => p.text).join(' '), urls: parts.flatMap((p) => p.urls) });
  return [join(oldBlock, oldParts), join(newBlock, newParts)];
}

/** How much of a merged-in block's text finds its place in the new block. */
const MERGE_PROBE = 12;

/** The old block and the removed blocks merged into it, in the order their text appears in the new block. */
function mergeOrder(parts: Block[], newText: string): Block[] {
  const key = contentKey(normalizeText(newText));
  const pos = (b: Block): number => {
    const at = key.indexOf(contentKey(normalizeText(b.text)).slice(0, MERGE_PROBE));
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  return [...parts].sort((a, b) => pos(a) - pos(b));
}

/** The edit walk for a modified block, with its section's old text and what its links say. */
function readEdit(ctx: RevisionContext, before: Block, after: Block): Analysis {
  const links: LinkTexts = { before: (url) => ctx.sides.old.links.textsOf(before, url), after: (url) => ctx.sides.new.links.textsOf(after, url) };
  return analyzeEdit(before, after, sectionText(ctx, 'old', before.section), links, ctx.sides.old.documentText);
}

/** Turns an edit of a trigger item into a trigger-list signal (a typo-level fix stays minor): the list walk. */
function withTriggerList(ctx: RevisionContext, a: Analysis, oldIndex: number, newIndex: number): Analysis {
  const olds = oldIndex >= 0 ? (ctx.sides.old.triggerAt.get(oldIndex) ?? []) : [];
  const news = newIndex >= 0 ? (ctx.sides.new.triggerAt.get(newIndex) ?? []) : [];
  return walkList(a, { oldIndex, newIndex, olds, news, old: ctx.old });
}

/** True for a block of the trigger list (or its lead-in) that states no trigger: its section says nothing about it. */
function inTriggerList(policy: Policy, blockIndex: number): boolean {
  const range = policy.triggerBlocks;
  if (!range || blockIndex < 0) return false;
  return blockIndex >= range[0] - 1 && blockIndex < range[1];
}

/** Greedily pairs removed and added blocks of the same kind whose texts are alike: one rewritten (or moved and edited) block. */
function pairUp(all: readonly Change[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const removed = all.map((c, i) => [c, i] as const).filter(([c]) => c.kind === 'removed' && c.oldBlock && c.oldBlock.kind !== 'heading');
  const added = all.map((c, i) => [c, i] as const).filter(([c]) => c.kind === 'added' && c.newBlock && c.newBlock.kind !== 'heading');
  const candidates: Array<{ r: number; a: number; s: number }> = [];
  const window = removed.length * added.length > TUNING.pairing.budget ? TUNING.pairing.window : Infinity;
  for (const [rc, ri] of removed) {
    for (const [ac, ai] of added) {
      if (Math.abs(ri - ai) > window) continue;
      const s = similarity(rc.oldBlock!.text, ac.newBlock!.text);
      if (s >= TUNING.pairing.similarity) candidates.push({ r: ri, a: ai, s });
      else if (contains(rc.oldBlock!.text, ac.newBlock!.text)) candidates.push({ r: ri, a: ai, s: TUNING.pairing.similarity });
    }
  }
  candidates.sort((x, y) => y.s - x.s);
  for (const c of candidates) {
    if (pairs.has(c.r) || pairs.has(c.a)) continue;
    pairs.set(c.r, c.a);
    pairs.set(c.a, c.r);
  }
  return pairs;
}

/** An added block whose text was cut from a changed old block (a split), or a removed one merged into a changed new block. */
function textElsewhere(ctx: RevisionContext, block: Block, kind: 'added' | 'removed'): Analysis | null {
  const key = contentKey(normalizeText(block.text));
  if (key.length < TUNING.pairing.minKey) return null;
  for (let j = 0; j < ctx.all.length; j++) {
    const c = ctx.all[j]!;
    const other = kind === 'added' ? c.oldBlock : c.newBlock;
    const otherKey = kind === 'added' ? ctx.keys[j]!.old : ctx.keys[j]!.new;
    if (!other || otherKey === null || other === block) continue;
    if (kind === 'added' && c.kind === 'added') continue;
    if (kind === 'removed' && c.kind === 'removed') continue;
    if (otherKey.length > key.length && otherKey.includes(key)) {
      const message = { id: 'moved-text', what: block.kind === 'listItem' ? 'listItem' : 'text', text: block.text, how: kind === 'added' ? 'split-out' : 'merged-in', line: other.line } as const;
      return { signals: [makeSignal('text-elsewhere', message, [], { rule: 'text-elsewhere' })], changedText: '' };
    }
  }
  return null;
}

/** Which trigger governs the change, from its section, its changed words and its block. */
function govern(ctx: RevisionContext, side: Side, blockIndex: number, block: Block | null, analysis: Analysis): Governor {
  const n = ctx.model.triggers.length;
  if (n === 0) return { at: -1, score: 0, governed: false };
  const index = ctx.sides[side].index;
  const section =
    blockIndex >= 0 && !inTriggerList(ctx.sides[side].policy, blockIndex) ? scoreTriggers(ctx.model, index.profile(blockIndex)).map((x) => x * index.strength(blockIndex)) : new Array<number>(n).fill(0);
  const changedV: Vector = featuresOf(analysis.changedText, { words: true });
  if (analysis.contextText) addInto(changedV, featuresOf(analysis.contextText), TUNING.governance.context);
  // An item of a list speaks of what the list's lead-in names ("We use personal data to:").
  const leadIn = block?.kind === 'listItem' && blockIndex >= 0 ? listLeadIn(ctx.sides[side].policy, blockIndex) : null;
  if (leadIn) addInto(changedV, featuresOf(normalizeText(leadIn)), TUNING.governance.context);
  for (const s of analysis.signals) for (const c of s.concepts) addInto(changedV, conceptFeatures(c), TUNING.governance.concepts);
  const changed = scoreTriggers(ctx.model, changedV);
  const whole = block ? scoreTriggers(ctx.model, featuresOf(normalizeText(block.text))) : new Array<number>(n).fill(0);
  let at = -1;
  let best = -1;
  for (let t = 0; t < n; t++) {
    const s = TUNING.governance.section * section[t]! + TUNING.governance.change * changed[t]! + TUNING.governance.block * whole[t]!;
    if (s > best) {
      best = s;
      at = t;
    }
  }
  return { at, score: best, governed: best >= TUNING.governance.threshold };
}

/** The paragraph that introduces the list a list item belongs to (it ends with a colon), or null. */
function listLeadIn(policy: Policy, itemIndex: number): string | null {
  let at = itemIndex;
  while (at > 0 && policy.blocks[at - 1]!.kind === 'listItem') at--;
  const before = policy.blocks[at - 1];
  return before && before.kind === 'paragraph' && /[:：]$/.test(before.text) ? before.text : null;
}

/** The trigger that speaks of a family of change (controller, sharing …), or -1 when none clearly does; `concepts` tell apart triggers of one family. */
function triggerOfFamily(model: TriggerModel, family: Family, concepts: readonly string[] = []): number {
  const features = new Map<string, number>(concepts.length === 0 ? [[`f:${family}`, 1]] : []);
  for (const concept of concepts) for (const [key, weight] of conceptFeatures(concept)) features.set(key, Math.max(features.get(key) ?? 0, weight));
  const scores = scoreTriggers(model, features);
  let at = -1;
  let best: number = TUNING.governance.familyFloor;
  scores.forEach((s, t) => {
    if (s > best) {
      best = s;
      at = t;
    }
  });
  return at;
}

function sectionName(ctx: RevisionContext, side: Side, blockIndex: number): Where {
  if (blockIndex < 0) return { at: 'front-matter' };
  const index = ctx.sides[side].index;
  const path = index.path(blockIndex);
  const deepest = path[path.length - 1];
  if (deepest === undefined || index.strength(blockIndex) < 1) return { at: 'opening' };
  return { at: 'section', title: deepest };
}

/**
 * Words that name the company that is "we": its definition ("we", 以下简称“我们”) or its role (operator,
 * controller) — not a mobile operator (运营商), which is a recipient.
 */
/** Quotation marks as a raw HTML policy spells them too (&ldquo;we,&rdquo;): the reader sees quotes. */
const OPEN_QUOTE = '(?:["“]|&ldquo;|&quot;|&#8220;|&#x201c;)';
const CLOSE_QUOTE = '(?:[,"”]|&rdquo;|&quot;|&#8221;|&#x201d;)';
const WE_DEFINITION = new RegExp(`[(（][^()（）]{0,80}(?:${OPEN_QUOTE}(?:we|us)${CLOSE_QUOTE}|“我们”|"我们"|以下简称|以下合称)|\\bhereinafter\\b|\\breferred to as\\b`, 'iu');
const CONTROLLER_CONTEXT = new RegExp(`${WE_DEFINITION.source}|\\b(?:operated|controlled) by\\b|\\b(?:data )?controller\\b|(?<!\\b(?:mobile|network|telecoms?|telecommunications|wireless|carrier) )\\boperator\\b|\\bdeveloper\\b|运营(?!商)|开发者|控制者`, 'iu');

/** A bound, not a threshold: the blocks that define "we" name a handful of companies at most. */
const MAX_CONTROLLER_NAMES = 8;

/** The names of the company that is "we" in a policy: the organisations of the blocks that define "we". */
function controllerNames(policy: Policy): string[] {
  const names: string[] = [];
  for (const b of policy.blocks) {
    if (!WE_DEFINITION.test(b.text)) continue;
    for (const e of extractEntities(b.text)) if (e.type === 'organization') names.push(contentKey(normalizeText(e.text)));
    if (names.length > MAX_CONTROLLER_NAMES) break;
  }
  return names.filter((n) => n.length >= TUNING.pairing.minKey);
}

/**
 * What an edit's own words are about: a family of change and, where two triggers of one family must be
 * told apart (purposes and categories; storage place and period), the concept the words name.
 */
interface EditTopic {
  family: Family;
  concepts?: readonly string[];
}

/** A period in a sentence about keeping or deleting data: how long it is kept. */
const RETENTION_CONTEXT = /保存|保留|留存|存储|删除|匿名化|\b(?:retain|retention|kept|keep|store[ds]?|stored|storage|delete[ds]?|deletion|erase[ds]?|anonymi[sz]e[ds]?|lifetime|expire[s]?|expiry)\b/iu;
/** A period in a sentence about answering a request: a deadline of a right. */
const DEADLINE_CONTEXT = /答复|回复|响应|反馈|处理您的(?:请求|申请)|\b(?:respond|response|reply|replies|answer)\b|\bwithin\b[^.;]{0,40}\bof (?:receiving|receipt|your request)\b/iu;

/** The sentences of a text that hold one of the given words. */
function sentencesWith(text: string, items: readonly string[]): string {
  return splitSentences(text).filter((sentence) => items.some((item) => item !== '' && sentence.includes(item))).join(' ');
}

/** The header row of the table a row belongs to (the first of the rows around it), or '' for the header itself. */
function tableHeaderOf(policy: Policy, rowIndex: number): string {
  const blocks = policy.blocks;
  let first = rowIndex;
  while (first > 0 && blocks[first - 1]!.kind === 'tableRow' && blocks[first - 1]!.endLine >= blocks[first]!.line - 2) first--;
  return first === rowIndex ? '' : blocks[first]!.text;
}

/** A column that names who gets or sets data: the provider of an SDK, the third party that sets a cookie, a sub-processor. */
const PARTY_COLUMN = /\b(?:provider|set by|third[- ]part(?:y|ies)|vendor|(?:sub-?)?processor|recipient|partner|company|supplier|operated by)\b|提供方|第三方|合作方|接收方|公司|主体|服务商|运营方/iu;

/**
 * True when a table row of the new version names, in a column whose header names a party (Set by,
 * Provider, 第三方), a party the old version never mentions: a new recipient, whatever else the row says.
 */
function newPartyInRow(ctx: RevisionContext, rowIndex: number): boolean {
  const header = tableHeaderOf(ctx.neu, rowIndex).split(' | ');
  const blocks = ctx.neu.blocks;
  const cells = blocks[rowIndex]!.text.split(' | ');
  const oldText = ctx.old.source.toLowerCase();
  return header.some((label, k) => {
    const party = cells[k]?.trim() ?? '';
    return PARTY_COLUMN.test(label) && party.length >= 2 && !oldText.includes(party.toLowerCase());
  });
}

/**
 * What the decisive signals are about, from what the changed words are: an organisation (the controller
 * where the text says it is "we" or runs the service, else a recipient), an e-mail or phone (contact), a
 * region (where data is kept), a period (how long data is kept, or how soon a request is answered). Null
 * when the words say nothing of their own.
 */
function editTopic(decisive: readonly Signal[], change: Change, ctx: RevisionContext): EditTopic | null {
  const text = `${change.oldBlock?.text ?? ''}\n${change.newBlock?.text ?? ''}`;
  const types = new Set(decisive.flatMap((s) => (s.kind === 'entity' && s.entityType ? [s.entityType] : [])));
  const orgs = decisive.flatMap((s) => (s.message.id === 'entity' && s.message.type === 'organization' ? [...s.message.removed, ...s.message.added] : []));
  if (types.has('organization') && CONTROLLER_CONTEXT.test(text)) return { family: 'controller' };
  if (types.has('email') || types.has('phone')) {
    // A mailbox that changes with a fee or a ground for refusal: how rights are exercised.
    return { family: decisive.some((s) => s.kind !== 'entity' && s.concepts.some((c) => c === 'fee' || c === 'refusal')) ? 'rights' : 'contact' };
  }
  if (types.has('organization')) {
    // The controller's names are read only when an organisation is in question (most changes name none).
    const controllers = ctx.controllers();
    const isController = (org: string): boolean => {
      const key = contentKey(normalizeText(org));
      return key.length >= TUNING.pairing.minKey && controllers.some((c) => c.includes(key) || key.includes(c));
    };
    return { family: orgs.some(isController) ? 'controller' : 'sharing' };
  }
  // A region is where data is kept: a list item on storage location or on where data is stored.
  if (types.has('region')) return { family: 'processing', concepts: ['location', 'storage'] };
  if (change.newBlock?.kind === 'tableRow' && newPartyInRow(ctx, change.newIndex)) return { family: 'sharing' };
  if (types.size === 1 && types.has('duration')) {
    const periods = decisive.flatMap((s) => (s.message.id === 'entity' && s.message.type === 'duration' ? [...s.message.removed, ...s.message.added] : []));
    // In a table, the column's header says what the period is (Lifetime, 保存期限).
    const header = change.newBlock?.kind === 'tableRow' ? tableHeaderOf(ctx.neu, change.newIndex) : '';
    const around = `${sentencesWith(text, periods)} ${header}`;
    const retention = RETENTION_CONTEXT.test(around);
    const deadline = DEADLINE_CONTEXT.test(around);
    if (retention && !deadline) return { family: 'processing', concepts: ['retention'] };
    if (deadline && !retention) return { family: 'rights' };
  }
  return null;
}

/** The level after doubt is weighed, how sure it is, and the fall-back rule that decided it (if one did). */
interface Verdict {
  level: ChangeLevel;
  confidence: Confidence;
  fallback?: string;
}

/**
 * How sure the rules are. Low when no rule explains the change, when a substantive edit sits at the
 * edge of a trigger's reach (the rules for governed and ungoverned text disagree), or when only the
 * catch-all `rewording` read an edit of content words in a governed passage. In doubt the level leans major.
 */
function judgeConfidence(level: ChangeLevel, fired: ReadonlyArray<{ signal: Signal; level: ChangeLevel }>, signals: readonly Signal[], gov: Governor, changedText: string, inList: boolean): Verdict {
  if (fired.length === 0) return { level: 'major', confidence: 'low', fallback: 'no-rule' };
  const substantive = signals.some((s) => isSubstantive(s) && !s.kind.startsWith('trigger-'));
  // The list's own promises (we will archive old versions) are governed by nothing, by design.
  if (substantive && !inList && !gov.governed && gov.score >= TUNING.governance.threshold - TUNING.governance.doubt) {
    return { level: 'major', confidence: 'low', fallback: 'near-trigger' };
  }
  if (substantive && level === 'major' && gov.governed && gov.score < TUNING.governance.threshold + TUNING.governance.doubt && !fired.some((f) => STRONG.has(f.signal.rule))) {
    return { level, confidence: 'low' };
  }
  const onlyRewording = signals.every((s) => s.kind === 'rewording' || !isSubstantive(s)) && signals.some((s) => s.kind === 'rewording');
  if (onlyRewording && gov.governed && newWords(changedText) >= TUNING.confidence.unreadWords) return { level, confidence: 'low' };
  return { level, confidence: 'high' };
}

/** Content words the edit brought in that it did not take out: what a rewording says that was not said. */
function newWords(changedText: string): number {
  // analyzeModified writes each hunk as its deleted run, a newline, its inserted run.
  const runs = changedText.split('\n');
  const gone = new Set(runs.filter((_, i) => i % 2 === 0).flatMap((r) => contentWords(r).map(stem)));
  return new Set(runs.filter((_, i) => i % 2 === 1).flatMap((r) => contentWords(r).map(stem)).filter((w) => !gone.has(w))).size;
}

/** One text holds the other whole (a sentence cut from, or added to, a paragraph). */
function contains(a: string, b: string): boolean {
  const x = contentKey(normalizeText(a));
  const y = contentKey(normalizeText(b));
  if (Math.min(x.length, y.length) < TUNING.pairing.containsKey) return false;
  return x.length > y.length ? x.includes(y) : y.includes(x);
}
