/** 中文判定理由：存档网站等面向中文读者之处使用。全角标点、中文引号。 */
import type { BlockKind } from '../../types.js';
import type { EntityType } from '../entities.js';
import type { MarkerClass } from '../markers.js';
import { hasCjk, quote } from '../text.js';
import type { Catalogue, Governance, Where } from './types.js';

const ENTITY_NAMES: Record<EntityType, string> = {
  email: '邮箱',
  url: '链接',
  phone: '电话',
  organization: '机构名称',
  duration: '期限',
  amount: '金额',
  percentage: '比例',
  number: '数字',
  region: '地区',
  date: '日期',
};

const CLASS_NAMES: Record<MarkerClass, string> = {
  negation: '否定用语',
  will: '确定性用语',
  may: '许可性用语',
  must: '义务性用语',
  only: '限定性用语',
  all: '全称性用语',
  'open-ended': '开放式用语',
  exception: '例外用语',
  qualifier: '限定条件用语',
  before: '事前时点用语',
  after: '事后时点用语',
};

const BLOCK_KINDS: Record<BlockKind, string> = {
  heading: '标题',
  paragraph: '段落',
  listItem: '列表项',
  tableRow: '表格行',
  code: '代码块',
  html: 'HTML 片段',
  blockquote: '引用段落',
  thematicBreak: '分隔线',
  definition: '链接定义',
  footnote: '脚注',
  frontMatter: '文件头信息字段',
};

/** Labels of the lexicon's concepts (lexicon.ts), by concept id. A concept without one shows its English label. */
export const CONCEPT_LABELS: Readonly<Record<string, string>> = {
  'service-model': '服务模式',
  purpose: '处理目的',
  collection: '个人信息的收集',
  'data-item': '个人信息的种类',
  use: '个人信息的使用',
  'use-kind': '个人信息的使用方式',
  retention: '保存期限',
  storage: '存储',
  location: '存储地点或跨境传输',
  controller: '个人信息处理者',
  corporate: '合并、收购或其他公司变更',
  company: '公司',
  sharing: '共享、转让或公开披露',
  recipient: '接收方',
  'consent-exception': '征得同意的例外',
  consent: '同意',
  rights: '用户的权利',
  'right-kind': '查阅、更正、删除或撤回同意的权利',
  fee: '费用',
  refusal: '拒绝请求的理由',
  verification: '身份验证',
  request: '请求',
  contact: '联系方式',
  complaint: '投诉渠道',
  department: '责任部门',
  assessment: '影响评估',
  risk: '高风险',
  notice: '对用户的告知',
  liability: '责任限制',
  security: '安全',
};

/** 引用原文（空则为“（无）”），过长则截断。 */
function q(text: string, max = 100): string {
  return text.trim() === '' ? '（无）' : `“${quote(text, max)}”`;
}

/** 引用重大变更情形、标题或取值：去掉末尾标点，过长则截断。 */
function show(text: string): string {
  return `“${quote(text.replace(/[。；;，,.]+$/u, ''), 100)}”`;
}

/** 引用一段原文（句子、列表项、表述）：去掉首尾的标点和括号，引号内外不重复。 */
function excerpt(text: string): string {
  const t = text.replace(/^[\s，,、；;：:]+|[\s。；;，,、：:]+$/gu, '');
  return q(/^[（(][^（()）]*[)）]$/u.test(t) ? t.slice(1, -1) : t);
}

const quoted = (xs: string[]): string => xs.map((x) => excerpt(x)).join('、');
/** Entity values (an address, a company, a period): Chinese ones in quotes, Latin ones bare (set off by spaces). */
const values = (xs: string[]): string => xs.map((x) => (hasCjk(x) ? `“${x}”` : x)).join('、');
const LATIN_START = /^[\p{Script=Latin}\p{N}@+(]/u;
const LATIN_END = /[\p{Script=Latin}\p{N})]$/u;
/** A value set between Chinese words: a space on each side where it starts or ends with Latin letters or digits. */
const mid = (x: string): string => `${LATIN_START.test(x) ? ' ' : ''}${x}${LATIN_END.test(x) ? ' ' : ''}`;
/** A value that ends the clause: a space before it only. */
const tail = (x: string): string => `${LATIN_START.test(x) ? ' ' : ''}${x}`;
const more = (n: number): string => (n > 0 ? `（另有 ${n} 处类似修改）` : '');
const list = (frontMatter: boolean): string => (frontMatter ? '文件头信息中的重大变更情形清单' : '重大变更情形清单');
const added = (change: 'added' | 'removed'): string => (change === 'added' ? '新增' : '删除');

