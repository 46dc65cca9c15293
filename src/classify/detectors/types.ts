/**
 * The shape of a detector: one named module that looks at one part of a change and reports what it
 * finds (or nothing). Every detector is an entry of the one table in `table.ts`; the walks in
 * `walk.ts` run the entries of a stage in table order and combine their findings.
 */
import type { Block, Change, ChangeLevel, Policy, Trigger } from '../../types.js';
import type { EntityDelta } from '../entities.js';
import type { Hunk } from '../hunks.js';
import type { EnumerationEdit } from '../lists.js';
import type { Analysis, LinkTexts, Signal } from '../signals.js';
import type { HunkContext, TrivialEdit } from '../trivial.js';

/** What part of a change a detector looks at. */
export const READS = ['whole-change', 'words', 'sentences', 'links', 'entities', 'markers', 'lists', 'concepts', 'structure', 'trigger-list', 'front-matter'] as const;
/** What part of a change a detector looks at. */
export type Reads = (typeof READS)[number];

/** The level a detector's finding gives where a trigger governs the change, and where none does. */
export interface Levels {
  governed: ChangeLevel;
  ungoverned: ChangeLevel;
}

/** Fields every table entry has. */
interface Entry {
  /** The id reported in a change's JSON `rules` when this detector decided it. */
  id: string;
  reads: Reads;
  levels: Levels;
  /** Why the detector exists and why its finding has this level, for the people who review the table. */
  why: string;
}

/** One hunk of a modified block, seen with the block's old and new text. */
export interface HunkSubject {
  hunk: Hunk;
  ctx: HunkContext;
}

/** A modified block (or a removed block rewritten as an added one): its texts, and its substantive hunks once the harmless ones are set aside. */
export interface EditSubject {
  before: Block;
  after: Block;
  /** Normalised old and new text. */
  a: string;
  b: string;
  sectionText: string;
  links?: LinkTexts;
  /** Every hunk, and those no harmless-edit detector explained. */
  hunks: Hunk[];
  substantive: Hunk[];
  /** The old text with only the substantive hunks applied. */
  effective: string;
  /** Hunks that are not whole sentences (their own "not" is not a flip), and the old text with only them applied. */
  flipHunks: Hunk[];
  flipBase: string;
  changedText: string;
  contextText: string;
  /** Entities that came, went or changed between `a` and `effective`, by type (computed once for every entity detector). */
  entityDeltas: EntityDelta[];
}

/** One substantive hunk of an edit, with what the list and sentence readers made of it (computed once per hunk). */
export interface EditHunk {
  hunk: Hunk;
  /** Items added to or removed from an enumeration (organisation-name fragments dropped), or null. */
  enumeration: EnumerationEdit | null;
  /** Whole sentences inserted (cross-references dropped) and deleted. */
  addedSentences: string[];
  removedSentences: string[];
}

/** What the edit walk has found so far (a fall-back detector reads it). */
export interface EditContext {
  /** Substantive-step findings so far, and those for the current hunk (per-hunk detectors). */
  found: readonly Signal[];
  hunkFound: readonly Signal[];
  /** Findings of the link and harmless-hunk steps (they follow the substance in the analysis). */
  notes: readonly Signal[];
  /** Number of substantive hunks of the edit. */
  hunkCount: number;
  /** True for a finding whose entry can make a change major (derived from the table). */
  isSubstantive: (s: Signal) => boolean;
}

/**
 * The steps of the edit walk, in order: `links` (every finding kept), `unchanged` (the text is the same:
 * the first finding, when the links found nothing), `whole` (the first finding is the whole story), `substance`
 * (every finding kept; a detector may read what was found before it).
 */
export type EditStep = 'links' | 'unchanged' | 'whole' | 'substance';

/** A block added or removed whole. */
export interface BlockSubject {
  block: Block;
  kind: 'added' | 'removed';
  /** Normalised text of the block. */
  text: string;
  sectionText: string;
  /** The whole text of the other version (the old one for an added block), to tell what the block restates. */
  documentText: () => string;
  /** The headings of the block's own version. */
  headings: readonly string[];
}

