// 医疗兜底 / Medical safety net (district and platform administrators): a year's households with medical
// costs, each household's expenses and the calculation step by step, recording an expense, proposing
// the award, the second administrator's decision and marking it paid.

// lib.js is loaded with this page's own query (the shell adds ?v=<n> after a module update),
// so that new page code never runs with an old copy of the helpers.
const {
  el, fill, kit, field, ensureStyles, parseYuan, fenToYuanText, today, API,
} = await import(`./lib.js${new URL(import.meta.url).search}`);

const BASE = `${API}/safety-net`;
const HOUSEHOLDS = `${API}/households`;

export function mount(root, context) {
  ensureStyles();
  const k = kit(context);
  const { t } = k;
  const me = (context.user && context.user.username) || '';
  let alive = true;
  let listSeq = 0;
  let detailSeq = 0;
  let rows = [];
  let selected = null;   // household id shown

  const thisYear = Number(today().slice(0, 4));
  const year = el('select', { id: 'ha-sn-year', name: 'year', onchange: () => { load(); if (selected) openHousehold(selected); } },
    Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => el('option', { value: y }, t(`${y} 年`, String(y)))));
  year.value = String(thisYear);

  const notice = el('div', { id: 'ha-sn-notice' });
  const listSlot = el('section', { class: 'card ui-section', id: 'ha-sn-list-section', 'aria-labelledby': 'ha-sn-list-title' });
  const q = el('input', { type: 'search', id: 'ha-sn-q', name: 'q', autocomplete: 'off', maxlength: 60, placeholder: t('户主姓名或优惠证号', 'Head’s name or certificate no.') });
  const foundSlot = el('div', { id: 'ha-sn-found-slot' });
  const find = el('form', { class: 'ui-toolbar', id: 'ha-sn-find', role: 'search', onsubmit: (e) => { e.preventDefault(); search(); } },
    el('label', { for: 'ha-sn-q' }, t('查找在档家庭', 'Find a household on file')), q,
    el('button', { type: 'submit', class: 'button', id: 'ha-sn-search' }, t('查找', 'Search')));
  const detailSlot = el('div', { id: 'ha-sn-detail-slot' });

  fill(root, el('div', { class: 'ui-page', 'data-testid': 'ha-safety-net' },
    el('header', {},
      el('h1', {}, t('医疗兜底', 'Medical safety net')),
      el('p', { class: 'muted' }, t('在档困难职工家庭一年内的医疗费用，扣除医保等报销后的个人自付部分超过兜底线的，超出部分由工会兜底救助。兜底金额由一位管理员提出、另一位管理员审批后支付。',
        'For a household on file, the part of a year’s medical costs paid by itself (after insurance) above the threshold is covered. One administrator proposes the award and another approves it before it is paid.'))),
    notice,
    el('div', { class: 'ui-toolbar' }, el('label', { for: 'ha-sn-year' }, t('年度', 'Year')), year),
    listSlot,
    el('section', { class: 'card ui-section', 'aria-labelledby': 'ha-sn-find-title' },
      el('h2', { id: 'ha-sn-find-title' }, t('登记其他家庭的医疗费用', 'Record costs of another household')),
      find, foundSlot),
    detailSlot));

  const say = (text, kind = '') => fill(notice, text ? el('p', { class: `notice ${kind}`, role: 'status', id: 'ha-sn-message' }, text) : null);

  // ---------------------------------------------------------------- the year's list

  async function load() {
    const mine = ++listSeq;
    const y = year.value;
    try {
      const answer = await context.api(`${BASE}?year=${encodeURIComponent(y)}`);
      if (!alive || mine !== listSeq) return;
      rows = Array.isArray(answer) ? answer : [];
      renderList(y);
    } catch (e) {
      if (alive && mine === listSeq) fill(listSlot, k.fail(e, 'ha-sn-list-problem'));
    }
  }

  function renderList(y) {
    fill(listSlot,
      el('div', { class: 'ui-toolbar' },
        el('h2', { id: 'ha-sn-list-title' }, t(`${y} 年有医疗费用的家庭`, `Households with costs in ${y}`)),
        el('span', { class: 'spacer' }),
        k.exportButtons(`医疗兜底-${y}`, () => ({
          headers: ['户主', '优惠证号', '年度', '医疗总费用(元)', '报销(元)', '自付(元)', '兜底线(元)', '超出(元)', '已兜底(元)', '待兜底(元)'],
          rows: rows.map((r) => [r.headName, r.certificateNo || '', r.year, ...['totalFen', 'reimbursedFen', 'selfPayFen', 'thresholdFen', 'excessFen', 'awardedFen', 'dueFen']
            .map((key) => fenToYuanText(r[key] ?? 0))]),
        }), 'ha-sn-list', rows.length === 0)),
      k.table([
        { label: t('户主', 'Head'), key: 'head', value: (r) => k.verbatim(r.headName) || `#${r.householdId}` },
        { label: t('优惠证号', 'Certificate'), key: 'certificate', className: 'nowrap', value: (r) => k.verbatim(r.certificateNo) || '–' },
        { label: t('医疗总费用', 'Costs'), key: 'total', className: 'num', value: (r) => k.money(r.totalFen) },
        { label: t('报销', 'Reimbursed'), key: 'reimbursed', className: 'num', value: (r) => k.money(r.reimbursedFen) },
        { label: t('自付', 'Own share'), key: 'selfPay', className: 'num', value: (r) => k.money(r.selfPayFen) },
        { label: t('超出兜底线', 'Above threshold'), key: 'excess', className: 'num', value: (r) => k.money(r.excessFen) },
        { label: t('已兜底', 'Awarded'), key: 'awarded', className: 'num', value: (r) => k.money(r.awardedFen) },
        { label: t('待兜底', 'Due'), key: 'due', className: 'num', value: (r) => (Number(r.dueFen) > 0 ? el('strong', {}, k.money(r.dueFen)) : k.money(r.dueFen)) },
        { label: '', key: 'open', value: (r) => el('button', { type: 'button', class: 'button ha-sn-open', dataset: { householdId: r.householdId },
          onclick: () => openHousehold(r.householdId) }, t('查看', 'Open')) },
      ], rows, {
        id: 'ha-sn-list', empty: t('该年度还没有登记医疗费用。', 'No medical costs recorded for this year.'),
        rowAttrs: (r) => ({ class: r.householdId === selected ? 'ui-selected' : null, dataset: { householdId: r.householdId, dueFen: r.dueFen ?? 0 } }),
      }),
      rows.length ? el('p', { class: 'muted' }, t(`兜底线：一年内个人自付超过 ${k.money(rows[0].thresholdFen)}的部分予以兜底。`, `Threshold: the own share of a year above ${k.money(rows[0].thresholdFen)} is covered.`)) : null);
  }

  // ---------------------------------------------------------------- find any household on file

  async function search() {
    const text = q.value.trim();
    const query = new URLSearchParams({ status: 'ON_FILE', page: '1', size: '20' });
    if (text) query.set('q', text);
    fill(foundSlot, el('p', { class: 'loading' }, t('查找中…', 'Searching…')));
    try {
      const answer = await context.api(`${HOUSEHOLDS}?${query}`);
      if (!alive) return;
      const items = answer && Array.isArray(answer.items) ? answer.items : [];
      const total = Number((answer && answer.total) || 0);
      fill(foundSlot, k.table([
        { label: t('户主', 'Head'), key: 'head', value: (h) => k.verbatim(h.headName) },
        { label: t('单位', 'Union'), key: 'org', value: (h) => k.verbatim(h.orgName) || '' },
        { label: t('等级', 'Level'), key: 'level', value: (h) => k.levelBadge(h.level) },
        { label: t('优惠证号', 'Certificate'), key: 'certificate', className: 'nowrap', value: (h) => k.verbatim(h.certificateNo) || '–' },
        { label: '', key: 'pick', value: (h) => el('button', { type: 'button', class: 'button ha-sn-pick', dataset: { householdId: h.id },
          onclick: () => openHousehold(h.id) }, t('选择', 'Choose')) },
      ], items, {
        id: 'ha-sn-found', empty: t('没有找到在档家庭。', 'No household on file found.'),
        rowAttrs: (h) => ({ dataset: { householdId: h.id } }),
      }), total > items.length ? el('p', { class: 'muted' }, t(`共 ${total} 户，只列出前 ${items.length} 户，请输入姓名或证号缩小范围。`,
        `${total} households; the first ${items.length} are listed. Narrow the search.`)) : null);
    } catch (e) {
      if (alive) fill(foundSlot, k.fail(e, 'ha-sn-find-problem'));
    }
  }

  // ---------------------------------------------------------------- one household's year

  async function openHousehold(id, { message = null } = {}) {
    selected = id;
    const mine = ++detailSeq;
    listSlot.querySelectorAll('tr[data-household-id]').forEach((tr) => tr.classList.toggle('ui-selected', tr.dataset.householdId === String(id)));
    const y = year.value;
    fill(detailSlot, el('p', { class: 'loading' }, t('加载中…', 'Loading…')));
    try {
      const [year_, household] = await Promise.all([
        context.api(`${BASE}/${encodeURIComponent(id)}/${encodeURIComponent(y)}`),
        context.api(`${HOUSEHOLDS}/${encodeURIComponent(id)}`),
      ]);
      if (!alive || mine !== detailSeq) return;
      k.rememberPeople(year_.people);
      k.rememberPeople(household.people);
      render(year_, household, message);
    } catch (e) {
      if (alive && mine === detailSeq) fill(detailSlot, k.fail(e, 'ha-sn-detail-problem'));
    }
  }

  function render(data, household, message) {
    const c = data.calculation || {};
    const expenses = Array.isArray(data.expenses) ? data.expenses : [];
    const awards = Array.isArray(data.awards) ? data.awards : [];
    const steps = (context.lang === 'en' ? c.stepsEn : c.stepsZh) || c.stepsZh || [];
    const openAward = awards.find((a) => a.status === 'PROPOSED');
    const y = data.year ?? year.value;
    const members = Array.isArray(household.members) ? household.members : [];
    const problemSlot = el('div', { id: 'ha-sn-action-problem' });

    const awardNote = el('textarea', { id: 'ha-award-note', name: 'note', rows: 2, maxlength: 400 });
    const awardForm = el('form', { class: 'ui-form', id: 'ha-award-form', novalidate: true, onsubmit: (e) => e.preventDefault() },
      field(t('审批意见 / 说明', 'Note'), awardNote, { name: 'note', wide: true, hint: t('提出兜底、审批时可填写；不予兜底时必填。', 'Optional; required to reject.') }));

    fill(detailSlot, el('article', { class: 'card ui-detail', id: 'ha-sn-detail',
      dataset: { householdId: data.householdId ?? household.id, year: y, dueFen: c.dueFen ?? 0 } },
    el('div', { class: 'ui-toolbar' },
      el('h2', {}, k.verbatim(data.headName || household.headName), t(` · ${y} 年医疗兜底`, ` · safety net ${y}`)),
      household.level ? k.levelBadge(household.level) : null,
      household.status !== 'ON_FILE' ? k.badge(household.status) : null,
      el('span', { class: 'spacer' }),
      k.backToList(() => { selected = null; detailSeq++; fill(detailSlot); }, { id: 'ha-sn-close' })),
    message ? el('p', { class: 'notice', role: 'status', id: 'ha-sn-detail-message' }, message) : null,
    el('h3', {}, t('兜底计算', 'Calculation')),
    k.facts([
      [t('医疗总费用', 'Costs'), k.money(c.totalFen), 'totalFen'],
      [t('医保等报销', 'Reimbursed'), k.money(c.reimbursedFen), 'reimbursedFen'],
      [t('个人自付', 'Own share'), k.money(c.selfPayFen), 'selfPayFen'],
      [t('兜底线', 'Threshold'), k.money(c.thresholdFen), 'thresholdFen'],
      [t('超出兜底线', 'Above threshold'), k.money(c.excessFen), 'excessFen'],
      [t('已兜底', 'Awarded'), k.money(c.awardedFen), 'awardedFen'],
      [t('待兜底', 'Due'), el('strong', { id: 'ha-sn-due' }, k.money(c.dueFen)), 'dueFen'],
    ], { id: 'ha-sn-calc' }),
    steps.length ? el('ol', { class: 'ha-steps', id: 'ha-sn-steps' }, steps.map((s) => el('li', {}, s))) : null,
    el('h3', {}, t('医疗费用', 'Medical costs')),
    k.table([
      { label: t('日期', 'Date'), key: 'date', className: 'nowrap', value: (x) => k.date(x.date) },
      { label: t('就医人', 'Patient'), key: 'member', value: (x) => k.verbatim(x.memberName) || `#${x.memberId}` },
      { label: t('医院', 'Hospital'), key: 'hospital', value: (x) => x.hospital || '' },
      { label: t('总费用', 'Total'), key: 'total', className: 'num', value: (x) => k.money(x.totalFen) },
      { label: t('报销', 'Reimbursed'), key: 'reimbursed', className: 'num', value: (x) => k.money(x.reimbursedFen) },
      { label: t('自付', 'Own share'), key: 'selfPay', className: 'num', value: (x) => k.money(x.selfPayFen) },
      { label: t('备注', 'Note'), key: 'note', value: (x) => k.verbatim(x.note) || '' },
      { label: t('登记人', 'By'), key: 'by', value: (x) => k.who(x.recordedBy) },
    ], expenses, { id: 'ha-sn-expenses', empty: t('该年度还没有登记医疗费用。', 'No costs recorded for this year.'),
      rowAttrs: (x) => ({ dataset: { expenseId: x.id, memberId: x.memberId } }) }),
    ['ON_FILE', 'LEFT'].includes(household.status) ? expenseForm(household, members, y) : null,
    el('h3', {}, t('兜底救助', 'Awards')),
    k.table([
      { label: t('编号', 'No.'), key: 'id', className: 'num', value: (a) => `#${a.id}` },
      { label: t('金额', 'Amount'), key: 'amount', className: 'num', value: (a) => k.money(a.amountFen) },
      { label: t('状态', 'Status'), key: 'status', className: 'nowrap', value: (a) => k.awardBadge(a.status) },
      { label: t('计算', 'Calculation'), key: 'calculation', className: 'ha-note', value: (a) => a.calculationZh || '' },
      { label: t('提出', 'Proposed'), key: 'proposed', value: (a) => [k.who(a.proposedBy), el('br'), el('small', { class: 'muted nowrap' }, k.when(a.proposedAt))] },
      { label: t('审批', 'Decided'), key: 'decided', value: (a) => (a.decidedBy ? [k.who(a.decidedBy), el('br'), el('small', { class: 'muted nowrap' }, k.when(a.decidedAt))] : '–') },
      { label: t('支付', 'Paid'), key: 'paid', className: 'nowrap', value: (a) => (a.paidAt ? k.when(a.paidAt) : '–') },
      { label: t('说明', 'Note'), key: 'note', className: 'ha-note', value: (a) => k.verbatim(a.note) || '' },
      { label: '', key: 'actions', className: 'nowrap', value: (a) => awardActions(a, awardForm, problemSlot) },
    ], awards, { id: 'ha-sn-awards', empty: t('还没有兜底救助。', 'No awards yet.'), rowAttrs: (a) => ({ dataset: { awardId: a.id, status: a.status } }) }),
    el('div', { class: 'ui-actions', id: 'ha-sn-actions' },
      awardForm,
      el('div', { class: 'ui-form-actions' },
        el('button', { type: 'button', class: 'button primary', id: 'ha-sn-propose', disabled: !(Number(c.dueFen) > 0) || Boolean(openAward),
          onclick: (ev) => propose(data, household, ev.currentTarget, awardForm, problemSlot) },
        t(`提出兜底 ${k.money(c.dueFen)}`, `Propose ${k.money(c.dueFen)}`)),
        openAward ? el('small', { class: 'muted' }, t('已有待审批的兜底，审批后才能再次提出。', 'An award is waiting for a decision.'))
          : (Number(c.dueFen) > 0 ? null : el('small', { class: 'muted' }, t('自付部分未超过兜底线或已全部兜底。', 'Nothing is due above the threshold.')))),
      problemSlot)));
  }

  function awardActions(a, form, problemSlot) {
    if (a.status === 'PROPOSED') {
      if (a.proposedBy === me) return el('small', { class: 'muted' }, t('待其他管理员审批', 'awaits another administrator'));
      return [
        el('button', { type: 'button', class: 'button ha-award-approve', dataset: { awardId: a.id },
          onclick: (ev) => decide(a, 'APPROVE', ev.currentTarget, form, problemSlot) }, t('批准', 'Approve')), ' ',
        el('button', { type: 'button', class: 'button ha-award-reject', dataset: { awardId: a.id },
          onclick: (ev) => decide(a, 'REJECT', ev.currentTarget, form, problemSlot) }, t('不予兜底', 'Reject'))];
    }
    if (a.status === 'APPROVED') {
      return el('button', { type: 'button', class: 'button ha-award-paid', dataset: { awardId: a.id },
        onclick: (ev) => paid(a, ev.currentTarget, problemSlot) }, t('登记已支付', 'Mark paid'));
    }
    return '';
  }

  async function propose(data, household, button, form, problemSlot) {
    k.clearErrors(form);
    fill(problemSlot);
    button.disabled = true;
    const id = data.householdId ?? household.id;
    try {
      const award = await context.api(`${BASE}/${id}/${data.year ?? year.value}/awards`, { method: 'POST', body: { note: form.elements.note.value.trim() || null } });
      if (!alive) return;
      load();
      openHousehold(id, { message: t(`已提出兜底救助 #${award.id}（${k.money(award.amountFen)}），须由另一位管理员审批。`,
        `Award #${award.id} (${k.money(award.amountFen)}) proposed; another administrator has to approve it.`) });
    } catch (e) {
      if (!alive) return;
      k.checkSession(e);
      fill(problemSlot, k.problem(e, { form, id: 'ha-sn-action-error' }));
      button.disabled = false;
    }
  }

  async function decide(a, action, button, form, problemSlot) {
    k.clearErrors(form);
    fill(problemSlot);
    const note = form.elements.note.value.trim();
    if (action === 'REJECT' && !note) {
      k.fieldError(form, 'note', t('请说明不予兜底的原因', 'say why'));
      form.elements.note.focus();
      return;
    }
    button.disabled = true;
    try {
      await context.api(`${BASE}/awards/${a.id}/decision`, { method: 'POST', body: { action, note: note || null } });
      if (!alive) return;
      load();
      openHousehold(a.householdId ?? selected, { message: action === 'APPROVE'
        ? t(`已批准兜底救助 #${a.id}，支付后请登记。`, `Award #${a.id} approved; mark it paid once paid.`)
        : t(`兜底救助 #${a.id} 不予兜底。`, `Award #${a.id} rejected.`) });
    } catch (e) {
      if (!alive) return;
      k.checkSession(e);
      fill(problemSlot, e.status === 403
        ? el('div', { class: 'notice error ui-problem', role: 'alert', id: 'ha-sn-action-error', dataset: { status: '403' } },
          el('div', {}, el('strong', {}, t('无权审批', 'Not allowed')), ' ',
            el('span', {}, (e.problem && e.problem.detail) || t('提出人不能审批自己提出的兜底救助。', 'The proposer cannot decide the award.'))))
        : k.problem(e, { form, id: 'ha-sn-action-error' }));
      button.disabled = false;
    }
  }

  async function paid(a, button, problemSlot) {
    fill(problemSlot);
    button.disabled = true;
    try {
      await context.api(`${BASE}/awards/${a.id}/paid`, { method: 'POST' });
      if (!alive) return;
      load();
      openHousehold(a.householdId ?? selected, { message: t(`兜底救助 #${a.id} 已登记支付。`, `Award #${a.id} marked paid.`) });
    } catch (e) {
      if (!alive) return;
      fill(problemSlot, k.fail(e, 'ha-sn-action-error'));
      button.disabled = false;
    }
  }

  // ---------------------------------------------------------------- recording an expense

  const LABELS = {
    memberId: t('就医人', 'Patient'), date: t('就医日期', 'Date'), hospital: t('医院', 'Hospital'),
    totalFen: t('医疗总费用（元）', 'Total cost (yuan)'), reimbursedFen: t('医保等报销（元）', 'Reimbursed (yuan)'), note: t('备注', 'Note'),
  };

  function expenseForm(household, members, y) {
    const member = el('select', { id: 'ha-sn-member', name: 'memberId' },
      members.map((m) => el('option', { value: m.id }, `${m.name}（${k.relationLabel(m.relation)}）`)));
    const day = today();
    const date = el('input', { type: 'date', id: 'ha-sn-date', name: 'date', max: day,
      value: String(y) === day.slice(0, 4) ? day : `${y}-12-31` });
    const hospital = el('input', { type: 'text', id: 'ha-sn-hospital', name: 'hospital', maxlength: 120, placeholder: t('如：无锡市人民医院', 'e.g. Wuxi People’s Hospital') });
    const total = el('input', { type: 'text', id: 'ha-sn-total', name: 'totalFen', inputmode: 'decimal', autocomplete: 'off' });
    const reimbursed = el('input', { type: 'text', id: 'ha-sn-reimbursed', name: 'reimbursedFen', inputmode: 'decimal', autocomplete: 'off', placeholder: '0' });
    const note = el('input', { type: 'text', id: 'ha-sn-note', name: 'note', maxlength: 400 });
    const problemSlot = el('div', { id: 'ha-sn-expense-problem', class: 'ui-wide' });
    const form = el('form', { class: 'ui-form ha-subform', id: 'ha-sn-expense-form', novalidate: true },
      el('h4', { class: 'ui-wide' }, t('登记医疗费用', 'Record a cost')),
      problemSlot,
      field(LABELS.memberId, member, { name: 'memberId' }),
      field(LABELS.date, date, { name: 'date' }),
      field(LABELS.hospital, hospital, { name: 'hospital' }),
      field(LABELS.totalFen, total, { name: 'totalFen' }),
      field(LABELS.reimbursedFen, reimbursed, { name: 'reimbursedFen', hint: t('基本医保、大病保险、医疗救助等已报销的金额。', 'What insurance and other aid paid.') }),
      field(LABELS.note, note, { name: 'note', wide: true }),
      el('div', { class: 'ui-form-actions' }, el('button', { type: 'submit', class: 'button', id: 'ha-sn-expense-save' }, t('登记', 'Record'))));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      k.clearErrors(form);
      fill(problemSlot);
      let ok = true;
      const money = (input, name, required) => {
        const r = parseYuan(input.value);
        if (r.empty) {
          if (required) ok = k.fieldError(form, name, t('请填写金额', 'enter the amount'));
          return required ? null : 0;
        }
        if (r.error) {
          ok = k.fieldError(form, name, k.yuanError(r));
          return null;
        }
        return r.fen;
      };
      const totalFen = money(total, 'totalFen', true);
      const reimbursedFen = money(reimbursed, 'reimbursedFen', false);
      if (totalFen != null && totalFen <= 0) ok = k.fieldError(form, 'totalFen', t('须大于 0', 'must be more than 0'));
      if (totalFen != null && reimbursedFen != null && reimbursedFen > totalFen) ok = k.fieldError(form, 'reimbursedFen', t('报销不能超过总费用', 'cannot exceed the total'));
      if (!member.value) ok = k.fieldError(form, 'memberId', t('请选择就医人', 'choose the patient'));
      if (!date.value) ok = k.fieldError(form, 'date', t('请选择日期', 'choose the date'));
      if (!hospital.value.trim()) ok = k.fieldError(form, 'hospital', t('请填写医院', 'enter the hospital'));
      if (!ok) return;
      const button = form.querySelector('#ha-sn-expense-save');
      button.disabled = true;
      try {
        const expense = await context.api(`${BASE}/${household.id}/expenses`, { method: 'POST', body: {
          memberId: Number(member.value), date: date.value, hospital: hospital.value.trim(), totalFen, reimbursedFen, note: note.value.trim() || null,
        } });
        if (!alive) return;
        const expenseYear = String((expense && expense.date) || date.value).slice(0, 4);
        load();
        openHousehold(household.id, { message: expenseYear === String(year.value)
          ? t(`已登记 ${k.money(totalFen)} 的医疗费用。`, `A cost of ${k.money(totalFen)} was recorded.`)
          : t(`已登记 ${k.money(totalFen)} 的医疗费用，计入 ${expenseYear} 年度（请在上方切换年度查看）。`,
            `A cost of ${k.money(totalFen)} was recorded for ${expenseYear}; choose that year above to see it.`) });
      } catch (e) {
        if (!alive) return;
        k.checkSession(e);
        fill(problemSlot, k.problem(e, { form, labels: LABELS, id: 'ha-sn-expense-error' }));
        button.disabled = false;
      }
    });
    return form;
  }

  load();
  return () => { alive = false; };
}
