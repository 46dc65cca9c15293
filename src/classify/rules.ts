/**
 * The rules that turn signals into a level: data, validated on load. When several rules
 * match a change, the highest level wins. A rule says which signal it reads, where it
 * applies (`any` place, or only where a trigger `governs` the change), and the level.
 */
import type { ChangeLevel } from '../types.js';
import type { EntityType } from './entities.js';

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

/** Where a rule applies. */
export type RuleScope = 'any' | 'governed' | 'ungoverned';

/** One rule. */
export interface Rule {
  id: string;
  signal: SignalKind;
  /** Only for `entity` signals: the entity types the rule covers (all when absent). */
  entityTypes?: EntityType[];
  scope: RuleScope;
  level: ChangeLevel;
  /** Why the rule exists, for the people who review the rules. */
  why: string;
}

/** The default rules. */
export const DEFAULT_RULES: readonly Rule[] = [
  { id: 'trigger-removed', signal: 'trigger-removed', scope: 'any', level: 'major', why: 'Removing a trigger from the list changes what the policy promises to announce.' },
  { id: 'trigger-edited', signal: 'trigger-edited', scope: 'any', level: 'major', why: 'Rewording a trigger changes what the policy promises to announce.' },
  { id: 'trigger-added', signal: 'trigger-added', scope: 'any', level: 'major', why: 'A new trigger, or a narrowed or widened lead-in (包括但不限于 → 包括), changes the list itself; it hits no existing trigger.' },
  {
    id: 'channel-changed',
    signal: 'entity',
    entityTypes: ['email', 'phone'],
    scope: 'any',
    level: 'major',
    why: 'A changed e-mail address or phone number changes a contact or request channel wherever it appears.',
  },
  {
    id: 'term-changed',
    signal: 'entity',
    entityTypes: ['organization', 'duration', 'amount', 'percentage', 'region', 'number'],
    scope: 'governed',
    level: 'major',
    why: 'A changed organisation (controller, recipient), deadline, retention period, fee, region or other figure (an age, a postcode) changes a commitment a trigger covers.',
  },
  { id: 'term-changed-ungoverned', signal: 'entity', entityTypes: ['organization', 'duration', 'amount', 'percentage', 'region', 'number'], scope: 'ungoverned', level: 'minor', why: 'No trigger covers the passage.' },
  { id: 'date-or-link', signal: 'entity', entityTypes: ['date', 'url'], scope: 'any', level: 'minor', why: 'Dates ("last updated") and link targets are not commitments.' },
  { id: 'flip', signal: 'flip', scope: 'governed', level: 'major', why: 'Adding or removing a negation, modal or scope word (不会 → 会, may → will, only) reverses or widens a commitment.' },
  { id: 'enumeration', signal: 'enumeration', scope: 'governed', level: 'major', why: 'An item added to or removed from an enumeration (data kinds, grounds, recipients) widens or narrows the commitment.' },
  { id: 'concept', signal: 'concept', scope: 'governed', level: 'major', why: 'A commitment term (a purpose, a kind of data, a recipient, a right, a fee …) was added or removed.' },
  { id: 'sentence', signal: 'sentence', scope: 'governed', level: 'major', why: 'A whole sentence was added to or removed from a governed passage.' },
  { id: 'clause', signal: 'clause', scope: 'governed', level: 'major', why: 'A clause (a condition, a purpose, a promise) was added to or cut from a governed passage with nothing in its place.' },
  { id: 'rewrite', signal: 'rewrite', scope: 'governed', level: 'major', why: 'A governed passage was rewritten beyond recognition.' },
  { id: 'block', signal: 'block', scope: 'governed', level: 'major', why: 'A paragraph, list item or table row was added to or removed from a governed section.' },
  {
    id: 'negated-scope',
    signal: 'negated-scope',
    scope: 'governed',
    level: 'major',
    why: 'Words added to or cut from a negative promise (we do not sell …, 我们不会共享 …) or a restrictive one (only to …, 仅用于 …) narrow or widen what it rules out or allows.',
  },
  {
    id: 'channel-link',
    signal: 'channel',
    scope: 'governed',
    level: 'major',
    why: 'A link to a request form or a contact page that now points elsewhere changes how rights are exercised or how to reach us.',
  },
  ...(['flip', 'enumeration', 'concept', 'sentence', 'clause', 'rewrite', 'block', 'negated-scope', 'channel'] as const).map(
    (signal): Rule => ({ id: `${signal}-ungoverned`, signal, scope: 'ungoverned', level: 'minor', why: 'No trigger covers the passage.' }),
  ),
  ...(
    [
      ['whitespace', 'Whitespace is invisible to a reader.'],
      ['punctuation', 'Punctuation fixes do not change a commitment.'],
      ['case', 'Letter case does not change a commitment.'],
      ['typo', 'A fixed typo does not change a commitment.'],
      ['function-words', 'Dropping or adding a pronoun or particle does not change a commitment.'],
      ['duplicate', 'Removing text that is still there does not change a commitment.'],
      ['example', 'An example that restates an existing category does not change a commitment.'],
      ['cross-reference', 'A cross-reference restates what another section already says.'],
      ['date', 'A changed date ("last updated") alone is not a commitment.'],
      ['link', 'A re-pointed link is not a commitment.'],
      ['heading', 'Headings name sections; they promise nothing.'],
      ['moved', 'Moving a block unchanged does not change a commitment.'],
      ['same-text', 'The text a reader sees did not change.'],
      ['text-elsewhere', 'The text is still in the policy, elsewhere.'],
      ['rewording', 'Rewording that neither widens nor narrows a commitment is minor.'],
      ['structure', 'Structure (a rule, a link definition, an empty block) is not a commitment.'],
      ['front-matter', 'Front-matter keys (title, layout …) label the document; they promise nothing.'],
      ['boilerplate', 'Copyright and trade-mark notices are company boilerplate, not commitments.'],
      ['restatement', 'Describing security measures, repeating a limit already set or glossing a word restates the policy; it changes no commitment.'],
      ['history', "A line of the policy's own change log records an edit; the edit itself is judged where it happens."],
    ] as const
  ).map(([signal, why]): Rule => ({ id: signal, signal, scope: 'any', level: 'minor', why })),
];

