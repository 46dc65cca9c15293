import { describe, expect, it } from 'vitest';
import { LEXICON } from '../src/classify/lexicon.js';
import { CATALOGUES, catalogueFor, renderReasonMessages, renderReasons, renderSignalMessage } from '../src/classify/messages/index.js';
import type { Governance, ReasonMessage, ReasonMessageId, SignalMessage, SignalMessageId } from '../src/classify/messages/types.js';
import { CONCEPT_LABELS } from '../src/classify/messages/zh.js';

/** A message with its English and Chinese wording. */
type Row<M> = [message: M, en: string, zh: string];
type Rows<M extends { id: string }, Id extends string> = { [K in Id]: Array<Row<Extract<M, { id: K }>>> };

/**
 * Every signal message id, each variant at least once. An id missing here fails type-checking;
 * an id missing from a catalogue fails the first test below.
 */
const SIGNALS: Rows<SignalMessage, SignalMessageId> = {
  'trivial-whitespace': [[{ id: 'trivial-whitespace', before: ' ', after: '', more: 0 }, 'only whitespace changed', '仅空白字符有变化']],
  'trivial-punctuation': [
    [{ id: 'trivial-punctuation', before: '，', after: '。', more: 2 }, 'punctuation changed ("，" → "。") (and 2 more like it)', '标点符号调整（“，”→“。”）（另有 2 处类似修改）'],
  ],
  'trivial-case': [
    [
      { id: 'trivial-case', before: 'privacy policy', after: 'Privacy Policy', more: 0 },
      'letter case changed ("privacy policy" → "Privacy Policy")',
      '字母大小写调整（“privacy policy”→“Privacy Policy”）',
    ],
  ],
  'trivial-typo': [[{ id: 'trivial-typo', before: '搜集', after: '收集', more: 0 }, 'typo fixed: "搜集" → "收集"', '错别字修正：“搜集”→“收集”']],
  'trivial-function-words': [
    [{ id: 'trivial-function-words', before: '的', after: '', more: 0 }, 'the function word "的" was dropped', '删除了不影响含义的词语“的”'],
    [{ id: 'trivial-function-words', before: '', after: '我们', more: 0 }, 'the function word "我们" was added', '增加了不影响含义的词语“我们”'],
    [
      { id: 'trivial-function-words', before: '之', after: '的', more: 1 },
      'function words changed ("之" → "的") (and 1 more like it)',
      '不影响含义的词语调整（“之”→“的”）（另有 1 处类似修改）',
    ],
  ],
  'trivial-duplicate': [[{ id: 'trivial-duplicate', before: '我们', after: '', more: 0 }, '"我们" was removed, but the same words are still there', '删除了“我们”，但相同的文字仍然保留']],
  'trivial-example': [
    [
      { id: 'trivial-example', before: '例如您的姓名', after: '', more: 0 },
      'an example was removed ("例如您的姓名"); the category it illustrated is still named',
      '删除了一个示例（“例如您的姓名”），其所说明的类别仍然列明',
    ],
    [
      { id: 'trivial-example', before: '', after: '（例如您的工作手机号码）', more: 0 },
      'an example was added ("（例如您的工作手机号码）") that restates an existing category',
      '新增了一个示例（“例如您的工作手机号码”），仅是对已列明类别的举例',
    ],
  ],
  'trivial-cross-reference': [
    [{ id: 'trivial-cross-reference', before: '参见本政策第 5 条', after: '', more: 0 }, 'a cross-reference was removed ("参见本政策第 5 条")', '删除了一处交叉引用（“参见本政策第 5 条”）'],
    [{ id: 'trivial-cross-reference', before: '', after: '详见本政策第 5 条。', more: 0 }, 'a cross-reference was added ("详见本政策第 5 条。")', '新增了一处交叉引用（“详见本政策第 5 条”）'],
  ],
  'trivial-date': [
    [
      { id: 'trivial-date', before: '2022 年 3 月 1 日', after: '2023 年 6 月 1 日', more: 0 },
      'a date changed ("2022 年 3 月 1 日" → "2023 年 6 月 1 日")',
      '日期变更（“2022 年 3 月 1 日”→“2023 年 6 月 1 日”）',
    ],
  ],
  'trivial-link': [
    [
      { id: 'trivial-link', before: 'https://a.example.com/privacy', after: 'https://b.example.com/privacy', more: 0 },
      'a link changed ("https://a.example.com/privacy" → "https://b.example.com/privacy")',
      '链接变更（“https://a.example.com/privacy”→“https://b.example.com/privacy”）',
    ],
  ],
  'trivial-boilerplate': [
    [
      { id: 'trivial-boilerplate', before: '© 2020 Acme Ltd.', after: '© 2021 Acme Ltd.', more: 0 },
      'a copyright or trade-mark notice changed ("© 2020 Acme Ltd." → "© 2021 Acme Ltd.")',
      '版权或商标声明调整（“© 2020 Acme Ltd.”→“© 2021 Acme Ltd.”）',
    ],
    [{ id: 'trivial-boilerplate', before: '', after: '版权所有。', more: 0 }, 'a copyright or trade-mark notice was added ("版权所有。")', '新增了版权或商标声明（“版权所有”）'],
    [{ id: 'trivial-boilerplate', before: '版权所有。', after: '', more: 0 }, 'a copyright or trade-mark notice was removed ("版权所有。")', '删除了版权或商标声明（“版权所有”）'],
  ],
  'heading-level': [[{ id: 'heading-level', text: '联系我们', from: 2, to: 3 }, 'the heading "联系我们" moved from level 2 to level 3', '标题“联系我们”由第 2 级调整为第 3 级']],
  'block-kind': [[{ id: 'block-kind', from: 'paragraph', to: 'listItem' }, 'the block changed from paragraph to listItem with the same text', '内容由段落改为列表项，文字未变']],
  'same-text': [[{ id: 'same-text' }, 'the text a reader sees is the same before and after', '读者看到的文字前后相同']],
  'heading-changed': [
    [
      { id: 'heading-changed', from: '4. 信息的共享', to: '4. 信息的共享、转让和公开披露' },
      'the heading changed from "4. 信息的共享" to "4. 信息的共享、转让和公开披露"',
      '标题由“4. 信息的共享”改为“4. 信息的共享、转让和公开披露”',
    ],
  ],
  'heading-block': [[{ id: 'heading-block', change: 'added', text: '11. 未成年人保护' }, 'the heading "11. 未成年人保护" was added', '新增了标题“11. 未成年人保护”']],
  'table-header': [[{ id: 'table-header', change: 'added', text: '项目 | 说明' }, 'a table\'s header row "项目 | 说明" was added; it names the columns, the rows say what the table says', '新增了表头“项目 | 说明”；表头只列出栏目名称，表格内容以各行为准']],
  'empty-block': [[{ id: 'empty-block', change: 'removed', blockKind: 'thematicBreak' }, 'a thematicBreak without text was removed', '删除了一个不含文字的分隔线']],
  block: [
    [{ id: 'block', change: 'added', what: 'listItem', text: '活动报名信息；' }, 'a list item was added: "活动报名信息；"', '新增了一个列表项：“活动报名信息”'],
    [{ id: 'block', change: 'removed', what: 'paragraph', text: '我们不会出售您的个人信息。' }, 'a paragraph was removed: "我们不会出售您的个人信息。"', '删除了一个段落：“我们不会出售您的个人信息”'],
    [{ id: 'block', change: 'added', what: 'tableRow', text: '设备信息 | 安全保障' }, 'a table row was added: "设备信息 | 安全保障"', '新增了一个表格行：“设备信息 | 安全保障”'],
  ],
  'examples-gained': [
    [
      { id: 'examples-gained', sentence: '例如密码加密、访问控制等措施。', added: ['访问控制'] },
      'the examples in "例如密码加密、访问控制等措施。" gained "访问控制"',
      '“例如密码加密、访问控制等措施”中的示例增加了“访问控制”',
    ],
  ],
  enumeration: [
    [
      { id: 'enumeration', sentence: '联系信息：您的姓名、电子邮件地址、身份证号码。', added: ['身份证号码'], removed: ['公司'] },
      'the enumeration in "联系信息：您的姓名、电子邮件地址、身份证号码。" adds "身份证号码" and removes "公司"',
      '“联系信息：您的姓名、电子邮件地址、身份证号码”中的列举项增加了“身份证号码”，删除了“公司”',
    ],
  ],
  sentence: [
    [{ id: 'sentence', change: 'added', text: '您还可以向监管部门投诉。' }, 'a sentence was added: "您还可以向监管部门投诉。"', '新增了一句：“您还可以向监管部门投诉”'],
    [{ id: 'sentence', change: 'removed', text: '我们不会将您的信息传输至境外。' }, 'a sentence was removed: "我们不会将您的信息传输至境外。"', '删除了一句：“我们不会将您的信息传输至境外”'],
  ],
  clause: [
    [{ id: 'clause', change: 'added', text: '，在转移前通知您' }, 'a clause was added: "，在转移前通知您"', '新增了一处表述：“在转移前通知您”'],
    [{ id: 'clause', change: 'removed', text: '仅用作回复垂询之用途' }, 'a clause was removed: "仅用作回复垂询之用途"', '删除了一处表述：“仅用作回复垂询之用途”'],
  ],
  concept: [
    [
      { id: 'concept', added: ['网信', '投诉'], removed: ['权利'], concepts: ['complaint', 'rights'] },
      `the edit adds "网信", "投诉" and removes "权利" (complaint channel, users' rights)`,
      '本处修改增加了“网信”、“投诉”，删除了“权利”（涉及：投诉渠道、用户的权利）',
    ],
  ],
  rewrite: [
    [
      { id: 'rewrite', from: '我们保存您的信息三十天。', to: '我们将根据业务需要决定保存期限。' },
      'the passage was rewritten (from "我们保存您的信息三十天。" to "我们将根据业务需要决定保存期限。")',
      '该段被改写（由“我们保存您的信息三十天”改为“我们将根据业务需要决定保存期限”）',
    ],
  ],
  recast: [
    [
      { id: 'recast', from: 'We answer within a month.', to: 'Within a month, we answer.' },
      '"We answer within a month." was recast as "Within a month, we answer.": the same terms, figures and promises in another order or other sentences',
      '“We answer within a month.”改写为“Within a month, we answer.”：仅调整语序或拆分、合并句子，用语、数字和承诺均未增删',
    ],
  ],
  'security-measures': [
    [
      { id: 'security-measures', from: 'We encrypt data at rest.', to: 'Data is encrypted at rest with AES-256.' },
      'the description of security measures was rewritten (from "We encrypt data at rest." to "Data is encrypted at rest with AES-256."): it says how data is protected; what is collected, used, shared or kept and how to reach us did not change',
      '安全措施的描述由“We encrypt data at rest.”改写为“Data is encrypted at rest with AES-256.”：说明的是如何保护信息，收集、使用、共享、保存和联系方式均未改变',
    ],
  ],
  rewording: [
    [
      { id: 'rewording', from: '我们的隐私政策可能变更。', to: '我们可能会不时修订本隐私政策。' },
      'the wording changed from "我们的隐私政策可能变更。" to "我们可能会不时修订本隐私政策。" without adding or removing a commitment term',
      '措辞由“我们的隐私政策可能变更”改为“我们可能会不时修订本隐私政策”，未增删承诺性用语',
    ],
  ],
  'link-target': [
    [{ id: 'link-target', from: ['https://a.example.com'], to: ['https://b.example.com'] }, 'a link target changed (https://a.example.com → https://b.example.com)', '链接目标由 https://a.example.com 变更为 https://b.example.com'],
    [{ id: 'link-target', from: [], to: ['https://b.example.com'] }, 'a link target changed ((none) → https://b.example.com)', '新增了链接目标：https://b.example.com'],
    [{ id: 'link-target', from: ['https://a.example.com'], to: [] }, 'a link target changed (https://a.example.com → (none))', '删除了链接目标：https://a.example.com'],
  ],
  'channel-link': [
    [
      { id: 'channel-link', where: 'link', anchor: '隐私申请表单', from: ['https://a.example.com/form'], to: ['https://b.example.com/form'] },
      'the link "隐私申请表单", a request or contact channel, now points to https://b.example.com/form instead of https://a.example.com/form',
      '链接“隐私申请表单”是提出请求或联系我们的渠道，其目标由 https://a.example.com/form 变更为 https://b.example.com/form',
    ],
    [
      { id: 'channel-link', where: 'text', anchor: '请通过以下网址提交申请', from: ['https://a.example.com/form'], to: [] },
      'the address after "请通过以下网址提交申请", a request or contact channel, now points to (nothing) instead of https://a.example.com/form',
      '“请通过以下网址提交申请”中的地址是提出请求或联系我们的渠道，其目标由 https://a.example.com/form 变更为（无）',
    ],
  ],
  'negated-scope': [
    [
      { id: 'negated-scope', change: 'added', text: '主动', sentence: '我们不会主动共享您的信息。' },
      'the negative promise "我们不会主动共享您的信息。" was qualified by "主动", which narrows what it rules out',
      '否定性承诺“我们不会主动共享您的信息”增加了限定“主动”，缩小了其排除的范围',
    ],
    [
      { id: 'negated-scope', change: 'removed', text: '为获利', sentence: '我们不会出售您的信息。' },
      'the negative promise "我们不会出售您的信息。" lost the qualifier "为获利", which widens what it rules out',
      '否定性承诺“我们不会出售您的信息”删除了限定“为获利”，扩大了其排除的范围',
    ],
  ],
  'negated-replaced': [
    [
      { id: 'negated-replaced', from: '共享', to: '出售', sentence: '我们不会出售您的信息。' },
      'the negative promise "我们不会出售您的信息。" now rules out "出售" instead of "共享"',
      '否定性承诺“我们不会出售您的信息”排除的内容由“共享”改为“出售”',
    ],
  ],
  'only-scope': [
    [
      { id: 'only-scope', change: 'added', text: '以及产品研发', sentence: '我们仅将您的反馈用于处理您的请求以及产品研发。' },
      'the restriction "我们仅将您的反馈用于处理您的请求以及产品研发。" now also allows "以及产品研发", which widens it',
      '限定性承诺“我们仅将您的反馈用于处理您的请求以及产品研发”增加了允许的内容“以及产品研发”，扩大了其范围',
    ],
    [
      { id: 'only-scope', change: 'removed', text: 'and billing', sentence: 'We keep your address solely for shipping.' },
      'the restriction "We keep your address solely for shipping." no longer allows "and billing", which narrows it',
      '限定性承诺“We keep your address solely for shipping.”删除了允许的内容“and billing”，缩小了其范围',
    ],
  ],
  'only-replaced': [
    [
      { id: 'only-replaced', from: 'shipping', to: 'marketing', sentence: 'We keep your address solely for marketing.' },
      'the restriction "We keep your address solely for marketing." now allows "marketing" instead of "shipping"',
      '限定性承诺“We keep your address solely for marketing.”允许的内容由“shipping”改为“marketing”',
    ],
  ],
  entity: [
    [
      { id: 'entity', type: 'email', removed: ['legal@pingcap.com'], added: ['legal@pingcap.cn'] },
      'Contact e-mail address changed from legal@pingcap.com to legal@pingcap.cn',
      '联系邮箱由 legal@pingcap.com 变更为 legal@pingcap.cn',
    ],
    [{ id: 'entity', type: 'phone', removed: [], added: ['400-123-4567'] }, 'Contact phone number added: 400-123-4567', '新增了联系电话：400-123-4567'],
    [
      { id: 'entity', type: 'organization', removed: ['平凯星辰（北京）科技有限公司'], added: [] },
      'Organisation removed: 平凯星辰（北京）科技有限公司',
      '删除了机构名称：“平凯星辰（北京）科技有限公司”',
    ],
    [{ id: 'entity', type: 'duration', removed: ['三十天'], added: ['十五个工作日'] }, 'Period changed from 三十天 to 十五个工作日', '期限由“三十天”变更为“十五个工作日”'],
  ],
  flip: [
    [
      {
        id: 'flip',
        parts: [
          { markerClass: 'negation', removed: ['不会'], added: [] },
          { markerClass: 'may', removed: [], added: ['可能'] },
        ],
      },
      `the promise's force changed: negation "不会" was removed; permission "可能" was added`,
      '承诺的效力发生变化：删除了否定用语“不会”，增加了许可性用语“可能”',
    ],
    [{ id: 'flip', parts: [{ markerClass: 'must', removed: ['应当'], added: ['可以'] }] }, `the promise's force changed: obligation "应当" became "可以"`, '承诺的效力发生变化：义务性用语“应当”变为“可以”'],
  ],
  moved: [
    [{ id: 'moved', from: 12, to: 30 }, 'the block moved from line 12 to line 30 unchanged', '该内容由第 12 行移至第 30 行，未作修改'],
    [{ id: 'moved', from: null, to: 30 }, 'the block moved from line ? to line 30 unchanged', '该内容移至第 30 行，未作修改'],
  ],
  rejoined: [
    [{ id: 'rejoined', how: 'merged' }, 'the paragraph was merged with the paragraph after it; not a word changed', '该段与其后一段合并，文字未作任何改动'],
    [{ id: 'rejoined', how: 'split' }, 'the paragraph was split; not a word changed', '该段被拆分，文字未作任何改动'],
  ],
  reappears: [
    [
      { id: 'reappears', line: 42, trigger: 3 },
      'the block reappears, edited, at line 42; that change is judged there (it states trigger 3)',
      '该内容经修改后出现在第 42 行，相关变更在该处判定（该内容载明重大变更情形 3）',
    ],
    [{ id: 'reappears', line: 42, trigger: null }, 'the block reappears, edited, at line 42; that change is judged there', '该内容经修改后出现在第 42 行，相关变更在该处判定'],
  ],
  'moved-text': [
    [{ id: 'moved-text', what: 'listItem', text: '设备信息。', how: 'split-out', line: 20 }, 'the list item "设备信息" was split out of the old text at line 20', '列表项“设备信息”是从旧版第 20 行的文字中拆分出来的'],
    [{ id: 'moved-text', what: 'text', text: '我们将在三十天内答复。', how: 'merged-in', line: 21 }, 'the text "我们将在三十天内答复" was merged into the new text at line 21', '文字“我们将在三十天内答复”已并入新版第 21 行的文字'],
  ],
  'nothing-changed': [[{ id: 'nothing-changed' }, 'nothing a reader sees changed', '读者可见的内容没有变化']],
  restates: [
    [
      { id: 'restates', what: 'limit', text: '我们不会将上述信息用于其他用途。' },
      'the added words "我们不会将上述信息用于其他用途" repeat a limit the policy already sets',
      '新增文字“我们不会将上述信息用于其他用途”重申本政策已有的限制',
    ],
    [
      { id: 'restates', what: 'version', text: 'Earlier versions stay on our website.' },
      'the added words "Earlier versions stay on our website" speak of the policy\'s own versions; they change no commitment',
      '新增文字“Earlier versions stay on our website”说明本政策自身的版本，未改变任何承诺',
    ],
  ],
  'history-entry': [
    [
      { id: 'history-entry', change: 'added', text: '2024 年 6 月 20 日：新增功能说明。' },
      'a line of the policy\'s own change log was added: "2024 年 6 月 20 日：新增功能说明"; the edit it records is judged where it happens',
      '本政策修订记录新增一行：“2024 年 6 月 20 日：新增功能说明”；其所记录的修改在修改之处判定',
    ],
  ],
  'trigger-removed': [
    [
      { id: 'trigger-removed', index: 6, text: '个人信息安全影响评估报告表明存在高风险；', frontMatter: false },
      'trigger 6 "个人信息安全影响评估报告表明存在高风险" was removed from the list of major changes',
      '重大变更情形 6（“个人信息安全影响评估报告表明存在高风险”）已从重大变更情形清单中删除',
    ],
    [
      { id: 'trigger-removed', index: 6, text: '个人信息安全影响评估报告表明存在高风险', frontMatter: true },
      'trigger 6 "个人信息安全影响评估报告表明存在高风险" was removed from the list of major changes (front matter)',
      '重大变更情形 6（“个人信息安全影响评估报告表明存在高风险”）已从文件头信息中的重大变更情形清单中删除',
    ],
  ],
  'trigger-dropped': [
    [{ id: 'trigger-dropped', index: 2, text: '信息控制者发生变化' }, 'trigger 2 "信息控制者发生变化" is no longer in the list of major changes', '重大变更情形 2（“信息控制者发生变化”）已不在重大变更情形清单中'],
  ],
  'trigger-edited': [
    [
      { id: 'trigger-edited', index: 3, from: '主要对象发生变化', to: '主要对象发生重大变化', frontMatter: false },
      'trigger 3 of the list of major changes was reworded from "主要对象发生变化" to "主要对象发生重大变化"',
      '重大变更情形 3 的表述由“主要对象发生变化”改为“主要对象发生重大变化”',
    ],
    [
      { id: 'trigger-edited', index: 3, from: '主要对象发生变化', to: '主要对象发生重大变化', frontMatter: true },
      'trigger 3 of the list of major changes (front matter) was reworded from "主要对象发生变化" to "主要对象发生重大变化"',
      '文件头信息中的重大变更情形 3 的表述由“主要对象发生变化”改为“主要对象发生重大变化”',
    ],
  ],
  'trigger-added': [
    [
      { id: 'trigger-added', text: '个人信息出境的境外接收方发生变化；', frontMatter: false },
      'a new trigger was added to the list of major changes: "个人信息出境的境外接收方发生变化"',
      '重大变更情形清单新增了一项：“个人信息出境的境外接收方发生变化”',
    ],
    [
      { id: 'trigger-added', text: '个人信息出境的境外接收方发生变化', frontMatter: true },
      'a new trigger was added to the list of major changes (front matter): "个人信息出境的境外接收方发生变化"',
      '文件头信息中的重大变更情形清单新增了一项：“个人信息出境的境外接收方发生变化”',
    ],
  ],
  'list-lead-in': [
    [
      { id: 'list-lead-in', detail: { id: 'flip', parts: [{ markerClass: 'open-ended', removed: ['包括但不限于'], added: [] }] } },
      `the sentence that introduces the list of major changes changed: the promise's force changed: open-ended scope "包括但不限于" was removed`,
      '引出重大变更情形清单的句子发生变化（承诺的效力发生变化：删除了开放式用语“包括但不限于”）',
    ],
  ],
  'front-matter': [
    [{ id: 'front-matter', key: 'title', from: '隐私政策', to: '隐私声明' }, 'the front-matter key "title" changed from "隐私政策" to "隐私声明"', '文件头信息字段“title”由“隐私政策”改为“隐私声明”'],
    [{ id: 'front-matter', key: 'type', from: null, to: 'privacy-policy' }, 'the front-matter key "type" changed from (absent) to "privacy-policy"', '新增了文件头信息字段“type”，取值为“privacy-policy”'],
    [{ id: 'front-matter', key: 'type', from: 'privacy-policy', to: null }, 'the front-matter key "type" changed from "privacy-policy" to (absent)', '删除了文件头信息字段“type”（原取值为“privacy-policy”）'],
  ],
};

