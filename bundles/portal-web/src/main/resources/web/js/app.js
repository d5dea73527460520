// The Union Portal shell: login, header, live menu, home page and hash routing to module pages.

import { h, clear } from './dom.js';
import { lang, setLang, toggleLang, onLangChange, msg, t } from './i18n.js';
import { api, login, logout, getToken, setToken, onUnauthorized, problemText } from './api.js';
import { LiveEvents } from './events.js';
import { renderHeader, renderLogin, renderMenu, renderHome, renderPasswordForm, renderPageError, liveText } from './views.js';

const root = document.getElementById('app');

const state = {
  screen: 'boot',          // boot | login | portal
  user: null,
  groups: [],              // menu groups, each with its entries
  menuLoaded: false,
  ready: false,            // the first menu answer (or failure) is in: routing may start
  modules: [],
  live: 'connecting',
  menuOpen: false,
  loginNoticeKey: null,    // the notice on the login page, e.g. 'sessionExpired'
  view: null,              // { kind: 'home' }, { kind: 'password' } or { kind: 'page', entry, container, cleanup }
  home: null,              // the last /api/home answer (work to do, contacts)
  notices: null,           // the last /api/notices answer
  homeError: '',
  generations: new Map(),  // module id -> number of changes seen, to load fresh page code
};

let viewSeq = 0;
let refreshSeq = 0;      // refreshes started
let appliedSeq = 0;      // the newest refresh whose answer is shown
let sessionEpoch = 0;    // changes on every sign-out, so late answers of a past session are dropped
let refreshTimer = null;
let noticeTimer = null;

const live = new LiveEvents({
  onModules: (data) => {
    if (data && data.module) {
      state.generations.set(data.module, (state.generations.get(data.module) || 0) + 1);
    }
    scheduleRefresh();
  },
  onOpen: () => scheduleRefresh(),
  onStatus: (status) => {
    state.live = status;
    const dot = document.getElementById('live-status');
    if (dot) {
      dot.dataset.state = status;
      dot.title = liveText(status);
      dot.setAttribute('aria-label', liveText(status));
    }
  },
  // The stream was refused: if the session ended, this call answers 401 and signs out.
  onLost: () => api('/api/auth/me').catch(() => {}),
});

// ---------------------------------------------------------------- login and logout

/** `noticeKey` is a shell text key (kept across language switches); `error` is a text. */
function showLogin({ noticeKey = null, error = '', username = '' } = {}) {
  state.screen = 'login';
  state.user = null;
  state.loginNoticeKey = noticeKey;
  document.title = msg('appName');
  root.replaceChildren(
    renderHeader({ user: null, onToggleLang: toggleLang }),
    renderLogin({ username, notice: noticeKey ? msg(noticeKey) : '', error, onSubmit: onLoginSubmit }));
  const form = document.getElementById('login-form');
  (username ? form.elements.password : form.elements.username).focus();
}

async function onLoginSubmit(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const username = form.elements.username.value.trim();
  const password = form.elements.password.value;
  const errorEl = document.getElementById('login-error');
  const notice = document.getElementById('login-notice');
  state.loginNoticeKey = null;
  const button = form.querySelector('button[type="submit"]');
  notice.textContent = '';
  if (!username || !password) {
    errorEl.textContent = msg('missingCredentials');
    (username ? form.elements.password : form.elements.username).focus();
    return;
  }
  errorEl.textContent = '';
  button.disabled = true;
  button.textContent = msg('signingIn');
  form.setAttribute('aria-busy', 'true');
  try {
    const answer = await login(username, password);
    const user = answer.user || unwrapUser(await api('/api/auth/me'));
    await enterPortal(user);
  } catch (e) {
    if (!form.isConnected) return;
    errorEl.textContent = problemText(e) || msg('signInFailed');
    form.elements.password.value = '';
    form.elements.password.focus();
    button.disabled = false;
    button.textContent = msg('signIn');
    form.removeAttribute('aria-busy');
  }
}

