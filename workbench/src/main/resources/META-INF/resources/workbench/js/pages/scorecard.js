// The scorecard and the alerts: a county's line of every target (a county's staff see their own), the city's, and
// the targets that fell behind or recovered.
import { get } from '../api.js';
import { add, h } from '../dom.js';
import { countyName, date, dateTime, define, lang, t } from '../i18n.js';
import { badge, filterForm, pagedTable, table } from '../lists.js';
import { route } from '../router.js';
import { heading } from './common.js';

const label = (l) => (l ? (lang === 'en' ? l.en : l.zh) : '');

async function scorecard(main, page) {
  const { session, query } = page;
  const county = session.isCounty ? session.county : query.county;
  const scope = county || '431000';
  let card;
  if (county) {
    const line = await get(`/api/reports/scorecard/counties/${county}`);
    card = table([
      { label: t('score.target'), value: (x) => x.id }, { label: t('score.name'), value: (x) => label(x.label) },
      { label: t('score.value'), value: (x) => x.value, numeric: true }, { label: t('score.goal'), value: (x) => (x.judgedPerCounty ? x.goal : t('score.cityOnly')) },
      { label: t('common.status'), value: (x) => (x.status ? badge('Status', x.status) : t('common.none')) },
      { label: t('score.city'), value: (x) => x.cityValue, numeric: true }, { label: t('score.cityStatus'), value: (x) => badge('Status', x.cityStatus) }],
    line.targets, t('score.lineOf', { county: countyName(county), asOf: date(line.asOf) }));
  } else {
    const city = await get('/api/reports/scorecard');
    card = table([
      { label: t('score.target'), value: (x) => x.id }, { label: t('score.name'), value: (x) => label(x.label) },
      { label: t('score.value'), value: (x) => x.value, numeric: true }, { label: t('score.goal'), value: (x) => x.goal },
      { label: t('common.status'), value: (x) => badge('Status', x.status) }],
    city.targets, t('score.cityAsOf', { asOf: date(city.asOf) }));
  }
  add(main, heading(t('nav.scorecard')),
    session.isCounty ? null : filterForm('/scorecard', query, [{ name: 'county', label: t('common.county'), type: 'county' }]),
    h('section', { 'aria-labelledby': 'card-title' }, h('h2', { id: 'card-title' }, county ? countyName(county) : t('common.city')), card),
    h('section', { 'aria-labelledby': 'alerts-title' }, h('h2', { id: 'alerts-title' }, t('score.alerts')),
      await pagedTable('/scorecard', query, '/api/reports/alerts', { scope: county || undefined }, [
        { label: t('score.target'), value: (a) => a.targetId }, { label: t('common.county'), value: (a) => a.scopeName || countyName(a.scope) },
        { label: t('common.from'), value: (a) => badge('Status', a.fromStatus) }, { label: t('common.to'), value: (a) => badge('Status', a.toStatus) },
        { label: t('score.value'), value: (a) => a.value, numeric: true }, { label: t('score.goal'), value: (a) => a.goal },
        { label: t('score.asOf'), value: (a) => date(a.asOf) }, { label: t('score.raisedAt'), value: (a) => dateTime(a.raisedAt) }],
      t('score.alertsOf', { scope: countyName(scope) }), 10)));
}

export function registerScorecard() {
  route('/scorecard', scorecard);
}

define({
  'score.target': ['编号', 'Id'], 'score.name': ['目标', 'Target'], 'score.value': ['当前值', 'Value'], 'score.goal': ['目标值', 'Goal'],
  'score.city': ['全市', 'City'], 'score.cityStatus': ['全市状态', 'City status'], 'score.cityOnly': ['按全市考核', 'judged city-wide'],
  'score.lineOf': ['{county}的计分卡（截至 {asOf}）', 'Scorecard of {county} (as of {asOf})'],
  'score.cityAsOf': ['全市计分卡（截至 {asOf}）', 'City scorecard (as of {asOf})'],
  'score.alerts': ['预警与恢复', 'Alerts and recoveries'], 'score.alertsOf': ['{scope}的预警', 'Alerts of {scope}'],
  'score.asOf': ['截至', 'As of'], 'score.raisedAt': ['发出时间', 'Raised at'],
});
