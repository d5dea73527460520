// 模块开关 / Module switches (district and platform administrators): switch an installed module off or
// on for an organisation and everything below it. A district changes its own part of the union tree,
// the city any part; a module switched off higher up can only be switched on again there.

import { el, fill, baseKit, fmtDateTime, verbatim, confirmDialog } from '/js/page-kit.js';

const API = '/api/portal/module-switches';

const STATES = {
  ON: ['已开启', 'On', 'ok'],
  OFF: ['已关闭', 'Off', 'bad'],
  OFF_ABOVE: ['上级已关闭', 'Off above', 'warn'],
};

export function mount(root, context) {
  const k = baseKit(context, { statuses: STATES });
  const { t } = k;
  let alive = true;
  let seq = 0;
  let organisations = [];
  let orgId = context.user && context.user.orgId;
  let answer = null;

  const notice = el('div', { id: 'ms-notice' });
  const orgSelect = el('select', { id: 'ms-org', name: 'orgId', onchange: () => { orgId = Number(orgSelect.value); load(); } });
  const modulesSlot = el('section', { class: 'card ui-section', id: 'ms-modules-section', 'aria-labelledby': 'ms-modules-title' });
  const markersSlot = el('section', { class: 'card ui-section', id: 'ms-markers-section', 'aria-labelledby': 'ms-markers-title' });
  const logSlot = el('section', { class: 'card ui-section', id: 'ms-log-section', 'aria-labelledby': 'ms-log-title' });

  fill(root, el('div', { class: 'ui-page', 'data-testid': 'module-switches' },
    el('header', {},
      el('h1', {}, t('模块开关', 'Module switches')),
      el('p', { class: 'muted' }, t(
        '门户已安装的模块可以按组织关闭：关闭后，该组织及其下级组织的用户立即看不到这个模块的菜单、页面和接口，其他组织不受影响，模块数据全部保留，重新开启即可恢复。区级管理员管理本区范围，市总管理员可管理任何组织；上级关闭的模块只能由上级重新开启。',
        'An installed module can be switched off for an organisation: its users and those of every organisation below it lose the module’s menu entries, pages and REST resources at once; other organisations keep it, all data is kept, and switching it on brings it back. District administrators manage their district, platform administrators any organisation; a module switched off higher up can only be switched on again there.'))),
    notice,
    el('div', { class: 'ui-toolbar' },
      el('label', { for: 'ms-org' }, t('组织', 'Organisation')), orgSelect,
      el('button', { type: 'button', class: 'button', id: 'ms-refresh', onclick: () => load() }, t('刷新', 'Refresh'))),
    modulesSlot, markersSlot, logSlot));

  const say = (text, kind = '') => fill(notice, el('p', { class: `notice ${kind}`, role: 'status', id: 'ms-message' }, text));
  const moduleName = (m) => t(m.nameZh || m.module, m.nameEn || m.module);
  const nameOf = (id) => {
    const m = answer && answer.modules.find((x) => x.module === id);
    return m ? moduleName(m) : id;
  };
  const depth = (path) => Math.max(0, String(path || '').split('/').filter(Boolean).length - 1);

  async function loadOrganisations() {
    try {
      const list = await context.api('/api/portal/organisations');
      if (!alive) return;
      organisations = Array.isArray(list) ? list : [];
      // an organisation's name is as its union wrote it (ui-verbatim), whatever the page's language
      fill(orgSelect, organisations.map((o) => el('option', { value: o.id, selected: o.id === orgId, class: 'ui-verbatim' },
        `${'\u3000'.repeat(depth(o.path) - depth(organisations[0] && organisations[0].path))}${o.name}`)));
    } catch (e) {
      k.checkSession(e);
      if (alive) fill(notice, k.problem(e, { id: 'ms-org-problem' }));
    }
  }

  async function load() {
    const mine = ++seq;
    try {
      const data = await context.api(`${API}?orgId=${encodeURIComponent(orgId)}`);
      if (!alive || mine !== seq) return;
      answer = { ...data, modules: Array.isArray(data.modules) ? data.modules : [], markers: Array.isArray(data.markers) ? data.markers : [] };
      render();
      loadLog();
    } catch (e) {
      k.checkSession(e);
      if (alive && mine === seq) fill(modulesSlot, k.problem(e, { id: 'ms-problem' }));
    }
  }

  async function loadLog() {
    try {
      const rows = await context.api(`${API}/log`);
      if (!alive) return;
      fill(logSlot,
        el('h2', { id: 'ms-log-title' }, t('开关记录', 'Change log')),
        k.table([
          { label: t('时间', 'When'), key: 'at', className: 'nowrap', value: (r) => fmtDateTime(r.at) },
          { label: t('操作人', 'By'), key: 'by', value: (r) => verbatim(r.username) },
          { label: t('组织', 'Organisation'), key: 'org', value: (r) => verbatim(r.orgName) },
          { label: t('模块', 'Module'), key: 'module', value: (r) => nameOf(r.module) },
          { label: t('操作', 'Change'), key: 'on', value: (r) => (r.on ? t('开启', 'switched on') : t('关闭', 'switched off')) },
        ], Array.isArray(rows) ? rows : [], { id: 'ms-log', empty: t('暂无开关记录。', 'No changes yet.') }));
    } catch (e) {
      if (alive) fill(logSlot, k.problem(e, { id: 'ms-log-problem' }));
    }
  }

  function note(m) {
    if (!m.installed) return t('模块当前未安装', 'The module is not installed now');
    if (!m.offBy) return '';
    const when = fmtDateTime(m.offBy.setAt);
    return [t('由“', 'Switched off for '), verbatim(m.offBy.orgName), t('”的 ', ' by '), verbatim(m.offBy.setBy),
      t(` 于 ${when} 关闭`, ` on ${when}`)];
  }

  function action(m) {
    const org = answer.organisation;
    if (m.state === 'ON') {
      if (!m.installed) return '';
      return el('button', {
        type: 'button', class: 'button', dataset: { module: m.module, action: 'off' },
        onclick: () => switchOff(m, org),
      }, t('关闭', 'Switch off'));
    }
    if (m.state === 'OFF') {
      return el('button', {
        type: 'button', class: 'button primary', dataset: { module: m.module, action: 'on' },
        onclick: () => switchOn(m, org),
      }, t('开启', 'Switch on'));
    }
    if (m.offByYours) {
      return el('button', {
        type: 'button', class: 'button ghost', dataset: { module: m.module, action: 'goto' },
        onclick: () => { orgId = m.offBy.orgId; orgSelect.value = String(orgId); load(); },
      }, t('到“', 'Switch on at '), verbatim(m.offBy.orgName), k.en ? null : '”开启');
    }
    return el('span', { class: 'muted' }, t('需由上级开启', 'Only the level above can switch it on'));
  }

  function render() {
    const org = answer.organisation;
    const modulesTable = k.table([
      // Three columns, the note under the name: the button stays in view on a phone.
      { label: t('模块', 'Module'), key: 'module', value: (m) => el('div', {},
        el('div', {}, moduleName(m), ' ', el('small', { class: 'muted ui-verbatim' }, m.module)),
        note(m) ? el('small', { class: 'muted', dataset: { note: m.module } }, note(m)) : null) },
      { label: t('状态', 'State'), key: 'state', className: 'nowrap', value: (m) => k.badge(m.state) },
      { label: t('操作', 'Action'), key: 'action', className: 'nowrap', value: action },
    ], answer.modules, {
      id: 'ms-modules', empty: t('门户尚未安装任何模块。', 'No module is installed.'),
      rowAttrs: (m) => ({ dataset: { module: m.module, state: m.state } }),
    });
    // Three columns fit a phone: no need for the kit's 640 px minimum (and a sideways scroll to the button).
    const table = modulesTable.querySelector && modulesTable.querySelector('table');
    if (table) table.style.minWidth = '0';
    fill(modulesSlot, el('h2', { id: 'ms-modules-title' }, t('“', 'Modules of '), verbatim(org.name), k.en ? null : '”的模块'), modulesTable);
    fill(markersSlot,
      el('h2', { id: 'ms-markers-title' }, t('已关闭的模块（全部组织）', 'Switched off (all organisations)')),
      k.table([
        { label: t('组织', 'Organisation'), key: 'org', value: (x) => verbatim(x.orgName) },
        { label: t('模块', 'Module'), key: 'module', value: (x) => nameOf(x.module) },
        { label: t('关闭人', 'By'), key: 'by', value: (x) => verbatim(x.setBy) },
        { label: t('时间', 'When'), key: 'at', className: 'nowrap', value: (x) => fmtDateTime(x.setAt) },
        { label: t('可否开启', 'You may switch on'), key: 'yours', value: (x) => (x.yours ? t('可以', 'yes') : t('上级关闭', 'no, set above')) },
      ], answer.markers, { id: 'ms-markers', empty: t('没有关闭的模块。', 'No module is switched off.') }));
  }

  async function switchOff(m, org) {
    // the page's own dialog, not window.confirm: the organisation's name is marked as written inside the question
    const question = [t('在“', `Switch off “${moduleName(m)}” for `), verbatim(org.name),
      t(`”及其下级组织关闭“${moduleName(m)}”？这些组织的用户将立即看不到它的菜单、页面和接口；数据保留，可随时重新开启。`,
        ' and every organisation below it? Their users lose its menu entries, pages and REST resources at once; the data is kept and you can switch it on again.')];
    if (!await confirmDialog(t, { title: t('关闭模块', 'Switch off a module'), message: question, confirmLabel: t('关闭', 'Switch off'), danger: true })) return;
    await change('PUT', m, org, [t('已在“', `Switched off “${moduleName(m)}” for `), verbatim(org.name), t(`”关闭“${moduleName(m)}”。`, '.')]);
  }

  async function switchOn(m, org) {
    await change('DELETE', m, org, [t('已在“', `Switched on “${moduleName(m)}” for `), verbatim(org.name), t(`”开启“${moduleName(m)}”。`, '.')]);
  }

  async function change(method, m, org, done) {
    fill(notice);
    try {
      const data = await context.api(`${API}/${encodeURIComponent(org.id)}/${encodeURIComponent(m.module)}`, { method });
      if (!alive) return;
      answer = { ...data, modules: data.modules || [], markers: data.markers || [] };
      render();
      const still = answer.modules.find((x) => x.module === m.module);
      say(still && still.state === 'OFF_ABOVE' && method === 'DELETE'
        ? [done, t('但上级仍关闭了它：', ' A marker above still keeps it off: '), note(still), t('。', '.')]
        : done, 'ui-ok');
      loadLog();
    } catch (e) {
      k.checkSession(e);
      if (alive) fill(notice, k.problem(e, { id: 'ms-change-problem' }));
    }
  }

  loadOrganisations().then(load);
  return () => { alive = false; };
}
