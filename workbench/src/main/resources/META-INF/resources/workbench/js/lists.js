// Lists as tables with a caption and column headers, filters as a labelled form, paging as links.
import { get } from './api.js';
import { h, uid } from './dom.js';
import { counties, has, t } from './i18n.js';
import { go } from './router.js';

/** The text of an enumeration value in the user's language. */
export function enumText(name, value) {
  return value && has(`enum.${name}.${value}`) ? t(`enum.${name}.${value}`) : (value || t('common.none'));
}

/** A status as a badge: its colour says the state, its text says it too. */
export function badge(name, value) {
  return h('span', { class: `badge wb-status wb-status-${String(value || '').toLowerCase()}` }, enumText(name, value));
}

/** columns: [{label, value(item) → text or element, numeric}] */
export function table(columns, items, caption) {
  if (!items.length) {
    return h('p', { class: 'wb-empty' }, t('common.empty'));
  }
  return h('div', { class: 'table-responsive' },
    h('table', { class: 'table table-sm table-hover wb-table' },
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'text-end' : null }, c.label)))),
      h('tbody', {}, items.map((item) => h('tr', {}, columns.map((c) => {
        const v = c.value(item);
        return h('td', { class: c.numeric ? 'text-end wb-num' : null }, v === null || v === undefined || v === '' ? t('common.none') : v);
      }))))));
}

/** A definition list of one item's facts: [[label, value]]. */
export function facts(rows) {
  return h('dl', { class: 'row wb-facts' }, rows.filter(Boolean).map(([label, value]) => [
    h('dt', { class: 'col-sm-4 col-lg-3' }, label),
    h('dd', { class: 'col-sm-8 col-lg-9' }, value === null || value === undefined || value === '' ? t('common.none') : value),
  ]));
}

/**
 * The filter form of a list: each filter a labelled control; applying it changes the page's address (so a filtered
 * list can be bookmarked), which draws the list again.
 * filters: [{name, label, type: 'select'|'county'|'integer'|'text', options: [values] | [{value, label}], enum}]
 */
export function filterForm(route, query, filters) {
  const controls = filters.map((f) => {
    const id = uid('filter');
    let control;
    if (f.type === 'integer' || f.type === 'text') {
      control = h('input', { id, name: f.name, type: 'text', inputmode: f.type === 'integer' ? 'numeric' : null, class: 'form-control form-control-sm' });
    } else {
      const options = f.type === 'county' ? counties().map((c) => ({ value: c.code, label: c.name }))
        : f.options.map((o) => (typeof o === 'string' ? { value: o, label: enumText(f.enum, o) } : o));
      control = h('select', { id, name: f.name, class: 'form-select form-select-sm' },
        h('option', { value: '' }, t('common.all')), options.map((o) => h('option', { value: o.value }, o.label)));
    }
    control.value = query[f.name] || '';
    return h('div', { class: 'wb-filter' }, h('label', { for: id, class: 'form-label' }, f.label), control);
  });
  const form = h('form', { class: 'wb-filters', role: 'search', 'aria-label': t('common.filter') },
    controls,
    h('div', { class: 'wb-filter wb-filter-actions' },
      h('button', { type: 'submit', class: 'btn btn-sm btn-primary' }, t('common.filter')),
      h('a', { href: `#${route}`, class: 'btn btn-sm btn-link' }, t('common.clear'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const wanted = {};
    for (const f of filters) {
      const v = form.elements[f.name].value.trim();
      if (v) {
        wanted[f.name] = v;
      }
    }
    go(route, wanted);
  });
  return form;
}

/** One page of a paged list ({items, page, size, total}), with links to the pages before and after. */
export async function pagedTable(route, query, path, params, columns, caption, size = 20) {
  const page = Math.max(0, Number(query.page || 0) || 0);
  const answered = await get(path, { ...params, page, size });
  const items = Array.isArray(answered) ? answered : answered.items;
  const total = Array.isArray(answered) ? items.length : answered.total;
  const pages = Math.max(1, Math.ceil(total / size));
  const link = (p, text) => h('a', { class: 'page-link', href: `#${route}?${new URLSearchParams({ ...query, page: String(p) })}` }, text);
  const nav = pages > 1 ? h('nav', { 'aria-label': t('common.pagination') },
    h('ul', { class: 'pagination pagination-sm' },
      h('li', { class: `page-item ${page === 0 ? 'disabled' : ''}` }, page === 0 ? h('span', { class: 'page-link' }, t('common.previous')) : link(page - 1, t('common.previous'))),
      h('li', { class: 'page-item active', 'aria-current': 'page' }, h('span', { class: 'page-link' }, t('common.pageOf', { page: page + 1, pages, total }))),
      h('li', { class: `page-item ${page + 1 >= pages ? 'disabled' : ''}` }, page + 1 >= pages ? h('span', { class: 'page-link' }, t('common.next')) : link(page + 1, t('common.next'))))) : null;
  return h('div', { class: 'wb-list' }, table(columns, items, caption), nav,
    pages <= 1 && items.length ? h('p', { class: 'wb-count' }, t('common.pageOf', { page: 1, pages: 1, total })) : null);
}
