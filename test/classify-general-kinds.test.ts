/**
 * Kinds of edit that blind sets of real-looking revisions showed the classifier getting wrong, each
 * tested on a policy of its own: a spelling variant fixed throughout, a formal negation, a condition
 * about a guardian, a legal form written out, a right restated as "may", a mobile operator (not the
 * controller), a period of keeping or of answering, a storage region, a new party in a table's "Set by"
 * column, a cookie's lifetime, a list item under its lead-in, and a rewritten description of security
 * measures.
 */
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../src/revision.js';
import { policyFrom } from './helpers/policies.js';

const zhList = `## 九、本政策的更新

本政策所指的重大变更包括但不限于：

1. 处理个人信息的目的、类型和使用方式发生变化；
2. 个人信息控制者发生变化；
3. 个人信息共享、转让或公开披露的主要对象发生变化；
4. 您行使权利的方式发生变化；
5. 联络方式及投诉渠道发生变化。
`;

const enList = `## Changes to this policy

Material changes include:

- changes to the purposes for which we use personal data, or to the categories of personal data we collect;
- a change in who controls your personal data;
- new categories of recipients, or a new processor;
- changes to your rights or to how you can exercise them;
- changes to how you can contact us;
- changes to where we store personal data or how long we keep it.
`;

const zh = (body: string) => `# 隐私政策\n\n深圳示例科技有限公司（以下简称“我们”）运营示例App。\n\n${body}\n\n${zhList}`;
const en = (body: string) => `# Privacy Policy\n\nExample Tools B.V. ("we", "us") runs the Example app.\n\n${body}\n\n${enList}`;
const compare = (a: string, b: string) => comparePolicies(policyFrom(a), policyFrom(b));

describe('wording a lawyer reads as the same', () => {
  it('帐号 → 账号 corrected throughout, two fixes a few characters apart, is a typo fix', () => {
    const body = (w: string) => `## 四、我们如何保存您的个人信息\n\n我们仅在必要期限内保存您的个人信息：您的照片将保存至您注销${w}号；${w}号注销后，我们将在15日内删除您的个人信息。`;
    const r = compare(zh(body('帐')), zh(body('账')));
    expect(r.level).toBe('minor');
  });

  it('请不要 → 请勿 keeps the prohibition', () => {
    const body = (w: string) => `## 一、适用范围\n\n如您不同意本政策，${w}让儿童使用我们的服务。`;
    expect(compare(zh(body('请不要')), zh(body('请勿'))).level).toBe('minor');
  });

  it('"any" dropped from a condition about the guardian (如监护人对本规则有任何疑问) is not a scope', () => {
    const body = (any: string) => `## 七、联系我们\n\n如监护人对本规则或儿童个人信息处理有${any}疑问，可以通过以下方式联系我们：privacy@example.cn。`;
    expect(compare(zh(body('任何')), zh(body(''))).level).toBe('minor');
  });

  it('a legal form written out (Ltd. → Limited) names the same recipient', () => {
    const body = (form: string) => `## Recipients\n\n| Processor | Purpose | Location |\n|---|---|---|\n| Stripe Payments Europe, ${form} | Card payments | Ireland |`;
    expect(compare(en(body('Ltd.')), en(body('Limited'))).level).toBe('minor');
  });

  it('"you have the right to access" → "you may access" grants the same right', () => {
    const body = (w: string) => `## Your rights\n\nUnder the GDPR you ${w} access, correct or delete your personal data.`;
    expect(compare(en(body('have the right to')), en(body('may'))).level).toBe('minor');
  });

  it('a rewritten description of security measures touches no trigger', () => {
    const before = '## Security\n\nWe encrypt data in transit and at rest. Access to production systems is limited to a small group of engineers.';
    const after = '## Security\n\nData is encrypted in transit with TLS 1.2 and at rest with AES-256. Only a small group of engineers can access production systems, with hardware security keys, and an independent firm tests our defences every year.';
    const r = compare(en(before), en(after));
    expect(r.level).toBe('minor');
    expect(r.changes.find((c) => c.kind === 'modified')!.rules).toEqual(['security-measures']);
  });

  it('…but a processor named in the security section is still a new recipient', () => {
    const before = '## Security\n\nWe encrypt data in transit and at rest.';
    const after = '## Security\n\nWe encrypt data in transit and at rest, and Acme Logging Inc. stores our access logs.';
    expect(compare(en(before), en(after)).level).toBe('major');
  });

  it('…and a measure given up is read as a promise turned round, not as a description', () => {
    const before = '## Security\n\nWe encrypt data in transit and at rest.';
    const after = '## Security\n\nWe encrypt data in transit but not at rest.';
    expect(compare(en(before), en(after)).changes.find((c) => c.kind === 'modified')!.rules).toEqual(['flip']);
  });
});