const CONTACT: Governance = {
  where: { at: 'section', title: '10. 如何联系我们' },
  trigger: { index: 5, text: '我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化；' },
  governed: true,
  isDefault: false,
};
const EMAIL: SignalMessage = { id: 'entity', type: 'email', removed: ['legal@pingcap.com'], added: ['legal@pingcap.cn'] };
const SENTENCE: SignalMessage = { id: 'sentence', change: 'added', text: '我们会将旧版本存档。' };

/** Every reason message id, with every way of naming the governing trigger. */
const REASONS: Rows<ReasonMessage, ReasonMessageId> = {
  major: [
    [
      { id: 'major', clause: EMAIL, governance: CONTACT },
      'Contact e-mail address changed from legal@pingcap.com to legal@pingcap.cn; section "10. 如何联系我们" is governed by trigger 5 ("我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化").',
      '联系邮箱由 legal@pingcap.com 变更为 legal@pingcap.cn；第“10. 如何联系我们”节受重大变更情形 5（“我们负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化”）约束。',
    ],
    [
      { id: 'major', clause: EMAIL, governance: { where: { at: 'opening' }, trigger: { index: 5, text: '负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化' }, governed: true, isDefault: true } },
      'Contact e-mail address changed from legal@pingcap.com to legal@pingcap.cn; the opening text falls under the default category 5 ("负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化"), used because the policy lists no major-change triggers of its own.',
      '联系邮箱由 legal@pingcap.com 变更为 legal@pingcap.cn；开头部分属于默认类别 5（“负责处理个人信息安全的责任部门、联络方式及投诉渠道发生变化”）；因本政策未列出自己的重大变更情形，故适用默认类别。',
    ],
    [
      { id: 'major', clause: null, governance: { where: { at: 'front-matter' }, trigger: { index: 1, text: '处理目的发生变化' }, governed: false, isDefault: false } },
      'The change alters a commitment; no trigger governs the front matter; the nearest is trigger 1 ("处理目的发生变化").',
      '该变更改变了一项承诺；文件头信息不受任何重大变更情形约束，最接近的是重大变更情形 1（“处理目的发生变化”）。',
    ],
    [
      { id: 'major', clause: SENTENCE, governance: { where: { at: 'opening' }, trigger: null, governed: false, isDefault: false } },
      'A sentence was added: "我们会将旧版本存档。"; no trigger governs the opening text.',
      '新增了一句：“我们会将旧版本存档”；开头部分不受任何重大变更情形约束。',
    ],
  ],
  'minor-ungoverned': [
    [
      { id: 'minor-ungoverned', clause: SENTENCE, governance: { where: { at: 'section', title: '9. 本政策如何更新' }, trigger: { index: 1, text: '处理目的发生变化' }, governed: false, isDefault: false } },
      'A sentence was added: "我们会将旧版本存档。"; minor because no trigger governs section "9. 本政策如何更新".',
      '新增了一句：“我们会将旧版本存档”；因第“9. 本政策如何更新”节不受任何重大变更情形约束，故属一般变更。',
    ],
  ],
  plain: [
    [{ id: 'plain', clause: { id: 'trivial-typo', before: '搜集', after: '收集', more: 0 } }, 'Typo fixed: "搜集" → "收集".', '错别字修正：“搜集”→“收集”。'],
    [
      { id: 'plain', clause: { id: 'trivial-date', before: '2022 年 3 月 1 日', after: '2023 年 6 月 1 日', more: 0 } },
      'A date changed ("2022 年 3 月 1 日" → "2023 年 6 月 1 日").',
      '日期变更（“2022 年 3 月 1 日”→“2023 年 6 月 1 日”）。',
    ],
  ],
  nothing: [[{ id: 'nothing' }, 'Nothing a reader sees changed.', '读者可见的内容没有变化。']],
};

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

