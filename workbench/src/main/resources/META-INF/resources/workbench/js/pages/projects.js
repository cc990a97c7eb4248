// Projects: the county's list and applications, a project's page with its history and the steps of its life, and
// the plan office's review desk — the queue of projects by stage.
import { get } from '../api.js';
import { programmeOptions } from '../catalogue.js';
import { add, h } from '../dom.js';
import { countyName, date, define, t, yuan } from '../i18n.js';
import { badge, enumText, facts, filterForm, pagedTable, table } from '../lists.js';
import { route } from '../router.js';
import { actions, back, heading, history, link, standalone } from './common.js';

const STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'FORMAL_REVIEW_PASSED', 'EXPERT_REVIEWED', 'APPROVED', 'REJECTED', 'IN_PROGRESS', 'ACCEPTED', 'TERMINATED'];
const STEPS = ['reviseProject', 'submitProject', 'formalReview', 'expertReview', 'approveProject', 'rejectProject',
  'startProject', 'midtermCheck', 'acceptProject', 'terminateProject'];

/** The review desk's stages: what waits for the plan office, in the order a project goes through them. */
export const STAGES = [
  ['SUBMITTED', 'stage.SUBMITTED'], ['FORMAL_REVIEW_PASSED', 'stage.FORMAL_REVIEW_PASSED'], ['EXPERT_REVIEWED', 'stage.EXPERT_REVIEWED'],
  ['APPROVED', 'stage.APPROVED'], ['IN_PROGRESS', 'stage.IN_PROGRESS'],
];

function columns(session) {
  return [
    { label: t('project.title'), value: (p) => link(`/projects/${encodeURIComponent(p.id)}`, p.title) },
    session.isCounty ? null : { label: t('common.county'), value: (p) => countyName(p.county) },
    { label: t('field.programme'), value: (p) => p.programme },
    { label: t('field.level'), value: (p) => enumText('Level', p.level) },
    { label: t('field.requestedAmount'), value: (p) => yuan(p.requestedAmount), numeric: true },
    { label: t('field.approvedAmount'), value: (p) => (p.approvedAmount ? yuan(p.approvedAmount) : ''), numeric: true },
    { label: t('common.year'), value: (p) => p.year },
    { label: t('common.status'), value: (p) => badge('ProjectStatus', p.status) },
  ].filter(Boolean);
}

async function list(main, page) {
  const { session, query } = page;
  const programmes = await programmeOptions().catch(() => []);
  const filters = [
    { name: 'status', label: t('common.status'), options: STATUSES, enum: 'ProjectStatus' },
    { name: 'programme', label: t('field.programme'), options: programmes },
    { name: 'year', label: t('common.year'), type: 'integer' },
    { name: 'level', label: t('field.level'), options: ['NATIONAL', 'PROVINCIAL', 'MUNICIPAL'], enum: 'Level' },
  ];
  if (!session.isCounty) {
    filters.unshift({ name: 'county', label: t('common.county'), type: 'county' });
  }
  const params = Object.fromEntries(filters.map((f) => [f.name, query[f.name]]));
  add(main, 
    heading(session.isCounty ? t('project.listOf', { county: countyName(session.county) }) : t('nav.projects'),
      session.isCounty ? h('a', { class: 'btn btn-primary', href: '#/projects/new' }, `＋ ${t('form.draftProject')}`) : null),
    filterForm('/projects', query, filters),
    await pagedTable('/projects', query, '/api/projects', params, columns(session), t('project.caption')));
}

async function draft(main, page) {
  add(main, heading(t('form.draftProject')), back('/projects'),
    standalone('draftProject', page, (p) => `/projects/${encodeURIComponent(p.id)}`));
}

function reviewFacts(review) {
  if (!review) {
    return null;
  }
  return h('section', { 'aria-labelledby': 'experts-title' },
    h('h2', { id: 'experts-title' }, t('project.expertReview', { score: review.aggregateScore, date: date(review.reviewedOn) })),
    table([
      { label: t('field.reviews.expert'), value: (r) => r.expert },
      { label: t('field.reviews.score'), value: (r) => r.score, numeric: true },
      { label: t('field.reviews.opinion'), value: (r) => r.opinion },
    ], review.reviews || [], null));
}