function unwrapUser(me) {
  return me && me.user ? me.user : me;
}

/** Leaves the portal: stops the live stream, unmounts the page, forgets the token. */
function leavePortal() {
  live.stop();
  clearTimeout(refreshTimer);
  sessionEpoch++;
  unmountView();
  setToken(null);
  state.user = null;
  state.groups = [];
  state.modules = [];
  state.menuLoaded = false;
  state.ready = false;
  state.menuOpen = false;
  state.home = null;
  state.notices = null;
  state.homeError = '';
  state.generations.clear();
}

async function onLogout() {
  const token = getToken();
  leavePortal();
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  showLogin({ noticeKey: 'signedOut' });
  await logout(token);
}

// Any authenticated call answering 401: the token expired or was revoked.
onUnauthorized(() => {
  if (state.screen !== 'portal' && state.screen !== 'boot') return;
  const username = state.user ? state.user.username : '';
  leavePortal();
  showLogin({ noticeKey: 'sessionExpired', username });   // the hash stays: sign in returns there
});

// ---------------------------------------------------------------- the portal frame

async function enterPortal(user) {
  state.user = user;
  state.screen = 'portal';
  state.view = null;
  root.replaceChildren(
    h('div', { id: 'header-slot' }),
    h('div', { class: 'layout' },
      h('nav', { id: 'sidebar', class: 'sidebar', 'aria-label': msg('navigation') },
        h('a', { href: '#/', class: 'home-link', id: 'home-link' }, msg('home')),
        h('div', { id: 'menu', class: 'menu' })),
      h('div', { class: 'scrim', onclick: () => setMenuOpen(false) }),
      h('main', { id: 'main', class: 'main', tabindex: '-1' },
        h('div', { id: 'notice', class: 'notice', role: 'status', 'aria-live': 'polite' }),
        h('div', { id: 'view', class: 'view' }, h('p', { class: 'loading' }, msg('loading'))))));
  renderFrame();
  live.start();
  const epoch = sessionEpoch;
  await refresh();
  if (state.screen === 'portal' && epoch === sessionEpoch) {
    state.ready = true;
    route();
  }
}

function renderFrame() {
  document.getElementById('header-slot').replaceChildren(renderHeader({
    user: state.user, live: state.live, menuOpen: state.menuOpen,
    onToggleLang: toggleLang, onLogout, onToggleMenu: () => setMenuOpen(!state.menuOpen),
  }));
  const sidebar = document.getElementById('sidebar');
  sidebar.setAttribute('aria-label', msg('navigation'));
  document.getElementById('home-link').textContent = msg('home');
  renderMenuNow();
}

function renderMenuNow() {
  const active = state.view && state.view.kind === 'page' ? state.view.entry.id : null;
  renderMenu(document.getElementById('menu'), state.groups, active);
  const home = document.getElementById('home-link');
  const atHome = state.view && state.view.kind === 'home';
  home.classList.toggle('active', Boolean(atHome));
  if (atHome) home.setAttribute('aria-current', 'page');
  else home.removeAttribute('aria-current');
}

function setMenuOpen(open) {
  state.menuOpen = open;
  document.body.classList.toggle('menu-open', open);
  const button = document.getElementById('menu-toggle');
  if (button) button.setAttribute('aria-expanded', String(open));
}

function showNotice(text, kind = 'info') {
  const el = document.getElementById('notice');
  if (!el) return;
  clearTimeout(noticeTimer);
  el.className = `notice ${kind}`;
  el.replaceChildren(h('span', {}, text), h('button', {
    type: 'button', class: 'icon-button', 'aria-label': msg('closeNotice'), onclick: () => clear(el),
  }, '×'));
  noticeTimer = setTimeout(() => clear(el), 8000);
}

// ---------------------------------------------------------------- menu and modules

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refresh, 150);   // one re-fetch for a burst of events
}

