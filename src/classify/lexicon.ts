/**
 * The bilingual lexicon of privacy-law concepts: reviewed data, not code.
 *
 * Each concept belongs to one family — the six categories of material change common to
 * privacy law (GB/T 35273 §9; GDPR Art. 13/14 lists the same things) — or to none.
 * Triggers and sections are matched through these concepts, so a trigger that says
 * "联络方式" governs a section headed "How to contact us".
 *
 * Terms: Chinese terms match as substrings; English terms match whole words,
 * case-insensitively, with regular inflections (share → shares, shared, sharing;
 * party → parties); a trailing `*` matches any ending (disclos* → disclosure).
 * `strong` concepts are commitments: adding or removing one of their terms in a
 * governed section changes what the policy promises. Weak concepts only help to
 * tell which trigger governs a section. A term written `~term` is ambiguous in
 * ordinary prose ("keep you logged in", 访问我们的网站): it helps affinity but its
 * addition or removal alone is not a changed commitment. A term written `^term` is a
 * connective that announces the concept ("in order to" opens a purpose): it counts in
 * full for affinity, but it names no commitment of its own, so rewording it
 * ("in order to" → "so that we can") changes nothing.
 */

/** The six categories of material change (the default trigger list follows them, in this order). */
export const FAMILIES = ['processing', 'controller', 'sharing', 'rights', 'contact', 'assessment'] as const;

/** One of the six categories of material change. */
export type Family = (typeof FAMILIES)[number];

/** One concept of the lexicon. */
export interface Concept {
  /** Stable id, used in reasons and tests. */
  id: string;
  /** Words a lawyer would use for it in a reason. */
  label: string;
  /** The category it belongs to, or null for concepts that only help affinity. */
  family: Family | null;
  /** Strong concepts are commitments (see the module comment). */
  strong: boolean;
  zh: string[];
  en: string[];
}

