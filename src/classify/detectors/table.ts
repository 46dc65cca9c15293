/**
 * The detector table: every reading of a change, one entry each, in the order the walks (walk.ts) run
 * them. An entry says what it reads, when it applies, what it finds, and the level its finding gives
 * where a trigger governs the change and where none does. What counts as substantive (can make a change
 * major) and what holds anywhere are derived from these levels, never kept by hand.
 */
import type { ChangeLevel } from '../../types.js';
import type { Signal } from '../signals.js';
import { antiSpamAddress } from './anti-spam-address.js';
import { block } from './block.js';
import { blockKind } from './block-kind.js';
import { boilerplate } from './boilerplate.js';
import { boilerplateBlock } from './boilerplate-block.js';
import { letterCase } from './case.js';
import { channelChanged } from './channel-changed.js';
import { channelLink } from './channel-link.js';
import { clause } from './clause.js';
import { concept } from './concept.js';
import { crossReference } from './cross-reference.js';
import { crossReferenceBlock } from './cross-reference-block.js';
import { crossReferenceRemoved } from './cross-reference-removed.js';
import { date } from './date.js';
import { dateOrLink } from './date-or-link.js';
import { duplicate } from './duplicate.js';
import { edited } from './edited.js';
import { emptyBlock } from './empty-block.js';
import { enumeration } from './enumeration.js';
import { example } from './example.js';
import { exampleBlock } from './example-block.js';
import { exampleRemoved } from './example-removed.js';
import { examplesGained } from './examples-gained.js';
import { flip } from './flip.js';
import { frontMatter } from './front-matter.js';
import { functionWords } from './function-words.js';
import { headingBlock } from './heading-block.js';
import { headingChanged } from './heading-changed.js';
import { headingLevel } from './heading-level.js';
import { hiddenAddress } from './hidden-address.js';
import { history } from './history.js';
import { link } from './link.js';
import { linkTarget } from './link-target.js';
import { linkText } from './link-text.js';
import { listLeadIn } from './list-lead-in.js';
import { moved } from './moved.js';
import { negatedScope } from './negated-scope.js';
import { nothingChanged } from './nothing-changed.js';
import { punctuation } from './punctuation.js';
import { restatedBlock } from './restated-block.js';
import { restatement } from './restatement.js';
import { versionNote } from './version-note.js';
import { readingNote } from './reading-note.js';
import { readingAid } from './reading-aid.js';
import { tableHeader } from './table-header.js';
import { recast } from './recast.js';
import { securityMeasures } from './security-measures.js';
import { rewording } from './rewording.js';
import { rewrite } from './rewrite.js';
import { rewritten } from './rewritten.js';
import { sameText } from './same-text.js';
import { sentence } from './sentence.js';
import { termChanged } from './term-changed.js';
import { textElsewhere } from './text-elsewhere.js';
import { triggerAdded } from './trigger-added.js';
import { triggerEdited } from './trigger-edited.js';
import { triggerItems } from './trigger-items.js';
import { triggerRemoved } from './trigger-removed.js';
import { typo } from './typo.js';
import { READS, type Detector } from './types.js';
import { whitespace } from './whitespace.js';
import { wholeBlock } from './whole-block.js';

/** Every detector, by stage; within a stage, in the order the walk runs them (walk.ts says how findings combine). */
export const DETECTORS: readonly Detector[] = [
  // change: what kind of change it is routes it (the first that finds something decides)
  frontMatter,
  moved,
  edited,
  rewritten,
  textElsewhere,
  tableHeader,
  wholeBlock,
  nothingChanged,
  // hunk: is one hunk of a modified block harmless? (the first finding explains the hunk)
  whitespace,
  punctuation,
  letterCase,
  date,
  link,
  boilerplate,
  functionWords,
  hiddenAddress,
  antiSpamAddress,
  typo,
  duplicate,
  example,
  crossReference,
  exampleRemoved,
  crossReferenceRemoved,
  restatement,
  versionNote,
  readingNote,
  // edit: the substance of a modified block (steps: links, unchanged, whole, substance)
  linkTarget,
  headingLevel,
  blockKind,
  sameText,
  headingChanged,
  linkText,
  recast,
  securityMeasures,
  channelChanged,
  termChanged,
  channelLink,
  dateOrLink,
  flip,
  examplesGained,
  enumeration,
  sentence,
  clause,
  concept,
  rewrite,
  negatedScope,
  rewording,
  // block: a block added or removed whole (the first finding is the story)
  headingBlock,
  emptyBlock,
  restatedBlock,
  readingAid,
  history,
  boilerplateBlock,
  crossReferenceBlock,
  exampleBlock,
  block,
  // list: an edit of the trigger list (the first finding replaces, or leads, the edit's own)
  triggerItems,
  triggerRemoved,
  triggerEdited,
  triggerAdded,
  listLeadIn,
];