describe('what helps a reader through the policy', () => {
  const headings = ['1. What we collect', '2. How we use it', '3. Who receives it', '4. Your rights'];
  const body = (extra: string) => `${extra}## ${headings[0]}\n\nWe collect your name and e-mail address.\n\n## ${headings[1]}\n\nWe use them to run the Service.\n\n## ${headings[2]}\n\nOur hosting provider stores them.\n\n## ${headings[3]}\n\nYou may ask us to delete them.`;

  it('a table of contents added under the title is minor', () => {
    const r = compare(en(body('')), en(body('Contents: 1. What we collect · 2. How we use it · 3. Who receives it · 4. Your rights\n\n')));
    expect(r.level).toBe('minor');
    expect(r.changes[0]!.rules).toEqual(['reading-aid']);
  });

  it('a note that key terms are in bold, naming kinds of data the policy already covers, is minor', () => {
    const zhBody = (extra: string) => zh(`${extra}## 一、我们收集的信息\n\n开户时我们会收集您的证件号码、银行卡号和人脸图像。`);
    expect(compare(zhBody(''), zhBody('本政策中与您权益密切相关的敏感个人信息（如证件号码、银行卡号），我们以加粗方式提示，请您重点阅读。\n\n')).level).toBe('minor');
  });

  it('a summary that says it does not replace the policy, restating it, is minor', () => {
    const note = 'A quick note: this summary does not replace the full policy below. In short: we collect your name and e-mail address, our hosting provider stores them, and you may ask us to delete them.\n\n';
    expect(compare(en(body('')), en(body(note))).level).toBe('minor');
  });

  it('…but a summary that names a practice the policy never mentions is read as a change', () => {
    const note = 'A quick note: this summary does not replace the full policy below. In short: we sell your browsing history to advertisers.\n\n';
    expect(compare(en(body('')), en(body(note))).level).toBe('major');
  });

  it('"a summary of your activity" shared with a new party is not a note on the policy', () => {
    const before = en(`## ${headings[2]}\n\nOur hosting provider stores your data.`);
    const after = en(`## ${headings[2]}\n\nOur hosting provider stores your data.\n\nIf your employer sponsors your plan, we share a summary of your activity with your employer.`);
    expect(compare(before, after).level).toBe('major');
  });
});

describe('examples', () => {
  const collect = (items: string) => zh(`## 一、我们收集的个人信息\n\n我们会收集您的${items}。`);

  it('an instance of the kind it follows (工作邮箱 of 电子邮件地址) restates it', () => {
    expect(compare(collect('姓名、电子邮件地址、手机号码'), collect('姓名、电子邮件地址（例如您在问卷中填写的工作邮箱）、手机号码')).level).toBe('minor');
  });

  it('another kind of data written as an example (通讯录 "of" 设备信息) is new data', () => {
    expect(compare(collect('设备信息'), collect('设备信息（例如设备标识符、通讯录）')).level).toBe('major');
  });

  it('a call log "of" a phone number is a sensitive category, new', () => {
    expect(compare(collect('电话号码'), collect('电话号码（例如手机号码、通话记录）')).level).toBe('major');
  });
});

