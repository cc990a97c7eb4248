// Achievement transformations, characteristic industries, the programme catalogue and the plans.
import { get } from '../api.js';
import { forgetCatalogues } from '../catalogue.js';
import { add, h } from '../dom.js';
import { countyName, date, dateTime, define, lang, t, yuan } from '../i18n.js';
import { badge, enumText, table } from '../lists.js';
import { route } from '../router.js';
import { actions, creation, heading, history, link } from './common.js';
import { resource } from './resource.js';

const county = { name: 'county', label: t('common.county'), type: 'county' };
const countyColumn = (session) => (session.isCounty ? null : { label: t('common.county'), value: (x) => countyName(x.county) });
const ids = (list) => (list && list.length ? h('ul', { class: 'wb-ids' }, list.map((id) => h('li', {}, h('code', {}, id)))) : null);

export function registerWork() {
  resource({
    path: '/achievements', api: '/api/projects/achievements', title: 'nav.achievements', create: 'recordAchievement',
    filters: () => [county, { name: 'status', label: t('common.status'), options: ['RECORDED', 'WITHDRAWN'], enum: 'AchievementStatus' },
      { name: 'year', label: t('common.year'), type: 'integer' }],
    columns: (session, path) => [
      { label: t('field.title'), value: (a) => link(path(a), a.title) }, countyColumn(session),
      { label: t('field.enterprise.name'), value: (a) => a.enterprise && a.enterprise.name },
      { label: t('field.transformedOn'), value: (a) => date(a.transformedOn) },
      { label: t('field.outputValue'), value: (a) => yuan(a.outputValue), numeric: true },
      { label: t('common.status'), value: (a) => badge('AchievementStatus', a.status) }].filter(Boolean),
    itemTitle: (a) => a.title, itemBadge: (a) => badge('AchievementStatus', a.status),
    itemFacts: (a) => [[t('common.id'), h('code', {}, a.id)], [t('common.county'), countyName(a.county)],
      [t('field.projectId'), a.projectId ? link(`/projects/${encodeURIComponent(a.projectId)}`, a.projectId) : null],
      [t('field.enterprise.name'), a.enterprise && `${a.enterprise.name} · ${a.enterprise.creditCode}`],
      [t('field.transformedOn'), date(a.transformedOn)], [t('field.outputValue'), yuan(a.outputValue)], [t('field.resultSummary'), a.resultSummary],
      a.withdrawal ? [t('step.withdraw'), `${date(a.withdrawal.withdrawnOn)}：${a.withdrawal.reason}`] : null],
    itemExtra: (a) => history(a.history || [], 'AchievementStatus'),
    itemActions: ['withdrawAchievement'],
  });

  resource({
    path: '/industries', api: '/api/projects/industries', title: 'nav.industries', create: 'registerIndustry',
    filters: () => [county, { name: 'status', label: t('common.status'), options: ['REGISTERED', 'RECOGNISED', 'RECOGNITION_REVOKED'], enum: 'IndustryStatus' }],
    columns: (session, path) => [
      { label: t('field.registerIndustry.name'), value: (i) => link(path(i), i.name) }, countyColumn(session),
      { label: t('field.registeredOn'), value: (i) => date(i.registeredOn) },
      { label: t('work.drivers'), value: (i) => `${(i.projectIds || []).length} / ${(i.achievementIds || []).length}`, numeric: true },
      { label: t('common.status'), value: (i) => badge('IndustryStatus', i.status) }].filter(Boolean),
    itemTitle: (i) => i.name, itemBadge: (i) => badge('IndustryStatus', i.status),
    itemFacts: (i) => [[t('common.id'), h('code', {}, i.id)], [t('common.county'), countyName(i.county)], [t('field.description'), i.description],
      [t('field.registeredOn'), date(i.registeredOn)], [t('field.projectIds'), ids(i.projectIds)], [t('field.achievementIds'), ids(i.achievementIds)],
      i.recognition ? [t('step.recognise'), `${i.recognition.documentNo} · ${date(i.recognition.recognisedOn)}`] : null,
      i.revocation ? [t('step.revoke-recognition'), `${date(i.revocation.revokedOn)}：${i.revocation.reason}`] : null],
    itemExtra: (i) => history(i.history || [], 'IndustryStatus'),
    itemActions: ['changeDrivers', 'recogniseIndustry', 'revokeRecognition'],
  });

  route('/programmes', async (main, page) => {
    const answered = await get('/api/projects/programmes', { size: 200 });
    add(main, heading(t('nav.programmes')),
      creation('addProgramme', { ...page, reload: () => { forgetCatalogues(); return page.reload(); } }, null,
        { done: () => { forgetCatalogues(); return page.reload(); } }),
      table([{ label: t('field.code'), value: (p) => p.code }, { label: t('field.chineseName'), value: (p) => p.chineseName },
        { label: t('field.englishName'), value: (p) => p.englishName }, { label: t('field.level'), value: (p) => enumText('Level', p.level) }],
      answered.items, t('nav.programmes')));
  });

  route('/plans', async (main, page) => {
    const plans = await get('/api/reports/plans');
    add(main, heading(t('nav.plans')),
      creation('loadPlan', page, (p) => `/plans/${encodeURIComponent(p.id)}`),
      table([{ label: t('common.id'), value: (p) => link(`/plans/${encodeURIComponent(p.id)}`, p.id) },
        { label: t('field.name'), value: (p) => (lang === 'en' ? p.name.en : p.name.zh) }, { label: t('field.documentNo'), value: (p) => p.document },
        { label: t('work.planPeriod'), value: (p) => `${date(p.start)} — ${date(p.end)}` }, { label: t('work.targets'), value: (p) => p.targets, numeric: true },
        { label: t('common.status'), value: (p) => (p.active ? t('work.active') : '') }, { label: t('work.loaded'), value: (p) => `${p.loadedBy} · ${dateTime(p.loadedAt)}` }],
      plans, t('nav.plans')));
  });

  route('/plans/:id', async (main, page) => {
    const [plan, plans] = await Promise.all([get(`/api/reports/plans/${encodeURIComponent(page.params.id)}`), get('/api/reports/plans')]);
    const summary = plans.find((p) => p.id === plan.id) || { id: plan.id, active: false };
    add(main, heading(lang === 'en' ? plan.name.en : plan.name.zh, summary.active ? h('span', { class: 'badge text-bg-success' }, t('work.active')) : null),
      h('p', { class: 'wb-back' }, link('/plans', `← ${t('common.back')}`)),
      table([{ label: t('common.id'), value: (x) => x.id }, { label: t('field.name'), value: (x) => (x.label ? (lang === 'en' ? x.label.en : x.label.zh) : '') },
        { label: t('work.indicator'), value: (x) => x.indicator }, { label: t('work.figure'), value: (x) => x.figure, numeric: true },
        { label: t('work.weight'), value: (x) => x.weight, numeric: true }], plan.targets || [], t('work.targets')),
      actions(['activatePlan'], page, summary));
  });
}

define({
  'work.drivers': ['带动项目/成果', 'Driving projects / achievements'],
  'work.planPeriod': ['期间', 'Period'],
  'work.targets': ['目标', 'Targets'],
  'work.active': ['现行', 'in force'],
  'work.loaded': ['载入', 'Loaded'],
  'work.indicator': ['指标', 'Indicator'],
  'work.figure': ['目标值', 'Figure'],
  'work.weight': ['权重', 'Weight'],
});