/** The lexicon. Reviewed like code: add terms here, never in the rules. */
export const LEXICON: readonly Concept[] = [
  // — processing: purposes, categories, ways of use, retention, storage location, cross-border —
  {
    id: 'service-model',
    label: 'service model',
    family: 'processing',
    strong: false,
    zh: ['服务模式', '业务模式', '业务功能', '产品功能'],
    en: ['service model', 'business model', 'services we offer'],
  },
  {
    id: 'purpose',
    label: 'purpose of processing',
    family: 'processing',
    strong: true,
    zh: ['目的', '用途', '用作', '~用于'],
    // "in order to" opens a purpose clause: the purpose is what follows it.
    en: ['purpose', '^in order to', '^in order that', '^so as to', 'for the purpose*'],
  },
  {
    id: 'collection',
    label: 'collection of personal information',
    family: 'processing',
    strong: true,
    zh: ['收集', '搜集', '采集', '~获取', '个人信息类型', '信息类型', '类别', '种类', '我们主动', '您主动提供'],
    en: ['collect', 'collection', 'gather', '~obtain', 'categories', 'category', 'types of personal*', 'types of data', 'types of information', 'kinds of personal*', '~receive'],
  },
  {
    id: 'data-item',
    label: 'kind of personal information',
    family: 'processing',
    strong: true,
    zh: [
      '姓名', '联系信息', '电子邮件地址', '邮箱地址', '手机号码', '电话号码', '身份证', '证件号码', '护照', '出生日期', '性别', '年龄', '住址', '位置信息', '地理位置', '精确位置', '行踪',
      '设备信息', '设备标识', 'IP 地址', 'IP地址', 'Cookie', 'cookie', '浏览记录', '搜索记录', '~日志', '使用记录', '交易记录', '~订单', '支付信息', '银行卡', '银行账户', '财产信息', '~信用',
      '生物识别', '人脸', '面部', '指纹', '声纹', '虹膜', '健康', '医疗', '通讯录', '联系人', '短信', '通话记录', '~照片', '~图片', '~音频', '~视频', '~录音', '~录像',
      '报名', '签到', '参会', '简历', '~职业', '~教育', '工作单位', '~账号', '账户信息', '~密码', '~社交', '敏感个人信息', '个人敏感信息', '未成年人', '儿童',
    ],
    en: [
      '~name', 'contact information', 'email address*', 'e-mail address*', 'phone number', 'mobile number', 'telephone number', 'date of birth', 'birthday', 'gender', '~age', 'postal address', 'home address', 'billing address',
      'location data', 'geolocation', 'precise location', 'location information', 'device information', 'device identifier*', 'ip address*', 'cookie', 'web beacon', 'pixel', 'tracking technolog*',
      '~browsing', 'search history', 'log data', 'log file', 'usage data', 'usage information', '~transaction*', 'purchase history', 'payment information', 'payment card', 'credit card', 'bank account', 'financial information',
      'biometric*', 'facial', '~face', 'fingerprint', '~voice', 'health', 'medical', 'genetic', 'contact list', 'address book', '~photo', '~photograph', '~audio', '~video', '~recording',
      '~registration', 'check-in', 'resume', 'cv', '~employment', '~education', 'account information', '~password', '~credentials', 'social media', 'sensitive personal*', 'sensitive data', 'special categor*',
      'government id', 'identification number', 'social security', 'passport', '~driver*', '~children', '~child', '~minor', 'inferences', '~metadata', '~content you*', '~messages', '~communications',
    ],
  },
  {
    id: 'use',
    label: 'use of personal information',
    family: 'processing',
    strong: false,
    zh: ['使用', '处理', '利用', '使用方式'],
    en: ['use', 'process', 'processing', 'handle'],
  },
  {
    id: 'use-kind',
    label: 'way of using personal information',
    family: 'processing',
    strong: true,
    zh: [
      '分析', '自动化', '自动决策', '画像', '用户画像', '营销', '推广', '广告', '个性化', '推荐', '~推送', '定向', '~决策', '训练', '机器学习', '人工智能', '~算法', '~统计', '~研究', '~分类', '~评分', '~匹配',
    ],
    en: [
      'analy*', 'automated', '~automatic', '~automatically', 'profil*', 'marketing', 'advertis*', 'ads', 'personaliz*', 'personalis*', 'recommend*', 'targeted', 'targeting', 'decision-making', 'decision making',
      '~train', '~training', 'machine learning', 'artificial intelligence', 'ai', 'algorithm*', '~statistic*', '~research', '~classify', '~classif*', '~score', 'scoring', 'promotional', 'newsletter*', 'tracking', '~combine',
    ],
  },
  {
    id: 'retention',
    label: 'retention period',
    family: 'processing',
    strong: true,
    zh: ['~保留', '保存期限', '存储期限', '保存期', '留存', '~期限', '保存时间', '保留时间', '~有效期'],
    // A cookie's lifetime is how long it keeps what it holds.
    en: ['retain', 'retention', '~keep', '~as long as', '~period', 'store*for', 'storage period', 'deleted after', '~no longer', '~lifetime', '~lifetimes'],
  },
  {
    id: 'storage',
    label: 'storage',
    family: 'processing',
    strong: false,
    zh: ['存储', '储存', '保存'],
    en: ['store', 'storage', 'stored', 'host*'],
  },
  {
    id: 'location',
    label: 'storage location or cross-border transfer',
    family: 'processing',
    strong: true,
    zh: ['~服务器', '境内', '境外', '出境', '跨境传输', '跨境', '全球范围', '海外', '国外', '数据中心', '云服务'],
    en: ['~server', '~servers', 'overseas', 'abroad', 'cross-border', 'international transfer*', 'cross-border transfer*', 'cross-border data transfer*', 'data transfer*', 'transfers abroad', 'transferred globally', '~globally', '~international*', 'data cent*', '~outside', '~located in', '~country', '~countries', '~jurisdiction*', 'adequacy', 'standard contractual clauses', '~cloud'],
  },
  // — controller: who controls the information, corporate changes —
  {
    id: 'controller',
    label: 'information controller',
    family: 'controller',
    strong: true,
    zh: ['控制者', '控制权', '信息控制者', '运营者', '运营主体', '个人信息处理者', '共同控制', '共同处理'],
    en: ['controller', 'control over', 'controlling interest', 'joint controller*', '~operator', 'data controller', 'responsible for your personal*', 'who we are', 'operated by'],
  },
  {
    id: 'corporate',
    label: 'merger, acquisition or other corporate change',
    family: 'controller',
    strong: true,
    zh: ['并购', '重组', '合并', '收购', '分立', '破产', '资产转让', '子公司', '母公司', '全资', '控股'],
    en: ['merger', 'acquisition', 'acquire*', 'reorganization', 'reorganisation', 'bankruptcy', 'insolvency', 'sale of assets', 'asset sale', 'subsidiar*', 'parent company', 'successor', 'divestiture', 'change of control', 'corporate transaction'],
  },
  {
    id: 'company',
    label: 'company',
    family: 'controller',
    strong: false,
    zh: ['公司', '集团'],
    en: ['company', 'companies', 'corporation', '~entity', '~entities'],
  },
  // — sharing: recipients, transfer, disclosure, consent exceptions —
  {
    id: 'sharing',
    label: 'sharing, transfer or disclosure',
    family: 'sharing',
    strong: true,
    zh: ['共享', '分享', '转让', '公开披露', '披露', '对外提供', '提供给', '委托处理', '出售', '出租', '交换'],
    en: ['share', 'sharing', 'disclos*', 'sell', 'sale', 'selling', 'rent', 'make available', 'made available', 'provide it to', '~transfer'],
  },
  {
    id: 'recipient',
    label: 'recipients',
    family: 'sharing',
    strong: true,
    zh: [
      '第三方', '关联公司', '关联方', '合作伙伴', '合作方', '服务提供商', '服务商', '供应商', '承包商', '~代理', '接收方', '广告商', '广告主', '受托方', '政府机关', '司法机关', '执法', '有权机关', '监管机构',
    ],
    en: [
      'third part*', 'affiliate*', 'partner*', 'service provider*', 'vendor*', 'supplier*', 'contractor*', 'agent*', 'recipient*', 'advertiser*', 'processor*', 'subprocessor*', 'sub-processor*',
      'law enforcement', 'authorities', 'government*', 'regulator*', 'business transfer*', 'data broker*', 'integrator*',
    ],
  },
  {
    id: 'consent-exception',
    label: 'exceptions to consent',
    family: 'sharing',
    strong: true,
    zh: ['无需事先征得', '无需征得', '征得授权同意的例外', '同意的例外', '无需另行'],
    en: ['without your consent', 'without your prior', 'exceptions to obtaining', 'without consent'],
  },
  {
    id: 'consent',
    label: 'consent',
    family: null,
    strong: false,
    zh: ['同意', '授权'],
    en: ['consent', 'authoriz*', 'authoris*', 'permission'],
  },
  // — rights: what users can do and how —
  {
    id: 'rights',
    label: "users' rights",
    family: 'rights',
    strong: true,
    zh: ['权利', '~行使', '个人信息管理', '管理您的'],
    en: ['your rights', '~right to', 'rights', '~exercise', 'data subject*', '~your choices', '~choices'],
  },
  {
    id: 'right-kind',
    label: 'a right of access, correction, deletion or withdrawal',
    family: 'rights',
    strong: true,
    zh: ['~访问', '~查阅', '~复制', '更正', '~补充', '删除', '注销', '撤回', '撤销', '可携带', '转移至', '限制处理', '反对', '拒绝接收', '退订', '获取副本', '解释说明'],
    en: [
      '~access', '~correct*', 'rectif*', 'delete', 'deletion', 'erase', 'erasure', 'withdraw*', '~object', '~objection', '~restrict*', 'portab*', 'opt out', 'opt-out', 'unsubscribe', 'close your account', '~cancel*',
      '~update your', '~copy of', 'do not sell', 'do not track', 'appeal',
    ],
  },
  {
    id: 'fee',
    label: 'fee',
    family: 'rights',
    strong: true,
    zh: ['费用', '收费', '收取', '免费'],
    en: ['fee', 'fees', 'charge', 'charges', 'free of charge', '~cost'],
  },
  {
    id: 'refusal',
    label: 'grounds for refusing a request',
    family: 'rights',
    strong: true,
    zh: ['拒绝', '不予', '无法响应', '无法满足'],
    en: ['refuse', 'decline', 'deny', 'reject*', 'unable to comply', 'not required to'],
  },
  {
    id: 'verification',
    label: 'identity verification',
    family: 'rights',
    strong: true,
    zh: ['验证您的身份', '验证身份', '身份验证', '核实身份', '核验', '~验证'],
    en: ['verify', '~verif*', '~identity', 'authenticat*', 'verify your identity', 'verifying your identity', 'identity verification', 'proof of identity'],
  },
  {
    id: 'request',
    label: 'request',
    family: 'rights',
    strong: false,
    zh: ['请求', '申请', '要求', '回复', '答复', '响应', '反馈'],
    en: ['request*', 'respond', 'response', 'reply', 'within'],
  },
  // — contact: responsible department, contact channels, complaints —
  {
    id: 'contact',
    label: 'contact details',
    family: 'contact',
    strong: true,
    zh: ['联系我们', '联系方式', '联络方式', '~联系', '~联络', '邮箱', '电子邮件', '邮件地址', '电话', '传真', '通讯地址', '邮寄', '在线客服', '客服'],
    en: ['contact', 'contact us', 'email', 'e-mail', 'phone', 'telephone', 'mailing address', 'postal', 'write to us', 'fax', 'reach us', 'support team', 'customer service'],
  },
  {
    id: 'complaint',
    label: 'complaint channel',
    family: 'contact',
    strong: true,
    zh: ['投诉', '举报', '申诉', '监管部门', '网信', '诉讼', '仲裁'],
    en: ['complaint*', 'complain', 'lodge', 'supervisory authority', 'data protection authority', 'dispute*', 'arbitration', 'ombudsman'],
  },
  {
    id: 'department',
    label: 'responsible department',
    family: 'contact',
    strong: true,
    zh: ['责任部门', '~部门', '负责人', '个人信息保护负责人', '数据保护官', '法务', '~专职'],
    en: ['~department', 'data protection officer', 'dpo', 'privacy officer', 'privacy team', 'legal team', '~representative', '~responsible'],
  },
  // — assessment: a security impact assessment showing high risk —
  {
    id: 'assessment',
    label: 'impact assessment',
    family: 'assessment',
    strong: true,
    zh: ['影响评估', '风险评估', '评估报告', '~评估'],
    en: ['impact assessment', 'assessment', '~assess*', 'dpia'],
  },
  {
    id: 'risk',
    label: 'high risk',
    family: 'assessment',
    strong: true,
    zh: ['高风险', '~风险'],
    en: ['high risk', '~risk', '~risks'],
  },
  {
    id: 'notice',
    label: 'notice to users',
    family: null,
    strong: true,
    zh: ['通知您', '告知您', '通知', '告知', '公告'],
    en: ['notify', 'notification', 'inform you', 'notice to you', 'let you know'],
  },
  {
    // Terms of service: who answers for a loss, and up to what. Not one of the privacy categories, but a list
    // of material changes in terms often names it, and a cap's amount must not read as a fee there.
    id: 'liability',
    label: 'liability',
    family: null,
    strong: false,
    zh: ['责任限制', '赔偿责任', '免责', '责任上限', '赔偿上限'],
    en: ['liability', 'liable', 'indemnif*', 'disclaim*', 'limitation of liability', 'damages'],
  },
  {
    id: 'security',
    label: 'security',
    family: null,
    strong: false,
    zh: ['安全', '加密', '保护措施', '泄露', '安全事件'],
    en: ['security', 'secure', 'encrypt*', 'safeguard*', 'breach*', 'incident*'],
  },
];