const LEVELS: readonly ChangeLevel[] = ['minor', 'major'];
const STAGES = ['change', 'hunk', 'edit', 'block', 'list'];

/** Checks the table: unique ids, known reads and levels, a reason for each entry, stages in one run each. Throws naming the entry. */
export function validateDetectors(table: readonly Detector[]): readonly Detector[] {
  const ids = new Set<string>();
  const seen: string[] = [];
  for (const d of table) {
    if (typeof d.id !== 'string' || !/^[a-z][a-z-]*$/.test(d.id)) throw new Error(`detector "${String(d.id)}": an id is lower-case words joined by hyphens`);
    if (ids.has(d.id)) throw new Error(`detector "${d.id}": the id appears twice`);
    ids.add(d.id);
    if (!STAGES.includes(d.on)) throw new Error(`detector "${d.id}": stage "${String(d.on)}" is not one of ${STAGES.join(', ')}`);
    if (seen.length > 0 && seen[seen.length - 1] !== d.on && seen.includes(d.on)) throw new Error(`detector "${d.id}": the "${d.on}" stage is split; keep a stage's entries together`);
    if (seen[seen.length - 1] !== d.on) seen.push(d.on);
    if (!(READS as readonly string[]).includes(d.reads)) throw new Error(`detector "${d.id}": reads "${String(d.reads)}" is not one of ${READS.join(', ')}`);
    for (const scope of ['governed', 'ungoverned'] as const) {
      if (!LEVELS.includes(d.levels?.[scope])) throw new Error(`detector "${d.id}": level where ${scope} "${String(d.levels?.[scope])}" is not one of ${LEVELS.join(', ')}`);
    }
    if (typeof d.why !== 'string' || d.why === '') throw new Error(`detector "${d.id}": say why the detector exists`);
    if (typeof d.applies !== 'function' || typeof d.detect !== 'function') throw new Error(`detector "${d.id}": needs applies and detect`);
  }
  return table;
}

validateDetectors(DETECTORS);

const BY_ID: ReadonlyMap<string, Detector> = new Map(DETECTORS.map((d) => [d.id, d]));

/** The entries whose finding can make a change major (somewhere): the substantive readings. */
export const SUBSTANTIVE: ReadonlySet<string> = new Set(DETECTORS.filter((d) => d.levels.governed === 'major' || d.levels.ungoverned === 'major').map((d) => d.id));

/** The entries whose finding is major wherever it is (the edited list itself, a changed contact channel): they need no trigger's reach. */
export const STRONG: ReadonlySet<string> = new Set(DETECTORS.filter((d) => d.levels.governed === 'major' && d.levels.ungoverned === 'major').map((d) => d.id));

/** True for a finding that can make a change major. */
export function isSubstantive(signal: Pick<Signal, 'rule'>): boolean {
  return SUBSTANTIVE.has(signal.rule);
}

/** The level a finding gives, given whether a trigger governs the change. Throws for a finding no entry owns (a bug). */
export function levelOf(signal: Pick<Signal, 'rule'>, governed: boolean): ChangeLevel {
  const d = BY_ID.get(signal.rule);
  if (!d) throw new Error(`finding names no detector: "${signal.rule}"`);
  return governed ? d.levels.governed : d.levels.ungoverned;
}
