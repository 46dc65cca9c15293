import { describe, expect, it } from 'vitest';
import { diffHunks } from '../src/classify/hunks.js';
import { walkHunk } from '../src/classify/detectors/walk.js';
import { BOILERPLATE_PATTERNS, isBoilerplate, isCrossReference, isExample } from '../src/classify/trivial.js';

/** The harmless kinds of every hunk between two texts (null for a hunk that may matter). */
function kinds(before: string, after: string, sectionText = ''): Array<string | null> {
  return diffHunks(before, after).map((h) => walkHunk(h, { before, after, sectionText })?.kind ?? null);
}

describe('harmless edits', () => {
  it('whitespace and punctuation', () => {
    expect(kinds('以下情形除外： 我们可能', '以下情形除外：我们可能')).toEqual(['whitespace']);
    expect(kinds('不合理，法律禁止', '不合理、法律禁止')).toEqual(['punctuation']);
    expect(kinds('privacy Policy', 'Privacy Policy')).toEqual(['case']);
  });

  it('typos: one ideograph swapped, dropped or added inside a word; a misspelt English word', () => {
    expect(kinds('我们搜集的有关您的信息', '我们收集的有关您的信息')).toEqual(['typo']);
    expect(kinds('所必须的时间', '所必需的时间')).toEqual(['typo']);
    expect(kinds('本隐私权政策的旧版本', '本隐私政策的旧版本')).toEqual(['typo']);
    expect(kinds('we will endaevor to ensure', 'we will endeavor to ensure')).toEqual(['typo']);
    expect(kinds('the resiliance of our servers', 'the resilience of our servers')).toEqual(['typo']);
  });

  it('a misspelling fixed into a marker or a lexicon term is still a typo; a real word swapped for another is not', () => {
    expect(kinds('kept in seperate folders', 'kept in separate folders')).toEqual(['typo']);
    expect(kinds('the files we recieve', 'the files we receive')).toEqual(['typo']);
    // A letter echoed from the syllable around it, fixed into a word the lexicon knows.
    expect(kinds('shared in aggregrated form', 'shared in aggregated form')).toEqual(['typo']);
    expect(kinds('we may contract them', 'we may contact them')).toEqual([null]);
    expect(kinds('we may retain them', 'we may retrain them')).toEqual([null]);
    expect(kinds('we may share them', 'we may shame them')).toEqual([null]);
    expect(kinds('your explicit approval', 'your implicit approval')).toEqual([null]);
  });

  it('is not fooled by edits that look like typos but change a number, a region or a negation', () => {
    expect(kinds('十五个工作日内', '三十个工作日内')).not.toContain('typo');
    expect(kinds('存储在中国境内', '存储在中国境外')).toEqual([null]);
    expect(kinds('我们不会共享', '我们会共享')).toEqual([null]);
    expect(kinds('在删除前告知您', '在删除后告知您')).toEqual([null]);
    expect(kinds('within 30 days', 'within 60 days')).toEqual([null]);
    expect(kinds('We sell data', 'We tell data')).toEqual([null]);
  });

  it('dropped pronouns and particles', () => {
    expect(kinds('建议您请您的父母或监护人', '建议您请父母或监护人')).toEqual(['function-words']);
    expect(kinds('to read the policy', 'to read this policy')).toEqual(['function-words']);
  });

  it('a defined term listed twice, or a doubled word, removed', () => {
    expect(kinds('（下称“我们”、“我们的”或“我们”）', '（下称“我们”或“我们的”）').every((k) => k === 'duplicate' || k === 'function-words')).toBe(true);
    expect(kinds('the the policy', 'the policy')).toEqual(['function-words']);
    expect(kinds('we may may share', 'we may share')).toEqual(['duplicate']);
  });

  it('a date changed', () => {
    expect(kinds('最新更新于 2021 年 8 月 27 日', '最新更新于 2022 年 9 月 1 日').every((k) => k === 'date')).toBe(true);
    expect(kinds('Last updated on August 27, 2021', 'Last updated on May 9, 2022')).toEqual(['date']);
  });

  it('an example that restates the section, but not one that brings a new commitment', () => {
    const before = 'any data you enter in any "free text" box (your inquiry), and';
    const after = 'any data you enter in any "free text" box (your inquiry, for example a description of a technical issue), and';
    expect(kinds(before, after)).toEqual(['example']);
    expect(isExample('，例如您的工作手机号码', { before: '您的手机号码', after: '', sectionText: '' })).toBe(true);
    expect(isExample(', for example your biometric data', { before: 'your name', after: '', sectionText: 'contact details' })).toBe(false);
    expect(isExample(', such as sharing it with advertisers we may choose', { before: '', after: '', sectionText: '' })).toBe(false);
    // When the instance happens is part of the example; a limit or a permission in it is not.
    const reminders = 'We send you reminders of your lessons by e-mail or SMS';
    expect(kinds(`${reminders}.`, `${reminders} (for example, an SMS an hour before your lesson).`)).toEqual(['example']);
    expect(isExample(' (for example, only an SMS before your lesson)', { before: reminders, after: '', sectionText: '' })).toBe(false);
  });

  it('an example that restates the words it follows, unless it names a sensitive category the section did not', () => {
    const before = 'the recipes that you save or upload.';
    const after = 'the recipes that you save or upload (for example, a recipe list copied from a cookery website).';
    expect(kinds(before, after)).toEqual(['example']);
    const ctx = { before: 'the photos that you upload', after: 'the photos that you upload (for example, photographs of your medical reports)', sectionText: '' };
    expect(isExample(' (for example, photographs of your medical reports)', ctx)).toBe(false);
    // An example whose term shares no word with what it follows adds a category.
    expect(isExample(', for example your purchase history', { before: 'the recipes you save', after: 'the recipes you save, for example your purchase history', sectionText: '' })).toBe(false);
  });

  it('a sentence about the policy\'s own versions, but not one that also says what is done with data', () => {
    const before = 'We post every update of this notice on this page.';
    expect(kinds(before, `${before} Earlier versions of the notice stay available in our help centre.`)).toEqual(['restatement']);
    expect(kinds('修订后的条款将在应用内公告。', '修订后的条款将在应用内公告。本次修订仅调整了部分段落的顺序和措辞。')).toEqual(['restatement']);
    expect(kinds(before, `${before} Earlier versions of the notice are shared with our advertising partners.`)).toEqual([null]);
    expect(kinds(before, `${before} From this version on, we may keep your location for two years.`)).toEqual([null]);
  });

  it('an example clause whose negation sits in a relative clause of its own noun', () => {
    const before = 'Shared boards are visible to all members.';
    const after = 'Shared boards are visible to all members, including members who are not on your team.';
    expect(kinds(before, after)).toEqual(['example']);
  });

  it('copyright and trade-mark notices are boilerplate; a sentence with a channel or a promise is not', () => {
    expect(BOILERPLATE_PATTERNS.length).toBeGreaterThan(0);
    expect(kinds('© 2021 Brightwater Labs Inc.', '© 2021-2022 Brightwater Labs Inc. Brightwater is a registered trademark of Brightwater Labs Inc.')).toEqual(['boilerplate']);
    expect(isBoilerplate('Copyright © 2020 Brightwater Labs Inc. All rights reserved.')).toBe(true);
    expect(isBoilerplate('版权所有 © 2023 某某网络科技有限公司')).toBe(true);
    expect(isBoilerplate('Copyright complaints go to legal@brightwater.example.')).toBe(false);
    expect(isBoilerplate('© 2021 Brightwater Labs Inc. We never sell your data.')).toBe(false);
    expect(isBoilerplate('(c) Service Providers And Partners')).toBe(false);
    expect(isBoilerplate('版权所有，我们不会出售您的信息')).toBe(false);
  });

  it('a re-pointed address in a sentence about making a request is not a harmless link edit', () => {
    expect(kinds('Send requests via https://brightwater.example/privacy-form today.', 'Send requests via https://forms.vendor.example/brightwater today.')).not.toContain('link');
    expect(kinds('Our recipes are at https://brightwater.example/recipes today.', 'Our recipes are at https://cdn.brightwater.example/all-recipes today.').every((k) => k === 'link')).toBe(true);
    // Only the query changed: the same form.
    expect(kinds('Send requests via https://brightwater.example/privacy-form today.', 'Send requests via https://brightwater.example/privacy-form?lang=en today.')).toEqual(['link']);
  });

  it('a cross-reference', () => {
    expect(isCrossReference('有关我们存储您的个人信息的地点及期限，请参见本隐私政策第 5 条。')).toBe(true);
    expect(isCrossReference(' See Section 5 for where we store your information.')).toBe(true);
    expect(isCrossReference('详见“如何联系我们”。')).toBe(true);
    expect(isCrossReference(', as described below')).toBe(true);
    expect(isCrossReference('，如下文所述')).toBe(true);
    expect(isCrossReference('We keep data for 30 days; see Section 5.')).toBe(false);
    expect(isCrossReference('We share data with partners.')).toBe(false);
  });
});
