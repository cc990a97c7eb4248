// Simplified Chinese first, English switchable (?lang=en, or the switch in the header, remembered in this browser).
// Each text is [中文, English], so the two can never drift apart key by key.

const TEXT = {
  // the frame
  'app.title': ['工作台', 'Workbench'],
  'app.plan': ['郴州市县市区科技服务与创新能力提升三年行动计划', 'Chenzhou county S&T action plan'],
  'app.skip': ['跳到主要内容', 'Skip to main content'],
  'app.loading': ['正在载入…', 'Loading…'],
  'app.signedInAs': ['当前用户：', 'Signed in as '],
  'app.signOut': ['退出登录', 'Sign out'],
  'app.dashboard': ['看板', 'Dashboard'],
  'app.switchLanguage': ['English', '中文'],
  'app.switchLanguageLabel': ['Switch to English', '切换到中文'],
  'app.nav': ['主导航', 'Main navigation'],
  'app.readOnly': ['只读：您可以查看全部内容，但不能修改。', 'Read only: you can see everything and change nothing.'],
  'app.sessionEnded': ['登录已失效，请重新登录。您填写的内容已保留在本页。', 'Your session has ended; please sign in again. What you typed is kept on this page.'],
  'app.signInAgain': ['重新登录', 'Sign in again'],
  'role.COUNTY': ['县市区科技局', 'County S&T bureau'],
  'role.countyOf': ['{county}科技局', '{county} S&T bureau'],
  'role.ADMIN': ['领导小组办公室', 'Plan office'],
  'role.FINANCE': ['财务科', 'Finance section'],
  'role.VIEWER': ['查看者', 'Viewer'],

  // navigation
  'nav.home': ['首页', 'Home'],
  'nav.projects': ['项目', 'Projects'],
  'nav.review': ['评审台', 'Review desk'],
  'nav.achievements': ['成果转化', 'Achievement transformations'],
  'nav.industries': ['特色产业', 'Characteristic industries'],
  'nav.platforms': ['创新平台', 'Innovation platforms'],
  'nav.designations': ['称号认定', 'Designations'],
  'nav.alliances': ['产业技术创新联盟', 'Innovation alliances'],
  'nav.enterprises': ['企业与研发机构', 'Enterprises and R&D institutions'],
  'nav.assessments': ['科技进步考核', 'S&T progress assessments'],
  'nav.specialFund': ['专项资金', 'Special fund'],
  'nav.securedFunds': ['争取国家、省资金', 'Secured funds'],
  'nav.matchingFunds': ['配套资金', 'Matching funds'],
  'nav.statistics': ['县市区统计数据', 'County statistics'],
  'nav.scorecard': ['计分卡与预警', 'Scorecard and alerts'],
  'nav.programmes': ['专项目录', 'Programmes'],
  'nav.platformTypes': ['平台类型', 'Platform types'],
  'nav.plans': ['行动计划', 'Plans'],
  'nav.groupWork': ['业务', 'Work'],
  'nav.groupRegistry': ['平台登记', 'Registry'],
  'nav.groupMoney': ['资金', 'Money'],
  'nav.groupReference': ['目录与计划', 'Catalogues and plans'],

  // common words
  'common.none': ['—', '—'],
  'common.empty': ['暂无记录', 'Nothing yet'],
  'common.filter': ['筛选', 'Filter'],
  'common.all': ['全部', 'All'],
  'common.clear': ['清除筛选', 'Clear filters'],
  'common.previous': ['上一页', 'Previous page'],
  'common.next': ['下一页', 'Next page'],
  'common.pageOf': ['第 {page} 页，共 {pages} 页（{total} 条）', 'Page {page} of {pages} ({total} items)'],
  'common.pagination': ['分页', 'Pagination'],
  'common.details': ['详情', 'Details'],
  'common.history': ['历史记录', 'History'],
  'common.actions': ['可办理的事项', 'What you can do'],
  'common.noActions': ['当前状态下您没有可办理的事项。', 'Nothing for you to do in this state.'],
  'common.back': ['返回列表', 'Back to the list'],
  'common.required': ['必填', 'required'],
  'common.optional': ['选填', 'optional'],
  'common.choose': ['请选择', 'Choose'],
  'common.yes': ['是', 'Yes'],
  'common.no': ['否', 'No'],
  'common.saved': ['已保存', 'Saved'],
  'common.sending': ['正在提交…', 'Sending…'],
  'common.reload': ['重新载入', 'Reload'],
  'common.addRow': ['添加一行', 'Add a row'],
  'common.removeRow': ['删除第 {n} 行', 'Remove row {n}'],
  'common.row': ['第 {n} 行', 'Row {n}'],
  'common.download': ['下载', 'Download'],
  'common.new': ['新建', 'New'],
  'common.open': ['打开', 'Open'],
  'common.id': ['编号', 'Id'],
  'common.version': ['版本', 'Version'],
  'common.county': ['县市区', 'County'],
  'common.city': ['郴州市（全市）', 'Chenzhou (city)'],
  'common.status': ['状态', 'Status'],
  'common.year': ['年度', 'Year'],
  'common.date': ['日期', 'Date'],
  'common.who': ['经办人', 'By'],
  'common.recordedAt': ['记录时间', 'Recorded at'],
  'common.action': ['事项', 'Step'],
  'common.note': ['说明', 'Note'],
  'common.from': ['原状态', 'From'],
  'common.to': ['新状态', 'To'],
  'common.loadFailed': ['载入失败：{detail}', 'Could not load: {detail}'],
  'common.loadFailedTitle': ['载入失败', 'Could not load'],
  'common.tryAgain': ['重试', 'Try again'],
  'common.notFound': ['没有找到这条记录。它不存在，或者已被删除。', 'There is no such record. It does not exist, or was removed.'],
  'common.notFoundTitle': ['未找到', 'Not found'],
  'common.onePerLine': ['每行一个', 'one per line'],

  // forms and refusals
  'form.fixErrors': ['未能提交：请修改下面标出的内容（您填写的内容都已保留）。', 'Not sent: please correct what is marked below (everything you typed is kept).'],
  'form.refused': ['未能提交：', 'Not sent: '],
  'form.staleTitle': ['此项已被他人修改', 'Someone else changed this item'],
  'form.stale': ['在您打开之后，已有其他人修改了此项（现为第 {current} 版）。请重新载入查看最新内容；您填写的内容会保留。', 'Someone else changed this item after you opened it (it is now at version {current}). Reload to see the latest; what you typed is kept.'],
  'form.staleNoVersion': ['在您打开之后，已有其他人修改了此项。请重新载入查看最新内容；您填写的内容会保留。', 'Someone else changed this item after you opened it. Reload to see the latest; what you typed is kept.'],
  'form.done': ['已完成：{what}', 'Done: {what}'],
  'problem.over-budget': ['超出预算：{year} 年专项资金仅剩 {remaining}（预算 {budget}），无法安排 {requested}。', 'Over budget: the {year} special fund has {remaining} left (budget {budget}); {requested} cannot be allocated.'],
  'problem.over-budget.field': ['超出预算，剩余可安排 {remaining}', 'over budget: {remaining} left to allocate'],
  'problem.over-allocation': ['超出安排额：该笔安排仅剩 {remaining} 可拨付（安排 {allocated}），无法拨付 {requested}。', 'Over the allocation: {remaining} left to disburse of {allocated}; {requested} cannot be paid out.'],
  'problem.over-allocation.field': ['超出安排额，剩余可拨付 {remaining}', 'over the allocation: {remaining} left to disburse'],
  'problem.budget-below-committed': ['预算不能低于已承诺的金额 {committed}。', 'The budget cannot go below the {committed} already committed.'],
  'problem.illegal-transition': ['当前状态下不能办理此事项：{detail}', 'This step is not possible in the current state: {detail}'],
  'problem.duplicate-registration': ['重复登记：已有相同的登记（{existingId}）。', 'Duplicate registration: the same registration exists ({existingId}).'],
  'problem.fund-already-open': ['{year} 年专项资金已下达，请改为调整预算。', 'The {year} special fund is already open; revise its budget instead.'],
  'problem.forbidden': ['您无权办理此事项。', 'You may not do this.'],
  'problem.not-found': ['没有找到这条记录。', 'There is no such record.'],
  'problem.unauthenticated': ['登录已失效，请重新登录。', 'Your session has ended; please sign in again.'],
  'problem.csrf-token-invalid': ['页面的安全令牌已失效，请刷新页面后再试。', 'The page\'s security token is no longer valid; refresh the page and try again.'],
  'problem.rate-limited': ['请求过于频繁，请稍候再试。', 'Too many requests; please wait a moment and try again.'],
  'problem.unavailable': ['服务暂时不可用，请稍后再试。', 'The service is unavailable for the moment; please try again shortly.'],
  'problem.service-unavailable': ['服务暂时不可用，请稍后再试。', 'The service is unavailable for the moment; please try again shortly.'],
  'problem.network': ['无法连接平台，请检查网络后再试。', 'The platform cannot be reached; check the network and try again.'],
  'problem.idempotency-key-in-progress': ['上一次提交仍在处理中，请稍候。', 'The previous submission is still being processed; please wait.'],
  'problem.idempotency-key-reused': ['此次提交与之前的提交冲突，请重新提交。', 'This submission clashes with an earlier one; please submit again.'],
  'problem.concurrent-update': ['此项正被他人同时修改，请重新载入后再试。', 'Someone is changing this item at the same moment; reload and try again.'],
  'problem.command-already-applied': ['此事项已办理过，请重新载入查看结果。', 'This was already done; reload to see the result.'],
  'problem.internal-error': ['平台内部错误，请记下请求编号 {requestId} 并联系管理员。', 'The platform failed; note the request id {requestId} and tell the administrator.'],
  'problem.invalid-input': ['请修改标出的内容。', 'Please correct what is marked.'],
  'problem.other': ['{detail}', '{detail}'],

  // field reasons the services give, in the user's language (anything else is shown as the service said it)
  'reason.required': ['必填', 'is required'],
  'reason.blank': ['不能为空', 'must not be blank'],
  'reason.size': ['长度应在 {min} 到 {max} 个字符之间', 'must be {min} to {max} characters long'],
  'reason.sizeItems': ['应有 {min} 到 {max} 项', 'must have {min} to {max} entries'],
  'reason.future': ['不能晚于今天', 'must not be in the future'],
  'reason.positive': ['必须大于零', 'must be more than zero'],
  'reason.negative': ['不能为负数', 'must not be negative'],
  'reason.creditCode': ['不是有效的统一社会信用代码', 'is not a valid unified social credit code'],
  'reason.creditCodeLength': ['统一社会信用代码应为 18 位', 'a unified social credit code has 18 characters'],
  'reason.creditCodeCheck': ['统一社会信用代码校验位不符（应为 {expected}）', 'the check character does not match (expected {expected})'],
  'reason.phone': ['应为电话号码', 'must be a telephone number'],
  'reason.email': ['应为有效的电子邮箱地址', 'must be a valid email address'],
  'reason.programme': ['应为专项代码，如 SPARK', 'must be a programme code such as SPARK'],
  'reason.noProgramme': ['专项目录中没有 {code}', 'there is no programme {code} in the catalogue'],
  'reason.county': ['应为郴州市 11 个县市区之一', 'must be one of the 11 Chenzhou counties'],
  'reason.amount': ['金额以元为单位，最多两位小数，如 300000.00', 'an amount in yuan with at most two decimals, e.g. 300000.00'],
  'reason.date': ['应为日期（年-月-日）', 'must be a date (year-month-day)'],
  'reason.number': ['应为数字', 'must be a number'],
  'reason.wholeNumber': ['应为整数', 'must be a whole number'],
  'reason.oneOf': ['请从列表中选择', 'choose one from the list'],
  'reason.notBefore': ['不能早于 {date}', 'must not be before {date}'],
  'reason.singleLine': ['应为单行文字，不能含控制字符', 'must be a single line without control characters'],
  'reason.range': ['应在 {min} 到 {max} 之间', 'must be between {min} and {max}'],
  'reason.atMost': ['不能大于 {max}', 'must be at most {max}'],
  'reason.atLeast': ['不能小于 {min}', 'must be at least {min}'],
  'reason.yearRange': ['年度应在 {from} 到 {to} 之间', 'must be a year from {from} to {to}'],
  'reason.reasonWhenReturned': ['退回修改时必须说明原因', 'is required when the project is returned for correction'],
  'reason.reasonOnlyWhenReturned': ['只有退回修改时才填写原因', 'is only given when the project is returned for correction'],
};

