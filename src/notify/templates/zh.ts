/** 中文通知模板。 */
import { formatDate } from '../../format-date.js';
import type { NoticeTemplate } from './types.js';

/** Chinese wording of notices. */
export const zh: NoticeTemplate = {
  htmlLang: 'zh-CN',
  formatDate: (isoDate) => formatDate(isoDate, 'zh'),
  subject: (f) => (f.level === 'major' ? `【重要】《${f.title}》重大变更通知（${f.version} 版）` : `《${f.title}》更新通知（${f.version} 版）`),
  heading: (f) => (f.level === 'major' ? `《${f.title}》重大变更通知` : `《${f.title}》更新通知`),
  banner: '重要提示：本次更新包含重大变更，可能影响您的权利，请仔细阅读。',
  intro: (f) => `我们更新了《${f.title}》，新版本为 ${f.version} 版（上一版本为 ${f.previousVersion} 版），于 ${f.date}发布，自 ${f.effective}起生效。`,
  majorLead: '根据本政策所列的重大变更情形，以下变更属于重大变更：',
  changesLead: (f) => (f.level === 'major' ? '本次更新被确定为重大变更，内容如下：' : '本次更新为一般性修改，内容如下：'),
  otherMajor: '其他重大变更',
  sectionLabel: '所在章节：',
  before: '变更前：',
  after: '变更后：',
  kind: { added: '新增', removed: '删除', modified: '修改', moved: '移动' },
  otherChanges: (n) => `此外还有 ${n} 处较小的修改，详见变更页面。`,
  omitted: (n) => `另有 ${n} 处变更未在此列出，详见变更页面。`,
  readVersion: '阅读新版本：',
  readChanges: '查看全部变更：',
  noSite: '新版本可在我们的网站上查阅。',
  unsubscribe: '如不希望再收到此类通知，可在此退订：',
  changeNoteHeading: '变更说明',
};
