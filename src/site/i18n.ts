/**
 * Interface strings of the archive site in the languages policies are written
 * in. Pages take the policy's language; messages with links are functions that
 * return hast children, so no markup is ever spelled as a string.
 */
import { formatDate } from '../format-date.js';
import type { ArchivedLevel, ChangeKind, Lang } from '../types.js';
import type { Child } from './h.js';

/** The status of a version on the site. */
export type VersionStatus = 'current' | 'superseded' | 'upcoming';

/** Every interface string of the site in one language. */
export interface Messages {
  siteName: string;
  skipToContent: string;
  breadcrumb: string;
  home: string;
  homeTitle: string;
  homeIntro: string;
  noPolicies: string;
  policyColumn: string;
  currentVersionColumn: string;
  lastChangeColumn: string;
  linksColumn: string;
  allVersions: string;
  atomFeed: string;
  versionsTitle: (title: string) => string;
  versionsIntro: string;
  versionsCaption: string;
  versionColumn: string;
  publishedColumn: string;
  effectiveColumn: string;
  levelColumn: string;
  triggersColumn: string;
  summaryColumn: string;
  statusColumn: string;
  changesLink: string;
  none: string;
  level: Record<ArchivedLevel, string>;
  levelNone: string;
  overridden: string;
  status: Record<VersionStatus, string>;
  supersededBy: (version: Child) => Child[];
  versionLabel: (version: string) => string;
  versionPageTitle: (title: string, version: string) => string;
  bannerCurrent: (effective: Child) => Child[];
  bannerUpcoming: (effective: Child, current: Child | null) => Child[];
  bannerSuperseded: (by: Child, effective: Child, readCurrent: Child) => Child[];
  bannerUpcomingNotice: (version: Child, effective: Child, changes: Child) => Child[];
  readCurrent: string;
  metaLabel: string;
  publishedLabel: string;
  effectiveLabel: string;
  levelLabel: string;
  sha256Label: string;
  formatsLabel: string;
  markdownSource: string;
  changesInThisVersion: string;
  versionNav: string;
  previousVersion: (version: string) => string;
  nextVersion: (version: string) => string;
  changesTitle: (title: string, version: string) => string;
  comparedWith: (previous: Child, date: Child) => Child[];
  firstVersion: string;
  recordedLevel: string;
  overrideNote: (level: string, reason: string) => string;
  automaticNote: (level: string) => string;
  triggersHitHeading: string;
  triggersHitIntro: string;
  warningsHeading: string;
  /** The default-list warning, for readers (without the file path the tool's own warning names). */
  defaultListWarning: string;
  changesHeading: (count: number) => string;
  noChanges: string;
  kind: Record<ChangeKind, string>;
  lines: (oldLine: number | null, newLine: number | null) => string;
  movedFrom: (section: string) => string;
  triggerLabel: (index: number) => string;
  reasonsLabel: string;
  deleted: string;
  inserted: string;
  readThisVersion: (version: string) => string;
  readPreviousVersion: (version: string) => string;
  latestTitle: (title: string) => string;
  latestRedirect: (version: Child) => Child[];
  latestLabel: string;
  currentTitle: (title: string) => string;
  currentRedirect: (version: Child) => Child[];
  generatedBy: string;
  taskDone: string;
  taskOpen: string;
  footnotes: string;
  footnoteBack: string;
  /** Before the link that stands in for a policy's image from another server (not loaded: config `remoteImages`). */
  remoteImageNotice: string;
  feedEntryTitle: (title: string, version: string, level: string) => string;
  feedSummary: (level: string, effective: string) => string;
  date: (iso: string) => string;
  /** Joins sentences: nothing between Chinese sentences, a space between English ones. (Chinese messages put a space between a Chinese character and a date or version that starts with a digit: 将于 2027 年 1 月 5 日生效.) */
  sentenceGap: string;
  compareTitle: (title: string, from: string, to: string) => string;
  compareLede: (from: Child, fromDate: Child, to: Child, toDate: Child) => Child[];
  compareNote: string;
  compareBetween: string;
  compareWithCurrent: (current: string) => string;
  compareCrumb: string;
  languagesLabel: string;
  /** Each language named in itself, for the language switch. */
  langName: Record<Lang, string>;
  translationFollows: (original: Child) => Child[];
  changeNoteHeading: string;
}


