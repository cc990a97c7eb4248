// The first page after signing in: what waits for this user, by role.
import { get } from '../api.js';
import { add, h } from '../dom.js';
import { countyName, define, t, yuan } from '../i18n.js';
import { table } from '../lists.js';
import { route } from '../router.js';
import { link } from './common.js';
import { STAGES } from './projects.js';

const count = (path, params) => get(path, { ...params, size: 1 }).then((r) => r.total).catch(() => '?');

function cards(items) {
  return h('ul', { class: 'wb-cards' }, items.map(([title, value, path]) => h('li', { class: 'wb-card' },
    h('a', { href: `#${path}` }, h('span', { class: 'wb-card-value' }, String(value)), h('span', { class: 'wb-card-title' }, title)))));
}

async function county(session) {
  const c = session.county;
  const [drafts, returned, submitted, alerts] = await Promise.all([count('/api/projects', { status: 'DRAFT' }),
    count('/api/projects', { status: 'RETURNED' }), count('/api/projects', { status: 'SUBMITTED' }), count('/api/reports/alerts', { scope: c })]);
  return [h('h2', {}, t('home.todo')), cards([[t('home.drafts'), drafts, '/projects?status=DRAFT'], [t('home.returned'), returned, '/projects?status=RETURNED'],
    [t('home.submitted'), submitted, '/projects?status=SUBMITTED'], [t('home.alerts'), alerts, '/scorecard']]),
  h('p', {}, h('a', { class: 'btn btn-primary', href: '#/projects/new' }, `＋ ${t('form.draftProject')}`), ' ',
    link('/statistics', t('form.fileStatistics')), ' · ', link('/matching-funds', t('form.commitMatchingFunds')), ' · ', link('/platforms', t('form.registerPlatform')))];
}

async function planOffice() {
  const [stages, designations, platforms] = await Promise.all([Promise.all(STAGES.map(([s]) => count('/api/projects', { status: s }))),
    count('/api/registry/designations', { status: 'APPLIED' }), count('/api/registry/platforms', { status: 'REGISTERED' })]);
  return [h('h2', {}, t('home.todo')), cards([...STAGES.map(([s, key], i) => [t(key), stages[i], `/review?stage=${s}`]),
    [t('home.designationsApplied'), designations, '/designations?status=APPLIED'], [t('home.platformsRegistered'), platforms, '/platforms?status=REGISTERED']])];
}

async function fundOverview() {
  const [funds, progress] = await Promise.all([get('/api/funding/special-fund'), get('/api/funding/secured-funds/progress')]);
  return [h('h2', {}, t('nav.specialFund')),
    table([{ label: t('common.year'), value: (f) => link(`/funding/${f.year}`, String(f.year)) },
      { label: t('field.budget'), value: (f) => yuan(f.budget), numeric: true }, { label: t('fund.allocated'), value: (f) => yuan(f.allocated), numeric: true },
      { label: t('fund.disbursed'), value: (f) => yuan(f.disbursed), numeric: true }, { label: t('fund.remaining'), value: (f) => yuan(f.remaining), numeric: true }],
    funds, t('fund.caption')),
    h('p', {}, link('/secured-funds', t('home.secured', { net: yuan(progress.net), target: yuan(progress.target), percent: progress.percentOfTarget })))];
}

async function home(main, page) {
  const { session } = page;
  const parts = [];
  if (session.isCounty) {
    parts.push(...await county(session));
  }
  if (session.has('ADMIN')) {
    parts.push(...await planOffice());
  }
  if (session.has('FINANCE') || session.readOnly) {
    parts.push(...await fundOverview());
  }
  add(main, h('div', { class: 'wb-heading' }, h('h1', { class: 'wb-title', tabindex: '-1' },
    session.isCounty ? t('home.titleCounty', { county: countyName(session.county) }) : t('home.title', { role: session.roles.map((r) => t(`role.${r}`)).join('、') }))),
  h('p', { class: 'wb-lead' }, t(session.readOnly ? 'home.leadViewer' : 'home.lead')), ...parts);
}

export function registerHome() {
  route('/', home);
}

define({
  'home.title': ['{role}工作台', 'Workbench: {role}'],
  'home.titleCounty': ['{county}科技局工作台', 'Workbench: {county} S&T bureau'],
  'home.lead': ['在这里办理三年行动计划的各项业务；左侧是您可以查看和办理的全部事项。', 'Do the plan\'s work here; the menu lists everything you can see and do.'],
  'home.leadViewer': ['您可以查看三年行动计划的全部内容。', 'You can see everything of the plan.'],
  'home.todo': ['待办', 'Waiting for you'],
  'home.drafts': ['草稿', 'Drafts'], 'home.returned': ['退回修改', 'Returned for correction'], 'home.submitted': ['已申报待审查', 'Submitted'],
  'home.alerts': ['本县预警', 'Alerts'],
  'home.designationsApplied': ['待批准的称号申请', 'Designations applied for'], 'home.platformsRegistered': ['待认定的平台', 'Platforms awaiting accreditation'],
  'home.secured': ['争取国家、省资金 {net}，目标 {target}（{percent}%）', 'Funds secured {net} of {target} ({percent}%)'],
});
