// 操作日志 / Audit log (platform and district administrators): who changed which record, when, and what
// changed, in the caller's part of the union tree; per record and per user (click a user or a record to
// follow it), as CSV or XLSX.
import { el, fill, baseKit, field, fmtDateTime, downloadWithToken } from '/js/page-kit.js';

const API = '/api/portal/audit';
const PAGE_SIZE = 50;
const FILTERS = ['module', 'recordType', 'recordId', 'user', 'action', 'from', 'until'];

export function mount(root, context) {
  const k = baseKit(context);
  const { t } = k;
  let alive = true;
  let seq = 0;
  let page = 0;

  // Module, record type and action are codes in the entries; each module names its own (GET …/labels), and the page
  // shows and offers those names in its language. A code no module names (its module was removed) stays a code.
  const names = { modules: new Map() };
  const named = (label) => (label ? t(label.zh, label.en) : null);
  const moduleName = (module) => named((names.modules.get(module) || {}).name);
  const recordTypeName = (module, type) => named(((names.modules.get(module) || {}).recordTypes || {})[type]);
  const actionName = (module, action) => named(((names.modules.get(module) || {}).actions || {})[action]);
  const fieldName = (module, field) => named(((names.modules.get(module) || {}).fields || {})[field]);
  const code = (value) => el('code', { class: 'ui-verbatim' }, value);
  const choice = (name) => el('select', { name }, el('option', { value: '' }, t('全部', 'All')));
  const inputs = {
    module: choice('module'),
    recordType: choice('recordType'),
    recordId: el('input', { name: 'recordId', autocomplete: 'off', inputmode: 'numeric' }),
    user: el('input', { name: 'user', autocomplete: 'off' }),
    action: choice('action'),
    from: el('input', { name: 'from', type: 'date' }),
    until: el('input', { name: 'until', type: 'date' }),
  };
  const labels = {
    module: t('模块', 'Module'), recordType: t('记录类型', 'Record type'), recordId: t('记录编号', 'Record id'),
    user: t('操作人', 'User'), action: t('操作', 'Action'), from: t('起始日期', 'From'), until: t('截止日期', 'Until'),
  };
  const form = el('form', { id: 'audit-filters', class: 'ui-form ui-audit-filters', onsubmit: (e) => { e.preventDefault(); page = 0; load(); } },
    FILTERS.map((name) => field(labels[name], inputs[name], { name })),
    el('div', { class: 'ui-toolbar ui-form-actions' },
      el('button', { type: 'submit', class: 'button primary', id: 'audit-search' }, t('查询', 'Search')),
      el('button', { type: 'button', class: 'button', id: 'audit-clear', onclick: () => { FILTERS.forEach((n) => { inputs[n].value = ''; }); fillChoices(); page = 0; load(); } },
        t('清除条件', 'Clear')),
      el('span', { class: 'spacer' }),
      el('button', { type: 'button', class: 'button', id: 'audit-export-csv', onclick: () => exportAs('csv') }, t('导出 CSV', 'Export CSV')),
      el('button', { type: 'button', class: 'button', id: 'audit-export-xlsx', onclick: () => exportAs('xlsx') }, t('导出 Excel', 'Export XLSX'))));
  const problemSlot = el('div', { id: 'audit-problem' });
  const body = el('div', { id: 'audit-body' });
  const pager = el('div', { class: 'ui-toolbar', id: 'audit-pager' });

  fill(root, el('div', { class: 'ui-page', 'data-testid': 'audit' },
    el('header', {},
      el('h1', {}, t('操作日志', 'Audit log')),
      el('p', { class: 'muted' }, t('本单位及下属单位记录的变更：谁、何时、哪条记录、改了什么。点击操作人或记录可只看其日志。',
        'Changes to the records of your organisation and the unions below it: who, when, which record, what changed. Click a user or a record to see only theirs.'))),
    form, problemSlot, body, pager));

  function query() {
    const q = new URLSearchParams();
    for (const name of FILTERS) {
      const v = inputs[name].value.trim();
      if (v) q.set(name, v);
    }
    return q;
  }

  /** The choices of record types and actions: those of the chosen module, or of every module. */
  function fillChoices() {
    const chosen = inputs.module.value;
    const modules = [...names.modules.values()].filter((m) => !chosen || m.module === chosen);
    for (const [name, key] of [['recordType', 'recordTypes'], ['action', 'actions']]) {
      const kept = inputs[name].value;
      const options = new Map();
      for (const m of modules) {
        for (const [c, label] of Object.entries(m[key] || {})) if (!options.has(c)) options.set(c, named(label));
      }
      fill(inputs[name], el('option', { value: '' }, t('全部', 'All')),
        [...options].sort((a, b) => a[1].localeCompare(b[1])).map(([c, label]) => el('option', { value: c }, label)));
      setChoice(inputs[name], kept);
    }
  }

  /** Chooses `value`; a code no module names is offered as the code itself. */
  function setChoice(select, value) {
    if (value && ![...select.options].some((o) => o.value === value)) {
      select.append(el('option', { value, class: 'ui-verbatim' }, value));
    }
    select.value = value || '';
  }

  async function loadNames() {
    try {
      const answer = await context.api(`${API}/labels`);
      for (const m of (answer && answer.modules) || []) names.modules.set(m.module, m);
    } catch (e) {
      k.checkSession(e);   // without names the codes are shown as codes
    }
    if (!alive) return;
    fill(inputs.module, el('option', { value: '' }, t('全部', 'All')),
      [...names.modules.values()].map((m) => el('option', { value: m.module }, named(m.name))));
    fillChoices();
  }

  function follow(values) {
    setChoice(inputs.module, values.module);
    fillChoices();
    FILTERS.forEach((n) => {
      if (inputs[n].tagName === 'SELECT') setChoice(inputs[n], values[n]);
      else inputs[n].value = values[n] || '';
    });
    page = 0;
    load();
  }

  function changes(entry) {
    const before = entry.before || {};
    const after = entry.after || {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    if (!keys.length) return el('span', { class: 'muted' }, '–');
    const show = (v) => (v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v));
    return el('ul', { class: 'ui-audit-changes' }, keys.map((key) => el('li', { dataset: { field: key } },
      fieldName(entry.module, key) || code(key), t('：', ': '), el('s', { class: 'muted ui-verbatim' }, show(before[key])), ' → ',
      el('span', { class: 'ui-verbatim' }, show(after[key])))));
  }

  function render(answer) {
    const items = answer.items || [];
    fill(body, k.table([
      // people's and organisations' names, record ids and stored values are shown as written (ui-verbatim)
      { key: 'time', label: t('时间', 'Time'), value: (e) => fmtDateTime(e.occurredAt) },
      { key: 'user', label: t('操作人', 'User'), value: (e) => el('a', { href: '#', class: 'audit-user ui-verbatim', title: e.username, dataset: { username: e.username }, onclick: (ev) => { ev.preventDefault(); follow({ user: e.username }); } }, e.userName || e.username) },
      { key: 'record', label: t('记录', 'Record'), value: (e) => el('a', { href: '#', class: 'audit-record',
        onclick: (ev) => { ev.preventDefault(); follow({ module: e.module, recordType: e.recordType, recordId: e.recordId }); } },
      [moduleName(e.module) || code(e.module), ' · ', recordTypeName(e.module, e.recordType) || code(e.recordType), ' ',
        el('span', { class: 'ui-verbatim' }, `#${e.recordId}`)]) },
      { key: 'action', label: t('操作', 'Action'), value: (e) => actionName(e.module, e.action) || code(e.action) },
      { key: 'org', label: t('所属组织', 'Organisation'), value: (e) => el('span', { class: 'ui-verbatim' }, e.orgName || e.orgPath) },
      { key: 'changes', label: t('变更内容', 'What changed'), value: changes },
    ], items, { id: 'audit-table', empty: t('没有符合条件的日志', 'No entries match'), rowAttrs: (e) => ({ dataset: { id: String(e.id) } }) }));
    const total = Number(answer.total || 0);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    fill(pager,
      el('button', { type: 'button', class: 'button', id: 'audit-prev', disabled: page === 0, onclick: () => { page--; load(); } }, t('上一页', 'Previous')),
      el('span', { class: 'muted', id: 'audit-count' }, t(`共 ${total} 条，第 ${page + 1} / ${pages} 页`, `${total} entries, page ${page + 1} of ${pages}`)),
      el('button', { type: 'button', class: 'button', id: 'audit-next', disabled: page + 1 >= pages, onclick: () => { page++; load(); } }, t('下一页', 'Next')));
  }

  async function load() {
    const mine = ++seq;
    fill(problemSlot);
    fill(body, el('p', { class: 'loading' }, t('加载中…', 'Loading…')));
    const q = query();
    q.set('page', String(page + 1));   // the API counts pages from 1
    q.set('size', String(PAGE_SIZE));
    try {
      const answer = await context.api(`${API}?${q}`);
      if (alive && mine === seq) render(answer || {});
    } catch (e) {
      if (!alive || mine !== seq) return;
      k.checkSession(e);
      fill(body);
      fill(problemSlot, k.problem(e, { form, labels }));
    }
  }

  async function exportAs(format) {
    const q = query();
    q.set('format', format);
    q.set('lang', context.lang === 'en' ? 'en' : 'zh');
    fill(problemSlot);
    try {
      await downloadWithToken(`${API}/export?${q}`, `audit.${format}`,
        { accept: 'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json' });
    } catch (e) {
      k.checkSession(e);
      if (alive) fill(problemSlot, k.problem(e, { form, labels }));
    }
  }

  inputs.module.addEventListener('change', fillChoices);
  loadNames().then(() => { if (alive) load(); });
  return () => { alive = false; };
}