/** A change seen against the trigger list of each version. */
export interface ListSubject {
  /** What the edit's own detectors found. */
  analysis: Analysis;
  oldIndex: number;
  newIndex: number;
  /** The triggers the old and the new block state (several when items run together in one block). */
  olds: readonly Trigger[];
  news: readonly Trigger[];
  /** The edit changed words a trigger is made of (a substantive finding, or a rewording). */
  substantive: boolean;
  old: Policy;
  /** True for a finding whose entry can make a change major (derived from the table). */
  isSubstantive: (s: Signal) => boolean;
}

/** What the change walk needs besides the change: the policies and the revision's other changes. */
export interface ChangeContext {
  old: Policy;
  neu: Policy;
  index: number;
  all: readonly Change[];
  /** Removed and added blocks paired as one rewritten block (index → partner index). */
  pairs: ReadonlyMap<number, number>;
  /** Analyses of the other stages, called by the change detectors. */
  analyzeEdit: (before: Block, after: Block) => Analysis;
  analyzeBlock: (block: Block, kind: 'added' | 'removed') => Analysis;
  withTriggerList: (a: Analysis, oldIndex: number, newIndex: number) => Analysis;
  /** Blocks to join to a modified block's sides so that a split or merged paragraph is read whole. */
  splitsAndMerges: (change: Change) => [Block, Block];
  /** An added block cut from a changed old block, or a removed one merged into a changed new block. */
  textElsewhere: (block: Block, kind: 'added' | 'removed') => Analysis | null;
  /** The triggers a block of the old version states. */
  oldTriggersAt: (blockIndex: number) => readonly Trigger[];
  /** True for a finding whose entry can make a change major (derived from the table). */
  isSubstantive: (s: Signal) => boolean;
}

/** What a hunk detector finds: a harmless edit, or an added run that restates what the block says. */
export type HunkFinding = TrivialEdit | { kind: 'restatement'; what: 'security' | 'limit' | 'gloss' | 'version' | 'reading'; text: string };

/** A detector of the change stage: routes one change (its kind decides which reads apply) and returns its analysis. */
export interface ChangeDetector extends Entry {
  on: 'change';
  applies: (change: Change, ctx: ChangeContext) => boolean;
  detect: (change: Change, ctx: ChangeContext) => Analysis | null;
}

/** A harmless-edit detector: judges one hunk; the first finding explains the hunk. */
export interface HunkDetector extends Entry {
  on: 'hunk';
  applies: (h: HunkSubject) => boolean;
  detect: (h: HunkSubject) => HunkFinding | null;
}

/** A detector of a modified block's substance. `alone`: its finding is the whole story (the walk stops). `eachHunk`: called once per substantive hunk. */
export interface EditDetector extends Entry {
  on: 'edit';
  step: EditStep;
  alone?: boolean;
  eachHunk?: false;
  applies: (e: EditSubject, ctx: EditContext) => boolean;
  detect: (e: EditSubject, ctx: EditContext) => Signal[];
}

/** A detector of one substantive hunk of a modified block (consecutive ones run together, hunk by hunk). */
export interface EditHunkDetector extends Entry {
  on: 'edit';
  step: 'substance';
  eachHunk: true;
  alone?: false;
  applies: (h: EditHunk, e: EditSubject, ctx: EditContext) => boolean;
  detect: (h: EditHunk, e: EditSubject, ctx: EditContext) => Signal[];
}

/** A detector of a block added or removed whole. `alone`: its finding is the whole story. */
export interface BlockDetector extends Entry {
  on: 'block';
  alone: boolean;
  applies: (b: BlockSubject) => boolean;
  detect: (b: BlockSubject) => Signal[];
}

/** A detector of an edit of the trigger list: the first finding replaces the edit's own signals (or, with `keep`, leads them). */
export interface ListDetector extends Entry {
  on: 'list';
  applies: (l: ListSubject) => boolean;
  detect: (l: ListSubject) => { signals: Signal[]; keep?: boolean; changedText?: string } | null;
}

/** One entry of the detector table. */
export type Detector = ChangeDetector | HunkDetector | EditDetector | EditHunkDetector | BlockDetector | ListDetector;

/** Levels of a finding that is major anywhere, major only where a trigger governs, or minor anywhere. */
export const MAJOR_ANYWHERE: Levels = { governed: 'major', ungoverned: 'major' };
export const MAJOR_WHERE_GOVERNED: Levels = { governed: 'major', ungoverned: 'minor' };
export const MINOR: Levels = { governed: 'minor', ungoverned: 'minor' };
