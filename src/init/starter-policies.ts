/**
 * The starter policies `policy init` writes: one per language and template.
 * Each has its own list of major changes in the form the parser recognises
 * (a sentence announcing the list, then one bullet per kind of change), and
 * marks what only the company can say as `[[TODO: …]]`, which publish and
 * check refuse until it is filled in.
 */
import type { Lang } from '../types.js';

/** The starter templates. */
export const TEMPLATES = ['privacy', 'terms'] as const;
export type Template = (typeof TEMPLATES)[number];

/** The policy id (file name) each template gets. */
export const TEMPLATE_IDS: Record<Template, string> = { privacy: 'privacy-policy', terms: 'terms-of-service' };

/** The "last updated" line is written with a date so publish recognises it and rewrites it. */
type Starter = (lastUpdated: string) => string;

const ZH_PRIVACY: Starter = (lastUpdated) => `---
title: 隐私政策
lang: zh-CN
---

# 隐私政策
**最新更新于 ${lastUpdated}**

[[TODO: 公司全称]]（下称“我们”）重视您的隐私。本政策说明我们在您使用 [[TODO: 网站或产品名称]] 时如何收集、使用、共享和保护您的个人信息。

## 1. 我们收集的个人信息
- [[TODO: 列出收集的个人信息类型，例如姓名、电子邮件地址]]

## 2. 我们如何使用个人信息
我们仅为以下目的使用您的个人信息：[[TODO: 列出处理目的]]。

## 3. 共享、转让与公开披露
未经您同意，我们不会与第三方共享您的个人信息，以下情形除外：[[TODO: 列出接收方类型]]。

## 4. 存储与保留
您的个人信息存储于 [[TODO: 存储地点]]，保留期限为 [[TODO: 保留期限]]。

## 5. 您的权利
您可以访问、更正或删除您的个人信息，请发送请求至 [[TODO: 联系邮箱]]。

## 6. 本政策的变更
我们可能更新本政策，并会发布变更后的版本。对于重大变更，我们会提供更为显著的通知。

本政策所指的重大变更包括但不限于：

- 我们的服务模式发生重大变化，如处理个人信息的目的、处理的个人信息类型、个人信息的使用方式等；
- 我们在控制权等方面发生重大变化，如并购重组等引起的信息控制者变更等；
- 个人信息共享、转让或公开披露的主要对象发生变化；
- 您参与个人信息处理方面的权利及其行使方式发生重大变化；
- 我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化；
- 个人信息安全影响评估报告表明存在高风险。

## 7. 如何联系我们
如您对本政策有任何疑问，请联系 [[TODO: 负责部门及联系邮箱]]。
`;

const EN_PRIVACY: Starter = (lastUpdated) => `---
title: Privacy Policy
lang: en
---

# Privacy Policy
**Last updated on ${lastUpdated}**

[[TODO: company legal name]] ("we", "us") respects your privacy. This policy explains how we collect, use, share and protect your personal information when you use [[TODO: website or product name]].

## 1. Information we collect
- [[TODO: the kinds of personal information you collect, e.g. name, e-mail address]]

## 2. How we use it
We use your personal information only to [[TODO: the purposes of processing]].

## 3. Sharing and disclosure
We do not share your personal information with third parties except [[TODO: the kinds of recipients]].

## 4. Storage and retention
We store your personal information in [[TODO: where]] and keep it for [[TODO: how long]].

## 5. Your rights
You may access, correct or delete your personal information by writing to [[TODO: contact e-mail]].

## 6. Changes to this policy
We may update this policy and will publish every change. For material changes we will give more prominent notice.

Material changes include, but are not limited to:

- a change in the purposes of processing, the kinds of personal information processed, or how it is used;
- a change of the controller of your personal information, for example after a merger or acquisition;
- a change in the main recipients with whom personal information is shared, transferred or disclosed;
- a change in your rights over your personal information or in how you exercise them;
- a change in the department responsible for personal information security, its contact details or the complaint channels;
- a personal information impact assessment that shows a high risk.

## 7. Contact us
If you have questions about this policy, contact [[TODO: responsible department and e-mail]].
`;

const ZH_TERMS: Starter = (lastUpdated) => `---
title: 服务条款
lang: zh-CN
---

# 服务条款
**最新更新于 ${lastUpdated}**

本条款是您与 [[TODO: 公司全称]]（下称“我们”）之间关于使用 [[TODO: 产品或服务名称]] 的协议。

## 1. 服务内容
[[TODO: 描述提供的服务]]

## 2. 费用与付款
[[TODO: 收费方式、价格与退款规则]]

## 3. 您的义务
您应遵守适用法律，不得利用本服务从事违法活动。[[TODO: 其他使用限制]]

## 4. 责任限制
[[TODO: 责任限制条款]]

## 5. 终止
[[TODO: 双方终止服务的条件与后果]]

## 6. 争议解决与适用法律
本条款适用 [[TODO: 适用法律]]；争议提交 [[TODO: 管辖法院或仲裁机构]] 解决。

## 7. 条款的变更
我们可能更新本条款，并会发布变更后的版本。对于重大变更，我们会提前通知您。

本条款所指的重大变更包括但不限于：

- 服务内容或服务范围发生重大变化；
- 收费标准、付款方式或退款规则发生变化；
- 您的主要权利与义务发生变化；
- 我们的责任限制或免责范围发生变化；
- 服务终止的条件发生变化；
- 争议解决方式、管辖或适用法律发生变化。

## 8. 联系我们
如您对本条款有任何疑问，请联系 [[TODO: 联系邮箱]]。
`;

const EN_TERMS: Starter = (lastUpdated) => `---
title: Terms of Service
lang: en
---

# Terms of Service
**Last updated on ${lastUpdated}**

These terms are an agreement between you and [[TODO: company legal name]] ("we", "us") about your use of [[TODO: product or service name]].

## 1. The service
[[TODO: what the service provides]]

## 2. Fees and payment
[[TODO: how you charge, prices and refunds]]

## 3. Your obligations
You must comply with applicable law and must not use the service for unlawful purposes. [[TODO: other restrictions]]

## 4. Limitation of liability
[[TODO: your limitation of liability]]

## 5. Termination
[[TODO: when either party may end the agreement, and what follows]]

## 6. Governing law and disputes
These terms are governed by [[TODO: governing law]]; disputes go to [[TODO: courts or arbitration body]].

## 7. Changes to these terms
We may update these terms and will publish every change. For material changes we will notify you in advance.

Material changes include, but are not limited to:

- a substantial change in what the service provides or its scope;
- a change in fees, payment terms or refund rules;
- a change in your main rights or obligations;
- a change in our limitation of liability or disclaimers;
- a change in the conditions for terminating the service;
- a change in how disputes are resolved, where, or under which law.

## 8. Contact us
If you have questions about these terms, contact [[TODO: contact e-mail]].
`;

const STARTERS: Record<Lang, Record<Template, Starter>> = {
  zh: { privacy: ZH_PRIVACY, terms: ZH_TERMS },
  en: { privacy: EN_PRIVACY, terms: EN_TERMS },
};

/** The starter policy for a language and template, its "last updated" line set to `lastUpdated` (already worded). Pure. */
export function renderStarterPolicy(lang: Lang, template: Template, lastUpdated: string): string {
  return STARTERS[lang][template](lastUpdated);
}
