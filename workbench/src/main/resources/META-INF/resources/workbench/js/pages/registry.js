// The registry: innovation platforms, designations, alliances, enterprises and their R&D institutions, the counties'
// S&T progress assessments, and the platform types — as the counties register them and the plan office decides.
import { h } from '../dom.js';
import { countyName, date, define, t } from '../i18n.js';
import { badge, enumText, table } from '../lists.js';
import { link } from './common.js';
import { resource } from './resource.js';

const LEVELS = ['NATIONAL', 'PROVINCIAL', 'MUNICIPAL'];
const county = { name: 'county', label: t('common.county'), type: 'county' };
const year = { name: 'year', label: t('common.year'), type: 'integer' };
const level = { name: 'level', label: t('field.level'), options: LEVELS, enum: 'Level' };
const countyColumn = (session) => (session.isCounty ? null : { label: t('common.county'), value: (x) => countyName(x.county) });
const org = (o) => (o ? [o.name, o.creditCode].filter(Boolean).join(' · ') : null);

export function registerRegistry() {
  resource({
    path: '/platforms', api: '/api/registry/platforms', title: 'nav.platforms', create: 'registerPlatform',
    filters: () => [county, { name: 'status', label: t('common.status'), options: ['REGISTERED', 'ACCREDITED', 'REVOKED'], enum: 'PlatformStatus' }, level, year],
    columns: (session, path) => [
      { label: t('field.registerPlatform.name'), value: (p) => link(path(p), p.name) }, countyColumn(session),
      { label: t('field.type'), value: (p) => p.type }, { label: t('field.level'), value: (p) => enumText('Level', p.level) },
      { label: t('field.host.name'), value: (p) => p.host && p.host.name }, { label: t('field.registeredOn'), value: (p) => date(p.registeredOn) },
      { label: t('common.status'), value: (p) => badge('PlatformStatus', p.status) }].filter(Boolean),
    itemTitle: (p) => p.name, itemBadge: (p) => badge('PlatformStatus', p.status),
    itemFacts: (p) => [[t('common.id'), h('code', {}, p.id)], [t('common.county'), countyName(p.county)], [t('field.type'), p.type],
      [t('field.level'), enumText('Level', p.level)], [t('field.host.name'), org(p.host)], [t('field.registeredOn'), date(p.registeredOn)],
      [t('registry.statusSince'), date(p.statusSince)], p.revocation ? [t('registry.revocation'), `${date(p.revocation.revokedOn)}：${p.revocation.reason}`] : null],
    itemExtra: (p) => (p.accreditations && p.accreditations.length ? h('section', { 'aria-labelledby': 'acc-title' },
      h('h2', { id: 'acc-title' }, t('registry.accreditations')),
      table([{ label: t('field.level'), value: (a) => enumText('Level', a.level) }, { label: t('field.accreditingBody'), value: (a) => a.accreditingBody },
        { label: t('field.documentNo'), value: (a) => a.documentNo }, { label: t('field.accreditedOn'), value: (a) => date(a.accreditedOn) }], p.accreditations, null)) : null),
    itemActions: ['accreditPlatform', 'revokePlatform'],
  });

  resource({
    path: '/designations', api: '/api/registry/designations', title: 'nav.designations', create: 'applyForDesignation',
    filters: () => [county, { name: 'kind', label: t('field.kind'), enum: 'DesignationKind', options: ['SUSTAINABLE_DEVELOPMENT_ZONE', 'SCIENCE_PARK', 'ACHIEVEMENT_DEMONSTRATION_COUNTY', 'CHARACTERISTIC_INDUSTRY_BASE', 'HIGH_TECH_ENTERPRISE', 'IP_PILOT_COUNTY', 'LIGHTING_DEMONSTRATION_UNIT', 'LIGHTING_DEMONSTRATION_ZONE'] },
      { name: 'status', label: t('common.status'), options: ['APPLIED', 'GRANTED', 'REVOKED'], enum: 'DesignationStatus' }, level, year],
    columns: (session, path) => [
      { label: t('field.holder.name'), value: (d) => link(path(d), d.holder ? d.holder.name : d.id) }, countyColumn(session),
      { label: t('field.kind'), value: (d) => enumText('DesignationKind', d.kind) }, { label: t('field.level'), value: (d) => enumText('Level', d.level) },
      { label: t('field.appliedOn'), value: (d) => date(d.appliedOn) }, { label: t('common.status'), value: (d) => badge('DesignationStatus', d.status) }].filter(Boolean),
    itemTitle: (d) => `${enumText('DesignationKind', d.kind)} · ${d.holder ? d.holder.name : ''}`, itemBadge: (d) => badge('DesignationStatus', d.status),
    itemFacts: (d) => [[t('common.id'), h('code', {}, d.id)], [t('common.county'), countyName(d.county)], [t('field.kind'), enumText('DesignationKind', d.kind)],
      [t('field.level'), enumText('Level', d.level)], [t('field.holder.name'), org(d.holder)], [t('field.appliedOn'), date(d.appliedOn)],
      d.grant ? [t('registry.grant'), `${d.grant.documentNo} · ${date(d.grant.grantedOn)}`] : null,
      d.revocation ? [t('registry.revocation'), `${date(d.revocation.revokedOn)}：${d.revocation.reason}`] : null],
    itemActions: ['grantDesignation', 'revokeDesignation'],
  });

  resource({
    path: '/alliances', api: '/api/registry/alliances', title: 'nav.alliances', create: 'formAlliance',
    filters: () => [county, year],
    columns: (session, path) => [
      { label: t('field.formAlliance.name'), value: (a) => link(path(a), a.name) }, countyColumn(session),
      { label: t('field.field'), value: (a) => a.field }, { label: t('field.formedOn'), value: (a) => date(a.formedOn) },
      { label: t('registry.memberCount'), value: (a) => a.memberCount, numeric: true }].filter(Boolean),
    itemTitle: (a) => a.name,
    itemFacts: (a) => [[t('common.id'), h('code', {}, a.id)], [t('common.county'), countyName(a.county)], [t('field.field'), a.field],
      [t('field.formedOn'), date(a.formedOn)], [t('registry.memberCount'), a.memberCount]],
    itemExtra: (a) => h('section', { 'aria-labelledby': 'members-title' }, h('h2', { id: 'members-title' }, t('field.members')),
      table([{ label: t('field.organisation.name'), value: (m) => m.organisation.name }, { label: t('field.organisation.creditCode'), value: (m) => m.organisation.creditCode },
        { label: t('common.county'), value: (m) => (m.county ? countyName(m.county) : '') }, { label: t('field.joinedOn'), value: (m) => date(m.joinedOn) }], a.members || [], null)),
    itemActions: ['joinAlliance'],
  });

  resource({
    path: '/enterprises', api: '/api/registry/enterprises', title: 'nav.enterprises', create: 'registerEnterprise',
    filters: () => [county, { name: 'larger', label: t('field.larger'), options: [{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }] },
      { name: 'hasRdInstitution', label: t('registry.hasRd'), options: [{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }] }, year],
    columns: (session, path) => [
      { label: t('field.registerEnterprise.name'), value: (e) => link(path(e), e.name) }, countyColumn(session),
      { label: t('field.creditCode'), value: (e) => e.creditCode }, { label: t('field.larger'), value: (e) => t(e.larger ? 'common.yes' : 'common.no') },
      { label: t('registry.rdInstitution'), value: (e) => (e.rdInstitution ? e.rdInstitution.name : '') }].filter(Boolean),
    itemTitle: (e) => e.name,
    itemFacts: (e) => [[t('common.id'), h('code', {}, e.id)], [t('common.county'), countyName(e.county)], [t('field.creditCode'), e.creditCode],
      [t('field.larger'), t(e.larger ? 'common.yes' : 'common.no')], [t('field.registeredOn'), date(e.registeredOn)], [t('registry.classifiedOn'), date(e.classifiedOn)],
      [t('registry.rdInstitution'), e.rdInstitution ? `${e.rdInstitution.name}（${enumText('RdInstitutionKind', e.rdInstitution.kind)}，${date(e.rdInstitution.establishedOn)}）` : null]],
    itemExtra: (e) => (e.rdInstitutions && e.rdInstitutions.length ? h('section', { 'aria-labelledby': 'rd-title' }, h('h2', { id: 'rd-title' }, t('registry.rdInstitutions')),
      table([{ label: t('field.name'), value: (r) => r.name }, { label: t('field.kind'), value: (r) => enumText('RdInstitutionKind', r.kind) },
        { label: t('field.establishedOn'), value: (r) => date(r.establishedOn) }, { label: t('field.closedOn'), value: (r) => date(r.closedOn) },
        { label: t('field.reason'), value: (r) => r.closureReason }], e.rdInstitutions, null)) : null),
    itemActions: ['reclassifyEnterprise', 'establishRdInstitution', 'closeRdInstitution'],
  });

  resource({
    path: '/assessments', api: '/api/registry/assessments', title: 'nav.assessments', create: 'recordAssessment',
    filters: () => [county, year, { name: 'result', label: t('field.recordAssessment.result'), options: ['FAILED', 'PASSED', 'ADVANCED'], enum: 'AssessmentResult' }],
    columns: (session, path) => [
      { label: t('common.county'), value: (a) => link(path(a), countyName(a.county)) }, { label: t('common.year'), value: (a) => a.year },
      { label: t('field.recordAssessment.result'), value: (a) => enumText('AssessmentResult', a.result) }, { label: t('field.documentNo'), value: (a) => a.documentNo },
      { label: t('field.effectiveOn'), value: (a) => date(a.effectiveOn) }, { label: t('field.revision'), value: (a) => a.revision, numeric: true }],
    itemTitle: (a) => t('registry.assessmentOf', { county: countyName(a.county), year: a.year }),
    itemFacts: (a) => [[t('common.id'), h('code', {}, a.id)], [t('field.recordAssessment.result'), enumText('AssessmentResult', a.result)],
      [t('field.documentNo'), a.documentNo], [t('field.effectiveOn'), date(a.effectiveOn)], [t('field.revision'), a.revision]],
    itemExtra: (a) => (a.previous && a.previous.length ? h('section', { 'aria-labelledby': 'prev-title' }, h('h2', { id: 'prev-title' }, t('registry.previous')),
      table([{ label: t('field.revision'), value: (p) => p.revision }, { label: t('field.recordAssessment.result'), value: (p) => enumText('AssessmentResult', p.result) },
        { label: t('field.documentNo'), value: (p) => p.documentNo }, { label: t('field.effectiveOn'), value: (p) => date(p.effectiveOn) },
        { label: t('field.reason'), value: (p) => p.reason }], a.previous, null)) : null),
    itemActions: ['reviseAssessment'],
  });

  resource({
    path: '/platform-types', api: '/api/registry/platform-types', title: 'nav.platformTypes', create: 'addPlatformType', idField: 'code', size: 50,
    columns: (session, path) => [{ label: t('field.code'), value: (p) => link(path(p), p.code) }, { label: t('field.chineseName'), value: (p) => p.name },
      { label: t('field.englishName'), value: (p) => p.englishName }],
    itemTitle: (p) => p.name,
    itemFacts: (p) => [[t('field.code'), p.code], [t('field.chineseName'), p.name], [t('field.englishName'), p.englishName]],
    itemActions: ['renamePlatformType'],
  });
}

define({
  'registry.statusSince': ['状态日期', 'Status since'],
  'registry.revocation': ['撤销', 'Revocation'],
  'registry.accreditations': ['认定记录', 'Accreditations'],
  'registry.grant': ['批准', 'Grant'],
  'registry.memberCount': ['成员数', 'Members'],
  'registry.hasRd': ['设有研发机构', 'Has an R&D institution'],
  'registry.rdInstitution': ['研发机构', 'R&D institution'],
  'registry.rdInstitutions': ['研发机构记录', 'R&D institutions'],
  'registry.classifiedOn': ['分类日期', 'Classified on'],
  'registry.assessmentOf': ['{county} {year} 年度科技进步考核', 'S&T progress assessment of {county}, {year}'],
  'registry.previous': ['更正前的记录', 'Before correction'],
});