const LANGUAGES = ['zh', 'en'];

function chooseLanguage() {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (LANGUAGES.includes(asked)) {
    localStorage.setItem('workbench.lang', asked);
    return asked;
  }
  const kept = localStorage.getItem('workbench.lang');
  return LANGUAGES.includes(kept) ? kept : 'zh';
}

export const lang = chooseLanguage();
const index = lang === 'en' ? 1 : 0;

/** Adds texts (pages and the command catalogue bring their own). */
export function define(texts) {
  Object.assign(TEXT, texts);
}

export function has(key) {
  return Object.prototype.hasOwnProperty.call(TEXT, key);
}

/** The text of a key in the user's language, with {name} placeholders filled from params. */
export function t(key, params) {
  const entry = TEXT[key];
  let text = entry ? entry[index] : key;
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined || params[name] === null ? '' : String(params[name])));
  }
  return text;
}

/** Switches the language and shows the same page again in it. */
export function switchLanguage() {
  localStorage.setItem('workbench.lang', lang === 'en' ? 'zh' : 'en');
  const params = new URLSearchParams(window.location.search);
  params.delete('lang');
  const query = params.toString();
  window.location.replace(window.location.pathname + (query ? `?${query}` : '') + window.location.hash);
}

const COUNTIES = [
  ['431002', '北湖区', 'Beihu District'], ['431003', '苏仙区', 'Suxian District'],
  ['431021', '桂阳县', 'Guiyang County'], ['431022', '宜章县', 'Yizhang County'],
  ['431023', '永兴县', 'Yongxing County'], ['431024', '嘉禾县', 'Jiahe County'],
  ['431025', '临武县', 'Linwu County'], ['431026', '汝城县', 'Rucheng County'],
  ['431027', '桂东县', 'Guidong County'], ['431028', '安仁县', 'Anren County'],
  ['431081', '资兴市', 'Zixing City'],
];

/** The 11 counties: [{code, name}] in the user's language. */
export function counties() {
  return COUNTIES.map(([code, zh, en]) => ({ code, name: index ? en : zh }));
}

export function countyName(code) {
  if (code === '431000') {
    return t('common.city');
  }
  const found = COUNTIES.find((c) => c[0] === code);
  return found ? found[1 + index] : (code || t('common.none'));
}

const money = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 });

/** An amount as the API sends it (yuan, as a string or a number) in the user's notation, e.g. ¥300,000.00. */
export function yuan(amount) {
  if (amount === null || amount === undefined || amount === '') {
    return t('common.none');
  }
  const n = Number(amount);
  return Number.isFinite(n) ? money.format(n) : String(amount);
}

export function date(value) {
  return value ? String(value).substring(0, 10) : t('common.none');
}

export function dateTime(value) {
  if (!value) {
    return t('common.none');
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

/** Today in Chenzhou (the platform's calendar), as yyyy-MM-dd. */
export function today() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date());
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}
