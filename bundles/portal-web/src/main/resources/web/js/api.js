// Authenticated JSON calls to the portal REST API. The token lives in sessionStorage only.

import { msg, lang } from './i18n.js';

const TOKEN_KEY = 'unionPortal.token';

/** An error answer of the API; `problem` is the RFC 9457 problem document. */
export class ApiError extends Error {
  constructor(problem, status, retryAfter = null) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.problem = problem;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

let unauthorizedHandler = () => {};

/** Called when an authenticated call answers 401 (token expired or revoked). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

export function getToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage unavailable: nothing to keep
  }
}

/** `/api/...` and other absolute paths stay; a relative path like `portal/menu` is put below `/api/`. */
function resolveUrl(path) {
  const text = String(path);
  const url = new URL(/^(\/|[a-z][a-z0-9+.-]*:)/i.test(text) ? text : `/api/${text}`, location.origin);
  return url;
}

function encodeBody(body, headers) {
  if (body === undefined) return undefined;
  if (body instanceof FormData || body instanceof Blob || body instanceof URLSearchParams
      || body instanceof ArrayBuffer) {
    return body;
  }
  headers['Content-Type'] = 'application/json';
  return JSON.stringify(body);
}

/**
 * Fetches `path` with the bearer token and returns the parsed JSON (null for 204).
 * Throws an {@link ApiError} (with `.problem`) for error answers.
 * Options: `method`, `body` (JSON-encoded unless FormData/Blob/URLSearchParams), `headers`,
 * `signal`, and `anonymous` (send no token, e.g. for login).
 */
export async function api(path, { method = 'GET', body, headers = {}, signal, anonymous = false } = {}) {
  const url = resolveUrl(path);
  const sameOrigin = url.origin === location.origin;
  // Problems come back in the page's one language.
  const allHeaders = { Accept: 'application/json, application/problem+json', 'Accept-Language': lang(), ...headers };
  const token = anonymous || !sameOrigin ? null : getToken();
  if (token) allHeaders.Authorization = `Bearer ${token}`;
  const init = {
    method: String(method).toUpperCase(),
    headers: allHeaders,
    body: encodeBody(body, allHeaders),
    credentials: 'same-origin',
    cache: 'no-store',
    signal,
  };

  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: msg('networkError') }, 0);
  }

  const type = response.headers.get('Content-Type') || '';
  const text = response.status === 204 ? '' : await response.text();
  let data = text;
  if (text && /json/i.test(type)) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }

  if (response.ok) return response.status === 204 || text === '' ? null : data;

  const problem = data && typeof data === 'object'
    ? { type: 'about:blank', status: response.status, ...data }
    : { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status };
  const retry = Number.parseInt(response.headers.get('Retry-After') || '', 10);
  const error = new ApiError(problem, response.status, Number.isFinite(retry) ? retry : null);
  if (response.status === 401 && token) {
    setToken(null);
    unauthorizedHandler(error);
  }
  throw error;
}

/** A user-facing text for any error from {@link api}. */
export function problemText(error) {
  const p = error && error.problem;
  let text = (p && (p.detail || p.title)) || (error && error.message) || String(error);
  if (error && error.status === 429 && error.retryAfter != null) {
    text += ` ${msg('retryAfter', { seconds: error.retryAfter })}`;
  }
  return text;
}

export async function login(username, password) {
  setToken(null);
  const answer = await api('/api/auth/login', { method: 'POST', body: { username, password }, anonymous: true });
  if (!answer || !answer.token) {
    throw new ApiError({ type: 'about:blank', title: msg('signInFailed'), status: 500 }, 500);
  }
  setToken(answer.token);
  return answer;
}

/** Tells the server the token is finished; local state is the caller's business. Never throws. */
export async function logout(token) {
  if (!token) return;
  try {
    await fetch('/api/auth/logout', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json, application/problem+json' },
      credentials: 'same-origin',
      cache: 'no-store',
      keepalive: true,
    });
  } catch {
    // the token expires on its own
  }
}
