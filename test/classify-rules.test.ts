import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, matchRules, maxLevel, validateRules, type Rule } from '../src/classify/rules.js';

describe('rules as data', () => {
  it('the default rules are valid', () => {
    expect(validateRules(DEFAULT_RULES)).toBe(DEFAULT_RULES);
  });

  it('an invalid rule says what is wrong and lists the valid values', () => {
    const bad = (r: Partial<Rule>): Rule[] => [{ id: 'r', signal: 'flip', scope: 'any', level: 'major', why: 'w', ...r } as Rule];
    expect(() => validateRules(bad({ level: 'huge' as never }))).toThrow('rule "r": level "huge" is not one of minor, major');
    expect(() => validateRules(bad({ scope: 'everywhere' as never }))).toThrow('is not one of any, governed, ungoverned');
    expect(() => validateRules(bad({ signal: 'vibes' as never }))).toThrow(/signal "vibes" is not one of trigger-removed, /);
    expect(() => validateRules(bad({ entityTypes: ['email'] }))).toThrow('entityTypes only apply to the "entity" signal');
    expect(() => validateRules([...bad({}), ...bad({})])).toThrow('rule "r": the id appears twice');
  });

  it('substance is major only where a trigger governs', () => {
    const levels = (kind: 'flip' | 'block' | 'typo', governed: boolean): string[] => matchRules({ kind }, governed).map((r) => r.level);
    expect(levels('flip', true)).toEqual(['major']);
    expect(levels('flip', false)).toEqual(['minor']);
    expect(levels('block', true)).toEqual(['major']);
    expect(levels('typo', true)).toEqual(['minor']);
  });

  it('a changed e-mail address is major anywhere; a changed date nowhere', () => {
    expect(matchRules({ kind: 'entity', entityType: 'email' }, false).map((r) => r.level)).toEqual(['major']);
    expect(matchRules({ kind: 'entity', entityType: 'duration' }, false).map((r) => r.level)).toEqual(['minor']);
    expect(matchRules({ kind: 'entity', entityType: 'duration' }, true).map((r) => r.level)).toEqual(['major']);
  });

  it('a narrowed negative promise and a re-pointed request channel are major where a trigger governs; a copyright notice never', () => {
    for (const kind of ['negated-scope', 'channel'] as const) {
      expect(matchRules({ kind }, true).map((r) => r.level)).toEqual(['major']);
      expect(matchRules({ kind }, false).map((r) => r.level)).toEqual(['minor']);
    }
    expect(matchRules({ kind: 'boilerplate' }, true).map((r) => r.level)).toEqual(['minor']);
  });

  it('the highest level wins', () => {
    expect(maxLevel('minor', 'major')).toBe('major');
    expect(maxLevel('minor', 'minor')).toBe('minor');
  });
});

describe('the tuning object and the rules as data', () => {
  it('validates every tuning entry, naming the one that is wrong', async () => {
    const { TUNING, validateTuning } = await import('../src/classify/tuning.js');
    expect(validateTuning(structuredClone(TUNING))).toEqual(TUNING);
    expect(() => validateTuning({ ...structuredClone(TUNING), governance: { ...TUNING.governance, threshold: 1.5 } })).toThrow(/tuning "governance.threshold": expected a fraction/);
    expect(() => validateTuning({ ...structuredClone(TUNING), pairing: { ...TUNING.pairing, window: 2.5 } })).toThrow(/tuning "pairing.window": expected a whole number/);
    expect(() => validateTuning({ ...structuredClone(TUNING), affinity: { ...TUNING.affinity, word: Number.NaN } })).toThrow(/tuning "affinity.word"/);
  });

  it('derives the substantive signal kinds from the rules that can make a change major', async () => {
    const { SUBSTANTIVE } = await import('../src/classify/signals.js');
    const { DEFAULT_RULES } = await import('../src/classify/rules.js');
    for (const rule of DEFAULT_RULES) if (rule.level === 'major') expect(SUBSTANTIVE.has(rule.signal)).toBe(true);
    for (const kind of ['typo', 'history', 'restatement', 'link'] as const) expect(SUBSTANTIVE.has(kind)).toBe(false);
  });
});
