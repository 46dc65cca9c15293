/**
 * The forms in which policies write their list of major changes: each is found as the
 * policy's own list (not the default), with its items, lines and promises; and an edit of
 * one item of a list run together in one block hits that item.
 */
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../src/revision.js';
import { policyFrom } from './helpers/policies.js';

const intro = '# Privacy Policy\n\nWe collect your e-mail address to run the service.\n\n## Changes\n\n';

describe('trigger lists in the forms policies use', () => {
  it('a lettered list in a fenced code block', () => {
    const p = policyFrom(
      `${intro}Material changes include:\n\n\`\`\`\nA. new purposes of processing;\nB. a new controller;\nC. new recipients of your data.\n\`\`\`\n`,
    );
    expect(p.triggerSource).toBe('policy');
    expect(p.triggers.map((t) => t.text)).toEqual(['new purposes of processing', 'a new controller', 'new recipients of your data.']);
    expect(p.triggers.map((t) => t.line)).toEqual([10, 11, 12]);
  });

  it('a) b) items run together in the lead-in paragraph', () => {
    const p = policyFrom(`${intro}Material changes include: a) changes to the purposes; b) changes to the recipients; and c) changes to your rights.\n`);
    expect(p.triggers.map((t) => t.text)).toEqual(['changes to the purposes', 'changes to the recipients', 'changes to your rights.']);
  });

  it('numbered paragraphs after a Chinese lead-in, with a promise left out', () => {
    const p = policyFrom(
      '# 隐私政策\n\n## 更新\n\n本政策所指的重大变更包括：\n\n（1）处理目的发生变化；\n\n（2）共享对象发生变化；\n\n（3）我们还会将旧版本存档。\n',
    );
    expect(p.triggerSource).toBe('policy');
    expect(p.triggers.map((t) => t.text)).toEqual(['处理目的发生变化', '共享对象发生变化']);
  });

  it('a list inside a blockquote', () => {
    const p = policyFrom(`${intro}> Material changes include:\n>\n> - changes to the purposes\n> - changes to the recipients\n`);
    expect(p.triggers.map((t) => t.text)).toEqual(['changes to the purposes', 'changes to the recipients']);
  });

  it('a stray "A." in a sentence is no list', () => {
    const p = policyFrom(`${intro}We may make material changes. Plan A. is what we use.\n`);
    expect(p.triggerSource).toBe('default');
  });

  it('an edited item of a code-block list hits that item, and a typo fix elsewhere does not', () => {
    const list = (b: string) => `${intro}Material changes include:\n\n\`\`\`\nA. new purposes of processing;\nB. ${b};\nC. new recipients of your data.\n\`\`\`\n`;
    const r = comparePolicies(policyFrom(list('a new controller')), policyFrom(list('a new controller or a merger')));
    expect(r.level).toBe('major');
    expect(r.triggers).toEqual([2]);
  });
});