const zh: Messages = {
  siteName: '政策存档',
  skipToContent: '跳到正文',
  breadcrumb: '当前位置',
  home: '首页',
  homeTitle: '政策存档',
  homeIntro: '这里存有每一项政策已发布的全部版本：何时生效、改了什么、为何属于重大或一般变更。',
  noPolicies: '尚无已发布的政策。',
  policyColumn: '政策',
  currentVersionColumn: '当前版本',
  lastChangeColumn: '最近一次变更',
  linksColumn: '链接',
  allVersions: '全部版本',
  atomFeed: '订阅（Atom）',
  versionsTitle: (title) => `${title}：历史版本`,
  versionsIntro: '按发布时间由新到旧排列。重大变更依据政策本身列出的重大变更情形认定。',
  versionsCaption: '全部已发布版本',
  versionColumn: '版本',
  publishedColumn: '发布日期',
  effectiveColumn: '生效日期',
  levelColumn: '级别',
  triggersColumn: '涉及的重大变更情形',
  summaryColumn: '摘要',
  statusColumn: '状态',
  changesLink: '变更',
  none: '—',
  level: { major: '重大变更', minor: '一般变更', initial: '首次发布' },
  levelNone: '无可见变更',
  overridden: '（人工认定）',
  status: { current: '当前版本', superseded: '已失效', upcoming: '即将生效' },
  supersededBy: (version) => ['已被 ', version, '取代'],
  versionLabel: (version) => `${version} 版`,
  versionPageTitle: (title, version) => `${title}（${version} 版）`,
  bannerCurrent: (effective) => ['这是当前有效的版本，自 ', effective, '起生效。'],
  bannerUpcoming: (effective, current) =>
    current ? ['此版本将于 ', effective, '生效；在此之前有效的是 ', current, '。'] : ['此版本将于 ', effective, '生效。'],
  bannerSuperseded: (by, effective, readCurrent) => ['此版本已失效：已被 ', by, '取代（', effective, '起生效）。', readCurrent, '。'],
  bannerUpcomingNotice: (version, effective, changes) => ['新版本 ', version, '将于 ', effective, '生效，', changes, '。'],
  readCurrent: '阅读当前版本',
  metaLabel: '版本信息',
  publishedLabel: '发布日期',
  effectiveLabel: '生效日期',
  levelLabel: '变更级别',
  sha256Label: 'SHA-256',
  formatsLabel: '其他格式',
  markdownSource: 'Markdown 原文',
  changesInThisVersion: '查看此版本的变更',
  versionNav: '相邻版本',
  previousVersion: (version) => `上一版本：${version} 版`,
  nextVersion: (version) => `下一版本：${version} 版`,
  changesTitle: (title, version) => `${title} ${version} 版的变更`,
  comparedWith: (previous, date) => ['与 ', previous, '（', date, '生效）相比。'],
  firstVersion: '这是首次发布的版本，没有更早的版本可供比较。',
  recordedLevel: '记录的级别',
  overrideNote: (level, reason) => `经人工认定为${level}：${reason}`,
  automaticNote: (level) => `自动判定为${level}。`,
  triggersHitHeading: '涉及的重大变更情形',
  triggersHitIntro: '以下是上一版本中列明的、被本次变更触及的重大变更情形（原文）：',
  warningsHeading: '提示',
  defaultListWarning: '此政策没有列出自己的重大变更情形，变更按内置的默认清单判断。',
  changesHeading: (count) => `变更明细（共 ${count} 处）`,
  noChanges: '两个版本之间没有读者可见的差异。',
  kind: { added: '新增', removed: '删除', modified: '修改', moved: '移动' },
  lines: (oldLine, newLine) =>
    oldLine !== null && newLine !== null
      ? `原第 ${oldLine} 行 → 新第 ${newLine} 行`
      : oldLine !== null
        ? `原第 ${oldLine} 行`
        : `新第 ${newLine ?? 0} 行`,
  movedFrom: (section) => `移自：${section}`,
  triggerLabel: (index) => `重大变更情形 ${index}`,
  reasonsLabel: '判定理由',
  deleted: '删除：',
  inserted: '新增：',
  readThisVersion: (version) => `阅读 ${version} 版全文`,
  readPreviousVersion: (version) => `阅读 ${version} 版全文`,
  latestTitle: (title) => `${title}：最新发布的版本`,
  latestRedirect: (version) => ['最新发布的版本是 ', version, '。'],
  latestLabel: '最新版本',
  currentTitle: (title) => `${title}：当前有效版本`,
  currentRedirect: (version) => ['当前有效的版本是 ', version, '。'],
  generatedBy: '由 policy 生成的静态存档。',
  taskDone: '已完成',
  taskOpen: '未完成',
  footnotes: '脚注',
  footnoteBack: '返回正文',
  remoteImageNotice: '未加载的外部图片：',
  sentenceGap: '',
  compareTitle: (title, from, to) => `${title}：${from} 版与 ${to} 版对比`,
  compareLede: (from, fromDate, to, toDate) => ['比较', from, '（', fromDate, '生效）与', to, '（', toDate, '生效）的全文。'],
  compareNote: '此页直接比较两个版本的全文；每一次发布记录在案的变更级别见下列各版本的变更页。',
  compareBetween: '期间发布的版本',
  compareWithCurrent: (current) => `与当前版本（${current} 版）对比`,
  compareCrumb: '对比',
  languagesLabel: '其他语言',
  langName: { zh: '中文', en: 'English' },
  translationFollows: (original) => ['本译本依据原文', original, '译出。'],
  changeNoteHeading: '变更说明',
  feedEntryTitle: (title, version, level) => `${title} ${version} 版（${level}）`,
  feedSummary: (level, effective) => `${level}，${effective}起生效。`,
  date: (iso) => formatDate(iso, 'zh'),
};

