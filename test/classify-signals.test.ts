import { describe, expect, it } from 'vitest';
import { indexLinks, isChannelText, samePages } from '../src/classify/links.js';
import { analyzeBlock, analyzeEdit as analyzeModified } from '../src/classify/detectors/walk.js';
import type { LinkTexts } from '../src/classify/signals.js';
import type { Block } from '../src/types.js';

function block(text: string, extra: Partial<Block> = {}): Block {
  return { kind: 'paragraph', depth: 0, text, urls: [], section: ['Policy', '3. Rights'], line: 10, endLine: 10, key: text, ...extra };
}
const kinds = (before: string, after: string, b: Partial<Block> = {}, a: Partial<Block> = {}): string[] =>
  analyzeModified(block(before, b), block(after, a)).signals.map((s) => s.kind).sort();

describe('signals of a modified block', () => {
  it('a changed contact e-mail, in the text and in its mailto: link', () => {
    const a = analyzeModified(
      block('发送至 legal@pingcap.com。', { urls: ['mailto:legal@pingcap.com'] }),
      block('发送至 legal@pingcap.cn。', { urls: ['mailto:legal@pingcap.cn'] }),
    );
    const entity = a.signals.filter((s) => s.kind === 'entity');
    expect(entity.map((s) => s.text)).toContain('Contact e-mail address changed from legal@pingcap.com to legal@pingcap.cn');
    expect(entity.every((s) => s.concepts.includes('contact'))).toBe(true);
  });

  it('a re-pointed link with the same text is only a link change', () => {
    expect(kinds('see the help page', 'see the help page', { urls: ['https://help.example.com/a'] }, { urls: ['https://docs.example.com/a'] })).toEqual(['link']);
  });

  it('a removed scope limiter is a flip and names the purpose it took away', () => {
    const a = analyzeModified(block('我们可能将您的信息与关联公司分享，仅用作回复垂询之用途。'), block('我们可能将您的信息与关联公司分享。'));
    expect(a.signals.map((s) => s.kind)).toEqual(expect.arrayContaining(['flip', 'concept']));
    expect(a.signals.find((s) => s.kind === 'flip')?.text).toContain('"仅" was removed');
  });

  it('a new sentence with a new way of using data', () => {
    const a = analyzeModified(block('我们会联系您以回复垂询。'), block('我们会联系您以回复垂询。我们可能会使用自动化工具对您的垂询内容进行分析。'));
    expect(a.signals.map((s) => s.kind)).toEqual(expect.arrayContaining(['sentence', 'concept']));
    expect(a.changedText).toContain('自动化');
  });

  it('a dropped clause with nothing in its place', () => {
    expect(kinds('我们将遵守法律法规的要求，在转移前通知您，确保信息的机密性。', '我们将遵守法律法规的要求，确保信息的机密性。')).toEqual(expect.arrayContaining(['clause']));
  });

  it('a rewording without commitment terms', () => {
    expect(kinds('Our Privacy Policy may change.', 'We may amend this Privacy Policy from time to time.')).toEqual(['rewording']);
  });

  it('only harmless edits', () => {
    expect(kinds('我们搜集的信息 ，所必须的时间', '我们收集的信息，所必需的时间')).toEqual(['typo', 'whitespace']);
    expect(kinds('same text', 'same text')).toEqual(['same-text']);
    expect(kinds('same text', 'same text', { kind: 'paragraph' }, { kind: 'listItem' })).toEqual(['structure']);
  });
});

