// Rendering of the shell's own screens: header, login, menu and home. No state lives here.

import { h } from './dom.js';
import { lang, msg, t, roleName, stateName, EN } from './i18n.js';
import { icon } from './icons.js';

function logo() {
  return h('span', { class: 'logo', 'aria-hidden': 'true' }, icon('star', 'logo-icon'));
}

function langToggle(onToggle) {
  const en = lang() === EN;
  return h('button', {
    type: 'button', id: 'lang-toggle', class: 'lang-toggle',
    'aria-label': msg('langToggleLabel'), title: msg('langToggleLabel'), onclick: onToggle,
  },
  h('span', { class: en ? '' : 'on', lang: 'zh-CN' }, '中文'),
  h('span', { class: 'sep', 'aria-hidden': 'true' }, '/'),
  h('span', { class: en ? 'on' : '', lang: 'en' }, 'EN'));
}

/** The top bar; `user` is null on the login page. */
export function renderHeader({ user, live, onToggleLang, onLogout, onToggleMenu, menuOpen }) {
  const bar = h('header', { class: 'topbar' });
  if (user) {
    bar.append(h('button', {
      type: 'button', id: 'menu-toggle', class: 'icon-button menu-toggle', 'aria-controls': 'sidebar',
      'aria-expanded': String(Boolean(menuOpen)), 'aria-label': msg('toggleMenu'), onclick: onToggleMenu,
    }, icon('menu')));
  }
  bar.append(h('a', { class: 'brand', href: user ? '#/' : null },
    logo(), h('span', { id: 'portal-name', class: 'brand-name' }, msg('appName'))));
  bar.append(h('span', { class: 'spacer' }));
  if (user) {
    bar.append(h('span', {
      id: 'live-status', class: 'live-status', 'data-state': live, role: 'img',
      title: liveText(live), 'aria-label': liveText(live),
    }));
    bar.append(h('div', { class: 'user', title: msg('userLabel') },
      h('span', { id: 'user-name', class: 'user-name' }, user.displayName || user.username || ''),
      h('span', { id: 'user-org', class: 'user-org' }, user.orgName || '')));
  }
  bar.append(langToggle(onToggleLang));
  if (user) {
    bar.append(h('button', {
      type: 'button', id: 'logout', class: 'button ghost', 'aria-label': msg('logout'), title: msg('logout'), onclick: onLogout,
    },
      icon('logout'), h('span', { class: 'label' }, msg('logout'))));
  }
  return bar;
}

export function liveText(live) {
  return msg(live === 'open' ? 'liveOpen' : live === 'offline' ? 'liveOffline' : 'liveConnecting');
}

/** The login screen (below the header). */
export function renderLogin({ username = '', notice = '', error = '', onSubmit }) {
  return h('main', { class: 'login-page', id: 'main' },
    h('section', { class: 'card login-card', 'aria-labelledby': 'login-title' },
      h('div', { class: 'login-brand' }, logo(),
        h('div', {}, h('p', { class: 'login-app' }, msg('appName')), h('p', { class: 'muted' }, msg('tagline')))),
      h('h1', { id: 'login-title' }, msg('signInTitle')),
      h('p', { class: 'muted' }, msg('signInIntro')),
      h('p', { id: 'login-notice', class: 'notice info', role: 'status' }, notice),
      h('form', { id: 'login-form', class: 'form', method: 'post', action: '#', novalidate: true, onsubmit: onSubmit },
        h('label', { for: 'login-username' }, msg('username')),
        h('input', {
          id: 'login-username', name: 'username', type: 'text', autocomplete: 'username', required: true,
          autocapitalize: 'none', spellcheck: 'false', value: username,
        }),
        h('label', { for: 'login-password' }, msg('password')),
        h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
        h('p', { id: 'login-error', class: 'form-error', role: 'alert', 'aria-live': 'assertive' }, error),
        h('button', { type: 'submit', class: 'button primary block' }, msg('signIn')))));
}

/** The menu groups into `container` (`#menu`); `activeId` marks the shown entry. */
export function renderMenu(container, groups, activeId) {
  container.replaceChildren();
  const visible = groups.filter((g) => g.entries.length > 0);
  if (visible.length === 0) {
    container.append(h('p', { class: 'menu-empty muted' }, msg('menuEmpty')));
    return;
  }
  for (const group of visible) {
    const headingId = `menu-group-${group.key}`;
    container.append(h('section', { class: 'menu-group', 'data-group': group.key, 'aria-labelledby': headingId },
      h('h2', { id: headingId }, t(group.labelZh, group.labelEn)),
      h('ul', {}, group.entries.map((entry) => h('li', {},
        h('a', {
          href: `#/${entry.route}`, class: entry.id === activeId ? 'active' : null,
          'aria-current': entry.id === activeId ? 'page' : null,
          dataset: { menuId: entry.id, module: entry.module || '' },
        }, icon(entry.icon), h('span', {}, t(entry.labelZh, entry.labelEn))))))));
  }
}

/** The home page: greeting and the installed modules. */
export function renderHome({ user, modules, findEntryById }) {
  const roles = (user.roles || []).map(roleName).join('、');
  const list = h('ul', { id: 'module-list', class: 'module-list', 'aria-labelledby': 'modules-title' },
    modules.map((m) => moduleCard(m, findEntryById)));
  return h('section', { class: 'home', id: 'home' },
    h('div', { class: 'hero card' },
      h('h1', {}, msg('welcome', { name: user.displayName || user.username || '' })),
      h('p', { class: 'muted' }, [user.orgName, roles && `${msg('roles')}：${roles}`].filter(Boolean).join(' · '))),
    h('h2', { id: 'modules-title', class: 'section-title' }, msg('installedModules'),
      h('span', { class: 'count', id: 'module-count' }, String(modules.length))),
    list,
    modules.length === 0 ? h('p', { id: 'module-empty', class: 'empty card' }, msg('noModules')) : null);
}

function moduleCard(module, findEntryById) {
  const pages = (module.menuEntries || [])
    .map((e) => findEntryById(e.id))
    .filter(Boolean);
  const state = String(module.state || '');
  return h('li', { class: 'module-card card', dataset: { moduleId: module.id } },
    h('div', { class: 'module-head' },
      h('h3', {}, t(module.nameZh || module.id, module.nameEn)),
      h('span', { class: `badge state-${state.toLowerCase()}`, 'data-state': state }, stateName(state))),
    h('dl', { class: 'facts' },
      h('dt', {}, msg('version')), h('dd', { class: 'module-version' }, module.version || '–'),
      h('dt', {}, msg('restBases')), h('dd', {},
        (module.restBases || []).length
          ? module.restBases.map((base) => h('code', {}, base))
          : h('span', { class: 'muted' }, msg('none'))),
      pages.length ? [h('dt', {}, msg('pages')), h('dd', { class: 'module-pages' },
        pages.map((e) => h('a', { href: `#/${e.route}` }, t(e.labelZh, e.labelEn))))] : null));
}

/** An error panel shown in place of a page. */
export function renderPageError(text) {
  return h('div', { class: 'card page-error', role: 'alert' },
    h('p', {}, text),
    h('p', {}, h('a', { href: '#/', class: 'button' }, msg('backHome'))));
}