function normalizeGroups(menu) {
  const groups = menu && Array.isArray(menu.groups) ? menu.groups : [];
  return groups.map((g) => ({ ...g, entries: Array.isArray(g.entries) ? g.entries : [] }));
}

async function refresh() {
  if (state.screen !== 'portal') return;
  if (state.user && state.user.mustChangePassword) return;   // the API refuses the menu until a new password is set
  const seq = ++refreshSeq;
  const epoch = sessionEpoch;
  const [menu, modules] = await Promise.allSettled([api('/api/portal/menu'), api('/api/portal/modules')]);
  // Answers may come back out of order: never show an older one over a newer one.
  if (seq < appliedSeq || epoch !== sessionEpoch || state.screen !== 'portal') return;
  appliedSeq = seq;
  const failures = [];
  if (menu.status === 'fulfilled') {
    state.groups = normalizeGroups(menu.value);
    state.menuLoaded = true;
  } else {
    failures.push(menu.reason);
  }
  if (modules.status === 'fulfilled') state.modules = Array.isArray(modules.value) ? modules.value : [];
  else failures.push(modules.reason);
  if (failures.some((e) => e && e.status === 401)) return;   // already back on the login page
  if (menu.status === 'rejected') showNotice(msg('menuFailed', { detail: problemText(menu.reason) }), 'error');
  else if (modules.status === 'rejected') showNotice(msg('modulesFailed', { detail: problemText(modules.reason) }), 'error');
  renderMenuNow();
  reconcileView(menu.status === 'fulfilled');
}

function allEntries() {
  return state.groups.flatMap((g) => g.entries);
}

function findEntryById(id) {
  return allEntries().find((e) => e.id === id) || null;
}

/** The entry for a route: exact match, else the longest entry route that is a prefix (`a/b` for `a/b/42`). */
function findEntryByRoute(route) {
  let best = null;
  for (const entry of allEntries()) {
    const r = String(entry.route || '').replace(/^\/+|\/+$/g, '');
    if (r === route) return entry;
    if (r && route.startsWith(`${r}/`) && (!best || r.length > best.route.length)) best = entry;
  }
  return best;
}

/** After a menu change: keep the shown page, reload it if its code moved, or go home if it is gone. */
function reconcileView(menuKnown) {
  const view = state.view;
  if (!view) return;
  if (view.kind === 'home') {
    paintHome();   // shortcuts and links follow the menu; the counts are fetched when the home page is shown
    return;
  }
  if (view.kind === 'password') return;
  if (!menuKnown) return;
  const entry = findEntryById(view.entry.id);
  if (!entry) {
    const label = t(view.entry.labelZh, view.entry.labelEn);
    unmountView();
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    showHome();
    showNotice(msg('pageGone', { label }), 'warn');
  } else if (entry.page !== view.entry.page) {
    showPage(entry);   // the module moved its page: load the new one
  } else {
    view.entry = entry;
  }
}

// ---------------------------------------------------------------- routing

