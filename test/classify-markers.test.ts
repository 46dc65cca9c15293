import { describe, expect, it } from 'vitest';
import { compareMarkers, findMarkers } from '../src/classify/markers.js';

const classes = (a: string, b: string): string[] => compareMarkers(a, b).map((f) => `${f.markerClass}:-${f.removed.join('/')}+${f.added.join('/')}`).sort();

describe('negation, modality and scope flips', () => {
  it('不会 → 会 loses a negation', () => {
    expect(classes('我们不会共享您的信息', '我们会共享您的信息')).toContain('negation:-不会+');
  });

  it('无需 → 需要 loses a negation', () => {
    expect(classes('无需征得您的同意', '需要征得您的同意')).toContain('negation:-无需+');
  });

  it('may → will is a flip; will alone is not', () => {
    expect(classes('We may share it', 'We will share it')).toEqual(['may:-may+', 'will:-+will']);
    expect(compareMarkers('We will post changes', 'We post changes')).toEqual([]);
  });

  it('will not → may loses the negation and gains permission', () => {
    expect(classes('We will not share it', 'We may share it')).toEqual(['may:-+may', 'negation:-will not+', 'will:-will not+']);
  });

  it('removing only / 仅 / adding all / 所有 changes scope', () => {
    expect(classes('solely for the purpose of support', 'for the purpose of support')).toEqual(['only:-solely+']);
    expect(classes('仅用作回复垂询', '用作回复垂询')).toEqual(['only:-仅+']);
    expect(classes('share your data', 'share all your data')).toEqual(['all:-+all']);
    expect(classes('删除您的信息', '删除您的所有信息')).toEqual(['all:-+所有']);
  });

  it('包括但不限于 is open-ended scope, not a negation', () => {
    expect(findMarkers('包括但不限于以下情形').map((m) => m.classes)).toEqual([['open-ended']]);
  });

  it('does not read 会 inside 社会 or 会员', () => {
    expect(findMarkers('维护社会公共利益的会员')).toEqual([]);
  });

  it('explicit consent → consent removes a qualifier', () => {
    expect(classes('with your explicit consent', 'with your consent')).toEqual(['qualifier:-explicit+']);
  });
});
