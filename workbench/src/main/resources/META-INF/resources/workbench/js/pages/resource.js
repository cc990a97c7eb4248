// A kind of record with a list (filtered, paged), a form to create one, and a page per record with the commands
// that act on it: platforms, designations, alliances, enterprises, assessments, achievements, industries, …
import { get } from '../api.js';
import { add } from '../dom.js';
import { t } from '../i18n.js';
import { facts, filterForm, pagedTable } from '../lists.js';
import { route } from '../router.js';
import { actions, back, creation, heading } from './common.js';

/**
 * spec: {path: '/platforms', api: '/api/registry/platforms', title: 'nav.platforms', filters(session) → [...],
 * columns(session) → [...], create: 'registerPlatform', itemTitle(item), itemBadge(item), itemFacts(item) → [[label, value]],
 * itemActions: ['accreditPlatform', …], itemExtra(item, page) → element}
 */
export function resource(spec) {
  const itemPath = (item) => `${spec.path}/${encodeURIComponent(item[spec.idField || 'id'])}`;
  route(spec.path, async (main, page) => {
    const filters = spec.filters ? spec.filters(page.session).filter((f) => !(f.type === 'county' && page.session.isCounty)) : [];
    const params = Object.fromEntries(filters.map((f) => [f.name, page.query[f.name]]));
    add(main, 
      heading(t(spec.title)),
      spec.lead ? spec.lead(page) : null,
      spec.create ? creation(spec.create, page, itemPath) : null,
      filters.length ? filterForm(spec.path, page.query, filters) : null,
      await pagedTable(spec.path, page.query, spec.api, params, spec.columns(page.session, itemPath), t(spec.title), spec.size || 20));
  });
  route(`${spec.path}/:id`, async (main, page) => {
    const item = await get(`${spec.api}/${encodeURIComponent(page.params.id)}`);
    add(main, 
      heading(spec.itemTitle(item), spec.itemBadge ? spec.itemBadge(item) : null),
      back(spec.path),
      facts(spec.itemFacts(item)),
      spec.itemExtra ? await spec.itemExtra(item, page) : null,
      actions(spec.itemActions || [], page, item));
  });
}
