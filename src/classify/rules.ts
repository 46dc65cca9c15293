/**
 * The kinds of finding the detectors report (what a reason says about an edit), and how levels
 * combine. Which level a finding gives is the detector table's data (detectors/table.ts).
 */
import type { ChangeLevel } from '../types.js';

/** Every kind of signal the classifier emits. */
export const SIGNAL_KINDS = [
  // the trigger list itself
  'trigger-removed',
  'trigger-edited',
  'trigger-added',
  // substance
  'entity',
  'flip',
  'enumeration',
  'concept',
  'sentence',
  'clause',
  'rewrite',
  'block',
  'negated-scope',
  'channel',
  // harmless
  'whitespace',
  'punctuation',
  'case',
  'typo',
  'function-words',
  'duplicate',
  'example',
  'cross-reference',
  'date',
  'link',
  'heading',
  'moved',
  'same-text',
  'text-elsewhere',
  'rewording',
  'structure',
  'front-matter',
  'boilerplate',
  'history',
  'restatement',
] as const;

/** A kind of signal. */
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** The higher of two levels. */
export function maxLevel(a: ChangeLevel, b: ChangeLevel): ChangeLevel {
  return a === 'major' || b === 'major' ? 'major' : 'minor';
}
