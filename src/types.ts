/**
 * The plain data that flows between the stages:
 * parse → Policy, diff → Change[], classify → Revision.
 */

import type { ReasonMessage } from './classify/messages/types.js';

/** Languages with templates and lexicon entries. */
export type Lang = 'zh' | 'en';

export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'tableRow'
  | 'code'
  | 'html'
  | 'blockquote'
  | 'thematicBreak'
  | 'definition'
  | 'footnote'
  /** A front-matter key (text `key: value`); only `diff` makes these, for changed keys. */
  | 'frontMatter';

/** One visible unit of a policy: a heading, a paragraph, a list item, a table row … */
export interface Block {
  kind: BlockKind;
  /** Heading depth (1–6) for headings; nesting depth for list items (0 = top level). */
  depth: number;
  /** The text a reader sees: markup removed, whitespace collapsed to single spaces, trimmed. */
  text: string;
  /** Link and image targets in the block, in order (a re-pointed link is a visible change). */
  urls: string[];
  /** Heading texts of the sections that contain this block, outermost first (a heading's own path excludes itself). */
  section: string[];
  /** 1-based line in the file (front matter included) where the block starts. */
  line: number;
  /** 1-based line where the block ends. */
  endLine: number;
  /** Identity for alignment: a hash of kind, text and urls. Equal keys render the same. */
  key: string;
}

/** A "last updated" line found in a policy, with enough detail to rewrite it in place. */
export interface LastUpdated {
  /** The date as YYYY-MM-DD. */
  date: string;
  /** 1-based line of the file where it was found. */
  line: number;
  /** The exact source characters that spell the date (e.g. `2021 年 8 月 27 日`, `August 27, 2021`). */
  source: string;
  /** Offset of `source` in the raw file text (UTF-16 code units). */
  offset: number;
  /** How the date is written, so a new date can be written the same way. */
  format: 'zh' | 'en-long' | 'iso' | 'en-long-dmy' | 'numeric';
}

/** One item of a policy's own list of what counts as a major change. */
export interface Trigger {
  /** 1-based, in document order of the list in which it appears. */
  index: number;
  text: string;
  /** 1-based source line of the item (0 for triggers from front matter or the default list). */
  line: number;
  /** Index in `Policy.blocks` of the list item that states it (-1 for front matter or the default list). */
  blockIndex: number;
}

/** Where a policy's trigger list came from. */
export type TriggerSource = 'policy' | 'front-matter' | 'default';

/** A parsed policy. Pure data: nothing here touches the file system. */
export interface Policy {
  /** File name without `.md`; unique within policies/. */
  id: string;
  /** The path it was read from, as given (or `<id>@<version>` for archived versions). */
  path: string;
  title: string;
  lang: Lang;
  /** Front matter `type`, if any (privacy-policy, terms …). */
  type: string | null;
  /** Front matter as parsed (dates left as the YAML gave them). */
  frontMatter: Record<string, unknown>;
  /** The file's text exactly as read (after UTF-8 decoding, BOM kept). */
  source: string;
  /** SHA-256 hex of the file's bytes. */
  sha256: string;
  /** Visible blocks in document order (front matter and HTML comments excluded). */
  blocks: Block[];
  lastUpdated: LastUpdated | null;
  triggers: Trigger[];
  triggerSource: TriggerSource;
  /** Index range [start, end) in `blocks` of the whole trigger list (promises that are not triggers included). */
  triggerBlocks: [number, number] | null;
  /** Things the reader of a report should know (e.g. the default trigger list is in use). */
  warnings: string[];
}

export type ChangeKind = 'added' | 'removed' | 'modified' | 'moved';

/** A piece of an inline redline. */
export interface InlinePart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** One visible difference between two versions, before classification. */
export interface Change {
  kind: ChangeKind;
  /** The block in the old version (absent for `added`). */
  oldBlock: Block | null;
  /** The block in the new version (absent for `removed`). */
  newBlock: Block | null;
  /** Index of oldBlock in old.blocks / newBlock in new.blocks (-1 when absent). */
  oldIndex: number;
  newIndex: number;
  /** Inline redline of a modified block (before → after); empty for other kinds. */
  inline: InlinePart[];
}

