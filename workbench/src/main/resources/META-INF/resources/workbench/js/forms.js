// One way to make a command form: from its description in the catalogue (fields, method, path), a labelled form
// that sends exactly the API's body, with one Idempotency-Key per distinct body (a double click or a resend has one
// effect), shows a refusal next to the field it names, keeps everything typed, and offers a reload when someone
// else changed the item first.
import { ApiError, newKey, send } from './api.js';
import { announce, h, uid } from './dom.js';
import { counties, has, t, today } from './i18n.js';
import { fieldMessages, summary } from './problems.js';

const open = new Map();

/** What is typed in every form on the page, by form id: kept across a reload of the page's data. */
export function snapshot() {
  const kept = {};
  for (const [id, form] of open) {
    if (form.isConnected()) {
      kept[id] = form.values();
    }
  }
  return kept;
}

let kept = {};

/** Whether a form drawn next gets back what was typed in it (its panel should then be open). */
export function isKept(formId) {
  return Boolean(kept[formId]);
}

/** Values to put back into forms drawn next (after a reload). */
export function keep(values) {
  kept = values || {};
  open.clear();
}

export function label(formId, name) {
  const plain = name.replace(/\[\d+]/g, '');
  for (const key of [`field.${formId}.${plain}`, `field.${plain}`]) {
    if (has(key)) {
      return t(key);
    }
  }
  return plain;
}

function hint(formId, field) {
  if (field.hint) {
    return t(field.hint);
  }
  const plain = field.name.replace(/\[\d+]/g, '');
  for (const key of [`hint.${formId}.${plain}`, `hint.${plain}`]) {
    if (has(key)) {
      return t(key);
    }
  }
  return null;
}

async function optionsOf(field, ctx) {
  if (field.type === 'county') {
    const own = ctx.session.county;
    return counties().filter((c) => !ctx.session.isCounty || c.code === own).map((c) => ({ value: c.code, label: c.name }));
  }
  if (field.type === 'boolean') {
    return [{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }];
  }
  if (typeof field.options === 'function') {
    return field.options(ctx);
  }
  return (field.options || []).map((v) => (typeof v === 'string' ? { value: v, label: has(`enum.${field.enum}.${v}`) ? t(`enum.${field.enum}.${v}`) : v } : v));
}

function initial(field, ctx) {
  if (field.from && ctx.item) {
    const v = field.from(ctx.item, ctx);
    return v === undefined || v === null ? '' : String(v);
  }
  if (field.default === 'today') {
    return today();
  }
  if (typeof field.default === 'function') {
    return String(field.default(ctx) ?? '');
  }
  if (field.type === 'county' && ctx.session.isCounty) {
    return ctx.session.county;
  }
  return field.default === undefined ? '' : String(field.default);
}

function control(formId, field, name, id, described, ctx) {
  const common = { id, name, 'aria-describedby': described, 'aria-required': field.required ? 'true' : null, autocomplete: 'off' };
  switch (field.type) {
    case 'textarea':
    case 'lines':
    case 'json':
      return h('textarea', { ...common, class: 'form-control', rows: field.rows || (field.type === 'json' ? 12 : 3), spellcheck: field.type === 'json' ? 'false' : null });
    case 'select':
    case 'county':
    case 'boolean': {
      const select = h('select', { ...common, class: 'form-select' }, h('option', { value: '' }, t('common.choose')));
      optionsOf(field, ctx).then((options) => {
        const wanted = select.dataset.wanted ?? select.value;
        for (const o of options) {
          select.appendChild(h('option', { value: o.value }, o.label));
        }
        select.value = wanted;
        delete select.dataset.wanted;
      });
      return select;
    }
    case 'date':
      return h('input', { ...common, type: 'date', class: 'form-control' });
    case 'money':
      return h('input', { ...common, type: 'text', inputmode: 'decimal', class: 'form-control wb-money', placeholder: '0.00' });
    case 'integer':
      return h('input', { ...common, type: 'text', inputmode: 'numeric', class: 'form-control' });
    case 'decimal':
      return h('input', { ...common, type: 'text', inputmode: 'decimal', class: 'form-control' });
    case 'email':
      return h('input', { ...common, type: 'email', class: 'form-control' });
    case 'tel':
      return h('input', { ...common, type: 'tel', class: 'form-control' });
    default:
      return h('input', { ...common, type: 'text', class: 'form-control', maxlength: field.max || null });
  }
}