/** 一句话：补上句号。 */
function sentence(s: string): string {
  const t = s.trim();
  return /[。！？!?]$/u.test(t) ? t : `${t}。`;
}

function where(w: Where): string {
  if (w.at === 'front-matter') return '文件头信息';
  if (w.at === 'opening') return '开头部分';
  return `第${show(w.title)}节`;
}

function governs(g: Governance, major: boolean): string {
  const at = where(g.where);
  const none = `${at}不受任何重大变更情形约束`;
  if (!g.trigger) return none;
  const name = `${g.isDefault ? '默认类别' : '重大变更情形'} ${g.trigger.index}（${show(g.trigger.text)}）`;
  if (g.governed) return g.isDefault ? `${at}属于${name}；因本政策未列出自己的重大变更情形，故适用默认类别` : `${at}受${name}约束`;
  return major ? `${none}，最接近的是${name}` : none;
}

/** Chinese wording of every message. */
export const zh: Catalogue = {
  lang: 'zh',
  signals: {
    'trivial-whitespace': (m) => `仅空白字符有变化${more(m.more)}`,
    'trivial-punctuation': (m) => `标点符号调整（${q(m.before)}→${q(m.after)}）${more(m.more)}`,
    'trivial-case': (m) => `字母大小写调整（${q(m.before)}→${q(m.after)}）${more(m.more)}`,
    'trivial-typo': (m) => `错别字修正：${q(m.before)}→${q(m.after)}${more(m.more)}`,
    'trivial-function-words': (m) =>
      (m.after === '' ? `删除了不影响含义的词语${q(m.before)}` : m.before === '' ? `增加了不影响含义的词语${q(m.after)}` : `不影响含义的词语调整（${q(m.before)}→${q(m.after)}）`) + more(m.more),
    'trivial-duplicate': (m) => `删除了${excerpt(m.before)}，但相同的文字仍然保留${more(m.more)}`,
    'trivial-example': (m) =>
      (m.after === '' ? `删除了一个示例（${excerpt(m.before)}），其所说明的类别仍然列明` : `新增了一个示例（${excerpt(m.after)}），仅是对已列明类别的举例`) + more(m.more),
    'trivial-cross-reference': (m) => (m.after === '' ? `删除了一处交叉引用（${excerpt(m.before)}）` : `新增了一处交叉引用（${excerpt(m.after)}）`) + more(m.more),
    'trivial-date': (m) => `日期变更（${q(m.before)}→${q(m.after)}）${more(m.more)}`,
    'trivial-link': (m) => `链接变更（${q(m.before)}→${q(m.after)}）${more(m.more)}`,
    'trivial-boilerplate': (m) =>
      (m.after === '' ? `删除了版权或商标声明（${excerpt(m.before)}）` : m.before === '' ? `新增了版权或商标声明（${excerpt(m.after)}）` : `版权或商标声明调整（${q(m.before)}→${q(m.after)}）`) + more(m.more),
    'heading-level': (m) => `标题${q(m.text)}由第 ${m.from} 级调整为第 ${m.to} 级`,
    'block-kind': (m) => `内容由${BLOCK_KINDS[m.from]}改为${BLOCK_KINDS[m.to]}，文字未变`,
    'same-text': () => '读者看到的文字前后相同',
    'heading-changed': (m) => `标题由${q(m.from)}改为${q(m.to)}`,
    'heading-block': (m) => `${added(m.change)}了标题${q(m.text)}`,
    'table-header': (m) => `${added(m.change)}了表头${q(m.text)}；表头只列出栏目名称，表格内容以各行为准`,
    'empty-block': (m) => `${added(m.change)}了一个不含文字的${BLOCK_KINDS[m.blockKind]}`,
    block: (m) => `${added(m.change)}了一个${BLOCK_KINDS[m.what]}：${excerpt(m.text)}`,
    'examples-gained': (m) => `${excerpt(m.sentence)}中的示例增加了${quoted(m.added)}`,
    enumeration: (m) => {
      const parts: string[] = [];
      if (m.added.length > 0) parts.push(`增加了${quoted(m.added)}`);
      if (m.removed.length > 0) parts.push(`删除了${quoted(m.removed)}`);
      return `${excerpt(m.sentence)}中的列举项${parts.join('，')}`;
    },
    sentence: (m) => `${added(m.change)}了一句：${excerpt(m.text)}`,
    clause: (m) => `${added(m.change)}了一处表述：${excerpt(m.text)}`,
    concept: (m) => {
      const terms = (xs: string[]): string => xs.map((t) => `“${t}”`).join('、');
      const parts: string[] = [];
      if (m.added.length > 0) parts.push(`增加了${terms(m.added)}`);
      if (m.removed.length > 0) parts.push(`删除了${terms(m.removed)}`);
      const labels = [...new Set(m.concepts.map((id) => CONCEPT_LABELS[id] ?? id))].join('、');
      return `本处修改${parts.join('，')}（涉及：${labels}）`;
    },
    rewrite: (m) => `该段被改写（由${excerpt(m.from)}改为${excerpt(m.to)}）`,
    recast: (m) => `${excerpt(m.from)}改写为${excerpt(m.to)}：仅调整语序或拆分、合并句子，用语、数字和承诺均未增删`,
    'security-measures': (m) => `安全措施的描述由${excerpt(m.from)}改写为${excerpt(m.to)}：说明的是如何保护信息，收集、使用、共享、保存和联系方式均未改变`,
    rewording: (m) => `措辞由${excerpt(m.from)}改为${excerpt(m.to)}，未增删承诺性用语`,
    'link-target': (m) => {
      const from = m.from.join('、');
      const to = m.to.join('、');
      if (from === '') return `新增了链接目标：${to}`;
      if (to === '') return `删除了链接目标：${from}`;
      return `链接目标由${mid(from)}变更为${tail(to)}`;
    },
    'channel-link': (m) => {
      const from = m.from.join('、');
      const to = m.to.join('、');
      const what = m.where === 'link' ? `链接${show(m.anchor)}` : `${show(m.anchor)}中的地址`;
      return `${what}是提出请求或联系我们的渠道，其目标由${from === '' ? '（无）' : mid(from)}变更为${to === '' ? '（无）' : tail(to)}`;
    },
    'negated-scope': (m) =>
      m.change === 'added'
        ? `否定性承诺${excerpt(m.sentence)}增加了限定${excerpt(m.text)}，缩小了其排除的范围`
        : `否定性承诺${excerpt(m.sentence)}删除了限定${excerpt(m.text)}，扩大了其排除的范围`,
    'negated-replaced': (m) => `否定性承诺${excerpt(m.sentence)}排除的内容由${excerpt(m.from)}改为${excerpt(m.to)}`,
    'only-scope': (m) =>
      m.change === 'added'
        ? `限定性承诺${excerpt(m.sentence)}增加了允许的内容${excerpt(m.text)}，扩大了其范围`
        : `限定性承诺${excerpt(m.sentence)}删除了允许的内容${excerpt(m.text)}，缩小了其范围`,
    'only-replaced': (m) => `限定性承诺${excerpt(m.sentence)}允许的内容由${excerpt(m.from)}改为${excerpt(m.to)}`,
    entity: (m) => {
      const base = ENTITY_NAMES[m.type];
      const name = m.type === 'email' || m.type === 'phone' ? `联系${base}` : base;
      const from = values(m.removed);
      const to = values(m.added);
      if (from !== '' && to !== '') return `${name}由${mid(from)}变更为${tail(to)}`;
      if (to !== '') return `新增了${name}：${to}`;
      return `删除了${name}：${from}`;
    },
    flip: (m) => {
      const words = (xs: string[]): string => xs.map((x) => `“${x}”`).join('、');
      const parts = m.parts.map((f) => {
        const name = CLASS_NAMES[f.markerClass] ?? f.markerClass;
        if (f.removed.length > 0 && f.added.length > 0) return `${name}${words(f.removed)}变为${words(f.added)}`;
        if (f.removed.length > 0) return `删除了${name}${words(f.removed)}`;
        return `增加了${name}${words(f.added)}`;
      });
      return `承诺的效力发生变化：${[...new Set(parts)].join('，')}`;
    },
    moved: (m) => `该内容${m.from !== null ? `由第 ${m.from} 行` : ''}${m.to !== null ? `移至第 ${m.to} 行` : '移动了位置'}，未作修改`,
    rejoined: (m) => `${m.how === 'merged' ? '该段与其后一段合并' : '该段被拆分'}，文字未作任何改动`,
    reappears: (m) => `该内容经修改后出现在第 ${m.line} 行，相关变更在该处判定${m.trigger !== null ? `（该内容载明重大变更情形 ${m.trigger}）` : ''}`,
    'moved-text': (m) =>
      m.how === 'split-out'
        ? `${m.what === 'listItem' ? '列表项' : '文字'}${show(m.text)}是从旧版第 ${m.line} 行的文字中拆分出来的`
        : `${m.what === 'listItem' ? '列表项' : '文字'}${show(m.text)}已并入新版第 ${m.line} 行的文字`,
    'nothing-changed': () => '读者可见的内容没有变化',
    restates: (m) =>
      m.what === 'security'
        ? `新增文字${show(m.text)}描述安全措施，未改变处理目的、个人信息类型、共享对象或权利（仅安全影响评估表明高风险才构成重大变更情形）`
        : m.what === 'limit'
          ? `新增文字${show(m.text)}重申本政策已有的限制`
          : m.what === 'version'
            ? `新增文字${show(m.text)}说明本政策自身的版本，未改变任何承诺`
            : m.what === 'reading'
              ? `文字${show(m.text)}是帮助阅读本政策的提示（阅读提示、目录或不替代正文的摘要），所涉用语均为本政策已有内容`
            : `新增文字${show(m.text)}解释已有的用语`,
    'history-entry': (m) => `本政策修订记录${m.change === 'added' ? '新增' : '删除'}一行：${show(m.text)}；其所记录的修改在修改之处判定`,
    'trigger-removed': (m) => `重大变更情形 ${m.index}（${show(m.text)}）已从${list(m.frontMatter)}中删除`,
    'trigger-dropped': (m) => `重大变更情形 ${m.index}（${show(m.text)}）已不在重大变更情形清单中`,
    'trigger-edited': (m) => `${m.frontMatter ? '文件头信息中的' : ''}重大变更情形 ${m.index} 的表述由${show(m.from)}改为${show(m.to)}`,
    'trigger-added': (m) => `${list(m.frontMatter)}新增了一项：${show(m.text)}`,
    'list-lead-in': (m, render) => `引出重大变更情形清单的句子发生变化（${render(m.detail)}）`,
    'front-matter': (m) =>
      m.from === null
        ? `新增了文件头信息字段“${m.key}”，取值为${m.to === null ? '（无）' : show(m.to)}`
        : m.to === null
          ? `删除了文件头信息字段“${m.key}”（原取值为${show(m.from)}）`
          : `文件头信息字段“${m.key}”由${show(m.from)}改为${show(m.to)}`,
  },
  reasons: {
    major: (m, render) => sentence(`${m.clause ? render(m.clause) : '该变更改变了一项承诺'}；${governs(m.governance, true)}`),
    'minor-ungoverned': (m, render) => sentence(`${render(m.clause)}；因${governs(m.governance, false)}，故属一般变更`),
    plain: (m, render) => sentence(render(m.clause)),
    nothing: () => '读者可见的内容没有变化。',
  },
};