describe('reason catalogues (src/classify/messages)', () => {
  it('every catalogue words every signal and reason message id', () => {
    expect(Object.keys(CATALOGUES).length).toBeGreaterThanOrEqual(2);
    for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
      expect(catalogue.lang, lang).toBe(lang);
      expect(sorted(Object.keys(catalogue.signals)), `${lang} signals`).toEqual(sorted(Object.keys(SIGNALS)));
      expect(sorted(Object.keys(catalogue.reasons)), `${lang} reasons`).toEqual(sorted(Object.keys(REASONS)));
      for (const render of [...Object.values(catalogue.signals), ...Object.values(catalogue.reasons)]) expect(typeof render).toBe('function');
    }
  });

  describe('signal messages', () => {
    for (const [id, rows] of Object.entries(SIGNALS) as Array<[SignalMessageId, Array<Row<SignalMessage>>]>) {
      it(id, () => {
        expect(rows.length).toBeGreaterThan(0);
        for (const [message, en, zh] of rows) {
          expect(renderSignalMessage(message, 'en')).toBe(en);
          expect(renderSignalMessage(message, 'zh')).toBe(zh);
        }
      });
    }
  });

  describe('reason messages', () => {
    for (const [id, rows] of Object.entries(REASONS) as Array<[ReasonMessageId, Array<Row<ReasonMessage>>]>) {
      it(id, () => {
        expect(renderReasonMessages(rows.map(([m]) => m), 'en')).toEqual(rows.map(([, en]) => en));
        expect(renderReasonMessages(rows.map(([m]) => m), 'zh')).toEqual(rows.map(([, , zh]) => zh));
      });
    }
  });

  it('Chinese wording uses Chinese punctuation and quotes, and no English words of its own', () => {
    const zh = [
      ...Object.values(SIGNALS).flatMap((rows) => rows.map(([m]) => renderSignalMessage(m as SignalMessage, 'zh'))),
      ...renderReasonMessages(Object.values(REASONS).flatMap((rows) => rows.map(([m]) => m as ReasonMessage)), 'zh'),
    ];
    for (const text of zh) {
      // Latin text here comes only from the samples (addresses, links, keys, "privacy policy").
      const own = text.replace(/[“][^”]*[”]/gu, '').replace(/[\w.@:/-]+@[\w.-]+|https?:\/\/\S+?(?=[\s，。；）]|$)/gu, '');
      expect(own, text).not.toMatch(/["';:,]|\.(?!\s)|\b(?:the|was|changed|trigger|section|added|removed|minor|major)\b/iu);
      expect(text).toMatch(/\p{Script=Han}/u);
    }
    for (const [, , sentence] of Object.values(REASONS).flat()) expect(sentence).toMatch(/。$/u);
  });

  it('names every concept of the lexicon in Chinese', () => {
    expect(sorted(Object.keys(CONCEPT_LABELS))).toEqual(sorted(LEXICON.map((c) => c.id)));
    for (const label of Object.values(CONCEPT_LABELS)) expect(label).toMatch(/^\p{Script=Han}/u);
  });

  it('renderReasons words a classified change in a language; a change without messages keeps its English reasons', () => {
    const reasonMessages = REASONS.major.map(([m]) => m);
    const english = REASONS.major.map(([, en]) => en);
    expect(renderReasons({ reasons: english, reasonMessages }, 'zh')).toEqual(REASONS.major.map(([, , zh]) => zh));
    expect(renderReasons({ reasons: english, reasonMessages }, 'en')).toEqual(english);
    expect(renderReasons({ reasons: ['Hand-written.'] }, 'zh')).toEqual(['Hand-written.']);
  });

  it('a language without a catalogue is worded in English', () => {
    expect(catalogueFor('fr')).toBe(CATALOGUES.en);
    expect(catalogueFor('zh')).toBe(CATALOGUES.zh);
    expect(catalogueFor('toString')).toBe(CATALOGUES.en);
  });
});
