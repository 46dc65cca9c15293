import { describe, expect, it } from 'vitest';
import { committalMarkers, compareMarkers, findMarkers, MARKER_CONTEXTS } from '../src/classify/markers.js';

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

describe('marker contexts: markers that do not bear on the promise', () => {
  it('every context says why it exists and opens with a global regex', () => {
    for (const c of MARKER_CONTEXTS) {
      expect(c.why.length, c.id).toBeGreaterThan(20);
      expect(c.opener.flags, c.id).toContain('g');
    }
  });

  it('a modal in a purpose clause grants no permission; the same modal in the main clause does', () => {
    expect(compareMarkers('We keep your address in order to ship your parcel.', 'We keep your address so that we can ship your parcel.')).toEqual([]);
    expect(compareMarkers('我们保存您的地址，以便寄送包裹。', '我们保存您的地址，以便我们可以寄送包裹。')).toEqual([]);
    expect(classes('We keep your address.', 'We can keep your address.')).toEqual(['may:-+can']);
    expect(classes('We keep your address so that we ship your parcel and we share it with couriers.', 'We keep your address so that we ship your parcel and we may share it with couriers.')).toEqual(['may:-+may']);
    // A clause boundary ends the purpose clause: 可以 after the comma is the promise's own.
    expect(classes('我们保存您的地址，以便寄送包裹，并保存您的电话。', '我们保存您的地址，以便寄送包裹，并可以保存您的电话。')).toEqual(['may:-+可以']);
  });

  it('a universal word in a condition about the reader is not a scope', () => {
    expect(compareMarkers('Should you have questions about billing, write to us.', 'Should you have any questions about billing, write to us.')).toEqual([]);
    expect(compareMarkers('若您对账单有疑问，请来信。', '若您对账单有任何疑问，请来信。')).toEqual([]);
    // 例如您 is not a condition.
    expect(classes('例如您的订单', '例如您的所有订单')).toEqual(['all:-+所有']);
    expect(classes('We erase your messages.', 'We erase every message you send.')).toEqual(['all:-+every']);
    // The main clause starts again at "we", even without a comma.
    expect(classes('If you leave we erase your messages.', 'If you leave we erase all your messages.')).toEqual(['all:-+all']);
  });

  it('a negation in a relative clause brought in with its noun is not a flip; one slipped into an old relative clause is', () => {
    const before = 'Reviews are visible to everyone.';
    const after = 'Reviews are visible to everyone, including visitors who have never bought anything.';
    const run: [number, number] = [after.indexOf(','), after.length - 1];
    expect(compareMarkers(before, after, { after: [run] })).toEqual([]);
    expect(committalMarkers(after).map((m) => m.text)).toEqual(['never']);
    expect(committalMarkers(after, [run])).toEqual([]);
    expect(classes('We email buyers who have opted in.', 'We email buyers who have not opted in.')).toEqual(['negation:-+not']);
    // A relative clause on a commitment term (a recipient) narrows the commitment itself.
    const partners = 'We share reviews with service providers, including providers who are not bound by this notice.';
    expect(committalMarkers(partners, [[partners.indexOf(','), partners.length]]).map((m) => m.text)).toEqual(['not']);
  });
});

describe('timing, optional/required and de-identification markers', () => {
  it('before ↔ after flips the timing of a promise, in both languages', () => {
    expect(classes('我们会在删除前通知您', '我们会在删除后通知您')).toEqual(['after:-+删除后', 'before:-删除前+']);
    expect(classes('We will tell you before we delete it', 'We will tell you after we delete it')).toEqual(['after:-+after', 'before:-before+']);
    expect(classes('We notify you in advance.', 'We notify you.')).toEqual(['before:-in advance+']);
    expect(classes('事前告知您', '事后告知您')).toEqual(['after:-+事后', 'before:-事前+']);
  });

  it('reads 前/后 after a verb even when only its last character is in sight (so 前 → 后 is no typo)', () => {
    expect(findMarkers('除前通').map((m) => [m.text, m.classes])).toEqual([['前', ['before']]]);
    expect(findMarkers('在共享后告知').map((m) => [m.text, m.classes])).toEqual([['共享后', ['after']]]);
  });

  it('does not read 前/后 in 目前, 前述, 随后 or 后续 as timing', () => {
    expect(findMarkers('目前我们按前述方式处理，随后进行后续审查').filter((m) => m.classes.includes('before') || m.classes.includes('after'))).toEqual([]);
  });

  it('optional ↔ required flips what the reader must provide', () => {
    expect(classes('| Birthday | Optional |', '| Birthday | Required |')).toEqual(['may:-optional+', 'must:-+required']);
    expect(classes('生日（选填）', '生日（必填）')).toEqual(['may:-选填+', 'must:-+必填']);
    expect(classes('Answering is voluntary.', 'Answering is mandatory.')).toEqual(['may:-voluntary+', 'must:-+mandatory']);
  });

  it('a de-identification qualifier added or dropped changes what is shared', () => {
    expect(classes('We publish anonymized usage counts.', 'We publish usage counts.')).toEqual(['qualifier:-anonymized+']);
    expect(classes('向合作方提供统计数据', '向合作方提供去标识化的统计数据')).toEqual(['qualifier:-+去标识化']);
    expect(classes('We send hashed device IDs.', 'We send device IDs.')).toEqual(['qualifier:-hashed+']);
  });
});
