// Money: the special fund year by year (budget, allocated, disbursed, remaining — always current), its allocations,
// disbursements and revocations and its ledger; the funds secured toward ¥150M; matching funds; county statistics.
import { get } from '../api.js';
import { COMMANDS } from '../catalogue.js';
import { add, h } from '../dom.js';
import { countyName, date, dateTime, define, t, yuan } from '../i18n.js';
import { badge, enumText, facts, filterForm, pagedTable, table } from '../lists.js';
import { route } from '../router.js';
import { actions, back, creation, heading, link } from './common.js';

const year = { name: 'year', label: t('common.year'), type: 'integer' };
const county = { name: 'county', label: t('common.county'), type: 'county' };

function fundTable(funds) {
  return table([
    { label: t('common.year'), value: (f) => link(`/funding/${f.year}`, String(f.year)) },
    { label: t('field.budget'), value: (f) => yuan(f.budget), numeric: true },
    { label: t('fund.allocated'), value: (f) => yuan(f.allocated), numeric: true },
    { label: t('fund.disbursed'), value: (f) => yuan(f.disbursed), numeric: true },
    { label: t('fund.clawedBack'), value: (f) => yuan(f.clawedBack), numeric: true },
    { label: t('fund.remaining'), value: (f) => h('strong', { data: { remaining: f.year } }, yuan(f.remaining)), numeric: true },
    { label: t('fund.allocations'), value: (f) => f.allocations, numeric: true },
  ], funds, t('fund.caption'));
}

/** What is left of the year's budget, beside the allocation form: read again every time the form is drawn. */
function remainingBeside(fund) {
  return () => h('div', { class: 'wb-aside', 'aria-live': 'polite' },
    h('div', { class: 'wb-aside-label' }, t('fund.remainingOf', { year: fund.year })),
    h('div', { class: 'wb-aside-value', id: 'fund-remaining', data: { remaining: fund.remaining } }, yuan(fund.remaining)),
    h('div', { class: 'wb-aside-note' }, t('fund.remainingNote', { budget: yuan(fund.budget), committed: yuan(fund.committed) })));
}

async function funds(main, page) {
  const list = await get('/api/funding/special-fund');
  add(main, heading(t('nav.specialFund')), h('p', { class: 'wb-lead' }, t('fund.lead')),
    creation('openFund', page, (f) => `/funding/${f.year}`), fundTable(list));
}

async function fundYear(main, page) {
  const y = page.params.year;
  const [fund, revisions] = await Promise.all([get(`/api/funding/special-fund/${y}`), get(`/api/funding/special-fund/${y}/budget-revisions`)]);
  const mayReadLedger = !page.session.isCounty;
  const allocate = { ...COMMANDS.allocate, beside: remainingBeside(fund) };
  add(main, 
    heading(t('fund.year', { year: fund.year })), back('/funding'),
    h('div', { class: 'wb-figures' }, [
      ['field.budget', fund.budget], ['fund.allocated', fund.allocated], ['fund.disbursed', fund.disbursed],
      ['fund.released', fund.released], ['fund.clawedBack', fund.clawedBack], ['fund.committed', fund.committed], ['fund.remaining', fund.remaining],
    ].map(([key, value]) => h('div', { class: `wb-figure ${key === 'fund.remaining' ? 'wb-figure-main' : ''}` },
      h('div', { class: 'wb-figure-label' }, t(key)), h('div', { class: 'wb-figure-value', data: { figure: key } }, yuan(value))))),
    actions(['allocate', 'reviseBudget'], page, fund, { specs: { allocate } }),
    revisions.length ? h('section', { 'aria-labelledby': 'rev-title' }, h('h2', { id: 'rev-title' }, t('fund.revisions')),
      table([{ label: t('field.revisedOn'), value: (r) => date(r.revisedOn) }, { label: t('fund.from'), value: (r) => yuan(r.from), numeric: true },
        { label: t('fund.to'), value: (r) => yuan(r.to), numeric: true }, { label: t('field.reason'), value: (r) => r.reason },
        { label: t('common.who'), value: (r) => r.recordedBy }], revisions, null)) : null,
    h('section', { 'aria-labelledby': 'alloc-title' }, h('h2', { id: 'alloc-title' }, t('fund.allocationsOf', { year: fund.year })),
      await pagedTable(`/funding/${y}`, page.query, `/api/funding/special-fund/${y}/allocations`, {}, [
        { label: t('fund.line'), value: (a) => link(`/funding/${y}/allocations/${encodeURIComponent(a.id)}`, `#${a.line}`) },
        { label: t('field.beneficiary.name'), value: (a) => a.beneficiary && a.beneficiary.name },
        { label: t('common.county'), value: (a) => countyName(a.county) },
        { label: t('field.purpose'), value: (a) => enumText('Purpose', a.purpose) },
        { label: t('field.amount'), value: (a) => yuan(a.amount), numeric: true },
        { label: t('fund.disbursed'), value: (a) => yuan(a.disbursed), numeric: true },
        { label: t('field.allocatedOn'), value: (a) => date(a.allocatedOn) },
        { label: t('common.status'), value: (a) => badge('AllocationStatus', a.status) }], t('fund.allocationsOf', { year: fund.year }), 50)),
    mayReadLedger ? await ledger(y) : null);
}

