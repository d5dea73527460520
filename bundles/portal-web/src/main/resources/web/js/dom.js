// A tiny DOM builder; text is always set as text, never parsed as HTML.

/**
 * Creates an element. `attrs`: `class`, `dataset` (object), `on<event>` (function), `true` for a
 * boolean attribute, `null`/`false`/`undefined` to leave one out; children are nodes or text.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Removes every child of `el` and returns it. */
export function clear(el) {
  el.replaceChildren();
  return el;
}