export type ChangeLevel = 'major' | 'minor';
export type RevisionLevel = ChangeLevel | 'none';

/** A change with its verdict. */
export interface ClassifiedChange extends Change {
  level: ChangeLevel;
  /** Indices into the OLD version's trigger list (empty for a minor change, or a major one hitting no listed trigger). */
  triggers: number[];
  /** Sentences a lawyer can read: which trigger, which words or entities changed (English). */
  reasons: string[];
  /** The same reasons as data, to word them in another language: `renderReasons(change, lang)` (src/classify/messages). */
  reasonMessages?: ReasonMessage[];
  /** Ids of the rules that decided the level (src/classify/rules.ts), for a maintainer to see why. */
  rules: string[];
  /**
   * `low` when no rule explains the edit, rules disagree, or a fall-back decided: a person should
   * confirm the level (which is still the classifier's best judgement, leaning major).
   */
  confidence: Confidence;
}

/**
 * An edit publish makes itself (the stamped date line; the `version`,
 * `effective`, `changeNote` front matter): listed apart, never a change.
 */
export interface Bookkeeping {
  kind: 'date-line' | 'front-matter';
  /** The front-matter key (null for the date line). */
  field: string | null;
  /** The value before and after (YYYY-MM-DD for the date line); null when absent. */
  before: string | null;
  after: string | null;
}

/** How sure the classifier is of a change's level. */
export type Confidence = 'high' | 'low';

/** The outcome of comparing two versions of one policy. */
export interface Revision {
  old: Policy;
  new: Policy;
  level: RevisionLevel;
  /** Union of the trigger indices hit, sorted. */
  triggers: number[];
  changes: ClassifiedChange[];
  /** How many changes have `confidence: 'low'` (a person should decide them). */
  needsDecision: number;
  warnings: string[];
  /** Publish's own edits between the two versions (never among `changes`). */
  bookkeeping?: Bookkeeping[];
}

/** Level recorded for an archived version (`initial` for the first one). */
export type ArchivedLevel = ChangeLevel | 'initial';

/** One entry of `archive/<id>/index.json`. Entries are hash-chained through `previous`. */
export interface ArchivedVersion {
  /** `1.0`, `1.1`, `2.0` … (compare numerically: 1.10 after 1.9). */
  version: string;
  /** Publish date, YYYY-MM-DD. */
  date: string;
  /** Effective date, YYYY-MM-DD. */
  effective: string;
  /** File name inside `archive/<id>/`, e.g. `2.0.md`. */
  file: string;
  /** SHA-256 hex of the file's bytes. */
  sha256: string;
  /** The final level (after any human override). */
  level: ArchivedLevel;
  /** Trigger indices hit (of the previous version's list). */
  triggers: number[];
  /** One-line summary of the revision. */
  summary: string;
  /** ISO timestamp of the publish. */
  publishedAt: string;
  /** SHA-256 of the previous entry as canonical JSON (keys sorted, no whitespace); null for the first. */
  previous: string | null;
  /** The classifier's verdict, kept when a human overrode it. */
  automatic?: { level: ChangeLevel; triggers: number[] };
  /** A recorded human decision. */
  override?: { level: ChangeLevel; reason: string; at: string };
  /** For a translation (`translationOf` in its front matter): the version of the original it renders. */
  translates?: string;
  /**
   * SHA-256 hex of `<version>.revision.json`, the record of the verdict as
   * published. Absent for a version archived before records existed.
   */
  record?: string;
  /** Ed25519 signature of the entry (without this field) by a key of `signing.publicKeys`; see src/archive/signing.ts. */
  signature?: { key: string; value: string };
}

/** `archive/<id>/index.json`. Versions oldest first. */
export interface ArchiveIndex {
  id: string;
  title: string;
  lang: Lang;
  /** For a translation: the id of the original policy (its versions record which original version they render). */
  translationOf?: string;
  versions: ArchivedVersion[];
}
