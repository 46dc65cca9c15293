/** The data of `policy check`: what it compares, and what it found. */
import type { ChangeLevel, Lang, Policy, Revision } from '../types.js';

/** The level at which a revision makes the check fail (`never`: report only). */
export type FailOn = 'major' | 'minor' | 'never';

/** What kind of problem a failure is; renderers title annotations by it. */
export type CheckProblemKind =
  /** A change that reaches `--fail-on`. */
  | 'threshold'
  /** A policy that does not parse. */
  | 'invalid'
  /** The base had its own list of major changes and this version has none. */
  | 'triggers-removed'
  /** The archive fails `policy verify`. */
  | 'archive'
  /** With --base: an archived file or index entry of the base was removed or altered. */
  | 'history'
  /** The "last updated" date went backwards. */
  | 'last-updated'
  /** A major revision without enough notice before its `effective` date. */
  | 'notice'
  /** A policy the base (or the archive) has and the working tree deleted. */
  | 'deleted'
  /** A translation left behind by a major revision of its original (a warning for lesser lags). */
  | 'translation'
  /** A revision at `--require-note` level without a `changeNote` in its front matter. */
  | 'note'
  /** A low-confidence change, with `--fail-on-unsure`: a person has to decide its level. */
  | 'unsure';

/** One reason the check fails: a file (relative to the repository root), a line in it, a message. */
export interface CheckFailure {
  file: string;
  /** 1-based line in the current version of the file (1 when nothing narrower applies). */
  line: number;
  message: string;
}

/** A failure with what renderers need to place and title it. */
export interface CheckProblem extends CheckFailure {
  kind: CheckProblemKind;
  /** Last line of the span, when it is more than one line. */
  endLine?: number;
  /** For `threshold`: the policy and the index of the change in its revision. */
  change?: { id: string; index: number };
  /** For `threshold`: the change's level. */
  level?: ChangeLevel;
  /** For `threshold`: the trigger numbers the change hit (the policy's own list only). */
  triggers?: number[];
}

/** One policy to check, as the I/O layer found it. */
export type CheckSubject =
  | {
      kind: 'compared';
      id: string;
      /** The current file, relative to the repository root. */
      file: string;
      base: Policy;
      head: Policy;
    }
  | {
      kind: 'new';
      id: string;
      file: string;
      head: Policy;
      /** Why there is nothing to compare with (e.g. `not in origin/main`). */
      note: string;
    }
  | DeletedSubject
  | {
      kind: 'invalid';
      id: string;
      file: string;
      line: number;
      /** What is wrong, without the file name. */
      message: string;
    };

/** What is known of a deleted policy from where it still exists (the base ref, or the archive). */
export interface DeletedBase {
  /** Where it still is, e.g. `main:policies/privacy-policy.md` or `archive/privacy-policy/2.0.md`. */
  path: string;
  title: string | null;
  lang: Lang | null;
  /** Its "last updated" date, YYYY-MM-DD, when known. */
  lastUpdated: string | null;
  sha256: string | null;
}

/** A policy that exists at the base (or has an archive) but whose file is gone from the working tree. */
export interface DeletedSubject {
  kind: 'deleted';
  id: string;
  /** The missing file, relative to the repository root. */
  file: string;
  base: DeletedBase;
  /** The git ref it is still in, or null when the archive is the base. */
  ref: string | null;
  /** The archive folder that still publishes it and its latest version (e.g. `archive/privacy-policy/`, `2.0`), or null. */
  archived: { folder: string; version: string } | null;
}

/** Options of the evaluation. */
export interface CheckOptions {
  /** Default `never`. */
  failOn: FailOn;
  /** Days of notice a major revision needs before its `effective` date; undefined: not checked. */
  noticeDays?: number;
  /** Today's date (UTC) as YYYY-MM-DD. */
  today: string;
  /** Revisions at this level need a `changeNote` in front matter. Default `never`. */
  requireNote?: FailOn;
  /** Fail on any low-confidence change (independent of `failOn`). */
  failOnUnsure?: boolean;
}

/** A policy the check compared (or found new). */
export type CheckedPolicy =
  | { status: 'compared'; id: string; file: string; revision: Revision }
  | { status: 'new'; id: string; file: string; head: Policy; note: string }
  | { status: 'deleted'; id: string; file: string; base: DeletedBase; note: string };

/** The outcome of `policy check`. */
export interface CheckResult {
  /** True when nothing reaches `--fail-on` and every validation passed. */
  ok: boolean;
  failures: CheckProblem[];
  policies: CheckedPolicy[];
  failOn: FailOn;
  failOnUnsure: boolean;
  /** Low-confidence changes across the policies: each needs a person's decision. */
  needsDecision: number;
  /** What the policies were compared with, for the report (e.g. `origin/main`, or `the archive`). */
  base: string;
  /** Findings worth a look that do not fail the check (a translation lagging its original). */
  warnings?: CheckProblem[];
}
