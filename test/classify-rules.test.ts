import { describe, expect, it } from 'vitest';
import { DETECTORS, isSubstantive, levelOf, STRONG, SUBSTANTIVE, validateDetectors } from '../src/classify/detectors/table.js';
import type { Detector } from '../src/classify/detectors/types.js';
import { ENTITY_RULE } from '../src/classify/signals.js';
import { maxLevel } from '../src/classify/rules.js';

const finding = (rule: string) => ({ rule });

describe('the detector table', () => {
  it('is valid, and every entry says what it reads and why', () => {
    expect(validateDetectors(DETECTORS)).toBe(DETECTORS);
    for (const d of DETECTORS) expect(d.why.length, d.id).toBeGreaterThan(10);
  });

  it('an invalid entry says what is wrong and lists the valid values', () => {
    const good = DETECTORS.find((d) => d.id === 'flip')!;
    const bad = (over: Partial<Detector>): Detector[] => [{ ...good, ...over } as Detector];
    expect(() => validateDetectors(bad({ levels: { governed: 'huge' as never, ungoverned: 'minor' } }))).toThrow('detector "flip": level where governed "huge" is not one of minor, major');
    expect(() => validateDetectors(bad({ reads: 'vibes' as never }))).toThrow(/reads "vibes" is not one of whole-change, words/);
    expect(() => validateDetectors(bad({ why: '' }))).toThrow('detector "flip": say why the detector exists');
    expect(() => validateDetectors([good, good])).toThrow('detector "flip": the id appears twice');
    const hunk = DETECTORS.find((d) => d.on === 'hunk')!;
    expect(() => validateDetectors([good, hunk, { ...good, id: 'flop' }])).toThrow('the "edit" stage is split');
  });

  it('substance is major only where a trigger governs', () => {
    expect(levelOf(finding('flip'), true)).toBe('major');
    expect(levelOf(finding('flip'), false)).toBe('minor');
    expect(levelOf(finding('block'), true)).toBe('major');
    expect(levelOf(finding('typo'), true)).toBe('minor');
    expect(() => levelOf(finding('no-such-detector'), true)).toThrow('finding names no detector');
  });

  it('a changed e-mail address is major anywhere; a changed deadline where governed; a changed date nowhere', () => {
    expect(levelOf(finding(ENTITY_RULE.email), false)).toBe('major');
    expect(levelOf(finding(ENTITY_RULE.duration), false)).toBe('minor');
    expect(levelOf(finding(ENTITY_RULE.duration), true)).toBe('major');
    expect(levelOf(finding(ENTITY_RULE.date), true)).toBe('minor');
  });

  it('a narrowed negative promise and a re-pointed request channel are major where a trigger governs; a copyright notice never', () => {
    for (const id of ['negated-scope', 'channel-link']) {
      expect(levelOf(finding(id), true)).toBe('major');
      expect(levelOf(finding(id), false)).toBe('minor');
    }
    expect(levelOf(finding('boilerplate'), true)).toBe('minor');
  });

  it('derives the substantive and the strong entries from the levels, not from a list', () => {
    for (const d of DETECTORS) {
      expect(SUBSTANTIVE.has(d.id), d.id).toBe(d.levels.governed === 'major' || d.levels.ungoverned === 'major');
      expect(STRONG.has(d.id), d.id).toBe(d.levels.ungoverned === 'major');
    }
    for (const id of ['typo', 'history', 'restatement', 'link', 'rewording']) expect(isSubstantive(finding(id))).toBe(false);
    expect([...STRONG].sort()).toEqual(['channel-changed', 'list-lead-in', 'trigger-added', 'trigger-edited', 'trigger-items', 'trigger-removed']);
  });

  it('the highest level wins', () => {
    expect(maxLevel('minor', 'major')).toBe('major');
    expect(maxLevel('minor', 'minor')).toBe('minor');
  });
});

describe('the tuning object', () => {
  it('validates every tuning entry, naming the one that is wrong', async () => {
    const { TUNING, validateTuning } = await import('../src/classify/tuning.js');
    expect(validateTuning(structuredClone(TUNING))).toEqual(TUNING);
    expect(() => validateTuning({ ...structuredClone(TUNING), governance: { ...TUNING.governance, threshold: 1.5 } })).toThrow(/tuning "governance.threshold": expected a fraction/);
    expect(() => validateTuning({ ...structuredClone(TUNING), pairing: { ...TUNING.pairing, window: 2.5 } })).toThrow(/tuning "pairing.window": expected a whole number/);
    expect(() => validateTuning({ ...structuredClone(TUNING), edits: { ...TUNING.edits, wholeSentenceShare: 2 } })).toThrow(/tuning "edits.wholeSentenceShare": expected a fraction/);
    expect(() => validateTuning({ ...structuredClone(TUNING), alignment: { ...TUNING.alignment, pair: 1.2 } })).toThrow(/tuning "alignment.pair": expected a fraction/);
    expect(() => validateTuning({ ...structuredClone(TUNING), harmless: { ...TUNING.harmless, typoShortWord: 0 } })).toThrow(/tuning "harmless.typoShortWord": expected a whole number/);
    expect(() => validateTuning({ ...structuredClone(TUNING), affinity: { ...TUNING.affinity, word: Number.NaN } })).toThrow(/tuning "affinity.word"/);
  });
});