describe('words slipped into a negative promise', () => {
  it('narrow it (added) or widen it (removed)', () => {
    // A commitment term says it on its own.
    const a = analyzeModified(block('We do not rent out your saved recipes.'), block('We do not rent out your saved recipes to advertisers.'));
    expect(a.signals.map((s) => s.kind)).toContain('concept');
    expect(a.signals.map((s) => s.kind)).not.toContain('negated-scope');
    const narrowed = analyzeModified(block('We never show your saved recipes.'), block('We never show your saved recipes on weekdays.'));
    expect(narrowed.signals.map((s) => s.kind)).toEqual(['negated-scope']);
    expect(narrowed.signals[0]!.text).toBe('the negative promise "We never show your saved recipes on weekdays." was qualified by "on weekdays", which narrows what it rules out');
    const widened = analyzeModified(block('我们不会在夜间展示您收藏的菜谱。'), block('我们不会展示您收藏的菜谱。'));
    expect(widened.signals.map((s) => s.kind)).toEqual(['negated-scope']);
    expect(widened.signals[0]!.message).toMatchObject({ change: 'removed', text: '在夜间' });
  });

  it('change what it rules out when its words are replaced', () => {
    const replaced = analyzeModified(block('We will never print your saved recipes in magazines.'), block('We will never frame your saved recipes in magazines.'));
    expect(replaced.signals.map((s) => s.kind)).toEqual(['negated-scope']);
    expect(replaced.signals[0]!.message).toMatchObject({ id: 'negated-replaced', from: 'print', to: 'frame' });
    expect(kinds('We show your recipes on weekdays.', 'We show your recipes on weekends.')).not.toContain('negated-scope');
  });

  it('only within the negation\'s reach, and only for a negated predicate', () => {
    expect(kinds('We do not rent it out, but we show it on your page.', 'We do not rent it out, but we show it on your recipe page.')).toEqual(['rewording']);
    expect(kinds('Without a reason we show it.', 'Without a reason we show it on your page.')).toEqual(['rewording']);
    expect(kinds('我们防止不当展示。', '我们防止不当展示和转载。')).not.toContain('negated-scope');
  });
});

describe('words slipped into the reach of a restrictive only', () => {
  it('widen it (added) or narrow it (removed), in both languages', () => {
    const widened = analyzeModified(block('We read your garden notes solely to water the plants.'), block('We read your garden notes solely to water the plants and to plan the borders.'));
    expect(widened.signals.map((s) => s.kind)).toEqual(['negated-scope']);
    expect(widened.signals[0]!.message).toMatchObject({ id: 'only-scope', change: 'added', text: 'and to plan the borders' });
    const narrowed = analyzeModified(block('我们仅在浇水和施肥时查看您的花园笔记。'), block('我们仅在浇水时查看您的花园笔记。'));
    expect(narrowed.signals.map((s) => s.kind)).toEqual(['negated-scope']);
    expect(narrowed.signals[0]!.message).toMatchObject({ id: 'only-scope', change: 'removed' });
  });

  it('not past a break word, nor before the only', () => {
    expect(kinds('We water the plants only on Mondays, but we read the notes.', 'We water the plants only on Mondays, but we read the notes daily.')).not.toContain('negated-scope');
    expect(kinds('Gardeners water plants only on Mondays.', 'Gardeners and neighbours water plants only on Mondays.')).not.toContain('negated-scope');
  });
});

describe('links: their words, and re-pointed request channels', () => {
  const source = [
    'Ask through our [data request form](https://app.example.com/requests) or [here][help].',
    '',
    '<p>Read the <a href="https://example.com/recipes">recipe guide</a>.</p>',
    '',
    '[help]: https://example.com/help',
  ].join('\n');

  it('reads link words back from Markdown inline and reference links and HTML anchors', () => {
    const links = indexLinks(source);
    expect(links.textsOf({ line: 1, endLine: 1 }, 'https://app.example.com/requests')).toEqual(['data request form']);
    expect(links.textsOf({ line: 1, endLine: 1 }, 'https://example.com/help')).toEqual(['here']);
    expect(links.textsOf({ line: 3, endLine: 3 }, 'https://example.com/recipes/')).toEqual(['recipe guide']);
    expect(links.textsOf({ line: 3, endLine: 3 }, 'https://example.com/nowhere')).toEqual([]);
  });

  it('knows a channel by its words, and the same page by its host and name', () => {
    expect(isChannelText('data request form')).toBe(true);
    expect(isChannelText('联系我们')).toBe(true);
    expect(isChannelText('recipe guide')).toBe(false);
    expect(samePages(['https://example.com/recipes'], ['http://www.example.com/legal/recipes?lang=en'])).toBe(true);
    expect(samePages(['https://app.example.com/requests'], ['https://example.helpdesk.example/new'])).toBe(false);
  });

  const texts = (words: string): LinkTexts => ({ before: () => [words], after: () => [words] });
  const linkKinds = (text: string, from: string, to: string, words: string): string[] =>
    analyzeModified(block(text, { urls: [from] }), block(text, { urls: [to] }), '', texts(words)).signals.map((s) => s.kind);

  it('a request form re-pointed to another system is a channel; a guide, or the same form moved on its site, is a link', () => {
    expect(linkKinds('Use our data request form.', 'https://app.example.com/requests', 'https://example.helpdesk.example/new', 'data request form')).toEqual(['channel']);
    expect(linkKinds('Use our data request form.', 'https://app.example.com/requests', 'https://app.example.com/privacy/requests', 'data request form')).toEqual(['link']);
    expect(linkKinds('Read the recipe guide.', 'https://example.com/guide', 'https://docs.example.net/guide-v2', 'recipe guide')).toEqual(['link']);
    // "here" says nothing: the sentence around it does.
    expect(linkKinds('To make a request, click here.', 'https://example.com/a', 'https://other.example/b', 'here')).toEqual(['channel']);
    expect(linkKinds('To read the guide, click here.', 'https://example.com/a', 'https://other.example/b', 'here')).toEqual(['link']);
  });

  it('a link that shows a site\'s address and now goes deeper into that site is the same place; another site, or a mailbox, is not', () => {
    const text = 'You may lodge a complaint with the supervisory authority at www.authority.example.';
    expect(linkKinds(text, 'https://www.authority.example', 'https://www.authority.example/en/complaints/lodge', 'www.authority.example')).toEqual(['link']);
    expect(linkKinds(text, 'https://www.authority.example', 'https://www.other-authority.example/complaints', 'www.authority.example')).toEqual(['channel']);
    // Words that are not the address: the reader is told of a form, and the target decides.
    expect(linkKinds('Lodge a complaint with the supervisory authority.', 'https://www.authority.example', 'https://www.authority.example/en/complaints', 'supervisory authority')).toEqual(['channel']);
  });

  it('an address written in a request sentence, re-pointed, is a channel', () => {
    const a = analyzeModified(block('Make a request at https://example.com/requests.'), block('Make a request at https://example.helpdesk.example/new.'));
    expect(a.signals.map((s) => s.kind)).toEqual(['channel']);
    expect(a.signals[0]!.message).toMatchObject({ where: 'text', anchor: 'Make a request at' });
  });
});