const LEVELS: readonly ChangeLevel[] = ['minor', 'major'];
const SCOPES: readonly RuleScope[] = ['any', 'governed', 'ungoverned'];
const ENTITY_TYPES: readonly EntityType[] = ['email', 'url', 'phone', 'organization', 'duration', 'amount', 'percentage', 'region', 'date', 'number'];

/** Checks rules; an invalid one throws an error listing the valid values. */
export function validateRules(rules: readonly Rule[]): readonly Rule[] {
  const ids = new Set<string>();
  for (const r of rules) {
    if (typeof r.id !== 'string' || r.id === '') throw new Error('rule: every rule needs an id');
    if (ids.has(r.id)) throw new Error(`rule "${r.id}": the id appears twice`);
    ids.add(r.id);
    if (!(SIGNAL_KINDS as readonly string[]).includes(r.signal)) throw new Error(`rule "${r.id}": signal "${String(r.signal)}" is not one of ${SIGNAL_KINDS.join(', ')}`);
    if (!SCOPES.includes(r.scope)) throw new Error(`rule "${r.id}": scope "${String(r.scope)}" is not one of ${SCOPES.join(', ')}`);
    if (!LEVELS.includes(r.level)) throw new Error(`rule "${r.id}": level "${String(r.level)}" is not one of ${LEVELS.join(', ')}`);
    if (r.entityTypes !== undefined) {
      if (r.signal !== 'entity') throw new Error(`rule "${r.id}": entityTypes only apply to the "entity" signal`);
      for (const t of r.entityTypes) if (!ENTITY_TYPES.includes(t)) throw new Error(`rule "${r.id}": entity type "${String(t)}" is not one of ${ENTITY_TYPES.join(', ')}`);
    }
    if (typeof r.why !== 'string' || r.why === '') throw new Error(`rule "${r.id}": say why the rule exists`);
  }
  return rules;
}

validateRules(DEFAULT_RULES);

/** A signal as the rules see it. */
export interface RuleInput {
  kind: SignalKind;
  entityType?: EntityType;
}

/** The rules a signal matches, given whether a trigger governs the change. */
export function matchRules(signal: RuleInput, governed: boolean, rules: readonly Rule[] = DEFAULT_RULES): Rule[] {
  return rules.filter(
    (r) =>
      r.signal === signal.kind &&
      (r.scope === 'any' || (r.scope === 'governed') === governed) &&
      (r.entityTypes === undefined || (signal.entityType !== undefined && r.entityTypes.includes(signal.entityType))),
  );
}

/** The higher of two levels. */
export function maxLevel(a: ChangeLevel, b: ChangeLevel): ChangeLevel {
  return a === 'major' || b === 'major' ? 'major' : 'minor';
}
