// The workbench starts here: who is signed in (and the session's CSRF token), the frame and the navigation their
// role calls for, then the page of the address.
import { useCsrf } from './api.js';
import { fill, h } from './dom.js';
import { countyName, lang, switchLanguage, t } from './i18n.js';
import { start } from './router.js';
import { navigation, registerPages } from './pages/index.js';

const SIGN_IN = '/oauth2/authorization/platform';

async function signedIn() {
  const response = await fetch('/workbench/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) {
    window.location.assign(SIGN_IN);
    return null;
  }
  const session = await response.json();
  session.isCounty = session.roles.includes('COUNTY');
  session.has = (role) => session.roles.includes(role);
  // a viewer (or any role the workbench does not know) reads everything and changes nothing
  session.readOnly = !['COUNTY', 'ADMIN', 'FINANCE'].some((r) => session.roles.includes(r));
  return session;
}

function header(session) {
  const role = session.roles.map((r) => t(`role.${r}`)).join('、');
  const who = session.isCounty ? t('role.countyOf', { county: countyName(session.county) }) : role;
  const csrfField = h('input', { type: 'hidden', name: session.csrf ? session.csrf.parameterName : '_csrf', value: session.csrf ? session.csrf.token : '' });
  fill(document.getElementById('top'),
    h('a', { class: 'wb-brand', href: '#/' },
      h('span', { class: 'wb-emblem', 'aria-hidden': 'true' }, '郴'),
      h('span', {}, h('span', { class: 'wb-brand-title' }, t('app.title')), h('span', { class: 'wb-brand-plan' }, t('app.plan')))),
    h('div', { class: 'wb-user' },
      h('span', { class: 'wb-who' }, t('app.signedInAs'), h('strong', { data: { user: session.name } }, session.name), ` · ${who}`),
      h('a', { class: 'btn btn-sm btn-light', href: `/dashboard${lang === 'en' ? '?lang=en' : ''}` }, t('app.dashboard')),
      h('button', { type: 'button', class: 'btn btn-sm btn-outline-light', lang: lang === 'en' ? 'zh-CN' : 'en', 'aria-label': t('app.switchLanguageLabel'), on: { click: switchLanguage } }, t('app.switchLanguage')),
      h('form', { method: 'post', action: '/logout', class: 'wb-signout' }, csrfField,
        h('button', { type: 'submit', class: 'btn btn-sm btn-warning' }, t('app.signOut')))));
}

function nav(session) {
  const groups = navigation(session);
  fill(document.getElementById('nav'), groups.map((g) => h('div', { class: 'wb-nav-group' },
    g.title ? h('h2', { class: 'wb-nav-title' }, t(g.title)) : null,
    h('ul', {}, g.items.map((item) => h('li', {}, h('a', { href: `#${item.path}` }, t(item.title))))))));
}

async function main() {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.getElementById('skip').textContent = t('app.skip');
  document.getElementById('skip').addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main').focus();
  });
  document.getElementById('nav').setAttribute('aria-label', t('app.nav'));
  const session = await signedIn();
  if (!session) {
    return;
  }
  useCsrf(session.csrf);
  header(session);
  nav(session);
  if (session.readOnly) {
    document.getElementById('notice').replaceChildren(h('p', { class: 'alert alert-info mb-0' }, t('app.readOnly')));
  }
  registerPages();
  start(session);
}

main().catch((error) => {
  document.getElementById('main').replaceChildren(h('p', { class: 'alert alert-danger', role: 'alert' }, String(error)));
});

// a marker the browser tests and the benchmark read: the page as a whole was loaded once
window.__workbenchLoadedAt = window.__workbenchLoadedAt || Date.now();
