/**
 * The list of material changes used when a policy has none of its own: the
 * categories common to privacy law. The six follow China's personal information
 * security specification (GB/T 35273, on updates of privacy policies), which the GDPR's
 * and CCPA's notions of a material change also cover.
 */
import type { Lang } from '../types.js';

/** The default triggers, in order, per language. */
export const DEFAULT_TRIGGERS: Readonly<Record<Lang, readonly string[]>> = {
  zh: [
    '处理个人信息的目的、个人信息的类型、使用方式（含存储地点、跨境传输和保存期限）发生变化',
    '个人信息控制者或控制权发生变化，如并购、重组',
    '个人信息共享、转让或公开披露的主要对象发生变化',
    '个人信息主体的权利及其行使方式发生变化',
    '负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化',
    '个人信息安全影响评估报告表明存在高风险',
  ],
  en: [
    'Changes to the purposes of processing, the categories of personal information or the ways it is used (including storage location, cross-border transfer and retention period)',
    'Changes to the controller of personal information or to control over it, such as a merger or reorganisation',
    'Changes to the main recipients of sharing, transfer or public disclosure of personal information',
    "Changes to users' rights and the ways in which they are exercised",
    'Changes to the department responsible for personal information security, its contact details or complaint channels',
    'A personal information security impact assessment shows a high risk',
  ],
};

/** The warning a policy without a list of major changes of its own carries. */
export function defaultListWarning(path: string): string {
  return `${path}: no list of major changes found in the policy; using the built-in default list`;
}