async function ledger(y) {
  const answered = await get(`/api/funding/special-fund/${y}/ledger`);
  return h('section', { 'aria-labelledby': 'ledger-title' },
    h('h2', { id: 'ledger-title' }, t('fund.ledger')),
    h('p', {}, h('a', { class: 'btn btn-sm btn-outline-primary me-2', href: `/api/funding/special-fund/${y}/ledger.xlsx`, download: `special-fund-${y}.xlsx` }, t('fund.downloadXlsx')),
      h('a', { class: 'btn btn-sm btn-outline-primary', href: `/api/funding/special-fund/${y}/ledger.csv`, download: `special-fund-${y}.csv` }, t('fund.downloadCsv'))),
    table([{ label: t('fund.line'), value: (l) => l.line, numeric: true }, { label: t('common.date'), value: (l) => date(l.effectiveOn) },
      { label: t('fund.entry'), value: (l) => enumText('LedgerEntry', l.entry) }, { label: t('field.beneficiary.name'), value: (l) => l.beneficiary },
      { label: t('fund.movement'), value: (l) => movement(l.movement), numeric: true },
      { label: t('fund.remaining'), value: (l) => yuan(l.balances && l.balances.remaining), numeric: true },
      { label: t('common.who'), value: (l) => l.recordedBy }], answered.lines || [], t('fund.ledger')));
}

function movement(m) {
  if (!m) {
    return '';
  }
  return Object.entries(m).filter(([, v]) => Number(v) !== 0).map(([k, v]) => `${t(`fund.${k}`)} ${yuan(v)}`).join('；');
}

async function allocation(main, page) {
  const { year: y, id } = page.params;
  const a = await get(`/api/funding/special-fund/${y}/allocations/${encodeURIComponent(id)}`);
  add(main, 
    heading(t('fund.allocationTitle', { line: a.line, name: a.beneficiary ? a.beneficiary.name : '' }), badge('AllocationStatus', a.status)),
    back(`/funding/${y}`, 'fund.backToYear'),
    facts([[t('common.id'), h('code', {}, a.id)], [t('common.county'), countyName(a.county)], [t('field.purpose'), enumText('Purpose', a.purpose)],
      [t('field.beneficiary.name'), a.beneficiary && [a.beneficiary.name, a.beneficiary.creditCode].filter(Boolean).join(' · ')],
      [t('field.projectId'), a.projectId ? link(`/projects/${encodeURIComponent(a.projectId)}`, a.projectId) : null],
      [t('field.amount'), yuan(a.amount)], [t('fund.disbursed'), yuan(a.disbursed)],
      [t('fund.undisbursed'), h('strong', { data: { undisbursed: a.undisbursed } }, yuan(a.undisbursed))],
      [t('field.approvalDocument'), a.approvalDocument], [t('field.allocatedOn'), date(a.allocatedOn)], [t('common.who'), `${a.recordedBy} · ${dateTime(a.recordedAt)}`],
      a.revocation ? [t('fund.revocation'), `${date(a.revocation.revokedOn)}：${a.revocation.reason}（${t('fund.released')} ${yuan(a.revocation.released)}，${t('fund.clawedBack')} ${yuan(a.revocation.clawedBack)}）`] : null]),
    a.disbursements && a.disbursements.length ? h('section', { 'aria-labelledby': 'disb-title' }, h('h2', { id: 'disb-title' }, t('fund.disbursements')),
      table([{ label: t('field.disbursedOn'), value: (d) => date(d.disbursedOn) }, { label: t('field.amount'), value: (d) => yuan(d.amount), numeric: true },
        { label: t('field.voucherNo'), value: (d) => d.voucherNo }, { label: t('common.who'), value: (d) => d.recordedBy }], a.disbursements, null)) : null,
    actions(a.status === 'REVOKED' ? [] : ['disburse', 'revokeAllocation'], page, { ...a, year: Number(y) }));
}

