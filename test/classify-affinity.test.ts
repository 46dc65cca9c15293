import { describe, expect, it } from 'vitest';
import { featuresOf, indexSections, modelTriggers, scoreTriggers } from '../src/classify/affinity.js';
import { DEFAULT_TRIGGERS } from '../src/policy/default-triggers.js';
import type { Trigger } from '../src/types.js';
import { policyFrom, readFixture } from './helpers/policies.js';

/** The trigger (1-based) that best fits each section heading of a policy. */
function governing(source: string): Map<string, number> {
  const policy = policyFrom(source);
  const model = modelTriggers(policy.triggers);
  const index = indexSections(policy, policy.triggerBlocks);
  const out = new Map<string, number>();
  policy.blocks.forEach((b, i) => {
    if (b.kind !== 'heading') return;
    const scores = scoreTriggers(model, index.profile(i));
    out.set(b.text, scores.indexOf(Math.max(...scores)) + 1);
  });
  return out;
}

describe('which trigger governs which section', () => {
  it('the Chinese seed: from headings and content, without being told', () => {
    const g = governing(readFixture('classify/zh-identical/old.md'));
    expect(g.get('1. 我们收集的个人信息')).toBe(1);
    expect(g.get('2. 我们对个人信息的使用')).toBe(1);
    expect(g.get('3. 个人信息管理的权利与方法')).toBe(4);
    expect(g.get('4. 信息的披露')).toBe(3);
    expect(g.get('6. 事先征得授权同意的例外')).toBe(3);
    expect(g.get('8. 个人信息如何在全球范围转移')).toBe(1);
    expect(g.get('10. 如何联系我们')).toBe(5);
  });

  it('the English seed', () => {
    const g = governing(readFixture('classify/en-rewording/old.md'));
    expect(g.get('1. Personal information we collect')).toBe(1);
    expect(g.get('3. Your rights and how to manage your personal information')).toBe(4);
    expect(g.get('4. Disclosure of information')).toBe(3);
    expect(g.get('8. How personal information is transferred globally')).toBe(1);
    expect(g.get('10. How to contact us')).toBe(5);
  });

  it('the default list on a policy with another structure (no list of its own)', () => {
    const source = readFixture('classify/gh-spelling/old.md');
    expect(policyFrom(source).triggerSource).toBe('default');
    const g = governing(source);
    expect(g.get('What information GitHub collects and why')).toBe(1);
    expect(g.get('How we share the information we collect')).toBe(3);
    expect(g.get('How you can access and control the information we collect')).toBe(4);
    expect(g.get('Cross-border data transfers')).toBe(1);
    expect(g.get('Resolving complaints')).toBe(5);
  });

  it('custom triggers are matched through the lexicon and their own words', () => {
    const triggers: Trigger[] = ['Changes to how we share data with advertisers', 'Changes to how long we retain data'].map((text, i) => ({ index: i + 1, text, line: 0, blockIndex: -1 }));
    const model = modelTriggers(triggers);
    const [share, retain] = scoreTriggers(model, featuresOf('We may disclose your information to our marketing partners.'));
    expect(share!).toBeGreaterThan(retain!);
    const [share2, retain2] = scoreTriggers(model, featuresOf('我们会在服务期间保留您的信息，保存期限为三年。'));
    expect(retain2!).toBeGreaterThan(share2!);
  });

  it('the default triggers in both languages have distinct profiles', () => {
    for (const lang of ['zh', 'en'] as const) {
      const triggers = DEFAULT_TRIGGERS[lang].map((text, i) => ({ index: i + 1, text, line: 0, blockIndex: -1 }));
      const model = modelTriggers(triggers);
      // each default trigger scores best against its own text
      triggers.forEach((t, i) => {
        const scores = scoreTriggers(model, featuresOf(t.text, { words: true }));
        expect(scores.indexOf(Math.max(...scores))).toBe(i);
      });
    }
  });
});
