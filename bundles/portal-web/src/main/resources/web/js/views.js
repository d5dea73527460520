// Rendering of the shell's own screens: header, login, menu and home. No state lives here.

import { h } from './dom.js';
import { lang, msg, t, roleName, EN } from './i18n.js';
import { icon } from './icons.js';

/** What people wrote or named (a person's or a union's name, a notice), shown as written: see the page kit's `verbatim`. */
function verbatim(text) {
  return text == null || text === '' ? null : h('span', { class: 'ui-verbatim' }, String(text));
}

/** A shell text whose `{name}` placeholders are filled with what people wrote, each marked `ui-verbatim`. */
function msgWith(key, values) {
  const text = msg(key);
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    parts.push(text.slice(last, m.index), verbatim(values[m[1]]));
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts.filter((p) => p !== '' && p != null);
}

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
      h('span', { id: 'user-name', class: 'user-name ui-verbatim' }, user.displayName || user.username || ''),
      h('span', { id: 'user-org', class: 'user-org ui-verbatim' }, user.orgName || '')));
    bar.append(h('a', { href: '#/account/password', id: 'password-link', class: 'button ghost', title: msg('changePassword') },
      icon('settings'), h('span', { class: 'label' }, msg('changePassword'))));
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

/**
 * The home page (工作台): greeting, the work waiting for the user (counts from the modules, each linking to its
 * filtered list), notices, shortcuts, and — for a user with no function — whom to contact. `home` and `notices`
 * are null while loading; `findEntryByRoute(route)` says whether the user may open a link's page.
 */
export function renderHome({ user, entries, home, notices, error, findEntryByRoute }) {
  const en = lang() === EN;
  const roles = (user.roles || []).map(roleName).join(en ? ', ' : '、');
  const noFunction = entries.length === 0;
  return h('section', { class: 'home', id: 'home' },
    h('div', { class: 'hero card' },
      h('h1', {}, msgWith('welcome', { name: user.displayName || user.username || '' })),
      h('p', { class: 'muted' }, [verbatim(user.orgName), user.orgName && roles ? ' · ' : null, roles ? `${msg('roles')}${en ? ': ' : '：'}${roles}` : null])),
    error ? h('p', { class: 'notice error', role: 'alert', id: 'home-error' }, error) : null,
    noFunction ? contactCard(home) : null,
    noFunction ? null : workSection(home, findEntryByRoute),
    noticeSection(notices),
    noFunction ? null : shortcutSection(entries));
}

function contactCard(home) {
  const contacts = home && Array.isArray(home.contacts) ? home.contacts : [];
  return h('div', { class: 'card home-contact', id: 'home-contact', role: 'note' },
    h('h2', {}, msg('noFunctionTitle')),
    h('p', {}, contacts.length ? msg('noFunctionBody') : msg('noFunctionNobody')),
    contacts.length ? h('ul', { id: 'contact-list' }, contacts.map((c) => h('li', {}, h('strong', { class: 'ui-verbatim' }, c.name), ' · ', verbatim(c.orgName)))) : null);
}

function workSection(home, findEntryByRoute) {
  const items = home && Array.isArray(home.items) ? home.items : null;
  return h('section', { class: 'home-section', 'aria-labelledby': 'work-title' },
    h('h2', { id: 'work-title', class: 'section-title' }, msg('workTitle')),
    items === null ? h('p', { class: 'loading' }, msg('loading'))
      : items.length === 0 ? h('p', { class: 'empty card', id: 'work-empty' }, msg('workNone'))
        : h('ul', { id: 'work-list', class: 'work-list' }, [...items]
          .sort((a, b) => Number(b.count > 0) - Number(a.count > 0))   // what waits first; stable otherwise
          .map((item) => workItem(item, findEntryByRoute))),
    home && home.unavailable && home.unavailable.length ? h('p', { class: 'muted', id: 'work-unavailable' }, msg('workUnavailable')) : null);
}

