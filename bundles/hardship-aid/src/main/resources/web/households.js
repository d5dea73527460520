// 困难职工建档 / Hardship households (union operators, district and platform administrators): the list with
// filters, the application form (members and their schooling), the detail with documents and payments,
// and the review: approve, return, reject, yearly re-check, leaving the file.

// lib.js is loaded with this page's own query (the shell adds ?v=<n> after a module update),
// so that new page code never runs with an old copy of the helpers.
const {
  el, fill, kit, field, ensureStyles, parseYuan, fenToYuanText, today, downloadWithToken, isMasked, schoolYearOf,
  API, LEVELS, FILE_LEVELS, HOUSEHOLD_STATUSES, CAUSES, RELATIONS, STAGES, CHANNELS, printOnly, routeQuery,
} = await import(`./lib.js${new URL(import.meta.url).search}`);

const BASE = `${API}/households`;
const PAGE_SIZE = 20;
const EDITABLE = ['APPLIED', 'RETURNED'];
const ROUTE = /^#\/?hardship-aid\/households(?:\/(\d+))?\/?(?:\?.*)?$/;

/** yyyy-MM-dd plus `days` days. */
function addDays(day, days) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function mount(root, context) {
  ensureStyles();
  const k = kit(context);
  const { t } = k;
  let alive = true;
  const state = { status: '', level: '', q: '', due: false, page: 1, total: 0, items: [], selected: null };
  let organisations = [];
  let orgsLoaded = null;
  let listSeq = 0;

  // ---------------------------------------------------------------- frame

  const notice = el('div', { id: 'ha-households-notice' });
  const select = (id, name, options, value = '') => {
    const s = el('select', { id, name }, options.map(([v, label]) => el('option', { value: v }, label)));
    s.value = value;
    return s;
  };
  const statusFilter = select('ha-filter-status', 'status', [['', t('全部状态', 'All statuses')],
    ...Object.keys(HOUSEHOLD_STATUSES).map((s) => [s, k.statusLabel(s)])]);
  const levelFilter = select('ha-filter-level', 'level', [['', t('全部等级', 'All levels')],
    ...Object.keys(LEVELS).map((l) => [l, k.levelLabel(l)])]);
  const query = el('input', { type: 'search', id: 'ha-filter-q', name: 'q', autocomplete: 'off', maxlength: 60,
    placeholder: t('户主姓名或优惠证号', 'Head’s name or certificate no.') });
  const dueBox = el('input', { type: 'checkbox', id: 'ha-filter-due', name: 'due' });
  const filters = el('form', { class: 'ui-toolbar', id: 'ha-filters', role: 'search', onsubmit: (e) => { e.preventDefault(); applyFilters(); } },
    el('label', { for: 'ha-filter-status' }, t('状态', 'Status')), statusFilter,
    el('label', { for: 'ha-filter-level' }, t('等级', 'Level')), levelFilter,
    el('label', { for: 'ha-filter-q', class: 'ha-sr' }, t('查找', 'Search')), query,
    el('label', { class: 'ha-check' }, dueBox, t('30 天内到期复查', 'Re-check due in 30 days')),
    el('button', { type: 'submit', class: 'button', id: 'ha-search' }, t('查询', 'Search')));
  statusFilter.addEventListener('change', applyFilters);
  levelFilter.addEventListener('change', applyFilters);
  dueBox.addEventListener('change', applyFilters);

  const exportButton = (format) => el('button', {
    type: 'button', class: 'button', id: `ha-export-${format}`,
    onclick: async (event) => {
      const button = event.currentTarget;
      const q = new URLSearchParams({ format });
      if (state.status) q.set('status', state.status);
      if (state.level) q.set('level', state.level);
      button.disabled = true;
      try {
        await downloadWithToken(`${BASE}/export?${q}`, `困难职工档案.${format}`);
      } catch (e) {
        if (alive) fill(notice, k.fail(e, 'ha-export-problem'));
      } finally {
        button.disabled = false;
      }
    },
  }, format === 'csv' ? t('导出 CSV', 'Export CSV') : t('导出 Excel', 'Export XLSX'));

  const formSlot = el('section', { class: 'ui-section', id: 'ha-form-section' });
  const listSlot = el('div', { id: 'ha-list-slot', class: 'ha-fit' });
  const pager = el('div', { class: 'ui-toolbar', id: 'ha-pager' });
  const detailSlot = el('div', { id: 'ha-detail-slot' });
  const split = el('div', { class: 'ui-split' },
    el('section', { class: 'ui-section', 'aria-labelledby': 'ha-list-title' },
      el('div', { class: 'ui-toolbar' },
        el('h2', { id: 'ha-list-title' }, t('困难职工档案', 'Households')),
        el('span', { class: 'spacer' }),
        k.isAdmin ? [exportButton('csv'), exportButton('xlsx')] : null,
        el('button', { type: 'button', class: 'button', id: 'ha-refresh', onclick: () => loadList() }, t('刷新', 'Refresh'))),
      filters, listSlot, pager),
    detailSlot);

  fill(root, el('div', { class: 'ui-page', 'data-testid': 'ha-households' },
    el('header', { class: 'ui-toolbar' },
      el('div', {},
        el('h1', {}, t('困难职工建档', 'Hardship households')),
        el('p', { class: 'muted' }, t('基层工会为困难职工家庭提交建档申请，区、市工会审核建档并每年复查。身份证号、收入和病情只对审核人员完整显示。',
          'Unions file applications for workers’ households in hardship; district and city unions review them and re-check them every year. ID numbers, incomes and illnesses are shown in full to reviewers only.'))),
      el('span', { class: 'spacer' }),
      el('button', { type: 'button', class: 'button primary', id: 'ha-new', onclick: () => showForm(null) },
        t('新建档申请', 'New application'))),
    notice, formSlot, split));

  const say = (text, kind = '') => fill(notice, el('p', { class: `notice ${kind}`, role: 'status', id: 'ha-households-message' }, text));

  // ---------------------------------------------------------------- the address (deep link to a household)

  const setRoute = (id) => {
    if (!ROUTE.test(location.hash)) return;   // shown under another route: leave the address alone
    history.replaceState(null, '', `${location.pathname}${location.search}#/hardship-aid/households${id ? `/${id}` : ''}`);
  };

  // ---------------------------------------------------------------- list

  function applyFilters() {
    state.status = statusFilter.value;
    state.level = levelFilter.value;
    state.q = query.value.trim();
    state.due = dueBox.checked;
    state.page = 1;
    loadList();
  }

  async function loadList() {
    const q = new URLSearchParams({ page: String(state.page), size: String(PAGE_SIZE) });
    if (state.status) q.set('status', state.status);
    if (state.level) q.set('level', state.level);
    if (state.q) q.set('q', state.q);
    if (state.due) q.set('due', 'true');
    const mine = ++listSeq;
    try {
      const answer = await context.api(`${BASE}?${q}`);
      if (!alive || mine !== listSeq) return;   // a newer search answers for the list
      state.total = Number((answer && answer.total) || 0);
      state.items = answer && Array.isArray(answer.items) ? answer.items : [];
      const pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
      if (state.page > pages && state.total > 0) {
        state.page = pages;
        loadList();
        return;
      }
      renderList(pages);
    } catch (e) {
      if (alive && mine === listSeq) fill(listSlot, k.fail(e, 'ha-list-problem'));
    }
  }

  function reviewDue(h) {
    return h.status === 'ON_FILE' && h.nextReviewDate && k.date(h.nextReviewDate) <= addDays(today(), 30);
  }

  function renderList(pages) {
    const filtered = state.status || state.level || state.q || state.due;
    // what the list shows (tests and scripts can wait for a search to be answered)
    Object.assign(listSlot.dataset, { filterStatus: state.status, filterLevel: state.level, filterQ: state.q,
      filterDue: String(state.due), page: String(state.page) });
    fill(listSlot, k.table([
      { label: t('户主', 'Head'), key: 'head', value: (h) => [
        el('a', { href: `#/hardship-aid/households/${h.id}`, class: 'ha-household-open ha-strong', dataset: { householdId: h.id },
          onclick: (event) => { event.preventDefault(); openHousehold(h.id); } }, k.verbatim(h.headName) || t(`档案 #${h.id}`, `Household #${h.id}`)),
        el('br'), el('small', { class: 'muted nowrap' }, h.headIdNumber || ''), el('br'), el('small', { class: 'muted ui-verbatim' }, h.orgName || '')] },
      { label: t('等级 / 状态', 'Level / status'), key: 'status', value: (h) => el('div', { class: 'ha-badges' },
        h.level ? k.levelBadge(h.level) : el('small', { class: 'muted nowrap' }, t(`申请${k.levelLabel(h.requestedLevel)}`, `asks ${k.levelLabel(h.requestedLevel)}`)),
        k.badge(h.status),
        reviewDue(h) ? el('span', { class: 'badge ui-warn', dataset: { due: 'true' } }, t('待复查', 're-check due')) : null) },
      { label: t('优惠证号', 'Certificate'), key: 'certificate', className: 'nowrap', value: (h) => k.verbatim(h.certificateNo) || '–' },
      { label: t('人口', 'Members'), key: 'members', className: 'num', value: (h) => String(h.memberCount ?? '') },
      { label: t('下次复查', 'Next re-check'), key: 'review', className: 'nowrap', value: (h) => k.date(h.nextReviewDate) },
    ], state.items, {
      id: 'ha-household-list',
      empty: filtered ? t('没有符合条件的档案。', 'No households match.') : t('还没有困难职工档案，请点击“新建档申请”。', 'No households yet. Use “New application”.'),
      rowAttrs: (h) => ({ class: h.id === state.selected ? 'ui-selected' : null,
        dataset: { householdId: h.id, status: h.status, level: h.level || '' } }),
    }));
    fill(pager, state.total <= PAGE_SIZE ? null : [
      el('button', { type: 'button', class: 'button', id: 'ha-prev', disabled: state.page <= 1, onclick: () => { state.page--; loadList(); } }, t('上一页', 'Previous')),
      el('span', { id: 'ha-page', class: 'muted', dataset: { page: state.page, pages, total: state.total } },
        t(`第 ${state.page} / ${pages} 页，共 ${state.total} 户`, `Page ${state.page} of ${pages}, ${state.total} household(s)`)),
      el('button', { type: 'button', class: 'button', id: 'ha-next', disabled: state.page >= pages, onclick: () => { state.page++; loadList(); } }, t('下一页', 'Next'))]);
    if (state.total <= PAGE_SIZE) {
      pager.append(el('span', { id: 'ha-page', class: 'muted', dataset: { page: 1, pages: 1, total: state.total } },
        t(`共 ${state.total} 户`, `${state.total} household(s)`)));
    }
  }

  // ---------------------------------------------------------------- detail

  async function openHousehold(id, { problemNode = null } = {}) {
    state.selected = id;
    listSlot.querySelectorAll('tr[data-household-id]').forEach((tr) => tr.classList.toggle('ui-selected', tr.dataset.householdId === String(id)));
    split.classList.add('open');
    setRoute(id);
    fill(detailSlot, el('p', { class: 'loading' }, t('加载中…', 'Loading…')));
    try {
      const household = await context.api(`${BASE}/${encodeURIComponent(id)}`);
      k.rememberPeople(household.people);
      if (alive && state.selected === id) renderDetail(household, problemNode);
    } catch (e) {
      if (alive && state.selected === id) fill(detailSlot, k.fail(e, 'ha-detail-problem'));
    }
  }

  function closeDetail() {
    state.selected = null;
    split.classList.remove('open');
    fill(detailSlot);
    setRoute(null);
    listSlot.querySelectorAll('tr.ui-selected').forEach((tr) => tr.classList.remove('ui-selected'));
  }

  const money = (fen) => (fen == null ? null : k.money(fen));
  const shown = (value) => (value == null || value === '' ? null : String(value));

  function renderDetail(h, problemNode = null) {
    const members = Array.isArray(h.members) ? h.members : [];
    const schooling = members.flatMap((m) => (Array.isArray(m.schooling) ? m.schooling : (m.schooling ? [m.schooling] : []))
      .map((s) => ({ ...s, memberName: m.name, memberId: m.id })));
    const history = Array.isArray(h.history) ? h.history : [];
    const lastReturn = [...history].reverse().find((x) => x.action === 'RETURN' || x.action === 'REJECT');
    const canEdit = EDITABLE.includes(h.status) || (k.isAdmin && h.status === 'ON_FILE');

    fill(detailSlot, el('article', { class: 'card ui-detail', id: 'ha-household-detail',
      dataset: { householdId: h.id, status: h.status, level: h.level || '', fullAccess: String(Boolean(h.fullAccess)) } },
    el('div', { class: 'ui-toolbar' },
      el('h2', {}, k.verbatim(h.headName) || t(`档案 #${h.id}`, `Household #${h.id}`)),
      k.badge(h.status, { id: 'ha-detail-status' }),
      h.level ? k.levelBadge(h.level, { id: 'ha-detail-level' }) : null,
      el('span', { class: 'spacer' }),
      canEdit ? el('button', { type: 'button', class: 'button', id: 'ha-edit', onclick: () => showForm(h) },
        h.status === 'RETURNED' ? t('修改并重新提交', 'Edit and resubmit') : t('修改', 'Edit')) : null,
      el('button', { type: 'button', class: 'button ha-no-print', id: 'ha-print', onclick: (ev) => printOnly(ev.currentTarget.closest('article')) },
        t('打印申请表', 'Print the application')),
      k.backToList(closeDetail, { id: 'ha-detail-close' })),
    el('p', { class: 'ha-print-only ha-print-title' }, t('困难职工家庭建档申请表', 'Hardship household application form')),
    problemNode,
    h.status === 'RETURNED' && lastReturn ? el('div', { class: 'notice warn ha-returned', id: 'ha-returned-note', role: 'status' },
      el('div', {}, el('strong', {}, t('申请已退回：', 'Returned: ')), el('span', { class: 'ha-reason ui-verbatim' }, lastReturn.note || ''),
        el('p', {}, t('请按意见修改后重新提交。', 'Please change the application as asked and submit it again.')))) : null,
    h.fullAccess === false ? el('p', { class: 'muted', id: 'ha-masked-note' },
      t('身份证号、收入、健康状况和困难情况说明只对区、市工会审核人员完整显示。', 'ID numbers, incomes, health and the hardship note are shown in full to district and city reviewers only.')) : null,
    k.facts([
      [t('档案编号', 'Household no.'), `#${h.id}`, 'id'],
      [t('所属工会', 'Union'), k.verbatim(h.orgName), 'org'],
      [t('困难等级', 'Level'), h.level ? k.levelLabel(h.level) : null, 'level'],
      [t('申请等级', 'Level asked for'), k.levelLabel(h.requestedLevel), 'requestedLevel'],
      [t('建档层级', 'Filed at'), h.fileLevel ? k.fileLevelLabel(h.fileLevel) : null, 'fileLevel'],
      [t('优惠证号', 'Certificate no.'), h.certificateNo ? el('strong', { id: 'ha-certificate-no', class: 'ui-verbatim' }, h.certificateNo) : null, 'certificateNo'],
      [t('提交时间', 'Filed'), k.when(h.filedAt), 'filedAt'],
      [t('下次复查', 'Next re-check'), h.nextReviewDate ? k.date(h.nextReviewDate) : null, 'nextReviewDate'],
      [t('出档日期', 'Left on'), h.leftOn ? k.date(h.leftOn) : null, 'leftOn'],
      [t('致困原因', 'Causes'), (h.causes || []).map(k.causeLabel).join(t('、', ', ')), 'causes'],
      [t('困难情况', 'Hardship'), k.verbatim(h.hardshipNote), 'hardshipNote'],
      [t('家庭月收入', 'Household income a month'), money(h.monthlyIncomeFen), 'monthlyIncome'],
      [t('人均月收入', 'Per head a month'), money(h.perCapitaIncomeFen), 'perCapitaIncome'],
      [t('住址', 'Address'), k.verbatim(h.address), 'address'],
      [t('联系电话', 'Phone'), shown(h.phone), 'phone'],
      [t('发放渠道', 'Channel'), k.channelLabel(h.channel), 'channel'],
      [t('开户银行', 'Bank'), k.verbatim(h.bankName), 'bankName'],
      [t('银行账号', 'Account'), shown(h.bankAccount), 'bankAccount'],
      [t('爱心卡号', 'Love card'), k.verbatim(h.loveCardNo), 'loveCardNo'],
    ], { id: 'ha-facts' }),
    el('h3', {}, t('家庭成员', 'Members')),
    k.table([
      { label: t('姓名', 'Name'), key: 'name', value: (m) => k.verbatim(m.name) },
      { label: t('关系', 'Relation'), key: 'relation', className: 'nowrap', value: (m) => k.relationLabel(m.relation) },
      { label: t('身份证号', 'ID number'), key: 'idNumber', className: 'nowrap', value: (m) => m.idNumber || '' },
      { label: t('月收入', 'Income a month'), key: 'income', className: 'num', value: (m) => (m.monthlyIncomeFen == null ? '–' : k.money(m.monthlyIncomeFen)) },
      { label: t('健康状况', 'Health'), key: 'health', value: (m) => k.verbatim(m.health) || '–' },
      { label: t('工作/学习', 'Work'), key: 'work', value: (m) => k.verbatim(m.work) || '–' },
    ], members, { id: 'ha-members', rowAttrs: (m) => ({ dataset: { memberId: m.id, relation: m.relation } }) }),
    schooling.length ? [
      el('h3', {}, t('子女就学', 'Schooling')),
      k.table([
        { label: t('子女', 'Child'), key: 'child', value: (s) => k.verbatim(s.memberName) },
        { label: t('学年', 'School year'), key: 'year', className: 'nowrap', value: (s) => `${s.schoolYear}/${String(Number(s.schoolYear) + 1).slice(2)}` },
        { label: t('学段', 'Stage'), key: 'stage', value: (s) => k.stageLabel(s.stage) },
        { label: t('学校', 'School'), key: 'school', value: (s) => k.verbatim(s.school) || '–' },
        { label: t('新生', 'New entrant'), key: 'newEntrant', value: (s) => k.yesNo(s.newEntrant) },
        { label: t('异地就学', 'Away'), key: 'studyAway', value: (s) => k.yesNo(s.studyAway) },
        { label: t('车票', 'Ticket'), key: 'ticket', className: 'num', value: (s) => (s.ticketFen == null ? '–' : k.money(s.ticketFen)) },
        { label: t('二等座票价', 'Fare cap'), key: 'fareCap', className: 'num', value: (s) => (s.fareCapFen == null ? '–' : k.money(s.fareCapFen)) },
      ], schooling, { id: 'ha-schooling', rowAttrs: (s) => ({ dataset: { memberId: s.memberId, schoolYear: s.schoolYear, stage: s.stage } }) })] : null,
    el('h3', {}, t('证明材料', 'Supporting documents')),
    k.documents(h.id, h.documents, { canUpload: true, onUploaded: () => refreshHistory(h.id) }),
    el('h3', {}, t('帮扶发放记录', 'Payments')),
    k.table([
      { label: t('批次', 'Batch'), key: 'batch', className: 'nowrap', value: (p) => `#${p.batchId}` },
      { label: t('项目', 'Item'), key: 'item', value: (p) => k.itemLabel(p.item) },
      { label: t('期间', 'Period'), key: 'period', className: 'nowrap', value: (p) => p.period || '' },
      { label: t('金额', 'Amount'), key: 'amount', className: 'num', value: (p) => k.money(p.amountFen) },
      { label: t('渠道', 'Channel'), key: 'channel', className: 'nowrap', value: (p) => k.channelLabel(p.channel) },
      { label: t('状态', 'Status'), key: 'status', className: 'nowrap', value: (p) => k.lineBadge(p.status) },
    ], Array.isArray(h.payments) ? h.payments : [], {
      id: 'ha-payments', empty: t('还没有帮扶发放记录。', 'Nothing paid yet.'),
      rowAttrs: (p) => ({ dataset: { batchId: p.batchId, item: p.item, status: p.status } }),
    }),
    el('h3', {}, t('办理记录', 'History')),
    el('div', { id: 'ha-history-slot' }, historyTable(history)),
    actions(h)));
  }

  function historyTable(history) {
    return k.table([
      { label: t('时间', 'When'), key: 'at', className: 'nowrap', value: (x) => k.when(x.at) },
      { label: t('操作人', 'By'), key: 'actor', value: (x) => k.who(x.actor) },
      { label: t('操作', 'Action'), key: 'action', className: 'nowrap', value: (x) => k.actionLabel(x.action) },
      { label: t('说明', 'Note'), key: 'note', className: 'ha-note', value: (x) => k.historyNote(x.action, x.note, x.detail) },
    ], history, { id: 'ha-history', empty: t('暂无记录', 'No history'), rowAttrs: (x) => ({ dataset: { action: x.action, step: (x.detail && x.detail.step) || '' } }) });
  }

  /** After a document was added: the history shows it (the rest of the panel stays as it is). */
  async function refreshHistory(id) {
    try {
      const h = await context.api(`${BASE}/${encodeURIComponent(id)}`);
      k.rememberPeople(h.people);
      const slot = detailSlot.querySelector(`#ha-household-detail[data-household-id="${CSS.escape(String(id))}"] #ha-history-slot`);
      if (alive && slot) fill(slot, historyTable(h.history || []));
    } catch {
      // only a convenience: the list of documents is already up to date
    }
  }

  // ---------------------------------------------------------------- review actions

  const levelSelect = (id, value) => select(id, 'level', Object.keys(LEVELS).map((l) => [l, k.levelLabel(l)]), value || 'SPECIAL');

  function actions(h) {
    if (!k.isAdmin) return null;
    const box = el('div', { class: 'ui-actions', id: 'ha-actions' });
    const problemSlot = el('div', { id: 'ha-action-problem' });
    if (h.status === 'APPLIED') {
      const fileLevels = Object.keys(FILE_LEVELS).filter((f) => f !== 'CITY' || k.isPlatform);
      const form = el('form', { class: 'ui-form', id: 'ha-decision-form', novalidate: true, onsubmit: (e) => e.preventDefault() },
        field(t('核定等级', 'Level'), levelSelect('ha-decision-level', h.requestedLevel), { name: 'level',
          hint: t('特困家庭批准后发给优惠证号。', 'Special hardship households get a certificate number.') }),
        field(t('建档层级', 'File at'), select('ha-decision-file-level', 'fileLevel', fileLevels.map((f) => [f, k.fileLevelLabel(f)]),
          fileLevels[0]), { name: 'fileLevel', hint: k.isPlatform ? null : t('市级建档由市总工会办理。', 'City level is filed by the city federation.') }),
        field(t('审核意见', 'Note'), el('textarea', { id: 'ha-decision-note', name: 'note', rows: 3, maxlength: 1000 }),
          { name: 'note', wide: true, hint: t('退回、不予建档时必填。', 'Required to return or reject.') }));
      const button = (action, id, label, cls = 'button') => el('button', { type: 'button', class: cls, id, dataset: { action },
        onclick: () => decide(h, action, form, problemSlot) }, label);
      box.append(el('h3', {}, t('审核', 'Review')), form, el('div', { class: 'ui-form-actions' },
        button('APPROVE', 'ha-approve', t('批准建档', 'Approve'), 'button primary'),
        button('RETURN', 'ha-return', t('退回修改', 'Return')),
        button('REJECT', 'ha-reject', t('不予建档', 'Reject'))), problemSlot);
      return box;
    }
    if (h.status === 'ON_FILE') {
      const recheck = el('form', { class: 'ui-form', id: 'ha-recheck-form', novalidate: true, onsubmit: (e) => e.preventDefault() },
        field(t('复查后等级', 'Level after the re-check'), levelSelect('ha-recheck-level', h.level), { name: 'level' }),
        field(t('复查情况', 'Note'), el('textarea', { id: 'ha-recheck-note', name: 'note', rows: 2, maxlength: 1000 }), { name: 'note', wide: true }),
        el('div', { class: 'ui-form-actions' }, el('button', { type: 'button', class: 'button primary', id: 'ha-recheck',
          onclick: () => act(h, 'recheck', recheck, problemSlot) }, t('完成年度复查', 'Record the re-check'))));
      const leave = el('form', { class: 'ui-form', id: 'ha-leave-form', novalidate: true, onsubmit: (e) => e.preventDefault() },
        field(t('出档原因', 'Reason'), el('input', { type: 'text', id: 'ha-leave-reason', name: 'reason', maxlength: 400,
          placeholder: t('如：家庭收入已超过困难标准', 'e.g. the income is above the threshold now') }), { name: 'reason', wide: true }),
        field(t('出档日期', 'From'), el('input', { type: 'date', id: 'ha-leave-date', name: 'date', value: today() }), { name: 'date' }),
        el('div', { class: 'ui-form-actions' }, el('button', { type: 'button', class: 'button', id: 'ha-leave',
          onclick: () => act(h, 'leave', leave, problemSlot) }, t('办理出档', 'Leave the file'))));
      box.append(el('h3', {}, t('年度复查', 'Yearly re-check')),
        el('p', { class: 'muted' }, t(`下次复查日期 ${k.date(h.nextReviewDate)}；复查后顺延一年。`, `Next re-check ${k.date(h.nextReviewDate)}; a re-check sets it a year on.`)),
        recheck, el('h3', {}, t('出档', 'Leaving the file')), leave, problemSlot);
      return box;
    }
    box.append(el('p', { class: 'muted', id: 'ha-no-actions' }, h.status === 'RETURNED'
      ? t('申请已退回，等待基层工会修改后重新提交。', 'Returned: waiting for the union to change and resubmit it.')
      : t(`该档案${k.statusLabel(h.status)}，无需办理。`, `This household is ${k.statusLabel(h.status).toLowerCase()}; nothing to do.`)));
    return box;
  }

  async function decide(h, action, form, problemSlot) {
    k.clearErrors(form);
    fill(problemSlot);
    const note = form.elements.note.value.trim();
    if (action !== 'APPROVE' && !note) {
      k.fieldError(form, 'note', action === 'RETURN' ? t('请说明退回原因和需要补充修改的内容', 'say what to change')
        : t('请说明不予建档的原因', 'say why'));
      return;
    }
    const body = action === 'APPROVE'
      ? { action, level: form.elements.level.value, fileLevel: form.elements.fileLevel.value, note: note || null }
      : { action, level: null, fileLevel: null, note };
    await send(h, `${BASE}/${h.id}/decision`, body, form, problemSlot, {
      APPROVE: (x) => (x.certificateNo
        ? [t(`已批准建档（${k.levelLabel(x.level)}），优惠证号 `, `Approved (${k.levelLabel(x.level)}); certificate `), k.verbatim(x.certificateNo), t('。', '.')]
        : t(`已批准建档（${k.levelLabel(x.level)}）。`, `Approved (${k.levelLabel(x.level)}).`)),
      RETURN: () => t('已退回申请。', 'The application was returned.'),
      REJECT: () => t('已决定不予建档。', 'The application was rejected.'),
    }[action]);
  }

  async function act(h, what, form, problemSlot) {
    k.clearErrors(form);
    fill(problemSlot);
    let body;
    if (what === 'recheck') {
      body = { level: form.elements.level.value, note: form.elements.note.value.trim() || null };
    } else {
      const reason = form.elements.reason.value.trim();
      const date = form.elements.date.value;
      let ok = true;
      if (!reason) ok = k.fieldError(form, 'reason', t('请填写出档原因', 'give the reason'));
      if (!date) ok = k.fieldError(form, 'date', t('请选择日期', 'choose a date')) && ok;
      if (!ok) return;
      body = { reason, date };
    }
    await send(h, `${BASE}/${h.id}/${what}`, body, form, problemSlot, what === 'recheck'
      ? (x) => t(`已完成年度复查，下次复查 ${k.date(x.nextReviewDate)}。`, `Re-check recorded; next one ${k.date(x.nextReviewDate)}.`)
      : (x) => t(`已办理出档（${k.date(x.leftOn)}）。`, `Left the file on ${k.date(x.leftOn)}.`));
  }

  async function send(h, path, body, form, problemSlot, message) {
    const buttons = [...detailSlot.querySelectorAll('#ha-actions button')];
    buttons.forEach((b) => { b.disabled = true; });
    try {
      let answer = await context.api(path, { method: 'POST', body });
      if (!alive) return;
      if (!answer || !Array.isArray(answer.members)) answer = await context.api(`${BASE}/${h.id}`);
      if (!alive) return;
      k.rememberPeople(answer.people);
      say(message(answer));
      state.selected = h.id;
      renderDetail(answer);
      detailSlot.scrollIntoView({ behavior: 'smooth', block: 'start' });
      loadList();
    } catch (e) {
      if (!alive) return;
      k.checkSession(e);
      fill(problemSlot, k.problem(e, { form, labels: k.problemLabels(ACTION_LABELS), id: 'ha-action-error' }));
      buttons.forEach((b) => { b.disabled = false; });
      if (e.status === 409) openHousehold(h.id, { problemNode: k.problem(e, { id: 'ha-action-error' }) });   // changed meanwhile
    }
  }

  const ACTION_LABELS = {
    level: t('等级', 'Level'), fileLevel: t('建档层级', 'File level'), note: t('意见', 'Note'),
    reason: t('出档原因', 'Reason'), date: t('出档日期', 'Date'), action: t('操作', 'Action'),
  };

  // ---------------------------------------------------------------- application form

  const LABELS = {
    orgId: t('所属工会', 'Union'),
    address: t('家庭住址', 'Address'),
    phone: t('联系电话', 'Phone'),
    causes: t('致困原因', 'Causes of hardship'),
    hardshipNote: t('困难情况说明', 'Hardship note'),
    requestedLevel: t('申请等级', 'Level asked for'),
    channel: t('发放渠道', 'Payment channel'),
    bankName: t('开户银行', 'Bank'),
    bankAccount: t('银行账号', 'Bank account'),
    loveCardNo: t('爱心卡号', 'Love card no.'),
    members: t('家庭成员', 'Members'),
    'members[].name': t('姓名', 'Name'),
    'members[].idNumber': t('身份证号', 'ID number'),
    'members[].relation': t('与申请人关系', 'Relation'),
    'members[].monthlyIncomeFen': t('月收入（元）', 'Income a month (yuan)'),
    'members[].health': t('健康状况', 'Health'),
    'members[].work': t('工作/学习情况', 'Work or study'),
    'members[].schooling': t('在读', 'At school'),
    'members[].schooling.schoolYear': t('学年', 'School year'),
    'members[].schooling.stage': t('学段', 'Stage'),
    'members[].schooling.school': t('学校', 'School'),
    'members[].schooling.newEntrant': t('新生', 'New entrant'),
    'members[].schooling.studyAway': t('异地就学', 'Studying away'),
    'members[].schooling.ticketFen': t('车票金额（元）', 'Ticket (yuan)'),
    'members[].schooling.fareCapFen': t('高铁二等座票价（元）', 'Second-class fare (yuan)'),
  };
  const memberLabel = (name) => LABELS[`members[].${name}`];

  async function loadOrganisations() {
    if (!orgsLoaded) {
      orgsLoaded = context.api('/api/portal/organisations').then((answer) => {
        organisations = Array.isArray(answer) ? answer : [];
      }).catch(() => { organisations = []; });
    }
    return orgsLoaded;
  }

  /** The organisations in tree order, indented below the first. */
  function orgOptions(selectedId) {
    const depth = (o) => String(o.path || '').split('/').filter(Boolean).length;
    const key = (o) => String(o.path || '').split('/').filter(Boolean).map((n) => n.padStart(12, '0')).join('/');
    const sorted = [...organisations].sort((a, b) => key(a).localeCompare(key(b)));
    const top = sorted.length ? Math.min(...sorted.map(depth)) : 0;
    // the unions' names as their organisations are named (ui-verbatim), indented by depth
    const options = sorted.map((o) => [String(o.id), ['　'.repeat(Math.max(0, depth(o) - top)), k.verbatim(o.name)]]);
    const user = context.user || {};
    if (selectedId != null && !options.some(([id]) => id === String(selectedId))) {
      options.unshift([String(selectedId), selectedId === user.orgId ? k.verbatim(user.orgName) : t(`工会 #${selectedId}`, `Union #${selectedId}`)]);
    }
    if (options.length === 0 && user.orgId != null) options.push([String(user.orgId), k.verbatim(user.orgName) || String(user.orgId)]);
    return options;
  }

  async function showForm(household) {
    const editing = Boolean(household);
    say('');
    fill(formSlot, el('p', { class: 'loading' }, t('加载中…', 'Loading…')));
    await loadOrganisations();
    if (!alive) return;
    const h = household || {};
    const user = context.user || {};
    const masked = editing && h.fullAccess === false;
    const blankIfMasked = (v) => (v == null || isMasked(v) ? '' : String(v));
    const maskHint = (v) => (editing && isMasked(v) ? t(`原值已隐去（${v}），请重新填写。`, `Hidden (${v}); enter it again.`) : null);

    const problemSlot = el('div', { id: 'ha-form-problem', class: 'ui-wide' });
    const input = (name, attrs = {}) => el('input', { type: 'text', name, id: `ha-f-${name}`, autocomplete: 'off', ...attrs });
    const f = (name, control, opts = {}) => field(LABELS[name], control, { name, ...opts });
    const choice = (name, map, value, extra = []) => {
      const s = el('select', { name, id: `ha-f-${name}` }, extra.map(([v, l]) => el('option', { value: v }, l)),
        Object.keys(map).map((code) => el('option', { value: code }, k.pick(map[code], code))));
      s.value = value ?? '';
      return s;
    };

    const orgSelect = el('select', { name: 'orgId', id: 'ha-f-orgId', disabled: editing },
      orgOptions(h.orgId ?? user.orgId).map(([v, l]) => el('option', { value: v }, l)));
    orgSelect.value = String(h.orgId ?? user.orgId ?? '');
    const causes = el('fieldset', { id: 'ha-f-causes', class: 'ha-causes', dataset: { field: 'causes' } },
      el('legend', {}, LABELS.causes),
      el('div', { class: 'ui-checks' }, Object.keys(CAUSES).map((code) => el('label', {},
        el('input', { type: 'checkbox', name: 'causes', value: code, checked: (h.causes || []).includes(code) }), k.causeLabel(code)))),
      el('small', { class: 'ui-field-error', 'data-error-for': 'causes', 'aria-live': 'polite' }));

    const memberList = el('div', { class: 'ha-members', id: 'ha-f-members' });
    const addButton = el('button', { type: 'button', class: 'button', id: 'ha-member-add', onclick: () => {
      const box = memberBox(memberList.children.length, { relation: '' });
      memberList.append(box);
      box.querySelector('input').focus();
    } }, t('＋ 添加家庭成员', '+ Add a member'));
    const existing = Array.isArray(h.members) && h.members.length ? h.members : [{ relation: 'SELF' }];
    existing.forEach((m, i) => memberList.append(memberBox(i, m)));

    const form = el('form', { class: 'card ui-form', id: 'ha-household-form', novalidate: true,
      dataset: { mode: editing ? 'edit' : 'create', householdId: h.id ?? '' } },
    el('h2', { class: 'ui-wide' }, editing
      ? t(`修改建档申请：${h.headName || `#${h.id}`}`, `Edit the application: ${h.headName || `#${h.id}`}`)
      : t('新建档申请', 'New application')),
    editing && h.status === 'RETURNED' ? el('p', { class: 'notice warn' }, t('修改后保存即重新提交审核。', 'Saving submits the application again.')) : null,
    editing && h.status === 'ON_FILE' ? el('p', { class: 'notice warn' }, t('该家庭已在档：修改将记入办理记录，等级和优惠证号不变。',
      'This household is on file: the change is recorded; level and certificate stay.')) : null,
    masked ? el('p', { class: 'notice warn', id: 'ha-form-masked' }, t('身份证号、收入、电话、银行账号、健康状况和困难情况说明对经办人隐去，修改时须重新填写完整（已清空的栏目下方有提示）。',
      'ID numbers, incomes, phone, bank account, health and the hardship note are hidden from operators; enter them again in full (the emptied fields say so).')) : null,
    problemSlot,
    f('orgId', orgSelect, { hint: editing ? t('所属工会不能修改。', 'The union cannot be changed.') : null }),
    f('requestedLevel', choice('requestedLevel', LEVELS, h.requestedLevel || 'HARDSHIP'),
      { hint: t('特困家庭须填写爱心卡号。', 'Special hardship households need a love card.') }),
    f('address', input('address', { value: blankIfMasked(h.address), maxlength: 200, placeholder: isMasked(h.address) ? h.address : '' }),
      { wide: true, hint: maskHint(h.address) }),
    f('phone', input('phone', { type: 'tel', value: blankIfMasked(h.phone), maxlength: 20, inputmode: 'tel',
      placeholder: isMasked(h.phone) ? h.phone : '13900001111' }), { hint: maskHint(h.phone) }),
    causes,
    f('hardshipNote', el('textarea', { name: 'hardshipNote', id: 'ha-f-hardshipNote', rows: 3, maxlength: 1000,
      placeholder: maskHint(h.hardshipNote) ? '***' : t('如：妻子尿毒症长期透析，本人收入低', 'e.g. the wife needs dialysis; low income') },
    blankIfMasked(h.hardshipNote)), { wide: true, hint: maskHint(h.hardshipNote) }),
    el('fieldset', { id: 'ha-f-payment' },
      el('legend', {}, t('发放账户', 'Payment')),
      f('channel', choice('channel', CHANNELS, h.channel || 'BANK'),
        { hint: t('生活、医疗补贴固定银行转账，临时价格补贴固定拨入爱心卡；其他项目按此渠道。',
          'Living and medical aid always go by bank, the price subsidy onto the love card; other items use this channel.') }),
      f('bankName', input('bankName', { value: h.bankName || '', maxlength: 100, placeholder: t('如：工商银行无锡分行', 'e.g. ICBC Wuxi') })),
      f('bankAccount', input('bankAccount', { value: blankIfMasked(h.bankAccount), maxlength: 40, inputmode: 'numeric',
        placeholder: isMasked(h.bankAccount) ? h.bankAccount : '' }), { hint: maskHint(h.bankAccount) }),
      // the masked number shown as the placeholder is data (a card number's letters): marked as written
      f('loveCardNo', input('loveCardNo', { value: blankIfMasked(h.loveCardNo), maxlength: 40, placeholder: isMasked(h.loveCardNo) ? h.loveCardNo : '',
        ...(isMasked(h.loveCardNo) ? { class: 'ui-verbatim' } : {}) }),
        { hint: maskHint(h.loveCardNo) })),
    el('fieldset', { id: 'ha-f-members-set', class: 'ha-members-set' },
      el('legend', {}, LABELS.members),
      el('p', { class: 'muted' }, t('第一位为申请人本人（关系“本人”，有且只有一位）。收入以元填写，无收入填 0。子女在读可登记就学情况，用于助学金。',
        'The applicant comes first (relation “Self”, exactly one). Incomes in yuan, 0 for none. Children at school get schooling details for school aid.')),
      el('small', { class: 'ui-field-error ui-wide', 'data-error-for': 'members', 'aria-live': 'polite' }),
      memberList,
      el('div', { class: 'ui-form-actions ui-wide' }, addButton)),
    el('div', { class: 'ui-form-actions' },
      el('button', { type: 'submit', class: 'button primary', id: 'ha-household-save' }, editing
        ? (h.status === 'RETURNED' ? t('保存并重新提交', 'Save and resubmit') : t('保存修改', 'Save changes'))
        : t('提交建档申请', 'Submit the application')),
      el('button', { type: 'button', class: 'button', id: 'ha-household-cancel', onclick: () => fill(formSlot) }, t('取消', 'Cancel'))));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      k.clearErrors(form);
      fill(problemSlot);
      const body = read(form);
      if (!body) {
        fill(problemSlot, el('p', { class: 'notice error', role: 'alert', id: 'ha-form-invalid' }, t('请修改标出的栏目。', 'Please correct the marked fields.')));
        focusFirstError(form);
        return;
      }
      const button = form.querySelector('#ha-household-save');
      button.disabled = true;
      try {
        const saved = await context.api(editing ? `${BASE}/${h.id}` : BASE, { method: editing ? 'PUT' : 'POST', body });
        if (!alive) return;
        fill(formSlot);
        say(editing
          ? t(`已保存档案 #${saved.id}${h.status === 'RETURNED' ? '，已重新提交审核' : ''}。`, `Household #${saved.id} saved${h.status === 'RETURNED' ? ' and resubmitted' : ''}.`)
          : t(`已提交建档申请 #${saved.id}（${saved.headName || ''}），等待区、市工会审核。`, `Application #${saved.id} (${saved.headName || ''}) submitted for review.`));
        state.selected = saved.id;
        split.classList.add('open');
        setRoute(saved.id);
        if (Array.isArray(saved.members)) renderDetail(saved);
        else openHousehold(saved.id);
        detailSlot.scrollIntoView({ behavior: 'smooth', block: 'start' });
        loadList();
      } catch (err) {
        if (!alive) return;
        k.checkSession(err);
        fill(problemSlot, k.problem(err, { form, labels: k.problemLabels(LABELS), id: 'ha-form-error' }));
        focusFirstError(form);
      } finally {
        button.disabled = false;
      }
    });

    fill(formSlot, form);
    form.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  function focusFirstError(form) {
    const bad = form.querySelector('[aria-invalid="true"]');
    if (bad) bad.focus({ preventScroll: true });
    (bad || form.querySelector('#ha-form-problem')).scrollIntoView({ block: 'center' });
  }

  /** One member's fields (`members[i].…`, as the server names them in problems), with schooling for a child. */
  function memberBox(i, m) {
    const p = `members[${i}]`;
    const id = (name) => `ha-m${i}-${name.replace(/\./g, '-')}`;
    const input = (name, attrs = {}) => el('input', { type: 'text', name: `${p}.${name}`, id: id(name), autocomplete: 'off', ...attrs });
    const f = (name, control, opts = {}) => field(memberLabel(name), control, { name: `${p}.${name}`, ...opts });
    const masked = (v) => isMasked(v);
    const latest = (Array.isArray(m.schooling) ? [...m.schooling] : (m.schooling ? [m.schooling] : []))
      .sort((a, b) => Number(b.schoolYear) - Number(a.schoolYear))[0] || null;

    const relation = el('select', { name: `${p}.relation`, id: id('relation') },
      el('option', { value: '' }, t('请选择', 'Choose')),
      Object.keys(RELATIONS).map((code) => el('option', { value: code }, k.relationLabel(code))));
    relation.value = m.relation || '';
    const schoolingBox = el('input', { type: 'checkbox', name: `${p}.schooling`, id: id('schooling'), checked: Boolean(latest) });
    const stage = el('select', { name: `${p}.schooling.stage`, id: id('schooling.stage') },
      el('option', { value: '' }, t('请选择', 'Choose')),
      Object.keys(STAGES).map((code) => el('option', { value: code }, k.stageLabel(code))));
    stage.value = (latest && latest.stage) || '';
    const newEntrant = el('input', { type: 'checkbox', name: `${p}.schooling.newEntrant`, id: id('schooling.newEntrant'), checked: Boolean(latest && latest.newEntrant) });
    const studyAway = el('input', { type: 'checkbox', name: `${p}.schooling.studyAway`, id: id('schooling.studyAway'), checked: Boolean(latest && latest.studyAway) });
    const check = (box, label, name) => el('div', { class: 'ui-field ha-check-field', dataset: { field: `${p}.${name}` } },
      el('label', { class: 'ha-check' }, box, label),
      el('small', { class: 'ui-field-error', 'data-error-for': `${p}.${name}`, 'aria-live': 'polite' }));
    const tickets = el('div', { class: 'ha-tickets' },
      f('schooling.ticketFen', input('schooling.ticketFen', { inputmode: 'decimal', value: latest ? fenToYuanText(latest.ticketFen) : '', placeholder: '140.00' })),
      f('schooling.fareCapFen', input('schooling.fareCapFen', { inputmode: 'decimal', value: latest ? fenToYuanText(latest.fareCapFen) : '', placeholder: '140.00' }),
        { hint: t('同线路高铁二等座票价，报销以此为限。', 'The refund is at most this fare.') }));
    const schoolFields = el('div', { class: 'ha-schooling-fields' },
      f('schooling.schoolYear', input('schooling.schoolYear', { type: 'number', min: 2000, max: 2100, step: 1,
        value: latest ? latest.schoolYear : schoolYearOf() }), { hint: t('2026 表示 2026/27 学年', '2026 means 2026/27') }),
      f('schooling.stage', stage),
      f('schooling.school', input('schooling.school', { value: (latest && latest.school) || '', maxlength: 120 })),
      check(newEntrant, t('高校新生（当年入学）', 'New university entrant'), 'schooling.newEntrant'),
      check(studyAway, t('异地就学', 'Studying in another city'), 'schooling.studyAway'),
      tickets);
    const schooling = el('div', { class: 'ha-schooling' },
      check(schoolingBox, t('在读，登记就学情况', 'At school: add schooling'), 'schooling'), schoolFields);
    const removeButton = el('button', { type: 'button', class: 'button ha-member-remove', onclick: () => {
      const list = box.parentElement;
      if (!list || list.children.length <= 1) return;   // the applicant at least
      box.remove();
      [...list.children].forEach((b, n) => renumber(b, n));
    } }, t('删除', 'Remove'));

    const box = el('fieldset', { class: 'ha-member', dataset: { memberIndex: i } },
      el('legend', {}, el('span', { class: 'ha-member-title' }, t(`家庭成员 ${i + 1}`, `Member ${i + 1}`)), ' ', removeButton),
      f('name', input('name', { value: m.name || '', maxlength: 60 })),
      f('relation', relation),
      f('idNumber', input('idNumber', { value: masked(m.idNumber) ? '' : (m.idNumber || ''), maxlength: 18, spellcheck: 'false',
        placeholder: masked(m.idNumber) ? m.idNumber : '' }), { hint: masked(m.idNumber) ? t('原号码已隐去，请重新填写完整的 18 位号码。', 'Hidden: enter all 18 characters again.') : null }),
      f('monthlyIncomeFen', input('monthlyIncomeFen', { inputmode: 'decimal', value: m.monthlyIncomeFen == null ? '' : fenToYuanText(m.monthlyIncomeFen),
        placeholder: '0' })),
      f('health', input('health', { value: isMasked(m.health) ? '' : (m.health || ''), maxlength: 400,
        placeholder: isMasked(m.health) ? '***' : t('如：尿毒症', 'e.g. kidney failure') })),
      f('work', input('work', { value: m.work || '', maxlength: 200, placeholder: t('如：环卫工', 'e.g. street cleaner') })),
      schooling);
    const sync = () => {
      const child = relation.value === 'CHILD';
      schooling.hidden = !child;
      schoolFields.hidden = !child || !schoolingBox.checked;
      tickets.hidden = !(newEntrant.checked && studyAway.checked);
    };
    [relation, schoolingBox, newEntrant, studyAway].forEach((c) => c.addEventListener('change', sync));
    sync();
    return box;
  }

  /** Gives a member box the index `n` (names, ids and error slots), after a member above was removed. */
  function renumber(box, n) {
    box.dataset.memberIndex = String(n);
    const fix = (v) => v.replace(/members\[\d+\]/g, `members[${n}]`).replace(/^ha-m\d+-/, `ha-m${n}-`);
    box.querySelectorAll('[name], [id], [for], [data-error-for], [data-field], [aria-describedby]').forEach((node) => {
      for (const attr of ['name', 'id', 'for', 'data-error-for', 'data-field', 'aria-describedby']) {
        const v = node.getAttribute(attr);
        if (v) node.setAttribute(attr, fix(v));
      }
    });
    box.querySelector('.ha-member-title').textContent = t(`家庭成员 ${n + 1}`, `Member ${n + 1}`);
  }

  /** The application body from the form, or null after marking fields that cannot be read (amounts). */
  function read(form) {
    let ok = true;
    const value = (name) => {
      const c = form.elements.namedItem(name);
      return c && !c.disabled ? String(c.value || '').trim() : '';
    };
    const on = (name) => Boolean(form.elements.namedItem(name) && form.elements.namedItem(name).checked);
    const orNull = (v) => (v === '' ? null : v);
    const yuan = (name, { required = false } = {}) => {
      const r = parseYuan(value(name));
      if (r.empty) {
        if (required) ok = k.fieldError(form, name, t('请填写金额，没有填 0', 'enter an amount, 0 for none'));
        return null;
      }
      if (r.error) {
        ok = k.fieldError(form, name, k.yuanError(r));
        return null;
      }
      return r.fen;
    };
    const members = [...form.querySelectorAll('.ha-member')].map((box, i) => {
      const p = `members[${i}]`;
      const relation = value(`${p}.relation`);
      let schooling = null;
      if (relation === 'CHILD' && on(`${p}.schooling`)) {
        const tickets = on(`${p}.schooling.newEntrant`) && on(`${p}.schooling.studyAway`);
        const year = value(`${p}.schooling.schoolYear`);
        schooling = {
          schoolYear: /^\d{4}$/.test(year) ? Number(year) : null,
          stage: orNull(value(`${p}.schooling.stage`)),
          school: orNull(value(`${p}.schooling.school`)),
          newEntrant: on(`${p}.schooling.newEntrant`),
          studyAway: on(`${p}.schooling.studyAway`),
          ticketFen: tickets ? yuan(`${p}.schooling.ticketFen`, { required: true }) : null,
          fareCapFen: tickets ? yuan(`${p}.schooling.fareCapFen`, { required: true }) : null,
        };
        if (!schooling.schoolYear) ok = k.fieldError(form, `${p}.schooling.schoolYear`, t('请填写四位年份，如 2026', 'a year such as 2026'));
      }
      return {
        name: value(`${p}.name`),
        idNumber: value(`${p}.idNumber`).toUpperCase().replace(/\s+/g, ''),
        relation: orNull(relation),
        monthlyIncomeFen: yuan(`${p}.monthlyIncomeFen`, { required: true }),
        health: orNull(value(`${p}.health`)),
        work: orNull(value(`${p}.work`)),
        schooling,
      };
    });
    const body = {
      orgId: value('orgId') ? Number(value('orgId')) : null,
      address: orNull(value('address')),
      phone: orNull(value('phone')),
      causes: [...form.querySelectorAll('input[name="causes"]:checked')].map((c) => c.value),
      hardshipNote: orNull(value('hardshipNote')),
      requestedLevel: value('requestedLevel'),
      channel: value('channel'),
      bankName: orNull(value('bankName')),
      bankAccount: orNull(value('bankAccount').replace(/\s+/g, '')),
      loveCardNo: orNull(value('loveCardNo')),
      members,
    };
    if (!body.orgId) {
      // disabled while editing (the union cannot change): the household's own
      const select = form.elements.namedItem('orgId');
      body.orgId = select && select.value ? Number(select.value) : null;
    }
    return ok ? body : null;
  }

  // ---------------------------------------------------------------- start

  // a to-do link of the home page (?status=APPLIED, ?due=true) opens the list filtered as counted there
  const wanted = routeQuery();
  if (Object.hasOwn(HOUSEHOLD_STATUSES, wanted.get('status') || '')) {
    state.status = wanted.get('status');
    statusFilter.value = state.status;
  }
  if (wanted.get('due') === 'true') {
    state.due = true;
    dueBox.checked = true;
  }
  loadList();
  const deepLink = ROUTE.exec(location.hash);
  if (deepLink && deepLink[1]) openHousehold(Number(deepLink[1]));
  return () => { alive = false; };
}
