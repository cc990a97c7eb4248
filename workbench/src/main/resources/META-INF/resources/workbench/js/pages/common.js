// What every page is made of: a heading, the item's facts, the commands the user's role may send now, its history.
import { allowed, COMMANDS } from '../catalogue.js';
import { h } from '../dom.js';
import { commandForm, isKept } from '../forms.js';
import { date, dateTime, t } from '../i18n.js';
import { enumText, table } from '../lists.js';
import { go } from '../router.js';

export function heading(text, ...extra) {
  return h('div', { class: 'wb-heading' }, h('h1', { class: 'wb-title', tabindex: '-1' }, text), ...extra);
}

export function back(path, key = 'common.back') {
  return h('p', { class: 'wb-back' }, h('a', { href: `#${path}` }, `← ${t(key)}`));
}

/** Whether the command may be sent on this item now: the role, the item's allowed steps and the command's own rule. */
export function available(id, session, item) {
  const spec = COMMANDS[id];
  if (!allowed(spec, session)) {
    return false;
  }
  if (item && spec.step && Array.isArray(item.allowedTransitions)) {
    const steps = id === 'formalReview' ? ['pass-formal-review', 'return'] : [spec.step];
    if (!steps.some((s) => item.allowedTransitions.includes(s))) {
      return false;
    }
  }
  return !(item && spec.when && !spec.when(item));
}

/**
 * The commands of an item the signed-in user may send now, each a panel that opens its form (a <details>: opened
 * and closed with the keyboard as with the mouse). After a command the page is drawn again with the item as it is.
 */
export function actions(ids, page, item, extra = {}) {
  const usable = ids.filter((id) => available(id, page.session, item));
  if (page.session.readOnly || !usable.length) {
    return ids.length && !page.session.readOnly
      ? h('section', { class: 'wb-actions', 'aria-labelledby': 'actions-title' },
        h('h2', { id: 'actions-title' }, t('common.actions')), h('p', { class: 'wb-empty' }, t('common.noActions')))
      : null;
  }
  return h('section', { class: 'wb-actions', 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title' }, t('common.actions')),
    usable.map((id) => panel(id, page, item, extra)));
}

function panel(id, page, item, { specs, ...extra }) {
  const ctx = {
    session: page.session, item, params: page.params, reload: page.reload,
    done: () => page.reload(), ...extra,
  };
  const form = commandForm((specs && specs[id]) || COMMANDS[id], ctx, { heading: false });
  return h('details', { class: 'wb-action', data: { action: id }, open: isKept(id) },
    h('summary', {}, t(`form.${id}`)), form.element);
}

/** A form that creates something, shown on a list page to those who may; afterwards the new item's page opens. */
export function creation(id, page, itemPath, extra = {}) {
  if (page.session.readOnly || !available(id, page.session, null)) {
    return null;
  }
  const ctx = {
    session: page.session, item: null, params: page.params, reload: page.reload,
    done: (created) => (itemPath ? go(itemPath(created)) : page.reload()), ...extra,
  };
  const form = commandForm(COMMANDS[id], ctx, { heading: false });
  return h('details', { class: 'wb-action wb-create', data: { action: id }, open: isKept(id) || page.query.new === id },
    h('summary', {}, `＋ ${t(`form.${id}`)}`), form.element);
}

/** A creating form as the page's main content (with its own heading, the page's h1 naming it). */
export function standalone(id, page, itemPath) {
  if (page.session.readOnly || !available(id, page.session, null)) {
    return h('p', { class: 'alert alert-info' }, t('problem.forbidden'));
  }
  const ctx = { session: page.session, item: null, params: page.params, reload: page.reload, done: (created) => go(itemPath(created)) };
  return commandForm(COMMANDS[id], ctx, { heading: false }).element;
}

/** A history of steps (project-service's shape: action, fromStatus, toStatus, actor, recordedAt, effectiveOn, note). */
export function history(entries, statusEnum) {
  return h('section', { class: 'wb-history', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, t('common.history')),
    table([
      { label: t('common.date'), value: (e) => date(e.effectiveOn) },
      { label: t('common.action'), value: (e) => t(`step.${e.action}`) },
      { label: t('common.from'), value: (e) => (e.fromStatus ? enumText(statusEnum, e.fromStatus) : '') },
      { label: t('common.to'), value: (e) => enumText(statusEnum, e.toStatus) },
      { label: t('common.who'), value: (e) => e.actor },
      { label: t('common.recordedAt'), value: (e) => dateTime(e.recordedAt) },
      { label: t('common.note'), value: (e) => e.note },
    ], entries, null));
}

/** A link to an item's page. */
export function link(path, text) {
  return h('a', { href: `#${path}` }, text);
}
