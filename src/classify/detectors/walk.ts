/**
 * The walks over the detector table (table.ts), one per stage, and the small combination step of each:
 *
 * - change: the first entry that applies and finds something gives the change's analysis (routing by kind).
 * - hunk: the first finding explains a hunk of a modified block as harmless; a hunk nobody explains is substantive.
 * - edit: `links` findings are kept; when the text is the same, the first `unchanged` finding (if the links
 *   found nothing); else every hunk is walked, then the first `whole` finding is the story, else every
 *   `substance` finding is kept (consecutive per-hunk entries run hunk by hunk). The analysis lists the
 *   substance first, then the links, the restatements and the harmless edits (one finding per kind).
 * - block: the first finding is the story; a substantive one's changed text is the whole block.
 * - list: the first finding replaces the edit's own findings (or, with `keep`, leads them).
 *
 * A finding names the entry whose level it takes (`rule`); a detector that leaves it out gets its own id.
 */
import type { Block, Change } from '../../types.js';
import { compareEntities, extractEntities } from '../entities.js';
import { applyHunks, diffHunks, type Hunk } from '../hunks.js';
import { enumerationEdit, sentenceAt, wholeSentences } from '../lists.js';
import type { SignalMessage } from '../messages/types.js';
import { makeSignal, readAddresses, trimOrgItems, type Analysis, type LinkTexts, type Signal } from '../signals.js';
import { contentKey, contentWords, normalizeText } from '../text.js';
import { isCrossReference, type HunkContext, type TrivialEdit } from '../trivial.js';
import { TUNING } from '../tuning.js';
import { DETECTORS, isSubstantive } from './table.js';
import type { BlockDetector, BlockSubject, ChangeContext, ChangeDetector, Detector, EditContext, EditDetector, EditHunk, EditHunkDetector, EditStep, EditSubject, HunkDetector, HunkFinding, ListDetector, ListSubject } from './types.js';

const stage = <T extends Detector>(on: Detector['on']): T[] => DETECTORS.filter((d) => d.on === on) as T[];
const CHANGE = stage<ChangeDetector>('change');
const HUNK = stage<HunkDetector>('hunk');
const EDIT = stage<EditDetector | EditHunkDetector>('edit');
const BLOCK = stage<BlockDetector>('block');
const LIST = stage<ListDetector>('list');
const step = (name: EditStep): Array<EditDetector | EditHunkDetector> => EDIT.filter((d) => d.step === name);
const LINKS = step('links') as EditDetector[];
const UNCHANGED = step('unchanged') as EditDetector[];
const WHOLE = step('whole') as EditDetector[];
const SUBSTANCE = step('substance');

/** Findings with the entry that owns them: the detector's own id unless the finding names another. */
function owned(signals: Signal[], id: string): Signal[] {
  return signals.map((s) => (s.rule === '' ? { ...s, rule: id } : s));
}

/** Walks the change stage: the analysis of one change. */
export function walkChange(change: Change, ctx: ChangeContext): Analysis {
  for (const d of CHANGE) {
    if (!d.applies(change, ctx)) continue;
    const found = d.detect(change, ctx);
    if (found) return { ...found, signals: owned(found.signals, d.id) };
  }
  throw new Error('no change detector applies'); // nothing-changed always does
}

/** Walks the hunk stage: why a hunk is harmless (with the entry that said so), or null. */
export function walkHunk(hunk: Hunk, ctx: HunkContext): (HunkFinding & { rule: string }) | null {
  for (const d of HUNK) {
    if (!d.applies({ hunk, ctx })) continue;
    const found = d.detect({ hunk, ctx });
    if (found) return { ...found, rule: d.id };
  }
  return null;
}

/**
 * Analysis of a modified block. `sectionText` is the old text of its section (for examples);
 * `links` tells what the block's links say (a re-pointed request form is a channel).
 */