describe('signals of an added or removed block', () => {
  it('a list item', () => {
    const a = analyzeBlock(block('活动报名信息：您报名参加活动时提供的参会信息及签到记录。', { kind: 'listItem' }), 'added');
    expect(a.signals[0]).toMatchObject({ kind: 'block' });
    expect(a.signals[0]!.text).toMatch(/^a list item was added: "活动报名信息/);
    expect(a.signals[0]!.concepts).toContain('data-item');
  });

  it('a removed paragraph with a phone number also reports the lost channel', () => {
    const a = analyzeBlock(block('Call us at +1 415 555 0100.'), 'removed');
    expect(a.signals.map((s) => `${s.kind}:${s.entityType ?? ''}`)).toEqual(['block:', 'entity:phone']);
  });

  it('a copyright or trade-mark notice', () => {
    expect(analyzeBlock(block('© 2024 Brightwater Labs Ltd. Brightwater is a trade mark of Brightwater Labs Ltd.'), 'added').signals.map((s) => s.kind)).toEqual(['boilerplate']);
  });

  it('a heading, a rule, a cross-reference', () => {
    expect(analyzeBlock(block('Cookies', { kind: 'heading', depth: 2 }), 'added').signals[0]!.kind).toBe('heading');
    expect(analyzeBlock(block('', { kind: 'thematicBreak' }), 'removed').signals[0]!.kind).toBe('structure');
    expect(analyzeBlock(block('See Section 5 for details.'), 'added').signals[0]!.kind).toBe('cross-reference');
  });
});

describe('a passage recast', () => {
  const rules = (before: string, after: string): string[] => analyzeModified(block(before), block(after)).signals.map((s) => s.rule);
  const before = 'Our support staff read your tickets to solve the problem you report, and they answer by e-mail. Tickets are deleted after two years.';

  it('its sentences reordered and split, saying the same, is a recast', () => {
    expect(rules(before, 'To solve the problem you report, our support staff read your tickets. They answer by e-mail. Tickets are deleted after two years.')).toEqual(['recast']);
  });

  it('not when a promise turns round, a figure moves or a term comes in as it is recast', () => {
    expect(rules(before, 'To solve the problem you report, our support staff do not read your tickets. They answer by e-mail. Tickets are deleted after two years.')).not.toContain('recast');
    expect(rules(before, 'To solve the problem you report, our support staff read your tickets. They answer by e-mail. Tickets are deleted after five years.')).not.toContain('recast');
    expect(rules(before, 'To solve the problem you report and to train our models, our support staff read your tickets. They answer by e-mail. Tickets are deleted after two years.')).not.toContain('recast');
  });
});