const en: Messages = {
  siteName: 'Policy archive',
  skipToContent: 'Skip to content',
  breadcrumb: 'Breadcrumb',
  home: 'Home',
  homeTitle: 'Policy archive',
  homeIntro: 'Every published version of every policy: when it took effect, what changed, and why a change counted as major or minor.',
  noPolicies: 'No policy has been published yet.',
  policyColumn: 'Policy',
  currentVersionColumn: 'Current version',
  lastChangeColumn: 'Last change',
  linksColumn: 'Links',
  allVersions: 'All versions',
  atomFeed: 'Subscribe (Atom)',
  versionsTitle: (title) => `${title}: all versions`,
  versionsIntro: "Newest first. A change is major when it touches one of the policy's own listed major-change cases.",
  versionsCaption: 'Every published version',
  versionColumn: 'Version',
  publishedColumn: 'Published',
  effectiveColumn: 'Effective',
  levelColumn: 'Level',
  triggersColumn: 'Major-change cases hit',
  summaryColumn: 'Summary',
  statusColumn: 'Status',
  changesLink: 'changes',
  none: '—',
  level: { major: 'Major change', minor: 'Minor change', initial: 'First version' },
  levelNone: 'No visible change',
  overridden: ' (decided by a person)',
  status: { current: 'Current', superseded: 'Superseded', upcoming: 'Upcoming' },
  supersededBy: (version) => ['Superseded by ', version],
  versionLabel: (version) => `version ${version}`,
  versionPageTitle: (title, version) => `${title} (version ${version})`,
  bannerCurrent: (effective) => ['This is the current version, in effect since ', effective, '.'],
  bannerUpcoming: (effective, current) =>
    current
      ? ['This version takes effect on ', effective, '. Until then ', current, ' applies.']
      : ['This version takes effect on ', effective, '.'],
  bannerSuperseded: (by, effective, readCurrent) => [
    'This version is no longer in effect: it was superseded by ',
    by,
    ' (in effect since ',
    effective,
    '). ',
    readCurrent,
    '.',
  ],
  bannerUpcomingNotice: (version, effective, changes) => ['A new ', version, ' takes effect on ', effective, ': ', changes, '.'],
  readCurrent: 'Read the current version',
  metaLabel: 'About this version',
  publishedLabel: 'Published',
  effectiveLabel: 'Effective',
  levelLabel: 'Level',
  sha256Label: 'SHA-256',
  formatsLabel: 'Other formats',
  markdownSource: 'Markdown source',
  changesInThisVersion: 'What changed in this version',
  versionNav: 'Neighbouring versions',
  previousVersion: (version) => `Previous: version ${version}`,
  nextVersion: (version) => `Next: version ${version}`,
  changesTitle: (title, version) => `${title}: changes in version ${version}`,
  comparedWith: (previous, date) => ['Compared with ', previous, ' (in effect from ', date, ').'],
  firstVersion: 'This is the first published version; there is no earlier version to compare with.',
  recordedLevel: 'Recorded level',
  overrideNote: (level, reason) => `Decided by a person as ${level.toLowerCase()}: ${reason}`,
  automaticNote: (level) => `The automatic verdict was ${level.toLowerCase()}.`,
  triggersHitHeading: 'Major-change cases hit',
  triggersHitIntro: "The cases listed in the previous version's own list that this revision touches, in its own words:",
  warningsHeading: 'Notes',
  defaultListWarning: 'This policy has no list of major changes of its own; changes were judged against the built-in default list.',
  changesHeading: (count) => `Changes (${count})`,
  noChanges: 'The two versions read the same.',
  kind: { added: 'Added', removed: 'Removed', modified: 'Modified', moved: 'Moved' },
  lines: (oldLine, newLine) =>
    oldLine !== null && newLine !== null
      ? `old line ${oldLine} → new line ${newLine}`
      : oldLine !== null
        ? `old line ${oldLine}`
        : `new line ${newLine ?? 0}`,
  movedFrom: (section) => `Moved from: ${section}`,
  triggerLabel: (index) => `Major-change case ${index}`,
  reasonsLabel: 'Why',
  deleted: 'deleted: ',
  inserted: 'inserted: ',
  readThisVersion: (version) => `Read version ${version}`,
  readPreviousVersion: (version) => `Read version ${version}`,
  latestTitle: (title) => `${title}: latest published version`,
  latestRedirect: (version) => ['The latest published version is ', version, '.'],
  latestLabel: 'Latest',
  currentTitle: (title) => `${title}: version in effect`,
  currentRedirect: (version) => ['The version in effect today is ', version, '.'],
  generatedBy: 'A static archive generated by policy.',
  taskDone: 'done',
  taskOpen: 'not done',
  footnotes: 'Footnotes',
  footnoteBack: 'Back to the text',
  remoteImageNotice: 'Remote image not loaded: ',
  sentenceGap: ' ',
  compareTitle: (title, from, to) => `${title}: version ${from} compared with ${to}`,
  compareLede: (from, fromDate, to, toDate) => ['The full text of ', from, ' (in effect from ', fromDate, ') compared with ', to, ' (in effect from ', toDate, ').'],
  compareNote: "This page compares the two texts directly; the level recorded when each version was published is on that version's changes page, listed below.",
  compareBetween: 'Versions published in between',
  compareWithCurrent: (current) => `Compare with the current version (${current})`,
  compareCrumb: 'compare',
  languagesLabel: 'Other languages',
  langName: { zh: '中文', en: 'English' },
  translationFollows: (original) => ['This translation follows ', original, ' of the original.'],
  changeNoteHeading: 'About this change',
  feedEntryTitle: (title, version, level) => `${title}, version ${version} (${level.toLowerCase()})`,
  feedSummary: (level, effective) => `${level}, in effect from ${effective}.`,
  date: (iso) => formatDate(iso, 'en'),
};

const MESSAGES: Record<Lang, Messages> = { zh, en };

/** The interface strings for a policy language. */
export function messagesFor(lang: Lang): Messages {
  return MESSAGES[lang];
}

/** The BCP 47 tag for `<html lang>`: Chinese policies are Simplified Chinese as used in mainland China. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
