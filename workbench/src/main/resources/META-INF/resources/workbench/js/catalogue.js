// Every command the workbench sends: method, path, who may send it (the roles the service requires — the page only
// offers what the service would allow; the service decides), and every field of the API's request body.
import { all } from './api.js';
import { counties, countyName, define, lang } from './i18n.js';

const cache = new Map();

function once(key, load) {
  if (!cache.has(key)) {
    cache.set(key, load().catch((e) => { cache.delete(key); throw e; }));
  }
  return cache.get(key);
}

/** The programme catalogue as select options (code — name). */
export function programmeOptions() {
  return once('programmes', () => all('/api/projects/programmes'))
    .then((items) => items.map((p) => ({ value: p.code, label: `${lang === 'en' ? p.englishName : p.chineseName} (${p.code})` })));
}

/** The platform types as select options. */
export function platformTypeOptions() {
  return once('platform-types', () => all('/api/registry/platform-types'))
    .then((items) => items.map((p) => ({ value: p.code, label: lang === 'en' ? p.englishName : p.name })));
}

/** Forgets the cached catalogues (after the plan office added to one). */
export function forgetCatalogues() {
  cache.clear();
}

/** Any of the 11 counties, whoever is signed in (an alliance's members may come from other counties). */
function countyOptions() {
  return Promise.resolve(counties().map((c) => ({ value: c.code, label: c.name })));
}

/** The city (431000) and the 11 counties: secured funds may be the city's. */
function cityAndCountyOptions() {
  return Promise.resolve([{ value: '431000', label: countyName('431000') }, ...counties().map((c) => ({ value: c.code, label: c.name }))]);
}

const today = { type: 'date', required: true, default: 'today' };
const version = { name: 'version', type: 'hidden', from: (item) => item.version };
const projectPath = (step) => (ctx) => `/api/projects/${encodeURIComponent(ctx.item.id)}/${step}`;
const LEVELS = ['NATIONAL', 'PROVINCIAL', 'MUNICIPAL'];

const proposal = [
  { name: 'title', type: 'text', required: true, max: 200, wide: true, from: (p) => p.title },
  { name: 'programme', type: 'select', required: true, options: programmeOptions, from: (p) => p.programme },
  { name: 'level', type: 'select', required: true, enum: 'Level', options: LEVELS, from: (p) => p.level },
  { name: 'applicant.name', type: 'text', required: true, max: 100, from: (p) => p.applicant.name },
  { name: 'applicant.creditCode', type: 'text', required: true, max: 18, from: (p) => p.applicant.creditCode },
  { name: 'requestedAmount', type: 'money', required: true, from: (p) => p.requestedAmount },
  { name: 'period.start', type: 'date', required: true, from: (p) => p.period.start },
  { name: 'period.end', type: 'date', required: true, from: (p) => p.period.end },
  { name: 'contact.name', type: 'text', required: true, max: 50, from: (p) => p.contact.name },
  { name: 'contact.phone', type: 'tel', required: true, from: (p) => p.contact.phone },
  { name: 'contact.email', type: 'email', from: (p) => p.contact.email },
];

