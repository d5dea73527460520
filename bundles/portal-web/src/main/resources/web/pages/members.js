// 会员库 / Members: the member register of the caller's part of the union tree. Operators keep their union's
// members (form, import), district and city staff see their subtree and move members between unions.
// ID numbers and phone numbers are masked in the list; the detail shows them to the staff who keep them.

import { el, fill, field, verbatim, confirmDialog, baseKit, fmtDate, fmtDateTime, downloadWithToken, csvBlob, xlsxBlob, downloadBlob } from '/js/page-kit.js';

const BASE = '/api/portal/members';
const MAX_IMPORT_BYTES = 16 * 1024 * 1024;   // the server's limit
const IMPORT_HEADERS = ['姓名', '身份证号', '手机号', '类别', '职业', '入会日期'];

export function mount(root, context) {
  const k = baseKit(context, { statuses: { ACTIVE: ['在册', 'Member', 'ok'], LEFT: ['已退会', 'Left', 'muted'] } });
  const { t } = k;
  let alive = true;
  let options = { categories: [], occupations: [], statuses: [], unions: [], canTransfer: false, ownOrgId: null };
  let query = { q: '', orgId: '', category: '', status: '', page: 1 };
  let importFile = null;   // the checked file, sent again to confirm

  const label = (list, code) => {
    const found = list.find((x) => x.code === code);
    return found ? t(found.zh, found.en) : code;
  };
  const unionName = (id) => (options.unions.find((u) => u.id === id) || {}).name || '';

  const listSlot = el('div', { id: 'members-list' });
  const pagerSlot = el('div', { class: 'ui-toolbar', id: 'members-pager' });
  const detailSlot = el('section', { class: 'ui-section', id: 'member-detail', 'aria-live': 'polite' });
  const importSlot = el('section', { class: 'card ui-section', id: 'members-import', hidden: true });
  const problemSlot = el('div', { id: 'members-problem' });

  const search = el('input', { type: 'search', id: 'members-q', name: 'q', placeholder: t('姓名、身份证号或手机号', 'Name, ID or phone number') });
  const unionSelect = el('select', { id: 'members-org', name: 'orgId' });
  const categorySelect = el('select', { id: 'members-category', name: 'category' });
  const statusSelect = el('select', { id: 'members-status', name: 'status' });

  fill(root, el('div', { class: 'ui-page', 'data-testid': 'members' },
    el('header', {},
      el('h1', {}, t('会员库', 'Members')),
      el('p', { class: 'muted' }, t('本单位及下级工会的会员实名登记。会员以身份证号为准，只属于一个基层工会；跨工会调动请由区或市总工会办理“会员转移”。',
        'The member register of your unions. A member is identified by the ID number and belongs to one grassroots union; '
          + 'district or city staff move members between unions.'))),
    el('form', {
      class: 'card ui-toolbar', id: 'members-search', role: 'search',
      onsubmit: (e) => { e.preventDefault(); query = { ...query, q: search.value.trim(), orgId: unionSelect.value, category: categorySelect.value, status: statusSelect.value, page: 1 }; load(); },
    },
    field(t('查找', 'Find'), search), field(t('工会', 'Union'), unionSelect), field(t('类别', 'Category'), categorySelect),
    field(t('状态', 'Status'), statusSelect),
    el('div', { class: 'ui-form-actions' },
      el('button', { type: 'submit', class: 'button primary', id: 'members-search-go' }, t('查询', 'Search')),
      el('button', { type: 'button', class: 'button', id: 'member-new', onclick: () => showForm(null) }, t('新增会员', 'Add member')),
      el('button', { type: 'button', class: 'button', id: 'members-import-open', onclick: () => { importSlot.hidden = !importSlot.hidden; renderImport(); } },
        t('批量导入', 'Import')),
      el('button', { type: 'button', class: 'button', id: 'members-export-csv', onclick: () => exportAs('csv') }, t('导出 CSV', 'Export CSV')),
      el('button', { type: 'button', class: 'button', id: 'members-export-xlsx', onclick: () => exportAs('xlsx') }, t('导出 Excel', 'Export XLSX')))),
    problemSlot, importSlot,
    el('section', { class: 'card ui-section', 'aria-labelledby': 'members-list-title' },
      el('h2', { id: 'members-list-title' }, t('会员名单', 'Members')), listSlot, pagerSlot),
    detailSlot));

  const params = (extra = {}) => {
    const p = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...query, ...extra })) if (value !== '' && value != null) p.set(key, value);
    return p.toString();
  };

  async function exportAs(format) {
    fill(problemSlot);
    try {
      await downloadWithToken(`${BASE}/export?${params({ format, page: '' })}`, `members.${format}`,
        { accept: format === 'csv' ? 'text/csv, application/problem+json' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json' });
    } catch (e) {
      k.checkSession(e);
      fill(problemSlot, k.problem(e, { id: 'members-export-error' }));
    }
  }

  // ---------------------------------------------------------------- list

  async function load() {
    fill(listSlot, el('p', { class: 'loading muted' }, t('正在加载…', 'Loading…')));
    try {
      const answer = await context.api(`${BASE}?${params({ size: 20 })}`);
      if (!alive) return;
      renderList(answer);
    } catch (e) {
      if (alive) fill(listSlot, k.problem(e, { id: 'members-load-error' }));
    }
  }

  function renderList(answer) {
    const items = answer.items || [];
    fill(listSlot, k.table([
      { label: t('姓名', 'Name'), key: 'name', value: (m) => el('a', { href: '#', class: 'member-open', dataset: { memberId: m.id }, onclick: (e) => { e.preventDefault(); showDetail(m.id); } }, verbatim(m.name)) },
      { label: t('身份证号', 'ID number'), key: 'idNumber', className: 'nowrap', value: (m) => m.idNumber },
      { label: t('手机号', 'Phone'), key: 'phone', className: 'nowrap', value: (m) => m.phone || '–' },
      { label: t('工会', 'Union'), key: 'org', value: (m) => verbatim(m.orgName || unionName(m.orgId)) },
      { label: t('类别', 'Categories'), key: 'categories', value: (m) => (m.categories || []).map((c) => label(options.categories, c)).join(t('、', ', ')) },
      { label: t('状态', 'Status'), key: 'status', value: (m) => k.badge(m.status) },
      { label: t('入会日期', 'Joined'), key: 'joined', className: 'nowrap', value: (m) => fmtDate(m.joinedOn) },
    ], items, { id: 'members-table', empty: t('没有符合条件的会员。', 'No member matches.'), rowAttrs: (m) => ({ dataset: { memberId: m.id } }) }));
    const pages = Math.max(1, Math.ceil((answer.total || 0) / (answer.size || 20)));
    fill(pagerSlot,
      el('span', { class: 'muted', id: 'members-total' }, t(`共 ${answer.total} 人，第 ${answer.page}/${pages} 页`, `${answer.total} member(s), page ${answer.page} of ${pages}`)),
      el('button', { type: 'button', class: 'button', id: 'members-prev', disabled: answer.page <= 1, onclick: () => { query.page -= 1; load(); } }, t('上一页', 'Previous')),
      el('button', { type: 'button', class: 'button', id: 'members-next', disabled: answer.page >= pages, onclick: () => { query.page += 1; load(); } }, t('下一页', 'Next')));
  }

  // ---------------------------------------------------------------- detail, account, transfer

  async function showDetail(id) {
    fill(detailSlot, el('p', { class: 'loading muted' }, t('正在加载…', 'Loading…')));
    let m;
    try {
      m = await context.api(`${BASE}/${id}`);
    } catch (e) {
      fill(detailSlot, k.problem(e, { id: 'member-detail-error' }));
      return;
    }
    if (!alive) return;
    const accountInput = el('input', { type: 'text', id: 'member-account', name: 'username', value: m.account || '', autocomplete: 'off' });
    const accountForm = el('form', { class: 'ui-form', id: 'member-account-form' },
      field(t('会员登录账号', 'Member’s portal account'), accountInput, { hint: t('留空则解除关联', 'Leave empty to unlink') }),
      el('div', { class: 'ui-form-actions' }, el('button', { type: 'submit', class: 'button', id: 'member-account-save' }, t('保存关联', 'Save link'))));
    const actionProblem = el('div', { id: 'member-action-problem' });
    accountForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      k.clearErrors(accountForm);
      fill(actionProblem);
      try {
        await context.api(`${BASE}/${id}/account`, { method: 'PUT', body: { username: accountInput.value.trim() } });
        showDetail(id);
      } catch (err) {
        fill(actionProblem, k.problem(err, { form: accountForm, id: 'member-account-error' }));
      }
    });

    let transferForm = null;
    if (options.canTransfer) {
      const target = el('select', { id: 'member-transfer-org', name: 'orgId' },
        options.unions.filter((u) => u.kind === 'GRASSROOTS' && u.id !== m.orgId).map((u) => el('option', { value: u.id }, verbatim(u.name))));
      const reason = el('input', { type: 'text', id: 'member-transfer-reason', name: 'reason', maxlength: 500 });
      transferForm = el('form', { class: 'ui-form', id: 'member-transfer-form' },
        field(t('转入工会', 'Move to union'), target), field(t('原因', 'Reason'), reason),
        el('div', { class: 'ui-form-actions' }, el('button', { type: 'submit', class: 'button', id: 'member-transfer-go' }, t('会员转移', 'Transfer'))));
      transferForm.addEventListener('submit', async (e) => {
        e.preventDefault();
        fill(actionProblem);
        const name = target.selectedOptions[0] ? target.selectedOptions[0].textContent : '';
        if (!await confirmDialog(t, { title: t('会员转移', 'Transfer'), message: [t('确定将 ', 'Move '), verbatim(m.name), t(' 转移到“', ' to “'),
          verbatim(name), t('”？', '”?')], confirmLabel: t('转移', 'Transfer') })) return;
        try {
          await context.api(`${BASE}/${id}/transfer`, { method: 'POST', body: { orgId: Number(target.value), reason: reason.value.trim() || null } });
          load();
          showDetail(id);
        } catch (err) {
          fill(actionProblem, k.problem(err, { form: transferForm, id: 'member-transfer-error' }));
        }
      });
    }

    const actions = { CREATE: ['登记', 'Registered'], REGISTER: ['登记', 'Registered'], IMPORT: ['导入', 'Imported'], UPDATE: ['修改', 'Changed'],
      TRANSFER: ['转移', 'Transferred'], LINK: ['关联账号', 'Account linked'], UNLINK: ['解除关联', 'Account unlinked'], ADOPT: ['迁入会员库', 'Taken over'] };
    fill(detailSlot, el('div', { class: 'card', id: 'member-card', dataset: { memberId: m.id } },
      el('h2', {}, verbatim(m.name), ' ', k.badge(m.status)),
      k.facts([
        [t('身份证号', 'ID number'), m.idNumber, 'idNumber'],
        [t('性别', 'Gender'), m.gender === 'M' ? t('男', 'Male') : t('女', 'Female')],
        [t('出生日期', 'Born'), fmtDate(m.birthDate)],
        [t('手机号', 'Phone'), m.phone || '–', 'phone'],
        [t('工会', 'Union'), verbatim(m.orgName || unionName(m.orgId)), 'org'],
        [t('类别', 'Categories'), (m.categories || []).map((c) => label(options.categories, c)).join(t('、', ', '))],
        [t('职业', 'Occupation'), m.occupation ? label(options.occupations, m.occupation) : null],
        [t('入会日期', 'Joined'), fmtDate(m.joinedOn)],
        [t('退会日期', 'Left'), m.leftOn ? fmtDate(m.leftOn) : null],
        [t('登录账号', 'Account'), verbatim(m.account) || t('未关联', 'not linked'), 'account'],
      ]),
      el('div', { class: 'ui-form-actions' },
        el('button', { type: 'button', class: 'button', id: 'member-edit', onclick: () => showForm(m) }, t('修改', 'Edit')),
        k.backToList(() => fill(detailSlot), { id: 'member-detail-close' })),
      actionProblem, accountForm, transferForm,
      el('h3', {}, t('变更记录', 'History')),
      k.table([
        { label: t('时间', 'When'), className: 'nowrap', value: (h) => fmtDateTime(h.at) },
        { label: t('操作人', 'By'), value: (h) => verbatim(h.actor) },
        { label: t('操作', 'What'), value: (h) => k.pick(actions[h.action], h.action) },
        { label: t('说明', 'Detail'), value: (h) => verbatim([h.from && h.to ? `${h.from} → ${h.to}` : null, h.detail].filter(Boolean).join('；')) },
      ], m.history || [], { id: 'member-history' })));
    detailSlot.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  // ---------------------------------------------------------------- form

  function showForm(m) {
    const editing = Boolean(m);
    const input = (name, attrs = {}) => el('input', { type: 'text', id: `member-form-${name}`, name, ...attrs });
    const name = input('name', { value: m?.name || '', maxlength: 50, required: true, autocomplete: 'off' });
    const idNumber = input('idNumber', { value: m?.idNumber || '', maxlength: 18, required: !editing, readonly: editing, inputmode: 'text' });
    const phone = input('phone', { value: m?.phone || '', inputmode: 'tel', maxlength: 20 });
    const joinedOn = input('joinedOn', { type: 'date', value: m?.joinedOn ? fmtDate(m.joinedOn) : '' });
    const occupation = el('select', { id: 'member-form-occupation', name: 'occupation' },
      el('option', { value: '' }, t('（无）', '(none)')),
      options.occupations.map((o) => el('option', { value: o.code, selected: m?.occupation === o.code }, t(o.zh, o.en))));
    const checks = options.categories.map((c) => el('label', {},
      el('input', { type: 'checkbox', name: 'categories', value: c.code, checked: (m?.categories || ['EMPLOYEE']).includes(c.code) }), t(c.zh, c.en)));
    const occupationField = field(t('职业（新就业形态劳动者）', 'Occupation (gig workers)'), occupation);
    const syncOccupation = () => {
      const gig = checks.some((l) => l.firstChild.value === 'GIG_WORKER' && l.firstChild.checked);
      occupationField.hidden = !gig;
      if (!gig) occupation.value = '';
    };
    checks.forEach((l) => l.firstChild.addEventListener('change', syncOccupation));
    const union = editing ? null : el('select', { id: 'member-form-orgId', name: 'orgId' },
      options.unions.map((u) => el('option', { value: u.id, selected: u.id === options.ownOrgId }, verbatim(u.name))));
    const status = editing ? el('select', { id: 'member-form-status', name: 'status' },
      options.statuses.map((s) => el('option', { value: s.code, selected: m.status === s.code }, t(s.zh, s.en)))) : null;
    const formProblem = el('div', { id: 'member-form-problem' });
    const form = el('form', { class: 'ui-form card', id: 'member-form', novalidate: true },
      el('h2', { class: 'ui-wide' }, editing ? [t('修改会员：', 'Edit member: '), verbatim(m.name)] : t('新增会员', 'Add member')),
      field(t('姓名', 'Name'), name), field(t('身份证号', 'ID number'), idNumber, { hint: editing ? t('身份证号不能修改', 'The ID number cannot be changed') : t('18 位，出生日期和性别按此计算', '18 characters; birth date and gender are read from it') }),
      field(t('手机号', 'Mobile phone'), phone), field(t('入会日期', 'Joined on'), joinedOn),
      union ? field(t('所属工会', 'Union'), union) : null,
      status ? field(t('会籍状态', 'Status'), status) : null,
      el('fieldset', { 'data-field': 'categories' }, el('legend', {}, t('类别（可多选）', 'Categories (one or more)')),
        el('div', { class: 'ui-checks' }, checks), el('small', { class: 'ui-field-error', 'data-error-for': 'categories' })),
      occupationField,
      formProblem,
      el('div', { class: 'ui-form-actions' },
        el('button', { type: 'submit', class: 'button primary', id: 'member-form-save' }, t('保存', 'Save')),
        el('button', { type: 'button', class: 'button', onclick: () => (editing ? showDetail(m.id) : fill(detailSlot)) }, t('取消', 'Cancel'))));
    syncOccupation();
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      k.clearErrors(form);
      fill(formProblem);
      const body = {
        name: name.value.trim(), idNumber: editing ? null : idNumber.value.trim(), phone: phone.value.trim() || null,
        categories: checks.filter((l) => l.firstChild.checked).map((l) => l.firstChild.value),
        occupation: occupation.value || null, joinedOn: joinedOn.value || null,
        orgId: union ? Number(union.value) : null, status: status ? status.value : null, leftOn: null,
      };
      try {
        const saved = await context.api(editing ? `${BASE}/${m.id}` : BASE, { method: editing ? 'PUT' : 'POST', body });
        load();
        showDetail(saved.id);
      } catch (err) {
        fill(formProblem, k.problem(err, { form, id: 'member-form-error', labels: { name: t('姓名', 'Name'), idNumber: t('身份证号', 'ID number') } }));
      }
    });
    fill(detailSlot, form);
    name.focus();
  }

  // ---------------------------------------------------------------- import

  function renderImport() {
    if (importSlot.hidden) return;
    const file = el('input', { type: 'file', id: 'members-import-file', name: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const union = el('select', { id: 'members-import-org', name: 'orgId' },
      options.unions.map((u) => el('option', { value: u.id, selected: u.id === options.ownOrgId }, verbatim(u.name))));
    const check = el('button', { type: 'button', class: 'button primary', id: 'members-import-check', disabled: true }, t('检查文件', 'Check file'));
    const result = el('div', { id: 'members-import-result', 'aria-live': 'polite' });
    file.addEventListener('change', () => { check.disabled = !file.files.length; fill(result); });
    const send = async (confirm) => {
      const f = confirm ? importFile : file.files[0];
      if (!f) return;
      if (f.size > MAX_IMPORT_BYTES) {
        fill(result, el('p', { class: 'notice error', role: 'alert' }, t('文件超过 16 MB，请分批导入。', 'The file is larger than 16 MB; import it in parts.')));
        return;
      }
      fill(result, el('p', { class: 'loading muted' }, confirm ? t('正在写入…', 'Writing…') : t('正在检查…', 'Checking…')));
      try {
        const answer = await context.api(`${BASE}/imports?fileName=${encodeURIComponent(f.name)}&orgId=${union.value}${confirm ? '&confirm=true' : ''}`,
          { method: 'POST', body: f, headers: { 'Content-Type': 'application/octet-stream' } });
        if (!alive) return;
        importFile = f;
        showImport(answer, result, () => send(true));
        if (answer.written) load();
      } catch (err) {
        fill(result, k.problem(err, { id: 'members-import-error' }));
      }
    };
    check.addEventListener('click', () => send(false));
    fill(importSlot,
      el('h2', {}, t('批量导入会员', 'Import members')),
      el('p', { class: 'muted' }, t('CSV 或 XLSX，第一行为表头：姓名、身份证号（必填），手机号、类别（多个用顿号分隔）、职业、入会日期（可选）。'
        + '先检查，逐行列出问题；没有问题时再确认，全部写入或全部不写入。其他工会的会员不会被修改。',
      'CSV or XLSX with a header row: Name, ID number (required), Phone, Categories (separated by 、), Occupation, Joined on. '
        + 'Check first: every row’s problems are listed; confirm when there are none, and all rows are written at once. Members of other unions are never changed.')),
      el('div', { class: 'ui-toolbar' },
        el('button', { type: 'button', class: 'button', id: 'members-template-csv', onclick: () => downloadBlob(csvBlob(IMPORT_HEADERS, []), '会员导入模板.csv') }, t('CSV 模板', 'CSV template')),
        el('button', { type: 'button', class: 'button', id: 'members-template-xlsx', onclick: () => downloadBlob(xlsxBlob(IMPORT_HEADERS, [], { widths: [12, 22, 15, 24, 14, 12] }), '会员导入模板.xlsx') }, t('XLSX 模板', 'XLSX template'))),
      el('div', { class: 'ui-form' }, field(t('导入到工会', 'Into union'), union), field(t('文件', 'File'), file)),
      el('div', { class: 'ui-form-actions' }, check),
      result);
  }

  function showImport(answer, slot, confirm) {
    const problems = answer.problems || [];
    if (answer.written) {
      fill(slot, el('p', { class: 'notice ok', role: 'status', id: 'members-import-done' },
        t(`已导入 ${answer.rows} 行：新增 ${answer.added} 人，更新 ${answer.updated} 人。`, `Imported ${answer.rows} row(s): ${answer.added} added, ${answer.updated} updated.`)));
      return;
    }
    fill(slot,
      answer.canConfirm
        ? el('p', { class: 'notice ok', role: 'status', id: 'members-import-ok' }, t(`共 ${answer.rows} 行，检查无误。`, `${answer.rows} row(s), no problem found.`))
        : el('p', { class: 'notice warn', role: 'status', id: 'members-import-has-problems' },
          t(`共 ${answer.rows} 行，发现 ${answer.problemCount} 处问题，请修改文件后重新检查。`, `${answer.rows} row(s), ${answer.problemCount} problem(s): fix the file and check again.`)),
      problems.length ? k.table([
        { label: t('行号', 'Line'), key: 'line', className: 'num', value: (p) => p.line },
        { label: t('姓名', 'Name'), key: 'name', value: (p) => verbatim(p.name) || '–' },
        { label: t('栏目', 'Column'), key: 'field', value: (p) => p.field },
        { label: t('问题', 'Problem'), key: 'message', value: (p) => p.message },
      ], problems, { id: 'members-import-problems', rowAttrs: (p) => ({ dataset: { line: p.line, code: p.code } }) }) : null,
      problems.length ? k.csvButton(t('下载问题清单', 'Download problems'), '会员导入问题清单.csv',
        () => ({ headers: [t('行号', 'Line'), t('姓名', 'Name'), t('栏目', 'Column'), t('问题', 'Problem')], rows: problems.map((p) => [p.line, p.name || '', p.field, p.message]) }),
        { id: 'members-import-problems-csv' }) : null,
      answer.canConfirm ? el('div', { class: 'ui-form-actions' },
        el('button', { type: 'button', class: 'button primary', id: 'members-import-confirm', onclick: confirm }, t('确认导入', 'Confirm import'))) : null);
  }

  // ---------------------------------------------------------------- start

  (async () => {
    try {
      options = await context.api(`${BASE}/options`);
    } catch (e) {
      if (alive) fill(problemSlot, k.problem(e, { id: 'members-options-error' }));
      return;
    }
    if (!alive) return;
    fill(unionSelect, el('option', { value: '' }, t('全部', 'All')), options.unions.map((u) => el('option', { value: u.id }, '　'.repeat(Math.max(0, u.depth)), verbatim(u.name))));
    fill(categorySelect, el('option', { value: '' }, t('全部', 'All')), options.categories.map((c) => el('option', { value: c.code }, t(c.zh, c.en))));
    fill(statusSelect, el('option', { value: '' }, t('全部', 'All')), options.statuses.map((s) => el('option', { value: s.code }, t(s.zh, s.en))));
    load();
  })();

  return () => { alive = false; };
}