function setValue(input, value) {
  if (input.tagName === 'SELECT' && input.options.length <= 1 && value) {
    input.dataset.wanted = value;
  }
  input.value = value;
}

/** One labelled field: label, control, hint and the place where its refusal is said. */
function fieldBlock(formId, field, name, ctx, value) {
  const id = uid('f');
  const hintText = hint(formId, field);
  const described = [hintText ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  const input = control(formId, field, name, id, described, ctx);
  setValue(input, value);
  return h('div', { class: `wb-field mb-3 ${field.wide ? 'wb-wide' : ''}`, data: { field: name } },
    h('label', { for: id, class: 'form-label' }, label(formId, name),
      field.required ? h('span', { class: 'wb-required', 'aria-hidden': 'true' }, ' *') : h('span', { class: 'wb-optional' }, ` （${t('common.optional')}）`)),
    input,
    hintText ? h('div', { id: `${id}-hint`, class: 'form-text' }, hintText) : null,
    h('div', { id: `${id}-error`, class: 'wb-error' }));
}

/** A list of rows of the same fields (experts' reviews, an alliance's members). */
function rowsBlock(formId, field, ctx, values) {
  const container = h('div', { class: 'wb-rows-body' });
  const legendId = uid('rows');
  const block = h('fieldset', { class: 'wb-rows mb-3 wb-wide', data: { field: field.name }, 'aria-describedby': `${legendId}-error` },
    h('legend', { class: 'form-label' }, label(formId, field.name), field.required ? h('span', { class: 'wb-required', 'aria-hidden': 'true' }, ' *') : null),
    container,
    h('div', { id: `${legendId}-error`, class: 'wb-error' }));
  const count = () => container.children.length;
  const addRow = (rowValues) => {
    const n = count();
    const row = h('fieldset', { class: 'wb-row' }, h('legend', { class: 'wb-row-legend' }, t('common.row', { n: n + 1 })));
    for (const sub of field.fields) {
      const name = `${field.name}[${n}].${sub.name}`;
      row.appendChild(fieldBlock(formId, sub, name, ctx, (rowValues && rowValues[name]) ?? initial(sub, ctx)));
    }
    row.appendChild(h('button', {
      type: 'button', class: 'btn btn-outline-secondary btn-sm wb-remove-row',
      on: { click: () => { if (count() > (field.min || 0)) { removeLast(); } } },
    }, t('common.removeRow', { n: n + 1 })));
    container.appendChild(row);
  };
  // rows are numbered in their names; removing always removes the last so the names stay a sequence
  const removeLast = () => { container.lastElementChild.remove(); };
  const wanted = Math.max(field.min || 0, rowsIn(values, field.name));
  for (let i = 0; i < wanted; i += 1) {
    addRow(values);
  }
  block.appendChild(h('button', { type: 'button', class: 'btn btn-outline-primary btn-sm', on: { click: () => { addRow(null); container.lastElementChild.querySelector('input,select,textarea').focus(); } } }, t('common.addRow')));
  return block;
}

function rowsIn(values, name) {
  let rows = 0;
  for (const key of Object.keys(values || {})) {
    const m = new RegExp(`^${name.replace(/[.[\]]/g, '\\$&')}\\[(\\d+)]`).exec(key);
    if (m) {
      rows = Math.max(rows, Number(m[1]) + 1);
    }
  }
  return rows;
}

function setPath(target, path, value) {
  const parts = path.match(/[^.[\]]+/g);
  let node = target;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]);
    const key = /^\d+$/.test(part) ? Number(part) : part;
    if (last) {
      node[key] = value;
    } else {
      node[key] = node[key] ?? (nextIsIndex ? [] : {});
      node = node[key];
    }
  });
}