async function secured(main, page) {
  const [progress] = await Promise.all([get('/api/funding/secured-funds/progress')]);
  const percent = Math.min(100, Number(progress.percentOfTarget) || 0);
  const filters = [county, { name: 'level', label: t('field.level'), options: ['NATIONAL', 'PROVINCIAL'], enum: 'Level' }, year];
  const params = Object.fromEntries(filters.map((f) => [f.name, page.query[f.name]]));
  add(main, heading(t('nav.securedFunds')),
    h('section', { class: 'wb-progress-card', 'aria-labelledby': 'progress-title' },
      h('h2', { id: 'progress-title' }, t('secured.progress', { target: yuan(progress.target) })),
      h('div', { class: 'progress', role: 'progressbar', 'aria-label': t('secured.progressLabel'), 'aria-valuenow': percent, 'aria-valuemin': 0, 'aria-valuemax': 100 },
        h('div', { class: `progress-bar wb-w-${Math.round(percent / 5) * 5}` }, `${progress.percentOfTarget}%`)),
      facts([[t('secured.net'), h('strong', {}, yuan(progress.net))], [t('secured.secured'), yuan(progress.secured)], [t('secured.reversed'), yuan(progress.reversed)],
        [t('secured.toGo'), yuan(progress.toGo)],
        [t('field.level'), Object.entries(progress.byLevel || {}).map(([k, v]) => `${enumText('Level', k)} ${yuan(v)}`).join('；')],
        [t('common.year'), Object.entries(progress.byYear || {}).map(([k, v]) => `${k}：${yuan(v)}`).join('；')]])),
    creation('secureFunds', page, (e) => `/secured-funds/${encodeURIComponent(e.id)}`),
    filterForm('/secured-funds', page.query, page.session.isCounty ? filters.slice(1) : filters),
    await pagedTable('/secured-funds', page.query, '/api/funding/secured-funds', params, [
      { label: t('field.documentNo'), value: (e) => link(`/secured-funds/${encodeURIComponent(e.id)}`, e.documentNo) },
      { label: t('common.county'), value: (e) => countyName(e.county) }, { label: t('field.level'), value: (e) => enumText('Level', e.level) },
      { label: t('field.programme'), value: (e) => e.programme }, { label: t('field.amount'), value: (e) => yuan(e.amount), numeric: true },
      { label: t('secured.net'), value: (e) => yuan(e.net), numeric: true }, { label: t('field.securedOn'), value: (e) => date(e.securedOn) }],
    t('nav.securedFunds')));
}

async function securedEntry(main, page) {
  const e = await get(`/api/funding/secured-funds/${encodeURIComponent(page.params.id)}`);
  add(main, heading(`${e.documentNo} · ${yuan(e.amount)}`), back('/secured-funds'),
    facts([[t('common.id'), h('code', {}, e.id)], [t('common.county'), countyName(e.county)], [t('field.level'), enumText('Level', e.level)],
      [t('field.programme'), e.programme], [t('field.projectId'), e.projectId], [t('field.amount'), yuan(e.amount)], [t('secured.reversed'), yuan(e.reversed)],
      [t('secured.net'), yuan(e.net)], [t('field.securedOn'), date(e.securedOn)], [t('common.who'), `${e.recordedBy} · ${dateTime(e.recordedAt)}`]]),
    e.reversals && e.reversals.length ? h('section', { 'aria-labelledby': 'rev-title' }, h('h2', { id: 'rev-title' }, t('secured.reversals')),
      table([{ label: t('field.reversedOn'), value: (r) => date(r.reversedOn) }, { label: t('field.amount'), value: (r) => yuan(r.amount), numeric: true },
        { label: t('field.reason'), value: (r) => r.reason }, { label: t('common.who'), value: (r) => r.recordedBy }], e.reversals, null)) : null,
    actions(['reverseSecuredFunds'], page, e));
}