export const COMMANDS = {
  // ---- projects (project-service) ----------------------------------------------------------------------------
  draftProject: {
    method: 'POST', path: () => '/api/projects', roles: ['COUNTY'],
    fields: [{ name: 'county', type: 'county', required: true }, ...proposal.map(({ from, ...f }) => f), { name: 'draftedOn', ...today }],
  },
  reviseProject: {
    method: 'PUT', path: (ctx) => `/api/projects/${encodeURIComponent(ctx.item.id)}`, roles: ['COUNTY'], step: 'revise',
    fields: [version, ...proposal, { name: 'revisedOn', ...today }],
  },
  submitProject: {
    method: 'POST', path: projectPath('submit'), roles: ['COUNTY'], step: 'submit',
    fields: [version, { name: 'submittedOn', ...today }],
  },
  formalReview: {
    method: 'POST', path: projectPath('formal-review'), roles: ['ADMIN'], step: 'pass-formal-review',
    fields: [version, { name: 'outcome', type: 'select', required: true, enum: 'FormalReviewOutcome', options: ['PASSED', 'RETURNED'] },
      { name: 'reason', type: 'textarea', hint: 'hint.formalReview.reason' }, { name: 'reviewedOn', ...today }],
  },
  expertReview: {
    method: 'POST', path: projectPath('expert-review'), roles: ['ADMIN'], step: 'expert-review',
    fields: [version, {
      name: 'reviews', type: 'rows', required: true, min: 3,
      fields: [{ name: 'expert', type: 'text', required: true, max: 50 }, { name: 'score', type: 'decimal', required: true },
        { name: 'opinion', type: 'textarea', required: true, rows: 2 }],
    }, { name: 'reviewedOn', ...today }],
  },
  approveProject: {
    method: 'POST', path: projectPath('approve'), roles: ['ADMIN'], step: 'approve',
    fields: [version, { name: 'approvedAmount', type: 'money', required: true, from: (p) => p.requestedAmount },
      { name: 'taskContractNo', type: 'text', required: true, max: 50 }, { name: 'approvedOn', ...today }],
  },
  rejectProject: {
    method: 'POST', path: projectPath('reject'), roles: ['ADMIN'], step: 'reject',
    fields: [version, { name: 'reason', type: 'textarea', required: true }, { name: 'rejectedOn', ...today }],
  },
  startProject: {
    method: 'POST', path: projectPath('start'), roles: ['ADMIN'], step: 'start',
    fields: [version, { name: 'startedOn', ...today }],
  },
  midtermCheck: {
    method: 'POST', path: projectPath('midterm-check'), roles: ['ADMIN'], step: 'midterm-check',
    fields: [version, { name: 'result', type: 'select', required: true, enum: 'MidtermResult', options: ['SATISFACTORY', 'NEEDS_IMPROVEMENT', 'UNSATISFACTORY'] },
      { name: 'opinion', type: 'textarea' }, { name: 'checkedOn', ...today }],
  },
  acceptProject: {
    method: 'POST', path: projectPath('accept'), roles: ['ADMIN'], step: 'accept',
    fields: [version, { name: 'conclusion', type: 'select', required: true, enum: 'AcceptanceConclusion', options: ['PASSED', 'PASSED_WITH_CONDITIONS'] },
      { name: 'result', type: 'textarea', required: true }, { name: 'acceptedOn', ...today }],
  },
  terminateProject: {
    method: 'POST', path: projectPath('terminate'), roles: ['ADMIN'], step: 'terminate',
    fields: [version, { name: 'reason', type: 'textarea', required: true }, { name: 'terminatedOn', ...today }],
  },
  addProgramme: {
    method: 'POST', path: () => '/api/projects/programmes', roles: ['ADMIN'],
    fields: [{ name: 'code', type: 'text', required: true, max: 40 }, { name: 'chineseName', type: 'text', required: true, max: 100 },
      { name: 'englishName', type: 'text', required: true, max: 200 }, { name: 'level', type: 'select', required: true, enum: 'Level', options: LEVELS }],
  },

  // ---- achievements and industries (project-service) ---------------------------------------------------------
  recordAchievement: {
    method: 'POST', path: () => '/api/projects/achievements', roles: ['COUNTY', 'ADMIN'],
    fields: [{ name: 'county', type: 'county', required: true }, { name: 'title', type: 'text', required: true, max: 200, wide: true },
      { name: 'projectId', type: 'text', max: 60 }, { name: 'enterprise.name', type: 'text', required: true, max: 100 },
      { name: 'enterprise.creditCode', type: 'text', required: true, max: 18 }, { name: 'transformedOn', ...today },
      { name: 'outputValue', type: 'money', required: true }, { name: 'resultSummary', type: 'textarea', wide: true }],
  },
  withdrawAchievement: {
    method: 'POST', path: (ctx) => `/api/projects/achievements/${encodeURIComponent(ctx.item.id)}/withdraw`, roles: ['ADMIN'], step: 'withdraw',
    fields: [version, { name: 'reason', type: 'textarea', required: true }, { name: 'withdrawnOn', ...today }],
  },
  registerIndustry: {
    method: 'POST', path: () => '/api/projects/industries', roles: ['COUNTY', 'ADMIN'],
    fields: [{ name: 'county', type: 'county', required: true }, { name: 'name', type: 'text', required: true, max: 100 },
      { name: 'description', type: 'textarea', wide: true }, { name: 'registeredOn', ...today }],
  },
  changeDrivers: {
    method: 'PUT', path: (ctx) => `/api/projects/industries/${encodeURIComponent(ctx.item.id)}/drivers`, roles: ['COUNTY', 'ADMIN'], step: 'change-drivers',
    fields: [version, { name: 'projectIds', type: 'lines', required: true, from: (i) => (i.projectIds || []).join('\n') },
      { name: 'achievementIds', type: 'lines', required: true, from: (i) => (i.achievementIds || []).join('\n') }, { name: 'changedOn', ...today }],
    // an empty list is a list: the API needs the field even when the industry has no driver of that kind
    complete: (body) => ({ projectIds: [], achievementIds: [], ...body }),
  },
  recogniseIndustry: {
    method: 'POST', path: (ctx) => `/api/projects/industries/${encodeURIComponent(ctx.item.id)}/recognise`, roles: ['ADMIN'], step: 'recognise',
    fields: [version, { name: 'documentNo', type: 'text', required: true, max: 100 }, { name: 'recognisedOn', ...today }],
  },
  revokeRecognition: {
    method: 'POST', path: (ctx) => `/api/projects/industries/${encodeURIComponent(ctx.item.id)}/revoke-recognition`, roles: ['ADMIN'], step: 'revoke-recognition',
    fields: [version, { name: 'reason', type: 'textarea', required: true }, { name: 'revokedOn', ...today }],
  },

  // ---- the special fund (funding-service) --------------------------------------------------------------------
  openFund: {
    method: 'POST', path: () => '/api/funding/special-fund', roles: ['FINANCE'],
    fields: [{ name: 'year', type: 'integer', required: true }, { name: 'budget', type: 'money', required: true }, { name: 'openedOn', ...today }],
  },
  reviseBudget: {
    method: 'POST', path: (ctx) => `/api/funding/special-fund/${ctx.item.year}/budget-revisions`, roles: ['FINANCE'],
    fields: [{ name: 'budget', type: 'money', required: true, from: (f) => f.budget }, { name: 'revisedOn', ...today },
      { name: 'reason', type: 'text', required: true, max: 500, wide: true }],
  },
  allocate: {
    method: 'POST', path: (ctx) => `/api/funding/special-fund/${ctx.item.year}/allocations`, roles: ['FINANCE'], amountField: 'amount',
    fields: [{ name: 'purpose', type: 'select', required: true, enum: 'Purpose', options: ['KEY_ENTERPRISE', 'OUTSTANDING_TALENT', 'MAJOR_ACHIEVEMENT'] },
      { name: 'beneficiary.name', type: 'text', required: true, max: 200 }, { name: 'beneficiary.creditCode', type: 'text', max: 18, hint: 'hint.beneficiaryCreditCode' },
      { name: 'county', type: 'county', required: true }, { name: 'projectId', type: 'text', max: 60 },
      { name: 'amount', type: 'money', required: true }, { name: 'approvalDocument', type: 'text', required: true, max: 100 },
      { name: 'allocatedOn', ...today }],
  },
  disburse: {
    method: 'POST', path: (ctx) => `/api/funding/special-fund/${ctx.item.year}/allocations/${encodeURIComponent(ctx.item.id)}/disbursements`,
    roles: ['FINANCE'], amountField: 'amount',
    fields: [{ name: 'amount', type: 'money', required: true }, { name: 'disbursedOn', ...today }, { name: 'voucherNo', type: 'text', max: 100 }],
  },
  revokeAllocation: {
    method: 'POST', path: (ctx) => `/api/funding/special-fund/${ctx.item.year}/allocations/${encodeURIComponent(ctx.item.id)}/revocation`, roles: ['FINANCE'],
    fields: [{ name: 'revokedOn', ...today }, { name: 'reason', type: 'text', required: true, max: 500, wide: true }],
  },

  // ---- secured funds, matching funds, county statistics (funding-service) ------------------------------------
  secureFunds: {
    method: 'POST', path: () => '/api/funding/secured-funds', roles: ['FINANCE'],
    fields: [{ name: 'county', type: 'select', required: true, options: cityAndCountyOptions },
      { name: 'level', type: 'select', required: true, enum: 'Level', options: ['NATIONAL', 'PROVINCIAL'] },
      { name: 'programme', type: 'select', required: true, options: programmeOptions }, { name: 'projectId', type: 'text', max: 60 },
      { name: 'amount', type: 'money', required: true }, { name: 'securedOn', ...today }, { name: 'documentNo', type: 'text', required: true, max: 100 }],
  },
  reverseSecuredFunds: {
    method: 'POST', path: (ctx) => `/api/funding/secured-funds/${encodeURIComponent(ctx.item.id)}/reversals`, roles: ['FINANCE'], amountField: 'amount',
    fields: [{ name: 'amount', type: 'money', required: true }, { name: 'reversedOn', ...today }, { name: 'reason', type: 'text', required: true, max: 500, wide: true }],
  },
  commitMatchingFunds: {
    method: 'POST', path: () => '/api/funding/matching-funds/commitments', roles: ['COUNTY'],
    fields: [{ name: 'county', type: 'county', required: true }, { name: 'year', type: 'integer', required: true },
      { name: 'amount', type: 'money', required: true }, { name: 'committedOn', ...today }, { name: 'documentNo', type: 'text', required: true, max: 100 }],
  },
  payMatchingFunds: {
    method: 'POST', path: () => '/api/funding/matching-funds/payments', roles: ['FINANCE'],
    fields: [{ name: 'county', type: 'county', required: true }, { name: 'year', type: 'integer', required: true },
      { name: 'amount', type: 'money', required: true }, { name: 'paidOn', ...today }, { name: 'voucherNo', type: 'text', required: true, max: 100 }],
  },
  fileStatistics: {
    method: 'POST', path: () => '/api/funding/county-statistics', roles: ['COUNTY'],
    fields: [{ name: 'county', type: 'county', required: true }, { name: 'year', type: 'integer', required: true },
      { name: 'fiscalExpenditure', type: 'money', required: true }, { name: 'fiscalStExpenditure', type: 'money', required: true },
      { name: 'recurringRevenue', type: 'money', required: true }, { name: 'enterpriseRd', type: 'money', required: true },
      { name: 'societyRd', type: 'money', required: true }, { name: 'filedOn', ...today }],
  },
  reviseStatistics: {
    method: 'POST', path: (ctx) => `/api/funding/county-statistics/${ctx.item.current.county}/${ctx.item.current.year}/revisions`, roles: ['COUNTY'],
    fields: [{ name: 'supersedesRevision', type: 'hidden', from: (s) => s.current.revision },
      { name: 'fiscalExpenditure', type: 'money', required: true, from: (s) => s.current.fiscalExpenditure },
      { name: 'fiscalStExpenditure', type: 'money', required: true, from: (s) => s.current.fiscalStExpenditure },
      { name: 'recurringRevenue', type: 'money', required: true, from: (s) => s.current.recurringRevenue },
      { name: 'enterpriseRd', type: 'money', required: true, from: (s) => s.current.enterpriseRd },
      { name: 'societyRd', type: 'money', required: true, from: (s) => s.current.societyRd },
      { name: 'filedOn', ...today }, { name: 'reason', type: 'text', required: true, max: 500, wide: true }],
  },

  // ---- the registry (platform-registry-service) --------------------------------------------------------------
  registerPlatform: {
    method: 'POST', path: () => '/api/registry/platforms', roles: ['COUNTY', 'ADMIN'],
    fields: [{ name: 'county', type: 'county', required: true }, { name: 'name', type: 'text', required: true, max: 200, wide: true },
      { name: 'type', type: 'select', required: true, options: platformTypeOptions }, { name: 'level', type: 'select', required: true, enum: 'Level', options: LEVELS },
      { name: 'host.name', type: 'text', required: true, max: 200 }, { name: 'host.creditCode', type: 'text', required: true, max: 18 },
      { name: 'registeredOn', ...today }],
  },
  accreditPlatform: {
    method: 'POST', path: (ctx) => `/api/registry/platforms/${encodeURIComponent(ctx.item.id)}/accreditation`, roles: ['ADMIN'],
    when: (p) => p.status !== 'REVOKED',
    fields: [{ name: 'level', type: 'select', required: true, enum: 'Level', options: LEVELS, from: (p) => p.level },
      { name: 'accreditingBody', type: 'text', required: true, max: 100 }, { name: 'documentNo', type: 'text', required: true, max: 100 },
      { name: 'accreditedOn', ...today }],
  },
  revokePlatform: {
    method: 'POST', path: (ctx) => `/api/registry/platforms/${encodeURIComponent(ctx.item.id)}/revocation`, roles: ['ADMIN'],
    when: (p) => p.status === 'ACCREDITED',
    fields: [{ name: 'reason', type: 'textarea', required: true }, { name: 'revokedOn', ...today }],
  },
  addPlatformType: {
    method: 'POST', path: () => '/api/registry/platform-types', roles: ['ADMIN'],
    fields: [{ name: 'code', type: 'text', required: true, max: 40 }, { name: 'name', type: 'text', required: true, max: 100 },
      { name: 'englishName', type: 'text', required: true, max: 200 }],
  },
  renamePlatformType: {
    method: 'PUT', path: (ctx) => `/api/registry/platform-types/${encodeURIComponent(ctx.item.code)}`, roles: ['ADMIN'],
    fields: [{ name: 'name', type: 'text', required: true, max: 100, from: (p) => p.name },
      { name: 'englishName', type: 'text', required: true, max: 200, from: (p) => p.englishName }],
  },
  applyForDesignation: {
    method: 'POST', path: () => '/api/registry/designations', roles: ['COUNTY', 'ADMIN'],
    fields: [{ name: 'county', type: 'county', required: true },
      { name: 'kind', type: 'select', required: true, enum: 'DesignationKind', options: ['SUSTAINABLE_DEVELOPMENT_ZONE', 'SCIENCE_PARK', 'ACHIEVEMENT_DEMONSTRATION_COUNTY', 'CHARACTERISTIC_INDUSTRY_BASE', 'HIGH_TECH_ENTERPRISE', 'IP_PILOT_COUNTY', 'LIGHTING_DEMONSTRATION_UNIT', 'LIGHTING_DEMONSTRATION_ZONE'] },
      { name: 'level', type: 'select', required: true, enum: 'Level', options: LEVELS },
      { name: 'holder.name', type: 'text', required: true, max: 200 }, { name: 'holder.creditCode', type: 'text', max: 18, hint: 'hint.holderCreditCode' },
      { name: 'appliedOn', ...today },
      // only the plan office may record the grant together with the application
      { name: 'grant.documentNo', type: 'text', max: 100, roles: ['ADMIN'] }, { name: 'grant.grantedOn', type: 'date', roles: ['ADMIN'] }],
  },
  grantDesignation: {
    method: 'POST', path: (ctx) => `/api/registry/designations/${encodeURIComponent(ctx.item.id)}/grant`, roles: ['ADMIN'],
    when: (d) => d.status === 'APPLIED',
    fields: [{ name: 'documentNo', type: 'text', required: true, max: 100 }, { name: 'grantedOn', ...today }],
  },
  revokeDesignation: {
    method: 'POST', path: (ctx) => `/api/registry/designations/${encodeURIComponent(ctx.item.id)}/revocation`, roles: ['ADMIN'],
    when: (d) => d.status === 'GRANTED',
    fields: [{ name: 'reason', type: 'textarea', required: true }, { name: 'revokedOn', ...today }],
  },
  formAlliance: {
    method: 'POST', path: () => '/api/registry/alliances', roles: ['COUNTY', 'ADMIN'],
    fields: [{ name: 'county', type: 'county', required: true }, { name: 'name', type: 'text', required: true, max: 200, wide: true },
      { name: 'field', type: 'text', required: true, max: 200 }, { name: 'formedOn', ...today },
      {
        name: 'members', type: 'rows', required: true, min: 1,
        fields: [{ name: 'organisation.name', type: 'text', required: true, max: 200 }, { name: 'organisation.creditCode', type: 'text', max: 18 },
          { name: 'county', type: 'select', options: countyOptions }],
      }],
  },
  joinAlliance: {
    method: 'POST', path: (ctx) => `/api/registry/alliances/${encodeURIComponent(ctx.item.id)}/members`, roles: ['COUNTY', 'ADMIN'],
    fields: [{ name: 'organisation.name', type: 'text', required: true, max: 200 }, { name: 'organisation.creditCode', type: 'text', max: 18 },
      { name: 'county', type: 'select', options: countyOptions },
      { name: 'joinedOn', ...today }],
  },
  registerEnterprise: {
    method: 'POST', path: () => '/api/registry/enterprises', roles: ['COUNTY', 'ADMIN'],
    fields: [{ name: 'county', type: 'county', required: true }, { name: 'name', type: 'text', required: true, max: 200, wide: true },
      { name: 'creditCode', type: 'text', required: true, max: 18 }, { name: 'larger', type: 'boolean', required: true },
      { name: 'registeredOn', ...today }],
  },
  reclassifyEnterprise: {
    method: 'POST', path: (ctx) => `/api/registry/enterprises/${encodeURIComponent(ctx.item.id)}/reclassification`, roles: ['COUNTY', 'ADMIN'],
    fields: [{ name: 'larger', type: 'boolean', required: true, from: (e) => !e.larger }, { name: 'effectiveOn', ...today }],
  },
  establishRdInstitution: {
    method: 'POST', path: (ctx) => `/api/registry/enterprises/${encodeURIComponent(ctx.item.id)}/rd-institutions`, roles: ['COUNTY', 'ADMIN'],
    when: (e) => !e.rdInstitution,
    fields: [{ name: 'name', type: 'text', required: true, max: 200, wide: true },
      { name: 'kind', type: 'select', required: true, enum: 'RdInstitutionKind', options: ['RD_CENTRE', 'ACHIEVEMENT_APPLICATION_SERVICE'] },
      { name: 'establishedOn', ...today }],
  },
  closeRdInstitution: {
    method: 'POST', path: (ctx) => `/api/registry/enterprises/${encodeURIComponent(ctx.item.id)}/rd-institutions/closure`, roles: ['COUNTY', 'ADMIN'],
    when: (e) => Boolean(e.rdInstitution),
    fields: [{ name: 'reason', type: 'textarea', required: true }, { name: 'closedOn', ...today }],
  },
  recordAssessment: {
    method: 'POST', path: () => '/api/registry/assessments', roles: ['ADMIN'],
    fields: [{ name: 'county', type: 'county', required: true }, { name: 'year', type: 'integer', required: true },
      { name: 'result', type: 'select', required: true, enum: 'AssessmentResult', options: ['FAILED', 'PASSED', 'ADVANCED'] },
      { name: 'documentNo', type: 'text', required: true, max: 100 }, { name: 'effectiveOn', ...today }],
  },
  reviseAssessment: {
    method: 'POST', path: (ctx) => `/api/registry/assessments/${encodeURIComponent(ctx.item.id)}/revisions`, roles: ['ADMIN'],
    fields: [{ name: 'revision', type: 'hidden', from: (a) => a.revision + 1 },
      { name: 'result', type: 'select', required: true, enum: 'AssessmentResult', options: ['FAILED', 'PASSED', 'ADVANCED'], from: (a) => a.result },
      { name: 'documentNo', type: 'text', required: true, max: 100 }, { name: 'effectiveOn', ...today },
      { name: 'reason', type: 'textarea', required: true }],
  },

  // ---- plans (reporting-service) -----------------------------------------------------------------------------
  loadPlan: {
    method: 'PUT', roles: ['ADMIN'],
    path: (ctx, body) => `/api/reports/plans/${encodeURIComponent((body && body.id) || 'plan')}`,
    // the whole body is the plan document, pasted or read from a file
    fields: [{ name: '.', type: 'json', required: true, wide: true, rows: 16, hint: 'hint.loadPlan' }],
  },
  activatePlan: {
    method: 'POST', path: (ctx) => `/api/reports/plans/${encodeURIComponent(ctx.item.id)}/activation`, roles: ['ADMIN'],
    when: (p) => !p.active,
    fields: [],
  },
};

