// Building the page from script without ever parsing text as HTML: whatever the services answer is shown as text.

/**
 * h('a', {href: '#/x', class: 'btn'}, 'text', child) — attributes: class, text, on{event: fn}, data{key: v},
 * boolean attributes as true/false, anything else set as an attribute (skipped when null, undefined or false).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'on') {
      for (const [event, fn] of Object.entries(value)) {
        el.addEventListener(event, fn);
      }
    } else if (name === 'data') {
      for (const [key, v] of Object.entries(value)) {
        el.dataset[key] = v;
      }
    } else if (name === 'text') {
      el.textContent = value;
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Adds children to el (skipping null, undefined and false, as h does). */
export function add(el, ...children) {
  append(el, children);
  return el;
}

/** Replaces everything inside el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let ids = 0;

/** A document-unique id, for label/for and aria-describedby. */
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** Says something to screen readers without moving the focus. */
export function announce(message) {
  const live = document.getElementById('announcer');
  if (live) {
    live.textContent = '';
    // a change of text after a tick is announced even when the message repeats
    setTimeout(() => { live.textContent = message; }, 30);
  }
}
