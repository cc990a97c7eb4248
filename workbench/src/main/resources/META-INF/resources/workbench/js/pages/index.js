// Every page of the workbench, and the navigation each role sees.
import { registerFunding } from './funding.js';
import { registerHome } from './home.js';
import { registerProjects } from './projects.js';
import { registerRegistry } from './registry.js';
import { registerScorecard } from './scorecard.js';
import { registerWork } from './work.js';

export function registerPages() {
  registerHome();
  registerProjects();
  registerWork();
  registerRegistry();
  registerFunding();
  registerScorecard();
}

/** Everything is readable by every role (a county's staff see their own county); the review desk is the plan office's. */
export function navigation(session) {
  return [
    { title: 'nav.groupWork', items: [
      { path: '/', title: 'nav.home' }, { path: '/projects', title: 'nav.projects' },
      session.has('ADMIN') ? { path: '/review', title: 'nav.review' } : null,
      { path: '/achievements', title: 'nav.achievements' }, { path: '/industries', title: 'nav.industries' },
      { path: '/scorecard', title: 'nav.scorecard' }].filter(Boolean) },
    { title: 'nav.groupRegistry', items: [
      { path: '/platforms', title: 'nav.platforms' }, { path: '/designations', title: 'nav.designations' },
      { path: '/alliances', title: 'nav.alliances' }, { path: '/enterprises', title: 'nav.enterprises' },
      { path: '/assessments', title: 'nav.assessments' }] },
    { title: 'nav.groupMoney', items: [
      { path: '/funding', title: 'nav.specialFund' }, { path: '/secured-funds', title: 'nav.securedFunds' },
      { path: '/matching-funds', title: 'nav.matchingFunds' }, { path: '/statistics', title: 'nav.statistics' }] },
    { title: 'nav.groupReference', items: [
      { path: '/programmes', title: 'nav.programmes' }, { path: '/platform-types', title: 'nav.platformTypes' },
      { path: '/plans', title: 'nav.plans' }] },
  ];
}