function workItem(item, findEntryByRoute) {
  const route = String(item.route || '');
  const page = findEntryByRoute(route.split('?')[0]);
  const body = [h('span', { class: 'work-count' }, String(item.count)), h('span', { class: 'work-label' }, item.label)];
  return h('li', { class: `work-item card${item.count > 0 ? ' pending' : ''}`, dataset: { code: item.code, count: String(item.count) } },
    page ? h('a', { href: `#/${route}` }, body) : h('div', { title: msg('workNoLink') }, body));
}

function noticeSection(notices) {
  return h('section', { class: 'home-section', 'aria-labelledby': 'notices-title' },
    h('h2', { id: 'notices-title', class: 'section-title' }, msg('noticesTitle')),
    notices === null ? h('p', { class: 'loading' }, msg('loading'))
      : notices.length === 0 ? h('p', { class: 'empty card', id: 'notices-empty' }, msg('noticesNone'))
        : h('ul', { id: 'notice-list', class: 'notice-list' }, notices.map((n) => h('li', { class: 'card notice-item', dataset: { noticeId: n.id } },
          h('h3', { class: 'ui-verbatim' }, n.title),
          h('p', { class: 'muted' }, msgWith('noticeFrom', { org: n.orgName, name: n.publishedByName, at: dateTime(n.publishedAt) })),
          h('p', { class: 'notice-body ui-verbatim' }, n.body)))));
}

function shortcutSection(entries) {
  return h('section', { class: 'home-section', 'aria-labelledby': 'shortcuts-title' },
    h('h2', { id: 'shortcuts-title', class: 'section-title' }, msg('shortcutsTitle')),
    h('ul', { id: 'shortcut-list', class: 'shortcut-list' }, entries.slice(0, 8).map((e) => h('li', {},
      h('a', { href: `#/${e.route}`, class: 'card shortcut', dataset: { menuId: e.id } }, icon(e.icon), h('span', {}, t(e.labelZh, e.labelEn)))))));
}

function dateTime(value) {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value || '');
  const p = {};
  for (const part of new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The password form: `forced` after an administrator's reset (no way around it but signing out). */
export function renderPasswordForm({ forced, onSubmit }) {
  const input = (id, name, autocomplete) => h('input', { id, name, type: 'password', autocomplete, required: true });
  return h('section', { class: 'card password-card', id: 'password-page', 'aria-labelledby': 'password-title' },
    h('h1', { id: 'password-title' }, forced ? msg('mustChangeTitle') : msg('changePassword')),
    h('p', { class: 'muted' }, forced ? msg('mustChangeIntro') : msg('changeIntro')),
    h('form', { id: 'password-form', class: 'form', novalidate: true, onsubmit: onSubmit },
      h('label', { for: 'pw-current' }, msg('currentPassword')), input('pw-current', 'currentPassword', 'current-password'),
      h('small', { class: 'ui-field-error', 'data-error-for': 'currentPassword' }),
      h('label', { for: 'pw-new' }, msg('newPassword')), input('pw-new', 'newPassword', 'new-password'),
      h('small', { class: 'muted' }, msg('passwordHint')),
      h('small', { class: 'ui-field-error', 'data-error-for': 'newPassword' }),
      h('label', { for: 'pw-repeat' }, msg('repeatPassword')), input('pw-repeat', 'repeatPassword', 'new-password'),
      h('small', { class: 'ui-field-error', 'data-error-for': 'repeatPassword' }),
      h('p', { id: 'password-error', class: 'form-error', role: 'alert' }),
      h('button', { type: 'submit', class: 'button primary' }, msg('passwordSave'))));
}

/** An error panel shown in place of a page. */
export function renderPageError(text) {
  return h('div', { class: 'card page-error', role: 'alert' },
    h('p', {}, text),
    h('p', {}, h('a', { href: '#/', class: 'button' }, msg('backHome'))));
}
