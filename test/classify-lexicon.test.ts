import { describe, expect, it } from 'vitest';
import { countConcepts, familyOf, findConcepts, findSensitive, isLexiconWord } from '../src/classify/concepts.js';
import { LEXICON, validateLexicon, type Concept } from '../src/classify/lexicon.js';

const ids = (text: string): string[] => [...new Set(findConcepts(text).map((h) => h.concept))].sort();

describe('lexicon', () => {
  it('is valid data', () => {
    expect(() => validateLexicon(LEXICON)).not.toThrow();
    expect(LEXICON.length).toBeGreaterThan(20);
  });

  it('refuses a term listed under two concepts, naming both', () => {
    const a: Concept = { id: 'a', label: 'a', family: 'sharing', strong: true, zh: ['共享'], en: [] };
    const b: Concept = { id: 'b', label: 'b', family: 'rights', strong: true, zh: ['共享'], en: [] };
    expect(() => validateLexicon([a, b])).toThrow('term "共享" is in both "a" and "b"');
  });

  it('refuses an unknown family and lists the valid ones', () => {
    const bad = { id: 'x', label: 'x', family: 'billing', strong: true, zh: ['费'], en: [] } as unknown as Concept;
    expect(() => validateLexicon([bad])).toThrow(/family "billing"; expected one of processing, controller, sharing, rights, contact, assessment or null/);
  });
});

describe('findConcepts', () => {
  it('finds Chinese terms as substrings', () => {
    expect(ids('我们会与关联公司共享您的信息')).toEqual(['recipient', 'sharing']);
    expect(ids('请发送邮件至我们的责任部门')).toContain('department');
  });

  it('finds English terms as whole words with their inflections', () => {
    expect(ids('We shared it with our affiliates')).toEqual(['recipient', 'sharing']);
    expect(ids('Sharing happens')).toEqual(['sharing']);
    expect(ids('the disclosure of data')).toEqual(['sharing']);
    // no match inside another word
    expect(ids('a shareholder meeting')).toEqual([]);
  });

  it('prefers the longer of two overlapping terms', () => {
    const hits = findConcepts('your name and phone number');
    expect(hits.map((h) => [h.concept, h.term])).toContainEqual(['data-item', 'phone number']);
    expect(hits.some((h) => h.concept === 'contact')).toBe(false);
  });

  it('marks ambiguous terms as weak', () => {
    const [hit] = findConcepts('to keep you logged in');
    expect(hit).toMatchObject({ concept: 'retention', term: 'keep', weak: true });
    expect(findConcepts('we retain your data')[0]).toMatchObject({ concept: 'retention', weak: false });
  });

  it('marks connectives (in order to) as naming no commitment, but as more than ambiguous', () => {
    expect(findConcepts('we read it in order to answer you')[0]).toMatchObject({ concept: 'purpose', term: 'in order to', weak: true, connective: true });
    expect(findConcepts('the purpose of the form')[0]).toMatchObject({ concept: 'purpose', weak: false, connective: false });
  });

  it('knows the words its terms are made of (a noun a commitment is about)', () => {
    expect(isLexiconWord('providers')).toBe(true);
    expect(isLexiconWord('parties')).toBe(true);
    expect(isLexiconWord('第三方')).toBe(true);
    expect(isLexiconWord('visitors')).toBe(false);
    expect(isLexiconWord('the')).toBe(false);
  });

  it('finds the words of sensitive categories, and not their look-alikes', () => {
    expect(findSensitive('your health records and a scan of your passport')).toEqual(['health', 'passport']);
    expect(findSensitive('您的人脸信息和银行卡号')).toEqual(['人脸', '银行卡']);
    expect(findSensitive('minor formatting fixes on Facebook pages')).toEqual([]);
  });

  it('counts occurrences and knows each concept family', () => {
    expect(countConcepts('删除 或 更正 或 删除').get('right-kind')).toBe(3);
    expect(familyOf('recipient')).toBe('sharing');
    expect(familyOf('consent')).toBeNull();
  });
});