async function project(main, page) {
  const id = page.params.id;
  const [p, steps] = await Promise.all([get(`/api/projects/${encodeURIComponent(id)}`), get(`/api/projects/${encodeURIComponent(id)}/history`)]);
  add(main, 
    heading(p.title, badge('ProjectStatus', p.status)),
    back(page.session.has('ADMIN') ? '/review' : '/projects', page.session.has('ADMIN') ? 'project.backToDesk' : 'common.back'),
    facts([
      [t('common.id'), h('code', {}, p.id)],
      [t('common.county'), countyName(p.county)],
      [t('field.programme'), p.programme],
      [t('field.level'), enumText('Level', p.level)],
      [t('field.applicant.name'), p.applicant && p.applicant.name],
      [t('field.applicant.creditCode'), p.applicant && p.applicant.creditCode],
      [t('field.requestedAmount'), yuan(p.requestedAmount)],
      [t('project.period'), p.period ? `${date(p.period.start)} — ${date(p.period.end)}` : null],
      [t('field.contact.name'), p.contact && [p.contact.name, p.contact.phone, p.contact.email].filter(Boolean).join(' · ')],
      [t('common.year'), p.year],
      [t('field.draftedOn'), date(p.draftedOn)],
      p.submittedOn ? [t('field.submittedOn'), date(p.submittedOn)] : null,
      p.lastReturn ? [t('project.returned'), `${date(p.lastReturn.returnedOn)}：${p.lastReturn.reason}`] : null,
      p.approval ? [t('project.approval'), `${yuan(p.approval.approvedAmount)} · ${p.approval.taskContractNo} · ${date(p.approval.approvedOn)}`] : null,
      p.rejection ? [t('project.rejection'), `${date(p.rejection.rejectedOn)}：${p.rejection.reason}`] : null,
      p.startedOn ? [t('field.startedOn'), date(p.startedOn)] : null,
      p.acceptance ? [t('project.acceptance'), `${enumText('AcceptanceConclusion', p.acceptance.conclusion)} · ${date(p.acceptance.acceptedOn)}：${p.acceptance.result}`] : null,
      p.termination ? [t('project.termination'), `${date(p.termination.terminatedOn)}：${p.termination.reason}`] : null,
      [t('common.version'), p.version],
    ]),
    reviewFacts(p.expertReview),
    p.midtermChecks && p.midtermChecks.length ? h('section', { 'aria-labelledby': 'midterm-title' },
      h('h2', { id: 'midterm-title' }, t('form.midtermCheck')),
      table([
        { label: t('field.checkedOn'), value: (c) => date(c.checkedOn) },
        { label: t('field.midtermCheck.result'), value: (c) => enumText('MidtermResult', c.result) },
        { label: t('field.midtermCheck.opinion'), value: (c) => c.opinion },
      ], p.midtermChecks, null)) : null,
    actions(STEPS, page, p),
    history(steps.entries || [], 'ProjectStatus'));
}

async function desk(main, page) {
  const { query } = page;
  const stage = STAGES.some(([s]) => s === query.stage) ? query.stage : 'SUBMITTED';
  const counts = await Promise.all(STAGES.map(([s]) => get('/api/projects', { status: s, size: 1 }).then((r) => r.total).catch(() => '?')));
  add(main, 
    heading(t('nav.review')),
    h('p', { class: 'wb-lead' }, t('review.lead')),
    h('nav', { 'aria-label': t('review.stages') }, h('ul', { class: 'nav nav-pills wb-stages' }, STAGES.map(([s, key], i) => h('li', { class: 'nav-item' },
      h('a', { class: `nav-link ${s === stage ? 'active' : ''}`, href: `#/review?stage=${s}`, 'aria-current': s === stage ? 'page' : null },
        t(key), ' ', h('span', { class: 'badge text-bg-light wb-count-badge' }, String(counts[i]))))))),
    await pagedTable('/review', query, '/api/projects', { status: stage, county: query.county }, columns(page.session),
      t('review.caption', { stage: t(STAGES.find(([s]) => s === stage)[1]) })));
}

export function registerProjects() {
  route('/projects', list);
  route('/projects/new', draft);
  route('/projects/:id', project);
  route('/review', desk);
}

define({
  'project.title': ['项目名称', 'Title'],
  'project.caption': ['项目列表（最近起草的在前）', 'Projects (latest drafted first)'],
  'project.listOf': ['{county}的项目', 'Projects of {county}'],
  'project.period': ['实施期', 'Period'],
  'project.returned': ['最近一次退回', 'Last returned'],
  'project.approval': ['立项', 'Approval'],
  'project.rejection': ['不予立项', 'Rejection'],
  'project.acceptance': ['验收', 'Acceptance'],
  'project.termination': ['终止', 'Termination'],
  'project.expertReview': ['专家评审（平均分 {score}，{date}）', 'Expert review (mean score {score}, {date})'],
  'project.backToDesk': ['返回评审台', 'Back to the review desk'],
  'review.lead': ['按阶段列出等待领导小组办公室办理的项目；打开项目即可办理。', 'The projects waiting for the plan office, by stage; open a project to take its next step.'],
  'review.stages': ['评审阶段', 'Review stages'],
  'review.caption': ['{stage}的项目', 'Projects: {stage}'],
  'stage.SUBMITTED': ['待形式审查', 'Awaiting formal review'],
  'stage.FORMAL_REVIEW_PASSED': ['待专家评审', 'Awaiting expert review'],
  'stage.EXPERT_REVIEWED': ['待立项决定', 'Awaiting the decision'],
  'stage.APPROVED': ['待开始实施', 'Awaiting the start'],
  'stage.IN_PROGRESS': ['实施中（中期检查、验收、终止）', 'In progress (mid-term, acceptance, termination)'],
  'step.draft': ['起草', 'drafted'], 'step.revise': ['修改', 'revised'], 'step.submit': ['申报', 'submitted'],
  'step.pass-formal-review': ['形式审查通过', 'passed formal review'], 'step.return': ['退回修改', 'returned for correction'],
  'step.expert-review': ['专家评审', 'expert reviewed'], 'step.approve': ['立项', 'approved'], 'step.reject': ['不予立项', 'rejected'],
  'step.start': ['开始实施', 'started'], 'step.midterm-check': ['中期检查', 'mid-term check'], 'step.accept': ['验收', 'accepted'],
  'step.terminate': ['终止', 'terminated'], 'step.record': ['登记', 'recorded'], 'step.withdraw': ['撤回', 'withdrawn'],
  'step.register': ['登记', 'registered'], 'step.change-drivers': ['变更带动项目与成果', 'drivers changed'],
  'step.recognise': ['认定', 'recognised'], 'step.revoke-recognition': ['撤销认定', 'recognition revoked'],
});