async function matching(main, page) {
  const filters = [county, year];
  const params = Object.fromEntries(filters.map((f) => [f.name, page.query[f.name]]));
  add(main, heading(t('nav.matchingFunds')),
    creation('commitMatchingFunds', page, (c) => `/matching-funds/${c.county}/${c.year}`),
    creation('payMatchingFunds', page, (c) => `/matching-funds/${c.county}/${c.year}`),
    filterForm('/matching-funds', page.query, page.session.isCounty ? [year] : filters),
    await pagedTable('/matching-funds', page.query, '/api/funding/matching-funds', params, [
      { label: t('common.county'), value: (m) => link(`/matching-funds/${m.county}/${m.year}`, countyName(m.county)) },
      { label: t('common.year'), value: (m) => m.year }, { label: t('matching.committed'), value: (m) => yuan(m.committed), numeric: true },
      { label: t('matching.paid'), value: (m) => yuan(m.paid), numeric: true }, { label: t('matching.unpaid'), value: (m) => yuan(m.unpaid), numeric: true }],
    t('nav.matchingFunds')));
}

function entries(title, list) {
  return h('section', { 'aria-label': title }, h('h2', {}, title),
    table([{ label: t('common.date'), value: (e) => date(e.effectiveOn) }, { label: t('field.amount'), value: (e) => yuan(e.amount), numeric: true },
      { label: t('field.documentNo'), value: (e) => e.documentNo }, { label: t('common.who'), value: (e) => e.recordedBy }], list || [], null));
}

async function matchingYear(main, page) {
  const m = await get(`/api/funding/matching-funds/${page.params.county}/${page.params.year}`);
  add(main, heading(t('matching.of', { county: countyName(m.county), year: m.year })), back('/matching-funds'),
    facts([[t('matching.committed'), yuan(m.committed)], [t('matching.paid'), yuan(m.paid)], [t('matching.unpaid'), yuan(m.unpaid)]]),
    entries(t('matching.commitments'), m.commitments), entries(t('matching.payments'), m.payments));
}

const statisticsColumns = [
  { label: t('field.fiscalExpenditure'), value: (s) => yuan(s.fiscalExpenditure), numeric: true },
  { label: t('field.fiscalStExpenditure'), value: (s) => yuan(s.fiscalStExpenditure), numeric: true },
  { label: t('statistics.fiscalStShare'), value: (s) => `${s.fiscalStShare}%`, numeric: true },
  { label: t('field.enterpriseRd'), value: (s) => yuan(s.enterpriseRd), numeric: true },
  { label: t('field.societyRd'), value: (s) => yuan(s.societyRd), numeric: true },
  { label: t('statistics.enterpriseRdShare'), value: (s) => `${s.enterpriseRdShare}%`, numeric: true },
];

async function statistics(main, page) {
  const filters = [county, year];
  const params = Object.fromEntries(filters.map((f) => [f.name, page.query[f.name]]));
  add(main, heading(t('nav.statistics')),
    creation('fileStatistics', page, (s) => `/statistics/${s.county}/${s.year}`),
    filterForm('/statistics', page.query, page.session.isCounty ? [year] : filters),
    await pagedTable('/statistics', page.query, '/api/funding/county-statistics', params, [
      { label: t('common.county'), value: (s) => link(`/statistics/${s.county}/${s.year}`, countyName(s.county)) },
      { label: t('common.year'), value: (s) => s.year }, { label: t('field.revision'), value: (s) => s.revision, numeric: true },
      ...statisticsColumns, { label: t('field.filedOn'), value: (s) => date(s.filedOn) }], t('nav.statistics')));
}

async function statisticsYear(main, page) {
  const s = await get(`/api/funding/county-statistics/${page.params.county}/${page.params.year}`);
  add(main, heading(t('statistics.of', { county: countyName(s.current.county), year: s.current.year })), back('/statistics'),
    table([{ label: t('field.revision'), value: (r) => r.revision, numeric: true }, ...statisticsColumns,
      { label: t('field.filedOn'), value: (r) => date(r.filedOn) }, { label: t('field.reason'), value: (r) => r.reason },
      { label: t('common.who'), value: (r) => r.recordedBy }], s.revisions || [s.current], t('statistics.revisions')),
    page.session.isCounty && page.session.county !== s.current.county ? null : actions(['reviseStatistics'], page, s));
}