/**
 * Sensitive categories of personal information (GDPR Art. 9 and 10, PIPL Art. 28, GB/T 35273 §3.2).
 * An example that names one of these, when its section did not already name it, adds a category
 * rather than illustrating one. Chinese terms match as substrings, English ones as word prefixes.
 */
export const SENSITIVE_TERMS: { readonly zh: readonly string[]; readonly en: readonly string[] } = {
  zh: [
    '敏感', '生物识别', '人脸', '面部', '指纹', '声纹', '虹膜', '基因', '健康', '医疗', '病历', '身份证', '证件号码', '护照', '银行卡', '银行账户', '财产信息', '支付信息', '征信', '信用',
    '精确位置', '精准定位', '行踪', '未成年人', '儿童', '宗教', '种族', '民族', '政治', '性取向', '性生活', '犯罪', '工会',
    // GB/T 35273 (B.2): communications.
    '通信记录', '通话记录', '通讯录', '好友列表', '群组列表', '短信内容',
  ],
  en: [
    'sensitive', 'special categor', 'biometric', 'facial', 'face scan', 'fingerprint', 'voiceprint', 'iris', 'genetic', 'health', 'medical', 'diagnos', 'government id', 'passport', 'social security',
    'national insurance', 'identification number', 'driving licen', 'driver licen', "driver's licen", 'bank account', 'payment card', 'credit card', 'card number', 'financial', 'credit report',
    'credit score', 'precise location', 'geolocation', 'child', 'minors', 'racial', 'ethnic', 'religio', 'political', 'sexual', 'sex life', 'criminal', 'trade union', 'union membership',
    'call log',
  ],
};

