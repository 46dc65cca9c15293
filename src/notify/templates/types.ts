/** The wording of notices in one language: plain strings and small functions over plain values (no markup). */
import type { ChangeKind, ChangeLevel } from '../../types.js';

/** Facts a sentence may need. */
export interface NoticeFacts {
  title: string;
  version: string;
  previousVersion: string;
  level: ChangeLevel;
  /** Dates already formatted for the language. */
  date: string;
  effective: string;
}

/** Every sentence and label of a notice in one language. */
export interface NoticeTemplate {
  /** BCP 47 tag for the HTML `lang` attribute. */
  htmlLang: string;
  /** Formats a YYYY-MM-DD date. */
  formatDate(isoDate: string): string;
  /** The subject line: names the policy and says whether the change is major. */
  subject(facts: NoticeFacts): string;
  /** The first heading of the body. */
  heading(facts: NoticeFacts): string;
  /** A prominent line shown first in major notices. */
  banner: string;
  /** What happened, with the version and the effective date. */
  intro(facts: NoticeFacts): string;
  /** Leads the list of major changes. */
  majorLead: string;
  /** Leads the list of changes when there are no major ones to highlight. */
  changesLead(facts: NoticeFacts): string;
  /** Heading of major changes that hit no listed trigger. */
  otherMajor: string;
  /** Label before a change's section heading. */
  sectionLabel: string;
  /** Labels of the before and after excerpts, and of a change of each kind. */
  before: string;
  after: string;
  kind: Record<ChangeKind, string>;
  /** The sentence about smaller changes not listed in a major notice. */
  otherChanges(count: number): string;
  /** The sentence about changes left out of the list. */
  omitted(count: number): string;
  /** Labels of the links. */
  readVersion: string;
  readChanges: string;
  /** Said when there is no archive site to link to. */
  noSite: string;
  /** Text before the unsubscribe link. */
  unsubscribe: string;
  /** Heading of the change note written by the policy's owners, shown before the automatic list. */
  changeNoteHeading: string;
}