export function analyzeEdit(before: Block, after: Block, sectionText = '', links?: LinkTexts, documentText?: () => string): Analysis {
  const a = normalizeText(before.text);
  const b = normalizeText(after.text);
  const base: EditSubject = { before, after, a, b, sectionText, links, hunks: [], substantive: [], effective: a, flipHunks: [], flipBase: a, changedText: '', contextText: '', entityDeltas: [] };
  const notes: Signal[] = [];
  const ctx = (found: Signal[] = [], hunkFound: Signal[] = [], hunkCount = 0): EditContext => ({ found, hunkFound, notes, hunkCount, isSubstantive });
  for (const d of LINKS) if (d.applies(base, ctx())) notes.push(...owned(d.detect(base, ctx()), d.id));
  if (a === b) {
    if (notes.length > 0) return { signals: notes, changedText: '' };
    for (const d of UNCHANGED) {
      const found = d.applies(base, ctx()) ? d.detect(base, ctx()) : [];
      if (found.length > 0) return { signals: owned(found, d.id), changedText: '' };
    }
    return { signals: notes, changedText: '' };
  }

  const hunks = diffHunks(a, b);
  const substantive: Hunk[] = [];
  const trivial: Array<TrivialEdit & { rule: string }> = [];
  const restated: Signal[] = [];
  const hunkCtx: HunkContext = { before: a, after: b, sectionText, documentText };
  for (const h of hunks) {
    const found = walkHunk(h, hunkCtx);
    if (!found) substantive.push(h);
    else if (found.kind === 'restatement') restated.push(makeSignal('restatement', { id: 'restates', what: found.what, text: found.text }, [], { rule: found.rule }));
    else trivial.push(found);
  }
  notes.push(...restated);
  // One finding per kind of harmless edit, naming the first and counting the rest.
  for (const kind of new Set(trivial.map((t) => t.kind))) {
    const edits = [...new Map(trivial.filter((t) => t.kind === kind).map((t) => [`${t.before}\u0000${t.after}`, t])).values()];
    const first = edits[0]!;
    notes.push(makeSignal(kind, { id: `trivial-${kind}`, before: first.before, after: first.after, more: edits.length - 1 } as SignalMessage, [], { rule: first.rule }));
  }
  if (substantive.length === 0) return { signals: notes, changedText: '' };

  const flipHunks = substantive.filter((h) => !isSentenceHunk(h));
  const effective = applyHunks(a, substantive);
  const e: EditSubject = {
    ...base,
    hunks,
    substantive,
    effective,
    flipHunks,
    flipBase: applyHunks(a, flipHunks),
    changedText: substantive.map((h) => `${h.deleted}\n${h.inserted}`).join('\n'),
    contextText: substantive.map((h) => `${sentenceAt(a, h.oldStart)}\n${sentenceAt(b, h.newStart)}`).join('\n'),
    entityDeltas: compareEntities(extractEntities(readAddresses(a)), extractEntities(readAddresses(effective))),
  };
  for (const d of WHOLE) {
    const found = d.applies(e, ctx()) ? d.detect(e, ctx()) : [];
    if (found.length > 0) return { signals: owned(found, d.id), changedText: '' };
  }
  const found: Signal[] = [];
  const perHunk = substantive.map((h): EditHunk => ({
    hunk: h,
    enumeration: trimOrgItems(enumerationEdit(h, a, b), a, b),
    addedSentences: wholeSentences(h.inserted).filter((s) => !isCrossReference(s)),
    removedSentences: wholeSentences(h.deleted),
  }));
  for (let k = 0; k < SUBSTANCE.length; k++) {
    const d = SUBSTANCE[k]!;
    if (!d.eachHunk) {
      const c = ctx(found, [], substantive.length);
      if (d.applies(e, c)) found.push(...owned(d.detect(e, c), d.id));
      continue;
    }
    // A run of per-hunk entries: each hunk in turn, read by every entry of the run.
    const run: EditHunkDetector[] = [];
    while (k < SUBSTANCE.length && SUBSTANCE[k]!.eachHunk) run.push(SUBSTANCE[k++] as EditHunkDetector);
    k--;
    for (const h of perHunk) {
      const hunkFound: Signal[] = [];
      for (const r of run) {
        const c = ctx(found, hunkFound, substantive.length);
        if (!r.applies(h, e, c)) continue;
        const got = owned(r.detect(h, e, c), r.id);
        hunkFound.push(...got);
        found.push(...got);
      }
    }
  }
  return { signals: [...found, ...notes], changedText: e.changedText, contextText: e.contextText };
}

/** A sentence added or removed whole speaks for itself: its own "may" or "not" is not a flip of what was there. */
function isSentenceHunk(h: Hunk): boolean {
  const run = contentWords(h.inserted).length > 0 ? h.inserted : h.deleted;
  const other = run === h.inserted ? h.deleted : h.inserted;
  const key = contentKey(run).length;
  return contentWords(other).length === 0 && key > 0 && contentKey(wholeSentences(run).join('')).length >= TUNING.edits.wholeSentenceShare * key;
}

/** Analysis of a block that was added or removed whole. */
export function analyzeBlock(block: Block, kind: 'added' | 'removed', sectionText = '', other: { documentText: () => string; headings: readonly string[] } = { documentText: () => '', headings: [] }): Analysis {
  const subject: BlockSubject = { block, kind, text: normalizeText(block.text), sectionText, ...other };
  for (const d of BLOCK) {
    const found = d.applies(subject) ? d.detect(subject) : [];
    if (found.length > 0) return { signals: owned(found, d.id), changedText: isSubstantive({ rule: d.id }) ? subject.text : '' };
  }
  throw new Error('no block detector applies'); // `block` always does
}

/** Walks the list stage: an edit of the trigger list turns the edit's findings into the list's. */
export function walkList(analysis: Analysis, l: Omit<ListSubject, 'analysis' | 'substantive' | 'isSubstantive'>): Analysis {
  const subject: ListSubject = { ...l, analysis, substantive: analysis.signals.some((s) => isSubstantive(s) || s.kind === 'rewording'), isSubstantive };
  for (const d of LIST) {
    if (!d.applies(subject)) continue;
    const found = d.detect(subject);
    if (!found) continue;
    if (found.keep && found.signals.length === 0) return analysis;
    const signals = owned(found.signals, d.id);
    return { signals: found.keep ? [...signals, ...analysis.signals] : signals, changedText: found.changedText ?? analysis.changedText };
  }
  return analysis;
}