/**
 * Words that carry no content: pronouns, articles, particles, auxiliaries. Dropping or
 * adding only these never changes a commitment. Negations, modal verbs and scope words
 * (不, may, only, 所有 …) are NOT here: they are markers (see markers.ts).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // zh
  '的', '地', '得', '了', '着', '之', '也', '就', '则', '而', '并', '且', '其', '此', '该', '这', '那', '这些', '那些', '这个', '那个',
  '您', '你', '您的', '你的', '我们', '我们的', '他们', '他们的', '它', '它们', '本', '在', '对', '于', '为', '以', '是', '被', '把', '向', '从', '由', '中', '上', '下',
  '和', '与', '及', '或', '或者', '以及', '及其', '等', '等等', '有关', '相关', '所', '个', '请', '还', '又', '即', '如', '若',
  '个人', '信息', '个人信息', '隐私', '政策', '隐私政策', '本政策', '数据',
  // en
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'into', 'onto', 'about', 'that', 'this', 'these', 'those', 'which', 'who', 'whom', 'whose',
  'is', 'are', 'be', 'been', 'being', 'was', 'were', 'am', 'it', 'its', "it's", 'we', 'us', 'our', 'ours', 'you', 'your', 'yours', 'they', 'them', 'their', 'theirs',
  'he', 'she', 'his', 'her', 'i', 'me', 'my', 'and', 'or', 'also', 'such', 'so', 'then', 'there', 'here', 'please', 'etc', 'e.g', 'i.e', 'do', 'does', 'did', 'have', 'has', 'had',
  'personal', 'information', 'data', 'privacy', 'policy', 'statement', 'notice',
]);

/** The lexicon checked: unique ids, known families, non-empty terms, no term in two concepts. */
export function validateLexicon(lexicon: readonly Concept[]): void {
  const ids = new Set<string>();
  const terms = new Map<string, string>();
  for (const c of lexicon) {
    if (!/^[a-z][a-z-]*$/.test(c.id)) throw new Error(`lexicon: concept id "${c.id}" must be lowercase words joined by "-"`);
    if (ids.has(c.id)) throw new Error(`lexicon: concept id "${c.id}" appears twice`);
    ids.add(c.id);
    if (c.family !== null && !(FAMILIES as readonly string[]).includes(c.family)) {
      throw new Error(`lexicon: concept "${c.id}" has family "${String(c.family)}"; expected one of ${FAMILIES.join(', ')} or null`);
    }
    if (c.zh.length + c.en.length === 0) throw new Error(`lexicon: concept "${c.id}" has no terms`);
    for (const t of [...c.zh, ...c.en]) {
      if (t.trim() !== t || t === '' || t === '~' || t === '^') throw new Error(`lexicon: concept "${c.id}" has an empty or padded term "${t}"`);
      const key = t.replace(/^[~^]/, '').toLowerCase();
      const owner = terms.get(key);
      if (owner !== undefined && owner !== c.id) throw new Error(`lexicon: term "${t}" is in both "${owner}" and "${c.id}"`);
      terms.set(key, c.id);
    }
  }
}

validateLexicon(LEXICON);