function prune(value) {
  if (Array.isArray(value)) {
    return value.map(prune).filter((v) => v !== undefined);
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p !== undefined) {
        out[k] = p;
      }
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

/** A typed value as the API reads it; what cannot be read goes as typed, so that the service names the problem. */
function convert(field, raw) {
  const text = raw.trim();
  if (text === '') {
    return undefined;
  }
  switch (field.type) {
    case 'money': {
      const cleaned = text.replace(/[,，\s¥￥]/g, '');
      return cleaned;
    }
    case 'integer':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case 'decimal':
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    case 'boolean':
      return text === 'true';
    case 'lines':
      return text.split('\n').map((s) => s.trim()).filter(Boolean);
    case 'json':
      try {
        return JSON.parse(text);
      } catch (e) {
        return text;
      }
    default:
      return raw;
  }
}

function fieldSpecs(spec) {
  const specs = {};
  for (const f of spec.fields) {
    specs[f.name] = f;
    for (const sub of f.fields || []) {
      specs[`${f.name}[].${sub.name}`] = sub;
    }
  }
  return specs;
}

/**
 * The form of one command. ctx: {session, item (the resource acted on, for its version and prefilled values),
 * params (from the page's address), done(result) (what to do after success), reload() (fetch the item again)}.
 */
export function commandForm(spec, ctx, { heading = true } = {}) {
  const formId = spec.id;
  const values = kept[formId];
  const summaryBox = h('div', { class: 'wb-summary', tabindex: '-1' });
  const fields = h('div', { class: 'wb-fields' });
  for (const field of spec.fields) {
    if (field.type === 'hidden' || (field.roles && !field.roles.some((r) => ctx.session.roles.includes(r)))) {
      continue;
    }
    if (field.type === 'rows') {
      fields.appendChild(rowsBlock(formId, field, ctx, values || {}));
    } else {
      fields.appendChild(fieldBlock(formId, field, field.name, ctx, values && values[field.name] !== undefined ? values[field.name] : initial(field, ctx)));
    }
  }
  const button = h('button', { type: 'submit', class: 'btn btn-primary' }, t(spec.submit || `submit.${formId}`));
  const titleId = uid('form');
  const form = h('form', { class: 'wb-form', novalidate: true, 'aria-labelledby': heading ? titleId : null,
    'aria-label': heading ? null : t(`form.${formId}`), data: { form: formId } },
    heading ? h('h3', { id: titleId, class: 'wb-form-title' }, t(`form.${formId}`)) : null,
    summaryBox, fields,
    h('div', { class: 'wb-form-actions' }, button));
  const specs = fieldSpecs(spec);
  let lastBody = null;
  let lastKey = null;

  const inputs = () => Array.from(form.querySelectorAll('input[name],select[name],textarea[name]'));
  const read = () => Object.fromEntries(inputs().map((i) => [i.name, i.value]));
  // what the user typed or chose (kept across a reload); the rest is drawn afresh from the reloaded item
  const touched = new Set(Object.keys(values || {}));
  form.addEventListener('input', (event) => touched.add(event.target.name));
  form.addEventListener('change', (event) => touched.add(event.target.name));
  const typed = () => Object.fromEntries(Object.entries(read()).filter(([name]) => touched.has(name)));

  function body() {
    const whole = spec.fields.find((f) => f.name === '.');
    if (whole) {
      // the body is the field's value itself (a document pasted or read from a file)
      return convert(whole, read()['.'] || '') ?? {};
    }
    const out = {};
    for (const [name, raw] of Object.entries(read())) {
      const field = specs[name] || specs[name.replace(/\[\d+]\./, '[].')] || {};
      const value = convert(field, raw);
      if (value !== undefined) {
        setPath(out, name, value);
      }
    }
    for (const field of spec.fields.filter((f) => f.type === 'hidden')) {
      setPath(out, field.name, field.from(ctx.item, ctx));
    }
    const pruned = prune(out) || {};
    return spec.complete ? spec.complete(pruned) : pruned;
  }

  function clear() {
    summaryBox.replaceChildren();
    summaryBox.className = 'wb-summary';
    for (const el of form.querySelectorAll('[aria-invalid]')) {
      el.removeAttribute('aria-invalid');
      el.classList.remove('is-invalid');
    }
    for (const el of form.querySelectorAll('.wb-error')) {
      el.textContent = '';
    }
  }

  /** The element a refusal's field name points at: the input of that name, else the closest enclosing field. */
  function target(fieldName) {
    let name = fieldName;
    while (name) {
      const exact = form.querySelector(`[name="${CSS.escape(name)}"]`);
      if (exact) {
        return exact;
      }
      const block = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
      if (block) {
        return block.querySelector('input,select,textarea') || block;
      }
      const prefixed = inputs().find((i) => i.name.startsWith(`${name}.`) || i.name.startsWith(`${name}[`));
      if (prefixed) {
        return prefixed;
      }
      name = name.replace(/(\[\d+]|\.[^.[\]]+)$/, '');
      if (name === fieldName) {
        break;
      }
    }
    return null;
  }

  function showRefusal(error) {
    const messages = fieldMessages(error, spec.amountField);
    const unplaced = [];
    let first = null;
    for (const m of messages) {
      const el = target(m.field);
      if (!el) {
        unplaced.push(`${label(formId, m.field)}: ${m.message}`);
        continue;
      }
      const block = el.closest('[data-field]');
      const errorBox = block && block.querySelector(':scope > .wb-error');
      el.setAttribute('aria-invalid', 'true');
      el.classList.add('is-invalid');
      if (errorBox) {
        errorBox.textContent = errorBox.textContent ? `${errorBox.textContent}；${m.message}` : m.message;
      }
      first = first || el;
    }
    summaryBox.className = 'wb-summary alert alert-danger';
    summaryBox.setAttribute('role', 'alert');
    if (error.type === 'stale-version') {
      const current = error.problem.currentVersion ?? error.problem.current;
      summaryBox.append(h('strong', {}, t('form.staleTitle')), ' ',
        current ? t('form.stale', { current }) : t('form.staleNoVersion'), ' ',
        h('button', { type: 'button', class: 'btn btn-sm btn-outline-dark', on: { click: () => ctx.reload() } }, t('common.reload')));
      summaryBox.focus();
      return;
    }
    if (error.type === 'unauthenticated') {
      sessionStorage.setItem(`workbench.kept:${location.hash}`, JSON.stringify(snapshot()));
      summaryBox.append(t('app.sessionEnded'), ' ', h('a', { href: '/oauth2/authorization/platform', class: 'alert-link' }, t('app.signInAgain')));
      summaryBox.focus();
      return;
    }
    const text = messages.length && error.type === 'invalid-input' ? t('form.fixErrors') : t('form.refused') + summary(error);
    summaryBox.append(text);
    if (unplaced.length) {
      summaryBox.append(h('ul', { class: 'mb-0' }, unplaced.map((u) => h('li', {}, u))));
    }
    (first || summaryBox).focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.getAttribute('aria-busy') === 'true') {
      return;
    }
    clear();
    const payload = body();
    const text = JSON.stringify(payload);
    // the same body is the same request: a resend (or a second click) keeps its key and has one effect
    const key = text === lastBody ? lastKey : newKey();
    lastBody = text;
    lastKey = key;
    form.setAttribute('aria-busy', 'true');
    button.disabled = true;
    performance.mark('workbench-submit');
    try {
      const result = await send(spec.method, spec.path(ctx, payload), payload, key);
      performance.measure('workbench-round-trip', 'workbench-submit');
      document.body.dataset.lastSubmit = formId;
      announce(t('form.done', { what: t(`form.${formId}`) }));
      form.dataset.done = 'true';
      await (spec.done ? spec.done(result, ctx) : ctx.done(result));
    } catch (error) {
      performance.measure('workbench-round-trip', 'workbench-submit');
      if (!(error instanceof ApiError)) {
        throw error;
      }
      form.dataset.refused = error.type;
      showRefusal(error);
    } finally {
      form.removeAttribute('aria-busy');
      button.disabled = false;
    }
  });

  const handle = {
    element: spec.beside ? h('div', { class: 'wb-form-with-aside' }, form, spec.beside(ctx)) : form,
    values: typed,
    isConnected: () => form.isConnected,
  };
  open.set(formId, handle);
  return handle;
}