function currentRoute() {
  let route = location.hash.replace(/^#\/?/, '').split('?')[0];
  try {
    route = decodeURIComponent(route);
  } catch {
    // keep it as it is
  }
  return route.replace(/\/+$/, '');
}

function route() {
  if (state.screen !== 'portal' || !state.ready) return;   // enterPortal routes once the menu is there
  setMenuOpen(false);
  const path = currentRoute();
  if (state.user && state.user.mustChangePassword) {
    showPassword(true);   // after an administrator's reset nothing else opens until a new password is set
    return;
  }
  if (path === 'account/password') {
    showPassword(false);
    return;
  }
  if (!path) {
    showHome();
    return;
  }
  const entry = findEntryByRoute(path);
  if (!entry) {
    unmountView();
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    showHome();
    showNotice(msg('routeUnknown', { route: path }), 'warn');
    return;
  }
  const view = state.view;
  if (view && view.kind === 'page' && view.entry.id === entry.id && !view.failed) return;   // a sub-route of the shown page
  showPage(entry);
}

function navigate(target) {
  const r = String(target == null ? '' : target).replace(/^#?\/*/, '');
  location.hash = `#/${r}`;
}

function showHome() {
  const view = document.getElementById('view');
  if (!view) return;
  if (!state.view || state.view.kind !== 'home') {
    unmountView();
    state.view = { kind: 'home' };
  }
  paintHome();
  document.title = `${msg('home')} - ${msg('appName')}`;
  renderMenuNow();
  loadHome();
}

function paintHome() {
  const view = document.getElementById('view');
  if (!view || !state.view || state.view.kind !== 'home') return;
  view.replaceChildren(renderHome({
    user: state.user, entries: allEntries(), home: state.home, notices: state.notices, error: state.homeError,
    findEntryByRoute: (route) => findEntryByRoute(route.replace(/^\/+|\/+$/g, '')),
  }));
}

let homeSeq = 0;

/** Work to do and notices, fetched again each time the home page shows (counts change as people work). */
async function loadHome() {
  const seq = ++homeSeq;
  const epoch = sessionEpoch;
  const [home, notices] = await Promise.allSettled([api('/api/home'), api('/api/notices')]);
  if (seq !== homeSeq || epoch !== sessionEpoch || state.screen !== 'portal') return;
  const failed = [home, notices].find((r) => r.status === 'rejected');
  if (failed && failed.reason && failed.reason.status === 401) return;
  state.home = home.status === 'fulfilled' ? home.value : { items: [], contacts: [], unavailable: [] };
  state.notices = notices.status === 'fulfilled' && Array.isArray(notices.value) ? notices.value : [];
  state.homeError = failed ? msg('homeFailed', { detail: problemText(failed.reason) }) : '';
  paintHome();
}

// ---------------------------------------------------------------- password

function showPassword(forced) {
  const view = document.getElementById('view');
  if (!view) return;
  unmountView();
  state.view = { kind: 'password', forced };
  view.replaceChildren(renderPasswordForm({ forced, onSubmit: onPasswordSubmit }));
  document.title = `${msg('changePassword')} - ${msg('appName')}`;
  renderMenuNow();
  document.getElementById('pw-current').focus();
}

async function onPasswordSubmit(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const current = form.elements.currentPassword;
  const next = form.elements.newPassword;
  const repeat = form.elements.repeatPassword;
  const errorEl = document.getElementById('password-error');
  form.querySelectorAll('[data-error-for]').forEach((slot) => { slot.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  errorEl.textContent = '';
  const checks = [
    [current, current.value !== '', msg('passwordRequired')],
    [next, [...next.value].length >= 8, msg('passwordTooShort')],
    [repeat, repeat.value === next.value, msg('passwordMismatch')],
  ];
  const wrong = checks.filter(([, ok]) => !ok);
  for (const [input, , text] of wrong) {
    form.querySelector(`[data-error-for="${input.name}"]`).textContent = text;
    input.setAttribute('aria-invalid', 'true');
  }
  if (wrong.length) {
    wrong[0][0].focus();
    return;
  }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    await api('/api/accounts/password', { method: 'POST', body: { currentPassword: current.value, newPassword: next.value } });
    const wasForced = state.user.mustChangePassword;
    state.user = { ...state.user, mustChangePassword: false };
    if (wasForced) await refresh();   // the menu was refused until now
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    showHome();
    showNotice(msg('passwordChanged'), 'info');
  } catch (e) {
    if (!form.isConnected || (e && e.status === 401)) return;
    const errors = e && e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
    let first = null;
    for (const fe of errors) {
      const slot = form.querySelector(`[data-error-for="${fe.field}"]`);
      const input = form.elements[fe.field];
      if (slot && input) {
        slot.textContent = fe.message;
        input.setAttribute('aria-invalid', 'true');
        first = first || input;
      }
    }
    if (first) first.focus();
    else errorEl.textContent = problemText(e);
    button.disabled = false;
  }
}

/** The URL to import for an entry; a counter of the module's changes makes the browser load fresh code. */
function pageUrl(entry) {
  const url = new URL(entry.page, location.origin);
  const generation = state.generations.get(entry.module) || 0;
  if (generation > 0) url.searchParams.set('v', String(generation));
  return url.href;
}

function makeContext() {
  const current = lang();
  return Object.freeze({
    lang: current,
    user: structuredClone(state.user),
    t: (zh, en) => (current === 'en' && en != null && en !== '' ? en : zh),
    api: (path, options) => api(path, options),
    navigate,
  });
}

async function showPage(entry) {
  unmountView();
  const seq = ++viewSeq;
  const viewEl = document.getElementById('view');
  const container = h('section', {
    class: 'page', 'data-page-id': entry.id, 'aria-busy': 'true', 'aria-label': t(entry.labelZh, entry.labelEn),
  }, h('p', { class: 'loading' }, msg('loading')));
  viewEl.replaceChildren(container);
  let url = null;
  try {
    url = pageUrl(entry);
  } catch {
    url = null;
  }
  const view = { kind: 'page', entry, container, cleanup: null, url };
  state.view = view;
  document.title = `${t(entry.labelZh, entry.labelEn)} - ${msg('appName')}`;
  renderMenuNow();
  document.getElementById('main').focus({ preventScroll: true });
  try {
    if (!url || new URL(url).origin !== location.origin) throw new Error(`page ${entry.page}`);
    const module = await import(url);
    if (seq !== viewSeq) return;
    if (typeof module.mount !== 'function') throw new Error(msg('pageNoMount'));
    container.replaceChildren();
    let cleanup = module.mount(container, makeContext());
    if (cleanup && typeof cleanup.then === 'function') cleanup = await cleanup;
    if (seq !== viewSeq) {
      runCleanup(cleanup);   // left while the page was still mounting
      return;
    }
    view.cleanup = typeof cleanup === 'function' ? cleanup : null;
    container.removeAttribute('aria-busy');
  } catch (e) {
    if (seq !== viewSeq || state.screen !== 'portal' || (e && e.status === 401)) return;
    console.error('Union Portal: page failed', entry.page, e);
    view.failed = true;
    container.removeAttribute('aria-busy');
    container.replaceChildren(renderPageError(msg('pageLoadFailed', { detail: problemText(e) })));
  }
}

function runCleanup(cleanup) {
  if (typeof cleanup !== 'function') return;
  try {
    cleanup();
  } catch (e) {
    console.error('Union Portal: page cleanup failed', e);
  }
}

function unmountView() {
  const view = state.view;
  state.view = null;
  viewSeq++;
  if (view && view.kind === 'page') runCleanup(view.cleanup);
}

// ---------------------------------------------------------------- start

onLangChange(() => {
  if (state.screen === 'login') {
    const form = document.getElementById('login-form');
    const error = document.getElementById('login-error');
    showLogin({
      username: form ? form.elements.username.value : '',
      noticeKey: state.loginNoticeKey,
      error: error ? error.textContent : '',
    });
  } else if (state.screen === 'portal') {
    renderFrame();
    const view = state.view;
    if (view && view.kind === 'page') showPage(view.entry);   // remount with the new context.lang
    else if (view && view.kind === 'password') showPassword(view.forced);
    else if (view) showHome();
  }
});

window.addEventListener('hashchange', route);
window.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && state.menuOpen) setMenuOpen(false);
});

async function boot() {
  setLang(lang());
  document.title = msg('appName');
  if (!getToken()) {
    showLogin();
    return;
  }
  root.replaceChildren(h('p', { class: 'boot' }, msg('loading')));
  try {
    const me = unwrapUser(await api('/api/auth/me'));
    await enterPortal(me);
  } catch (e) {
    if (e && e.status === 401) return;   // the 401 handler shows the login page
    setToken(null);
    showLogin({ error: problemText(e) });
  }
}

boot();
