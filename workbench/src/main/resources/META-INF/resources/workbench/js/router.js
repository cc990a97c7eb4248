// Pages by address: #/projects, #/projects/prj-…, #/funding/2013?… — the address says what is shown, so the back
// button, a bookmark and a reload all work. Each page draws itself into <main>; the router moves the focus to its
// heading, so a screen reader hears where the user arrived.
import { ApiError } from './api.js';
import { h, fill } from './dom.js';
import { keep, snapshot } from './forms.js';
import { t } from './i18n.js';
import { summary } from './problems.js';

const routes = [];
let session = null;
let drawing = 0;

/** Registers a page: pattern like '/projects/:id', render(main, {params, query, session, reload}) → Promise. */
export function route(pattern, render) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (m, name) => { names.push(name); return '([^/]+)'; })}$`);
  routes.push({ regex, names, render });
}

/** The current address: {path, query}. */
export function current() {
  const hash = window.location.hash.startsWith('#/') ? window.location.hash.substring(1) : '/';
  const [path, search] = hash.split('?');
  return { path: path || '/', query: Object.fromEntries(new URLSearchParams(search || '')) };
}

/** Goes to a page (a new history entry). */
export function go(path, query) {
  const q = new URLSearchParams(query || {}).toString();
  const target = `#${path}${q ? `?${q}` : ''}`;
  if (window.location.hash === target) {
    show({ keepForms: false });
  } else {
    window.location.hash = target;
  }
}

/** A page that answers "not found" — the same whether the thing does not exist or may not be seen. */
export function notFound(main) {
  fill(main, h('h1', { class: 'wb-title', tabindex: '-1' }, t('common.notFoundTitle')),
    h('p', { class: 'alert alert-warning', data: { notFound: 'true' } }, t('common.notFound')));
}

/** Draws the page of the current address. keepForms: what is typed in open forms is put back (a reload). */
export async function show({ keepForms }) {
  const main = document.getElementById('main');
  const { path, query } = current();
  const ticket = ++drawing;
  const saved = sessionStorage.getItem(`workbench.kept:${window.location.hash}`);
  if (saved) {
    sessionStorage.removeItem(`workbench.kept:${window.location.hash}`);
  }
  keep(keepForms ? snapshot() : (saved ? JSON.parse(saved) : {}));
  delete document.body.dataset.ready;
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (!m) {
      continue;
    }
    const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
    const staging = h('div', {});
    try {
      await r.render(staging, { params, query, session, path, reload: () => show({ keepForms: true }) });
    } catch (error) {
      if (!(error instanceof ApiError)) {
        throw error;
      }
      if (error.status === 404 || error.status === 403) {
        notFound(staging);
      } else {
        fill(staging, h('h1', { class: 'wb-title', tabindex: '-1' }, t('common.loadFailedTitle')),
          h('p', { class: 'alert alert-danger', role: 'alert', data: { loadFailed: error.status } }, t('common.loadFailed', { detail: summary(error) })),
          h('p', {}, h('button', { type: 'button', class: 'btn btn-primary', on: { click: () => show({ keepForms: false }) } }, t('common.tryAgain'))));
      }
    }
    if (ticket !== drawing) {
      return;
    }
    const scrollY = keepForms ? window.scrollY : 0;
    fill(main, ...staging.childNodes);
    const title = main.querySelector('h1');
    document.title = `${title ? title.textContent : ''} · ${t('app.title')}`;
    markCurrentNavigation(path);
    if (keepForms) {
      window.scrollTo(0, scrollY);
    } else if (title) {
      title.setAttribute('tabindex', '-1');
      title.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
    document.body.dataset.ready = path;
    performance.mark('workbench-ready');
    return;
  }
  notFound(main);
  document.body.dataset.ready = path;
}

function markCurrentNavigation(path) {
  for (const a of document.querySelectorAll('#nav a[href^="#/"]')) {
    const target = a.getAttribute('href').substring(1);
    const here = target === '/' ? path === '/' : path === target || path.startsWith(`${target}/`);
    if (here) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  }
}

/** Starts routing for the signed-in user. */
export function start(signedIn) {
  session = signedIn;
  window.addEventListener('hashchange', () => {
    if (window.location.hash.startsWith('#/') || window.location.hash === '') {
      show({ keepForms: false });
    }
  });
  show({ keepForms: false });
}
