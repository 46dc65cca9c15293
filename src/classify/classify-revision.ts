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
import { contentKey, contentWords, normalizeText, similarity, stem } from './text.js';


/** Classifies the changes between two versions. Pure. */
export function classifyRevision(old: Policy, neu: Policy, changes: Change[]): Revision {
  const ctx = new Classifier(old, neu);
  const classified = changes.map((c, i) => ctx.classify(c, i, changes));
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

interface Governor {
  /** Position in the old trigger list, or -1. */
  at: number;
  score: number;
  governed: boolean;
}

class Classifier {
  private readonly model: TriggerModel;
  private oldIndex?: SectionIndex;
  private newIndex?: SectionIndex;
  /** The triggers each block states (several when items run together in one paragraph or code block). */
  private readonly oldTriggerAt = new Map<number, Trigger[]>();
  private readonly newTriggerAt = new Map<number, Trigger[]>();
  private pairs?: Map<number, number>;
  private keys?: Array<{ old: string | null; new: string | null }>;
  /** Indices of the added and removed (non-heading) changes. */
  private wholeBlocks?: number[];
  /** Content keys of the names of the company that is "we", in either version. */
  private controllers?: string[];
  /** Headings added (possibly a `#Title` paragraph fixed to render). */
  private addedHeadings?: Change[];
  private readonly sectionTexts = new Map<string, string>();
  private oldLinks?: LinkIndex;
  private newLinks?: LinkIndex;

  constructor(
    private readonly old: Policy,
    private readonly neu: Policy,
  ) {
    this.model = modelTriggers(old.triggers);
    for (const [policy, at] of [[old, this.oldTriggerAt], [neu, this.newTriggerAt]] as const) {
      for (const t of policy.triggers) if (t.blockIndex >= 0) at.set(t.blockIndex, [...(at.get(t.blockIndex) ?? []), t]);
    }
  }

  private index(which: 'old' | 'new'): SectionIndex {
    if (which === 'old') return (this.oldIndex ??= indexSections(this.old, this.old.triggerBlocks));
    return (this.newIndex ??= indexSections(this.neu, this.neu.triggerBlocks));
  }

  classify(change: Change, i: number, all: Change[]): ClassifiedChange {
    const analysis = this.analyze(change, i, all);
    const side: 'old' | 'new' = change.kind === 'added' ? 'new' : 'old';
    const blockIndex = side === 'new' ? change.newIndex : change.oldIndex;
    const block = (side === 'new' ? change.newBlock : change.oldBlock) ?? change.newBlock ?? change.oldBlock;
    const gov = this.govern(side, blockIndex, block, analysis);
    let level: ChangeLevel = 'minor';
    // Each finding gives the level of its table entry, where a trigger governs the change or where none does; the highest wins.
    const fired = analysis.signals.map((signal) => ({ signal, level: levelOf(signal, gov.governed) }));
    for (const f of fired) level = maxLevel(level, f.level);
    const listSignals = analysis.signals.filter((s) => s.kind.startsWith('trigger-'));
    const verdict = judgeConfidence(level, fired, analysis.signals, gov, analysis.changedText, this.inTriggerList(side, blockIndex));
    level = verdict.level;
    const decisive = fired.filter((f) => f.level === level).map((f) => f.signal);
    let triggers: number[] = [];
    /** The trigger the reason names: the governing one, unless the edit's own words chose another. */
    let named = { at: gov.at, governed: gov.governed };
    if (level === 'major') {
      if (listSignals.length > 0) triggers = [...new Set(listSignals.flatMap((s) => (s.trigger !== undefined ? [s.trigger] : [])))].sort((x, y) => x - y);
      else if (gov.at >= 0) triggers = [this.old.triggers[gov.at]!.index];
      // The edit first, the section second: a vendor is a recipient, a region a place of storage, whatever the heading.
      const family = listSignals.length === 0 ? editFamily(fired.filter((f) => f.level === 'major').map((f) => f.signal), change, (this.controllers ??= [...controllerNames(this.old), ...controllerNames(this.neu)])) : null;
      // A mailbox in a passage about exercising rights is the request channel: the rights trigger keeps it.
      const requestChannel = family === 'contact' && gov.governed && gov.at >= 0 && gov.at === this.triggerOfFamily('rights');
      const at = family && !requestChannel ? this.triggerOfFamily(family) : -1;
      if (at >= 0) {
        triggers = [this.old.triggers[at]!.index];
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
      where: change.newIndex >= 0 && change.newBlock?.kind !== 'frontMatter' ? this.sectionName('new', change.newIndex) : this.sectionName(side, blockIndex),
      trigger: named.at >= 0 ? this.old.triggers[named.at] : undefined,
      governed: named.governed,
      isDefault: this.old.triggerSource === 'default',
      isList: listSignals.length > 0,
    });
    return { ...change, level, triggers, reasons: renderReasonMessages(reasonMessages, 'en'), reasonMessages, rules, confidence: verdict.confidence };
  }

  /** Signals of one change, including the trigger list's own edits (the change walk of detectors/walk.ts). */
  private analyze(change: Change, i: number, all: Change[]): Analysis {
    const ctx: ChangeContext = {
      old: this.old,
      neu: this.neu,
      index: i,
      all,
      pairs: this.pairUp(all),
      analyzeEdit: (before, after) => this.analyzeModified(before, after),
      analyzeBlock: (block, kind) => analyzeBlock(block, kind, this.sectionText('old', block.section)),
      withTriggerList: (a, oldIndex, newIndex) => this.withTriggerList(a, oldIndex, newIndex),
      splitsAndMerges: (c) => this.withSplitsAndMerges(c, all),
      textElsewhere: (block, kind) => this.textElsewhere(block, all, kind),
      oldTriggersAt: (blockIndex) => this.oldTriggerAt.get(blockIndex) ?? [],
      isSubstantive,
    };
    return walkChange(change, ctx);
  }

  /**
   * A paragraph split in two shows as a modified block plus an added one; two merged, as a modified
   * block plus a removed one. Judge the modified block with the split-off (or merged-in) text put
   * back, so that text that only moved is not read as cut or added.
   */
  private withSplitsAndMerges(change: Change, all: Change[]): [Block, Block] {
    const oldBlock = change.oldBlock!;
    const newBlock = change.newBlock!;
    const keys = this.changeKeys(all);
    const oldKey = contentKey(normalizeText(oldBlock.text));
    const newKey = contentKey(normalizeText(newBlock.text));
    const before: Block[] = [];
    const after: Block[] = [];
    const extraOld: Block[] = [];
    this.wholeBlocks ??= all.flatMap((c, j) => ((c.kind === 'added' || c.kind === 'removed') && (c.newBlock ?? c.oldBlock)!.kind !== 'heading' ? [j] : []));
    this.wholeBlocks.forEach((j) => {
      const c = all[j]!;
      if (c.kind === 'added' && c.newBlock && c.newBlock.kind !== 'heading') {
        const k = keys[j]!.new!;
        if (k.length >= 4 && oldKey.includes(k) && !newKey.includes(k)) (c.newIndex < change.newIndex ? before : after).push(c.newBlock);
      } else if (c.kind === 'removed' && c.oldBlock && c.oldBlock.kind !== 'heading') {
        const k = keys[j]!.old!;
        if (k.length >= 4 && newKey.includes(k) && !oldKey.includes(k)) extraOld.push(c.oldBlock);
      }
    });
    // A heading that did not render (#Title, no space) fixed to render: its text left the paragraph it ran into.
    this.addedHeadings ??= all.filter((c) => c.kind === 'added' && c.newBlock?.kind === 'heading' && c.newBlock.text !== '');
    for (const c of this.addedHeadings) {
      if (c.newBlock && oldBlock.text.includes(`#${c.newBlock.text}`) && !newBlock.text.includes(c.newBlock.text)) (c.newIndex < change.newIndex ? before : after).push(c.newBlock);
    }
    const newParts = [...before, newBlock, ...after];
    const oldParts = extraOld.length === 0 ? [oldBlock] : this.mergeOrder([oldBlock, ...extraOld], newBlock.text);
    const join = (b: Block, parts: Block[]): Block => (parts.length === 1 ? b : { ...b, text: parts.map((p) => p.text).join(' '), urls: parts.flatMap((p) => p.urls) });
    return [join(oldBlock, oldParts), join(newBlock, newParts)];
  }

  /** The old block and the removed blocks merged into it, in the order their text appears in the new block. */
  private mergeOrder(parts: Block[], newText: string): Block[] {
    const key = contentKey(normalizeText(newText));
    const pos = (b: Block): number => {
      const at = key.indexOf(contentKey(normalizeText(b.text)).slice(0, 12));
      return at < 0 ? Number.MAX_SAFE_INTEGER : at;
    };
    return [...parts].sort((a, b) => pos(a) - pos(b));
  }

  private changeKeys(all: Change[]): Array<{ old: string | null; new: string | null }> {
    this.keys ??= all.map((c) => ({
      old: c.oldBlock && c.kind !== 'moved' ? contentKey(normalizeText(c.oldBlock.text)) : null,
      new: c.newBlock && c.kind !== 'moved' ? contentKey(normalizeText(c.newBlock.text)) : null,
    }));
    return this.keys;
  }

  private analyzeModified(before: Block, after: Block): Analysis {
    this.oldLinks ??= indexLinks(this.old.source);
    this.newLinks ??= indexLinks(this.neu.source);
    const links: LinkTexts = { before: (url) => this.oldLinks!.textsOf(before, url), after: (url) => this.newLinks!.textsOf(after, url) };
    return analyzeEdit(before, after, this.sectionText('old', before.section), links);
  }

  /** Turns an edit of a trigger item into a trigger-list signal (a typo-level fix stays minor): the list walk. */
  private withTriggerList(a: Analysis, oldIndex: number, newIndex: number): Analysis {
    const olds = oldIndex >= 0 ? (this.oldTriggerAt.get(oldIndex) ?? []) : [];
    const news = newIndex >= 0 ? (this.newTriggerAt.get(newIndex) ?? []) : [];
    return walkList(a, { oldIndex, newIndex, olds, news, old: this.old });
  }

  /** True for a block of the trigger list (or its lead-in) that states no trigger: its section says nothing about it. */
  private inTriggerList(side: 'old' | 'new', blockIndex: number): boolean {
    const policy = side === 'old' ? this.old : this.neu;
    const range = policy.triggerBlocks;
    if (!range || blockIndex < 0) return false;
    return blockIndex >= range[0] - 1 && blockIndex < range[1];
  }

  /** Greedily pairs removed and added blocks of the same kind whose texts are alike: one rewritten (or moved and edited) block. */
  private pairUp(all: Change[]): Map<number, number> {
    if (this.pairs) return this.pairs;
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
    this.pairs = pairs;
    return pairs;
  }

  /** An added block whose text was cut from a changed old block (a split), or a removed one merged into a changed new block. */
  private textElsewhere(block: Block, all: Change[], kind: 'added' | 'removed'): Analysis | null {
    const key = contentKey(normalizeText(block.text));
    if (key.length < 4) return null;
    this.changeKeys(all);
    for (let j = 0; j < all.length; j++) {
      const c = all[j]!;
      const other = kind === 'added' ? c.oldBlock : c.newBlock;
      const otherKey = kind === 'added' ? this.keys![j]!.old : this.keys![j]!.new;
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

  private sectionText(which: 'old' | 'new', section: string[]): string {
    if (this.sectionTexts.size === 0) {
      for (const [side, policy] of [['old', this.old], ['new', this.neu]] as const) {
        const parts = new Map<string, string[]>();
        for (const b of policy.blocks) {
          const key = `${side}\u0000${b.section.join('\u0000')}`;
          let list = parts.get(key);
          if (!list) parts.set(key, (list = []));
          list.push(b.text);
        }
        for (const [key, list] of parts) this.sectionTexts.set(key, list.join('\n'));
      }
    }
    return this.sectionTexts.get(`${which}\u0000${section.join('\u0000')}`) ?? '';
  }

  /** Which trigger governs the change, from its section, its changed words and its block. */
  private govern(side: 'old' | 'new', blockIndex: number, block: Block | null, analysis: Analysis): Governor {
    const n = this.model.triggers.length;
    if (n === 0) return { at: -1, score: 0, governed: false };
    const index = this.index(side);
    const section =
      blockIndex >= 0 && !this.inTriggerList(side, blockIndex) ? scoreTriggers(this.model, index.profile(blockIndex)).map((x) => x * index.strength(blockIndex)) : new Array<number>(n).fill(0);
    const changedV: Vector = featuresOf(analysis.changedText, { words: true });
    if (analysis.contextText) addInto(changedV, featuresOf(analysis.contextText), 0.5);
    for (const s of analysis.signals) for (const c of s.concepts) addInto(changedV, conceptFeatures(c), 0.5);
    const changed = scoreTriggers(this.model, changedV);
    const whole = block ? scoreTriggers(this.model, featuresOf(normalizeText(block.text))) : new Array<number>(n).fill(0);
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

  /** The trigger that speaks of a family of change (controller, sharing …), or -1 when none clearly does. */
  private triggerOfFamily(family: Family): number {
    const scores = scoreTriggers(this.model, new Map([[`f:${family}`, 1]]));
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

  private sectionName(side: 'old' | 'new', blockIndex: number): Where {
    if (blockIndex < 0) return { at: 'front-matter' };
    const index = this.index(side);
    const path = index.path(blockIndex);
    const deepest = path[path.length - 1];
    if (deepest === undefined || index.strength(blockIndex) < 1) return { at: 'opening' };
    return { at: 'section', title: deepest };
  }
}

/** Words that name the company that is "we": its definition ("we", 以下简称“我们”) or its role (operator, controller). */
const WE_DEFINITION = /[(（][^()（）]{0,60}(?:["“]we[,"”]|["“]us[,"”]|“我们”|"我们"|以下简称|以下合称)|\bhereinafter\b|\breferred to as\b/iu;
const CONTROLLER_CONTEXT = new RegExp(`${WE_DEFINITION.source}|\\b(?:operated|controlled) by\\b|\\b(?:data )?controller\\b|\\boperator\\b|\\bdeveloper\\b|运营|开发者|控制者|运营者`, 'iu');

/** The names of the company that is "we" in a policy: the organisations of the blocks that define "we". */
function controllerNames(policy: Policy): string[] {
  const names: string[] = [];
  for (const b of policy.blocks) {
    if (!WE_DEFINITION.test(b.text)) continue;
    for (const e of extractEntities(b.text)) if (e.type === 'organization') names.push(contentKey(normalizeText(e.text)));
    if (names.length > 8) break;
  }
  return names.filter((n) => n.length >= 4);
}

/**
 * The family of change the decisive signals are about, from what the changed words are: an organisation
 * (the controller where the text says it is "we" or runs the service, else a recipient), an e-mail or phone
 * (contact), a region (where data is kept). Null when the words say nothing of their own.
 */
function editFamily(decisive: readonly Signal[], change: Change, controllers: readonly string[]): Family | null {
  const text = `${change.oldBlock?.text ?? ''}\n${change.newBlock?.text ?? ''}`;
  const types = new Set(decisive.flatMap((s) => (s.kind === 'entity' && s.entityType ? [s.entityType] : [])));
  const orgs = decisive.flatMap((s) => (s.message.id === 'entity' && s.message.type === 'organization' ? [...s.message.removed, ...s.message.added] : []));
  const isController = (org: string): boolean => {
    const key = contentKey(normalizeText(org));
    return key.length >= 4 && controllers.some((c) => c.includes(key) || key.includes(c));
  };
  if (types.has('organization') && CONTROLLER_CONTEXT.test(text)) return 'controller';
  if (types.has('email') || types.has('phone')) {
    // A mailbox that changes with a fee or a ground for refusal: how rights are exercised.
    return decisive.some((s) => s.kind !== 'entity' && s.concepts.some((c) => c === 'fee' || c === 'refusal')) ? 'rights' : 'contact';
  }
  if (types.has('organization')) return orgs.some(isController) ? 'controller' : 'sharing';
  if (types.has('region')) return 'processing';
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
  if (Math.min(x.length, y.length) < 8) return false;
  return x.length > y.length ? x.includes(y) : y.includes(x);
}