describe('words that look like a change of force and are not', () => {
  it('"nobody" → "no one", 如发生 → 如不幸发生', () => {
    const enBody = (w: string) => `## What we collect\n\nChildren pick a nickname from a list, so ${w} can type in their real name.`;
    expect(compare(en(enBody('nobody')), en(enBody('no one'))).level).toBe('minor');
    const zhBody = (w: string) => `## 五、我们如何保护您的个人信息\n\n${w}发生个人信息安全事件，我们将依法告知您。`;
    expect(compare(zh(zhBody('如')), zh(zhBody('如不幸'))).level).toBe('minor');
  });

  it('deleting the app is uninstalling it, not the right to deletion', () => {
    const body = (w: string) => `## Your rights\n\nYou may ask us to delete your data. ${w} the app from a device also deletes the progress stored on it.`;
    expect(compare(en(body('Deleting')), en(body('Uninstalling'))).level).toBe('minor');
  });
});

describe('which trigger the edit names', () => {
  it('a mobile operator (运营商) in an SDK row is a recipient, not the company that runs the service', () => {
    const table = (rows: string) => `## 二、共享\n\n| SDK名称 | 提供方 | 目的 | 信息 |\n|---|---|---|---|\n| 微信SDK | 深圳市腾讯计算机系统有限公司 | 登录 | 设备标识符 |${rows}`;
    const r = compare(zh(table('')), zh(table('\n| 一键登录SDK | 深圳市和讯华谷信息技术有限公司 | 一键登录 | 手机号码、运营商信息 |')));
    expect(r.level).toBe('major');
    expect(r.triggers).toEqual([3]);
  });

  it('a longer time before deletion is how long data is kept; a longer time to answer is a right', () => {
    const kept = (days: number) => `## Your account\n\nAfter you close your account we delete your data within ${days} days. We answer requests within 30 days of receiving them.`;
    expect(compare(en(kept(15)), en(kept(45))).triggers).toEqual([6]);
    const answered = (days: number) => `## Your account\n\nAfter you close your account we delete your data within 15 days. We answer requests within ${days} days of receiving them.`;
    expect(compare(en(answered(30)), en(answered(45))).triggers).toEqual([4]);
  });

  it('a new region is where data is stored: the list item that names storage takes it', () => {
    const body = (where: string) => `## Where we keep data\n\nWe keep account data in ${where}.`;
    expect(compare(en(body('Frankfurt, Germany')), en(body('Frankfurt, Germany or Virginia, United States'))).triggers).toEqual([6]);
  });

  const cookieList = `## Changes

> Significant changes include:
>
> - a new category of cookies, or a new purpose for which we use cookies;
> - a new third party that sets cookies through our site;
> - a longer lifetime for a cookie we already use.
`;
  const cookies = (rows: string) => `# Cookie Policy\n\nExample Ltd ("we") runs example.com.\n\n## The cookies we use\n\n<table>\n<tr><th>Cookie</th><th>Set by</th><th>Category</th><th>Lifetime</th></tr>\n${rows}\n</table>\n\n${cookieList}`;
  const ga = (months: number) => `<tr><td>_ga</td><td>Google Analytics</td><td>Analytics</td><td>${months} months</td></tr>`;

  it('a row with a new name in the "Set by" column is a new third party', () => {
    const r = compare(cookies(ga(13)), cookies(`${ga(13)}\n<tr><td>_hjid</td><td>Hotjar</td><td>Analytics</td><td>12 months</td></tr>`));
    expect(r.triggers).toEqual([2]);
  });

  it('a longer period in the "Lifetime" column is a longer lifetime', () => {
    expect(compare(cookies(ga(13)), cookies(ga(24))).triggers).toEqual([3]);
  });

  it('an item added under "We use personal data to:" is a purpose, whatever its own words', () => {
    const body = (extra: string) => `## How we use personal data

We use personal data to:

- provide, maintain and secure the Service, including authentication and backups;
- bill Customers and keep accounting records;
- answer support requests and send service messages, such as security alerts and invoices;${extra}
- understand how features are used, in aggregate, so we can improve the Service;
- send product news to users who have opted in (you can unsubscribe in any email).

Our legal bases are the performance of our contract with you, our legitimate interests and your consent for product news.`;
    const r = compare(en(body('')), en(body('\n- power Example Assist, which answers questions and drafts summaries from the pages you can access, when your workspace owner has turned it on;')));
    expect(r.level).toBe('major');
    expect(r.triggers).toEqual([1]);
  });
});
