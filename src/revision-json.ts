/**
 * The `--format json` shape of a classified revision (fixed: CI and the
 * evaluation read it). Outside the command line because the revision record
 * keeps its changes in the same shape.
 */
import type { Bookkeeping, ChangeKind, ChangeLevel, Confidence, Lang, Revision, RevisionLevel } from './types.js';
import { sectionOf } from './describe-revision.js';

/** A classified revision as `policy diff --format json` prints it. */
export interface RevisionJson {
  policy: { id: string; title: string; lang: Lang };
  old: { path: string; lastUpdated: string | null; sha256: string };
  new: { path: string; lastUpdated: string | null; sha256: string };
  level: RevisionLevel;
  triggers: { index: number; text: string }[];
  /** Where the trigger list came from: the policy itself, its front matter, or the built-in default. */
  triggerSource: string;
  changes: {
    kind: ChangeKind;
    level: ChangeLevel;
    section: string;
    line: { old: number | null; new: number | null };
    before: string;
    after: string;
    triggers: number[];
    reasons: string[];
    /** Ids of the rules that decided the level. */
    rules: string[];
    /** `low`: a person should confirm the level. */
    confidence: Confidence;
  }[];
  /** How many changes have low confidence. */
  needsDecision: number;
  warnings: string[];
  /** Publish's own edits (stamped date line, version/effective/changeNote front matter): never changes. */
  bookkeeping: Bookkeeping[];
}

/** Renders a revision as the JSON object of `policy diff --format json`. Pure. */
export function renderRevisionJson(revision: Revision): RevisionJson {
  const triggerText = (index: number) => revision.old.triggers.find((trigger) => trigger.index === index)?.text ?? '';
  return {
    policy: { id: revision.new.id, title: revision.new.title, lang: revision.new.lang },
    old: { path: revision.old.path, lastUpdated: revision.old.lastUpdated?.date ?? null, sha256: revision.old.sha256 },
    new: { path: revision.new.path, lastUpdated: revision.new.lastUpdated?.date ?? null, sha256: revision.new.sha256 },
    level: revision.level,
    triggers: revision.triggers.map((index) => ({ index, text: triggerText(index) })),
    triggerSource: revision.old.triggerSource,
    changes: revision.changes.map((change) => ({
      kind: change.kind,
      level: change.level,
      section: sectionOf(change),
      line: { old: change.oldBlock?.line ?? null, new: change.newBlock?.line ?? null },
      before: change.oldBlock?.text ?? '',
      after: change.newBlock?.text ?? '',
      triggers: change.triggers,
      reasons: change.reasons,
      rules: change.rules,
      confidence: change.confidence,
    })),
    needsDecision: revision.needsDecision,
    warnings: revision.warnings,
    bookkeeping: revision.bookkeeping ?? [],
  };
}