for (const [id, spec] of Object.entries(COMMANDS)) {
  spec.id = id;
}

/** Whether the signed-in user's role may send this command (the service checks again, and decides). */
export function allowed(spec, session) {
  return spec.roles.some((r) => session.roles.includes(r));
}

define({
  // commands: the form's title and its button
  'form.draftProject': ['起草项目申报书', 'Draft a project application'], 'submit.draftProject': ['保存草稿', 'Save the draft'],
  'form.reviseProject': ['修改申报书', 'Revise the application'], 'submit.reviseProject': ['保存修改', 'Save the revision'],
  'form.submitProject': ['提交申报', 'Submit the application'], 'submit.submitProject': ['提交申报', 'Submit'],
  'form.formalReview': ['形式审查', 'Formal review'], 'submit.formalReview': ['记录形式审查结果', 'Record the formal review'],
  'form.expertReview': ['专家评审', 'Expert review'], 'submit.expertReview': ['记录专家评审', 'Record the expert review'],
  'form.approveProject': ['立项', 'Approve'], 'submit.approveProject': ['批准立项', 'Approve the project'],
  'form.rejectProject': ['不予立项', 'Reject'], 'submit.rejectProject': ['不予立项', 'Reject the project'],
  'form.startProject': ['开始实施', 'Start'], 'submit.startProject': ['记录开始实施', 'Record the start'],
  'form.midtermCheck': ['中期检查', 'Mid-term check'], 'submit.midtermCheck': ['记录中期检查', 'Record the mid-term check'],
  'form.acceptProject': ['验收（结题）', 'Acceptance'], 'submit.acceptProject': ['记录验收', 'Record the acceptance'],
  'form.terminateProject': ['终止', 'Terminate'], 'submit.terminateProject': ['终止项目', 'Terminate the project'],
  'form.addProgramme': ['新增专项', 'Add a programme'], 'submit.addProgramme': ['新增', 'Add'],
  'form.recordAchievement': ['登记科技成果转化', 'Record an achievement transformation'], 'submit.recordAchievement': ['登记', 'Record'],
  'form.withdrawAchievement': ['撤回成果转化', 'Withdraw the transformation'], 'submit.withdrawAchievement': ['撤回', 'Withdraw'],
  'form.registerIndustry': ['登记特色产业', 'Register a characteristic industry'], 'submit.registerIndustry': ['登记', 'Register'],
  'form.changeDrivers': ['带动项目与成果', 'Driving projects and achievements'], 'submit.changeDrivers': ['保存', 'Save'],
  'form.recogniseIndustry': ['认定特色产业', 'Recognise the industry'], 'submit.recogniseIndustry': ['认定', 'Recognise'],
  'form.revokeRecognition': ['撤销认定', 'Revoke the recognition'], 'submit.revokeRecognition': ['撤销认定', 'Revoke'],
  'form.openFund': ['下达年度专项资金', 'Open a year of the special fund'], 'submit.openFund': ['下达', 'Open the year'],
  'form.reviseBudget': ['调整预算', 'Revise the budget'], 'submit.reviseBudget': ['调整预算', 'Revise'],
  'form.allocate': ['安排资金', 'Allocate'], 'submit.allocate': ['安排', 'Allocate'],
  'form.disburse': ['拨付', 'Disburse'], 'submit.disburse': ['拨付', 'Disburse'],
  'form.revokeAllocation': ['撤销安排（收回）', 'Revoke the allocation (claw back)'], 'submit.revokeAllocation': ['撤销安排', 'Revoke'],
  'form.secureFunds': ['登记争取到的国家、省资金', 'Record secured funds'], 'submit.secureFunds': ['登记', 'Record'],
  'form.reverseSecuredFunds': ['冲销', 'Reverse'], 'submit.reverseSecuredFunds': ['冲销', 'Reverse'],
  'form.commitMatchingFunds': ['承诺配套资金', 'Commit matching funds'], 'submit.commitMatchingFunds': ['承诺', 'Commit'],
  'form.payMatchingFunds': ['登记配套资金到位', 'Record a matching-fund payment'], 'submit.payMatchingFunds': ['登记', 'Record'],
  'form.fileStatistics': ['填报年度统计数据', 'File yearly statistics'], 'submit.fileStatistics': ['填报', 'File'],
  'form.reviseStatistics': ['修订统计数据', 'Revise the statistics'], 'submit.reviseStatistics': ['修订', 'Revise'],
  'form.registerPlatform': ['登记创新平台', 'Register an innovation platform'], 'submit.registerPlatform': ['登记', 'Register'],
  'form.accreditPlatform': ['认定平台', 'Accredit the platform'], 'submit.accreditPlatform': ['认定', 'Accredit'],
  'form.revokePlatform': ['撤销平台认定', 'Revoke the platform'], 'submit.revokePlatform': ['撤销', 'Revoke'],
  'form.addPlatformType': ['新增平台类型', 'Add a platform type'], 'submit.addPlatformType': ['新增', 'Add'],
  'form.renamePlatformType': ['修改名称', 'Rename'], 'submit.renamePlatformType': ['保存', 'Save'],
  'form.applyForDesignation': ['申请称号认定', 'Apply for a designation'], 'submit.applyForDesignation': ['申请', 'Apply'],
  'form.grantDesignation': ['批准称号', 'Grant the designation'], 'submit.grantDesignation': ['批准', 'Grant'],
  'form.revokeDesignation': ['撤销称号', 'Revoke the designation'], 'submit.revokeDesignation': ['撤销', 'Revoke'],
  'form.formAlliance': ['组建产业技术创新联盟', 'Form an innovation alliance'], 'submit.formAlliance': ['组建', 'Form'],
  'form.joinAlliance': ['新成员加入', 'Add a member'], 'submit.joinAlliance': ['加入', 'Add'],
  'form.registerEnterprise': ['登记企业', 'Register an enterprise'], 'submit.registerEnterprise': ['登记', 'Register'],
  'form.reclassifyEnterprise': ['调整规模分类', 'Reclassify'], 'submit.reclassifyEnterprise': ['保存', 'Save'],
  'form.establishRdInstitution': ['设立研发机构', 'Establish an R&D institution'], 'submit.establishRdInstitution': ['设立', 'Establish'],
  'form.closeRdInstitution': ['撤销研发机构', 'Close the R&D institution'], 'submit.closeRdInstitution': ['撤销', 'Close'],
  'form.recordAssessment': ['登记科技进步考核结果', 'Record an assessment'], 'submit.recordAssessment': ['登记', 'Record'],
  'form.reviseAssessment': ['更正考核结果', 'Correct the assessment'], 'submit.reviseAssessment': ['更正', 'Correct'],
  'form.loadPlan': ['载入行动计划', 'Load a plan'], 'submit.loadPlan': ['载入', 'Load'],
  'form.activatePlan': ['启用此计划', 'Put this plan in force'], 'submit.activatePlan': ['启用', 'Put in force'],

  // fields (by their name in the API; a form may name one differently with field.<form>.<name>)
  'field.county': ['县市区', 'County'], 'field.title': ['项目名称', 'Title'], 'field.programme': ['专项', 'Programme'],
  'field.level': ['级别', 'Level'], 'field.applicant.name': ['申报单位', 'Applicant'],
  'field.applicant.creditCode': ['申报单位统一社会信用代码', 'Applicant\'s unified social credit code'],
  'field.requestedAmount': ['申请金额（元）', 'Requested amount (yuan)'], 'field.period.start': ['实施期起', 'Period from'],
  'field.period.end': ['实施期止', 'Period to'], 'field.contact.name': ['联系人', 'Contact'], 'field.contact.phone': ['联系电话', 'Telephone'],
  'field.contact.email': ['电子邮箱', 'Email'], 'field.draftedOn': ['起草日期', 'Drafted on'], 'field.revisedOn': ['修改日期', 'Revised on'],
  'field.submittedOn': ['申报日期', 'Submitted on'], 'field.outcome': ['审查结论', 'Outcome'], 'field.reason': ['原因', 'Reason'],
  'field.reviewedOn': ['审查日期', 'Reviewed on'], 'field.reviews': ['专家意见', 'Experts\' reviews'], 'field.reviews.expert': ['专家', 'Expert'],
  'field.reviews.score': ['评分（0–100）', 'Score (0–100)'], 'field.reviews.opinion': ['评审意见', 'Opinion'],
  'field.approvedAmount': ['批准金额（元）', 'Approved amount (yuan)'], 'field.taskContractNo': ['任务书（合同）编号', 'Task contract no.'],
  'field.approvedOn': ['立项日期', 'Approved on'], 'field.rejectedOn': ['决定日期', 'Rejected on'], 'field.startedOn': ['开始实施日期', 'Started on'],
  'field.result': ['结果', 'Result'], 'field.opinion': ['检查意见', 'Opinion'], 'field.checkedOn': ['检查日期', 'Checked on'],
  'field.conclusion': ['验收结论', 'Conclusion'], 'field.acceptResult': ['验收结果', 'Result'], 'field.acceptedOn': ['验收日期', 'Accepted on'],
  'field.terminatedOn': ['终止日期', 'Terminated on'], 'field.code': ['代码', 'Code'], 'field.chineseName': ['中文名称', 'Chinese name'],
  'field.englishName': ['英文名称', 'English name'], 'field.projectId': ['关联项目编号', 'Project id'],
  'field.enterprise.name': ['转化企业', 'Enterprise'], 'field.enterprise.creditCode': ['企业统一社会信用代码', 'Enterprise\'s unified social credit code'],
  'field.transformedOn': ['转化日期', 'Transformed on'], 'field.outputValue': ['新增产值（元）', 'Output value (yuan)'],
  'field.resultSummary': ['转化成效', 'Result summary'], 'field.withdrawnOn': ['撤回日期', 'Withdrawn on'], 'field.name': ['名称', 'Name'],
  'field.description': ['简介', 'Description'], 'field.registeredOn': ['登记日期', 'Registered on'],
  'field.projectIds': ['带动项目编号', 'Driving project ids'], 'field.achievementIds': ['带动成果编号', 'Driving achievement ids'],
  'field.changedOn': ['变更日期', 'Changed on'], 'field.documentNo': ['文号', 'Document no.'], 'field.recognisedOn': ['认定日期', 'Recognised on'],
  'field.revokedOn': ['撤销日期', 'Revoked on'], 'field.year': ['年度', 'Year'], 'field.budget': ['预算（元）', 'Budget (yuan)'],
  'field.openedOn': ['下达日期', 'Opened on'], 'field.purpose': ['用途', 'Purpose'], 'field.beneficiary.name': ['受益单位或个人', 'Beneficiary'],
  'field.beneficiary.creditCode': ['受益单位统一社会信用代码', 'Beneficiary\'s unified social credit code'],
  'field.amount': ['金额（元）', 'Amount (yuan)'], 'field.approvalDocument': ['批准文件', 'Approval document'],
  'field.allocatedOn': ['安排日期', 'Allocated on'], 'field.disbursedOn': ['拨付日期', 'Disbursed on'], 'field.voucherNo': ['凭证号', 'Voucher no.'],
  'field.securedOn': ['到位日期', 'Secured on'], 'field.reversedOn': ['冲销日期', 'Reversed on'], 'field.committedOn': ['承诺日期', 'Committed on'],
  'field.paidOn': ['到位日期', 'Paid on'], 'field.fiscalExpenditure': ['财政支出（元）', 'Fiscal expenditure (yuan)'],
  'field.fiscalStExpenditure': ['财政科技投入（元）', 'Fiscal S&T expenditure (yuan)'], 'field.recurringRevenue': ['经常性收入（元）', 'Recurring revenue (yuan)'],
  'field.enterpriseRd': ['企业研发经费（元）', 'Enterprise R&D (yuan)'], 'field.societyRd': ['全社会研发经费（元）', 'Whole-society R&D (yuan)'],
  'field.filedOn': ['填报日期', 'Filed on'], 'field.supersedesRevision': ['被修订的版本', 'Revision superseded'], 'field.type': ['平台类型', 'Type'],
  'field.host.name': ['依托单位', 'Host organisation'], 'field.host.creditCode': ['依托单位统一社会信用代码', 'Host\'s unified social credit code'],
  'field.accreditingBody': ['认定机关', 'Accrediting body'], 'field.accreditedOn': ['认定日期', 'Accredited on'], 'field.kind': ['类别', 'Kind'],
  'field.holder.name': ['称号单位（地区）', 'Holder'], 'field.holder.creditCode': ['单位统一社会信用代码', 'Holder\'s unified social credit code'],
  'field.appliedOn': ['申请日期', 'Applied on'], 'field.grant.documentNo': ['批准文号（同时批准时填写）', 'Grant document no. (when granted at once)'],
  'field.grant.grantedOn': ['批准日期（同时批准时填写）', 'Granted on (when granted at once)'], 'field.grantedOn': ['批准日期', 'Granted on'],
  'field.field': ['产业领域', 'Field'], 'field.formedOn': ['组建日期', 'Formed on'], 'field.members': ['成员单位', 'Members'],
  'field.members.organisation.name': ['成员单位名称', 'Member'], 'field.members.organisation.creditCode': ['成员单位统一社会信用代码', 'Member\'s unified social credit code'],
  'field.members.county': ['成员单位所在县市区', 'Member\'s county'], 'field.organisation.name': ['单位名称', 'Organisation'],
  'field.organisation.creditCode': ['单位统一社会信用代码', 'Organisation\'s unified social credit code'], 'field.joinedOn': ['加入日期', 'Joined on'],
  'field.creditCode': ['统一社会信用代码', 'Unified social credit code'], 'field.larger': ['规模以上企业', 'Larger enterprise (above the size threshold)'],
  'field.effectiveOn': ['生效日期', 'Effective on'], 'field.establishedOn': ['设立日期', 'Established on'], 'field.closedOn': ['撤销日期', 'Closed on'],
  'field.revision': ['版本', 'Revision'], 'field..': ['计划文件（JSON）', 'Plan document (JSON)'],
  'field.acceptProject.result': ['验收结果', 'Result'], 'field.midtermCheck.result': ['检查结果', 'Result'],
  'field.midtermCheck.opinion': ['检查意见', 'Opinion'], 'field.recordAssessment.result': ['考核结果', 'Result'],
  'field.reviseAssessment.result': ['考核结果', 'Result'], 'field.formalReview.reason': ['退回原因', 'Reason for returning'],
  'field.registerIndustry.name': ['产业名称', 'Industry'], 'field.registerPlatform.name': ['平台名称', 'Platform'],
  'field.formAlliance.name': ['联盟名称', 'Alliance'], 'field.registerEnterprise.name': ['企业名称', 'Enterprise'],
  'field.establishRdInstitution.name': ['研发机构名称', 'R&D institution'], 'field.reclassifyEnterprise.larger': ['规模以上企业', 'Larger enterprise'],
  'field.addPlatformType.name': ['中文名称', 'Chinese name'], 'field.renamePlatformType.name': ['中文名称', 'Chinese name'],

  'hint.applicant.creditCode': ['18 位，含校验位', '18 characters, with its check character'],
  'hint.creditCode': ['18 位，含校验位', '18 characters, with its check character'],
  'hint.requestedAmount': ['以元为单位，最多两位小数', 'in yuan, at most two decimals'],
  'hint.amount': ['以元为单位，最多两位小数', 'in yuan, at most two decimals'],
  'hint.formalReview.reason': ['仅在退回修改时填写', 'only when returning the project for correction'],
  'hint.projectIds': ['每行一个项目编号（prj-…）', 'one project id (prj-…) per line'],
  'hint.achievementIds': ['每行一个成果编号（ach-…）', 'one achievement id (ach-…) per line'],
  'hint.holderCreditCode': ['高新技术企业必填', 'required for a high-tech enterprise'],
  'hint.beneficiaryCreditCode': ['用途为重点企业时必填', 'required when the purpose is a key enterprise'],
  'hint.loadPlan': ['粘贴计划文件（JSON），其中的 id 即计划编号；载入后立即启用', 'paste the plan document (JSON); its id is the plan\'s id; it is put in force once loaded'],

  // enumerations
  'enum.Level.NATIONAL': ['国家级', 'national'], 'enum.Level.PROVINCIAL': ['省级', 'provincial'], 'enum.Level.MUNICIPAL': ['市级', 'municipal'],
  'enum.FormalReviewOutcome.PASSED': ['通过', 'passed'], 'enum.FormalReviewOutcome.RETURNED': ['退回修改', 'returned for correction'],
  'enum.MidtermResult.SATISFACTORY': ['良好', 'satisfactory'], 'enum.MidtermResult.NEEDS_IMPROVEMENT': ['需改进', 'needs improvement'],
  'enum.MidtermResult.UNSATISFACTORY': ['不合格', 'unsatisfactory'],
  'enum.AcceptanceConclusion.PASSED': ['通过验收', 'passed'], 'enum.AcceptanceConclusion.PASSED_WITH_CONDITIONS': ['有条件通过', 'passed with conditions'],
  'enum.Purpose.KEY_ENTERPRISE': ['重点企业', 'key enterprise'], 'enum.Purpose.OUTSTANDING_TALENT': ['优秀人才', 'outstanding talent'],
  'enum.Purpose.MAJOR_ACHIEVEMENT': ['重大成果', 'major achievement'],
  'enum.DesignationKind.SUSTAINABLE_DEVELOPMENT_ZONE': ['可持续发展实验区（示范区）', 'sustainable-development zone'],
  'enum.DesignationKind.SCIENCE_PARK': ['科技园区（基地）', 'S&T park (base)'],
  'enum.DesignationKind.ACHIEVEMENT_DEMONSTRATION_COUNTY': ['科技成果示范县', 'achievement demonstration county'],
  'enum.DesignationKind.CHARACTERISTIC_INDUSTRY_BASE': ['特色产业基地', 'characteristic industry base'],
  'enum.DesignationKind.HIGH_TECH_ENTERPRISE': ['高新技术企业', 'high-tech enterprise'],
  'enum.DesignationKind.IP_PILOT_COUNTY': ['知识产权试点县', 'IP pilot county'],
  'enum.DesignationKind.LIGHTING_DEMONSTRATION_UNIT': ['半导体照明示范单位', 'semiconductor-lighting demonstration unit'],
  'enum.DesignationKind.LIGHTING_DEMONSTRATION_ZONE': ['半导体照明示范区（示范带）', 'semiconductor-lighting demonstration zone'],
  'enum.RdInstitutionKind.RD_CENTRE': ['企业研发中心', 'R&D centre'],
  'enum.RdInstitutionKind.ACHIEVEMENT_APPLICATION_SERVICE': ['成果应用服务机构', 'achievement application service'],
  'enum.AssessmentResult.FAILED': ['未通过', 'failed'], 'enum.AssessmentResult.PASSED': ['通过', 'passed'], 'enum.AssessmentResult.ADVANCED': ['先进', 'advanced'],
  'enum.ProjectStatus.DRAFT': ['草稿', 'draft'], 'enum.ProjectStatus.SUBMITTED': ['已申报', 'submitted'], 'enum.ProjectStatus.RETURNED': ['退回修改', 'returned'],
  'enum.ProjectStatus.FORMAL_REVIEW_PASSED': ['形式审查通过', 'formal review passed'], 'enum.ProjectStatus.EXPERT_REVIEWED': ['专家评审完成', 'expert reviewed'],
  'enum.ProjectStatus.APPROVED': ['已立项', 'approved'], 'enum.ProjectStatus.REJECTED': ['不予立项', 'rejected'],
  'enum.ProjectStatus.IN_PROGRESS': ['实施中', 'in progress'], 'enum.ProjectStatus.ACCEPTED': ['已验收', 'accepted'], 'enum.ProjectStatus.TERMINATED': ['已终止', 'terminated'],
  'enum.PlatformStatus.REGISTERED': ['已登记', 'registered'], 'enum.PlatformStatus.ACCREDITED': ['已认定', 'accredited'], 'enum.PlatformStatus.REVOKED': ['已撤销', 'revoked'],
  'enum.DesignationStatus.APPLIED': ['已申请', 'applied'], 'enum.DesignationStatus.GRANTED': ['已批准', 'granted'], 'enum.DesignationStatus.REVOKED': ['已撤销', 'revoked'],
  'enum.AchievementStatus.RECORDED': ['已登记', 'recorded'], 'enum.AchievementStatus.WITHDRAWN': ['已撤回', 'withdrawn'],
  'enum.IndustryStatus.REGISTERED': ['已登记', 'registered'], 'enum.IndustryStatus.RECOGNISED': ['已认定', 'recognised'],
  'enum.IndustryStatus.RECOGNITION_REVOKED': ['认定已撤销', 'recognition revoked'],
  'enum.AllocationStatus.STANDING': ['有效', 'standing'], 'enum.AllocationStatus.REVOKED': ['已撤销', 'revoked'],
  'enum.Status.ACHIEVED': ['已完成', 'achieved'], 'enum.Status.ON_TRACK': ['进度正常', 'on track'], 'enum.Status.BEHIND': ['滞后', 'behind'],
  'enum.Status.AT_RISK': ['有风险', 'at risk'], 'enum.Status.NO_DATA': ['无数据', 'no data'],
});