export function registerFunding() {
  route('/funding', funds);
  route('/funding/:year', fundYear);
  route('/funding/:year/allocations/:id', allocation);
  route('/secured-funds', secured);
  route('/secured-funds/:id', securedEntry);
  route('/matching-funds', matching);
  route('/matching-funds/:county/:year', matchingYear);
  route('/statistics', statistics);
  route('/statistics/:county/:year', statisticsYear);
}

define({
  'fund.lead': ['三年行动计划专项资金，按年度列出预算、已安排、已拨付与结余，数据始终为最新。', 'The action plan\'s special fund year by year: budget, allocated, disbursed and remaining, always current.'],
  'fund.caption': ['各年度专项资金', 'The special fund by year'],
  'fund.year': ['{year} 年专项资金', 'The {year} special fund'],
  'fund.allocated': ['已安排', 'Allocated'], 'fund.disbursed': ['已拨付', 'Disbursed'], 'fund.released': ['已释放', 'Released'],
  'fund.clawedBack': ['已收回', 'Clawed back'], 'fund.committed': ['已承诺', 'Committed'], 'fund.remaining': ['结余（可安排）', 'Remaining'],
  'fund.budget': ['预算', 'Budget'], 'fund.allocations': ['安排笔数', 'Allocations'], 'fund.undisbursed': ['待拨付', 'Left to disburse'],
  'fund.remainingOf': ['{year} 年尚可安排', 'Left to allocate in {year}'],
  'fund.remainingNote': ['预算 {budget}，已承诺 {committed}', 'budget {budget}, committed {committed}'],
  'fund.revisions': ['预算调整记录', 'Budget revisions'], 'fund.from': ['调整前', 'From'], 'fund.to': ['调整后', 'To'],
  'fund.allocationsOf': ['{year} 年的资金安排', 'Allocations of {year}'], 'fund.line': ['台账行', 'Line'],
  'fund.ledger': ['台账', 'Ledger'], 'fund.downloadXlsx': ['下载台账（Excel）', 'Download the ledger (Excel)'],
  'fund.downloadCsv': ['下载台账（CSV）', 'Download the ledger (CSV)'], 'fund.entry': ['事项', 'Entry'], 'fund.movement': ['变动', 'Movement'],
  'fund.allocationTitle': ['第 {line} 行安排：{name}', 'Allocation, line {line}: {name}'],
  'fund.backToYear': ['返回本年度专项资金', 'Back to the year'], 'fund.revocation': ['撤销', 'Revocation'], 'fund.disbursements': ['拨付记录', 'Disbursements'],
  'enum.AllocationStatus.ALLOCATED': ['已安排', 'allocated'], 'enum.AllocationStatus.PARTLY_DISBURSED': ['部分拨付', 'partly disbursed'],
  'enum.AllocationStatus.DISBURSED': ['已全额拨付', 'disbursed'],
  'enum.LedgerEntry.BUDGET_OPENED': ['下达预算', 'budget opened'], 'enum.LedgerEntry.BUDGET_REVISED': ['调整预算', 'budget revised'],
  'enum.LedgerEntry.ALLOCATED': ['安排', 'allocated'], 'enum.LedgerEntry.DISBURSED': ['拨付', 'disbursed'], 'enum.LedgerEntry.REVOKED': ['撤销安排', 'revoked'],
  'secured.progress': ['争取国家、省科技资金：目标 {target}', 'Funds secured: goal {target}'], 'secured.progressLabel': ['完成进度', 'Progress'],
  'secured.net': ['净额', 'Net'], 'secured.secured': ['已争取', 'Secured'], 'secured.reversed': ['已冲销', 'Reversed'], 'secured.toGo': ['尚差', 'To go'],
  'secured.reversals': ['冲销记录', 'Reversals'],
  'matching.committed': ['已承诺', 'Committed'], 'matching.paid': ['已到位', 'Paid'], 'matching.unpaid': ['未到位', 'Unpaid'],
  'matching.of': ['{county} {year} 年配套资金', 'Matching funds of {county}, {year}'], 'matching.commitments': ['承诺', 'Commitments'], 'matching.payments': ['到位', 'Payments'],
  'statistics.fiscalStShare': ['财政科技投入占比', 'Fiscal S&T share'], 'statistics.enterpriseRdShare': ['企业研发占比', 'Enterprise R&D share'],
  'statistics.of': ['{county} {year} 年统计数据', 'Statistics of {county}, {year}'], 'statistics.revisions': ['各版本', 'Revisions'],
});
