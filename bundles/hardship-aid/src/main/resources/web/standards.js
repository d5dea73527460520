// 救助标准 / Aid standards (district administrators see them, platform administrators propose and approve):
// the standards in force on a day, every row with its status, proposing a new standard from a date on,
// and the second platform administrator's approval (maker-checker).

// lib.js is loaded with this page's own query (the shell adds ?v=<n> after a module update),
// so that new page code never runs with an old copy of the helpers.
const {
  el, fill, kit, field, ensureStyles, parseYuan, fenToYuanText, today, API, ITEMS, ITEM_UNITS,
} = await import(`./lib.js${new URL(import.meta.url).search}`);

const BASE = `${API}/standards`;

export function mount(root, context) {
  ensureStyles();
  const k = kit(context);
  const { t } = k;
  const me = (context.user && context.user.username) || '';
  let alive = true;
  let seq = 0;
  let data = { date: today(), inForce: [], rows: [] };

  const notice = el('div', { id: 'ha-standards-notice' });
  const dateInput = el('input', { type: 'date', id: 'ha-standards-date', name: 'date', value: today(), onchange: () => load() });
  const inForceSlot = el('section', { class: 'card ui-section', id: 'ha-in-force-section', 'aria-labelledby': 'ha-in-force-title' });
  const rowsSlot = el('section', { class: 'card ui-section', id: 'ha-rows-section', 'aria-labelledby': 'ha-rows-title' });
  const decisionSlot = el('div', { id: 'ha-standard-decision-slot' });
  const formSlot = el('section', { class: 'card ui-section', id: 'ha-standard-form-section', 'aria-labelledby': 'ha-standard-form-title' });

  fill(root, el('div', { class: 'ui-page', 'data-testid': 'ha-standards' },
    el('header', {},
      el('h1', {}, t('救助标准', 'Aid standards')),
      el('p', { class: 'muted' }, t('各救助项目的金额标准按生效日期执行：发放批次按发放日当天有效的标准计算，已生成批次的发放日之前不能再调整。新标准由一位市总管理员提出、另一位市总管理员审批后生效。',
        'Each item’s amount applies from its effective date: a batch pays the standard in force on its due date, and no standard can start on or before the due date of a batch already generated. A platform administrator proposes a standard and a second one approves it.'))),
    notice,
    el('div', { class: 'ui-toolbar' },
      el('label', { for: 'ha-standards-date' }, t('查看日期', 'In force on')), dateInput,
      el('button', { type: 'button', class: 'button', id: 'ha-standards-today', onclick: () => { dateInput.value = today(); load(); } }, t('今天', 'Today'))),
    inForceSlot, decisionSlot, rowsSlot, k.isPlatform ? formSlot : null));

  const say = (text, kind = '') => fill(notice, el('p', { class: `notice ${kind}`, role: 'status', id: 'ha-standards-message' }, text));

  const unit = (item) => ITEM_UNITS[item] || ['', ''];
  const amountText = (row) => (row.item === 'ENTRANT_TICKET' || row.amountFen == null
    ? k.pick(ITEM_UNITS.ENTRANT_TICKET)
    : `${k.money(row.amountFen)}${t(unit(row.item)[0], ` ${unit(row.item)[1]}`)}`);
  /** The unit in files: "元/户·季度". */
  const unitCell = (item) => (item === 'ENTRANT_TICKET' ? ITEM_UNITS.ENTRANT_TICKET[0] : `元${unit(item)[0]}`);
  const amountCell = (row) => (row.amountFen == null ? '' : fenToYuanText(row.amountFen));

  async function load() {
    const mine = ++seq;
    const day = dateInput.value || today();
    try {
      const answer = await context.api(`${BASE}?date=${encodeURIComponent(day)}`);
      if (!alive || mine !== seq) return;
      k.rememberPeople(answer.people);
      data = {
        date: answer.date || day,
        inForce: Array.isArray(answer.inForce) ? answer.inForce : [],
        rows: Array.isArray(answer.rows) ? answer.rows : [],
      };
      render();
    } catch (e) {
      if (alive && mine === seq) fill(inForceSlot, k.fail(e, 'ha-standards-problem'));
    }
  }

  function render() {
    const inForce = [...data.inForce].sort((a, b) => Object.keys(ITEMS).indexOf(a.item) - Object.keys(ITEMS).indexOf(b.item));
    const missing = Object.keys(ITEMS).filter((item) => !inForce.some((r) => r.item === item));
    fill(inForceSlot,
      el('div', { class: 'ui-toolbar' },
        el('h2', { id: 'ha-in-force-title' }, t(`${k.date(data.date)} 执行的标准`, `In force on ${k.date(data.date)}`)),
        el('span', { class: 'spacer' }),
        k.exportButtons(`救助标准-${k.date(data.date)}`, () => ({
          headers: ['救助项目', '项目代码', '金额(元)', '计发方式', '生效日期'],
          rows: inForce.map((r) => [k.itemLabel(r.item), r.item, amountCell(r), unitCell(r.item), k.date(r.effectiveFrom)]),
        }), 'ha-in-force', inForce.length === 0)),
      k.table([
        { label: t('救助项目', 'Item'), key: 'item', value: (r) => k.itemLabel(r.item) },
        { label: t('标准', 'Amount'), key: 'amount', value: amountText },
        { label: t('生效日期', 'From'), key: 'from', className: 'nowrap', value: (r) => k.date(r.effectiveFrom) },
      ], inForce, {
        id: 'ha-standards-in-force', empty: t('这一天没有生效的标准。', 'No standard is in force on this day.'),
        rowAttrs: (r) => ({ dataset: { item: r.item, standardId: r.id } }),
      }),
      missing.length && inForce.length ? el('p', { class: 'notice warn', id: 'ha-standards-missing' },
        t(`以下项目这一天没有生效的标准，发放批次不会发放：${missing.map(k.itemLabel).join('、')}。`,
          `No standard is in force that day for: ${missing.map(k.itemLabel).join(', ')}; batches pay nothing of them.`)) : null);

    fill(rowsSlot,
      el('div', { class: 'ui-toolbar' },
        el('h2', { id: 'ha-rows-title' }, t('全部标准（新在前）', 'All standards (newest first)')),
        el('span', { class: 'spacer' }),
        k.exportButtons('救助标准-全部', () => ({
          headers: ['编号', '救助项目', '项目代码', '金额(元)', '生效日期', '状态', '提出人', '提出时间', '审批人', '审批时间', '说明'],
          rows: data.rows.map((r) => [r.id, k.itemLabel(r.item), r.item, amountCell(r), k.date(r.effectiveFrom), k.standardStatusLabel(r.status),
            k.person(r.proposedBy), k.when(r.proposedAt), r.decidedBy ? k.person(r.decidedBy) : '', r.decidedAt ? k.when(r.decidedAt) : '', r.note || '']),
        }), 'ha-standards', data.rows.length === 0)),
      k.table([
        { label: t('编号', 'No.'), key: 'id', className: 'num', value: (r) => String(r.id) },
        { label: t('救助项目', 'Item'), key: 'item', value: (r) => k.itemLabel(r.item) },
        { label: t('标准', 'Amount'), key: 'amount', value: amountText },
        { label: t('生效日期', 'From'), key: 'from', className: 'nowrap', value: (r) => k.date(r.effectiveFrom) },
        { label: t('状态', 'Status'), key: 'status', className: 'nowrap', value: (r) => k.standardBadge(r.status) },
        { label: t('提出', 'Proposed'), key: 'proposed', value: (r) => [k.who(r.proposedBy), el('br'), el('small', { class: 'muted nowrap' }, k.when(r.proposedAt))] },
        { label: t('审批', 'Decided'), key: 'decided', value: (r) => (r.decidedBy ? [k.who(r.decidedBy), el('br'), el('small', { class: 'muted nowrap' }, k.when(r.decidedAt))] : '–') },
        { label: t('说明', 'Note'), key: 'note', className: 'ha-note', value: (r) => k.verbatim(r.note) || '' },
        { label: '', key: 'actions', className: 'nowrap', value: (r) => (k.isPlatform && r.status === 'PROPOSED'
          ? el('button', { type: 'button', class: 'button ha-standard-review', dataset: { standardId: r.id }, onclick: () => showDecision(r) },
            r.proposedBy === me ? t('查看', 'View') : t('审批', 'Review'))
          : '') },
      ], data.rows, {
        id: 'ha-standards-rows', empty: t('还没有救助标准。', 'No standards yet.'),
        rowAttrs: (r) => ({ dataset: { standardId: r.id, item: r.item, status: r.status } }),
      }));
  }

  // ---------------------------------------------------------------- approve / reject (platform, not the proposer)

  function showDecision(row) {
    const own = row.proposedBy === me;
    const problemSlot = el('div', { id: 'ha-standard-decision-problem' });
    const note = el('textarea', { id: 'ha-standard-decision-note', name: 'note', rows: 2, maxlength: 400 });
    const form = el('form', { class: 'card ui-form', id: 'ha-standard-decision', novalidate: true, dataset: { standardId: row.id },
      onsubmit: (e) => e.preventDefault() },
    el('h2', { class: 'ui-wide' }, t(`审批标准 #${row.id}：${k.itemLabel(row.item)}`, `Standard #${row.id}: ${k.itemLabel(row.item)}`)),
    el('div', { class: 'ui-wide' }, k.facts([
      [t('标准', 'Amount'), amountText(row), 'amount'],
      [t('生效日期', 'From'), k.date(row.effectiveFrom), 'from'],
      [t('提出人', 'Proposed by'), [k.who(row.proposedBy), ` · ${k.when(row.proposedAt)}`], 'proposedBy'],
      [t('说明', 'Note'), k.verbatim(row.note), 'note'],
    ])),
    own ? el('p', { class: 'notice warn ui-wide', id: 'ha-standard-own' }, t('这是您本人提出的标准，须由另一位市总管理员审批。',
      'You proposed this standard; another platform administrator has to decide it.')) : null,
    field(t('审批意见', 'Note'), note, { name: 'note', wide: true, hint: t('不予通过时必填。', 'Required to reject.') }),
    problemSlot,
    el('div', { class: 'ui-form-actions' },
      el('button', { type: 'button', class: 'button primary', id: 'ha-standard-approve', onclick: () => decide(row, 'APPROVE', form, problemSlot) }, t('批准', 'Approve')),
      el('button', { type: 'button', class: 'button', id: 'ha-standard-reject', onclick: () => decide(row, 'REJECT', form, problemSlot) }, t('不予通过', 'Reject')),
      el('button', { type: 'button', class: 'button', id: 'ha-standard-decision-cancel', onclick: () => fill(decisionSlot) }, t('取消', 'Cancel'))));
    fill(decisionSlot, form);
    form.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }

  async function decide(row, action, form, problemSlot) {
    k.clearErrors(form);
    fill(problemSlot);
    const note = form.elements.note.value.trim();
    if (action === 'REJECT' && !note) {
      k.fieldError(form, 'note', t('请说明不予通过的原因', 'say why'));
      return;
    }
    const buttons = [...form.querySelectorAll('button')];
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const answer = await context.api(`${BASE}/${row.id}/decision`, { method: 'POST', body: { action, note: note || null } });
      if (!alive) return;
      fill(decisionSlot);
      say(action === 'APPROVE'
        ? t(`已批准标准 #${row.id}（${k.itemLabel(row.item)}），自 ${k.date((answer && answer.effectiveFrom) || row.effectiveFrom)} 起执行。`,
          `Standard #${row.id} (${k.itemLabel(row.item)}) approved; in force from ${k.date((answer && answer.effectiveFrom) || row.effectiveFrom)}.`)
        : t(`标准 #${row.id} 未予通过。`, `Standard #${row.id} rejected.`));
      load();
    } catch (e) {
      if (!alive) return;
      k.checkSession(e);
      fill(problemSlot, e.status === 403
        ? el('div', { class: 'notice error ui-problem', role: 'alert', id: 'ha-standard-decision-error', dataset: { status: '403' } },
          el('div', {}, el('strong', {}, t('无权审批', 'Not allowed')), ' ',
            el('span', {}, (e.problem && e.problem.detail) || t('提出人不能审批自己提出的标准，请由另一位市总管理员审批。',
              'The proposer cannot decide a standard; another platform administrator has to.'))))
        : k.problem(e, { form, id: 'ha-standard-decision-error' }));
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  // ---------------------------------------------------------------- propose (platform)

  const LABELS = {
    item: t('救助项目', 'Item'), amountFen: t('金额（元）', 'Amount (yuan)'),
    effectiveFrom: t('生效日期', 'Effective from'), note: t('依据/说明', 'Basis / note'),
  };

  function renderForm() {
    if (!k.isPlatform) return;
    const item = el('select', { id: 'ha-standard-item', name: 'item' },
      Object.keys(ITEMS).map((code) => el('option', { value: code }, k.itemLabel(code))));
    const amount = el('input', { type: 'text', id: 'ha-standard-amount', name: 'amountFen', inputmode: 'decimal', autocomplete: 'off', placeholder: '600' });
    const unitHint = el('small', { class: 'muted', id: 'ha-standard-unit' });
    const from = el('input', { type: 'date', id: 'ha-standard-from', name: 'effectiveFrom' });
    const note = el('textarea', { id: 'ha-standard-note', name: 'note', rows: 2, maxlength: 400,
      placeholder: t('如：锡工发〔2026〕12 号', 'e.g. the notice that sets it') });
    const problemSlot = el('div', { id: 'ha-standard-form-problem', class: 'ui-wide' });
    const sync = () => {
      const ticket = item.value === 'ENTRANT_TICKET';
      amount.disabled = ticket;
      if (ticket) amount.value = '';
      unitHint.textContent = item.value === 'ENTRANT_TICKET' ? k.pick(ITEM_UNITS.ENTRANT_TICKET) : t(`元${unit(item.value)[0]}`, `yuan ${unit(item.value)[1]}`);
      const current = data.inForce.find((r) => r.item === item.value);
      amount.placeholder = current && current.amountFen != null ? fenToYuanText(current.amountFen) : '';
    };
    item.addEventListener('change', sync);
    const form = el('form', { class: 'ui-form', id: 'ha-standard-form', novalidate: true },
      el('h2', { class: 'ui-wide', id: 'ha-standard-form-title' }, t('提出新标准', 'Propose a standard')),
      el('p', { class: 'muted ui-wide' }, t('新标准自生效日期起执行，须晚于该项目已生成批次的发放日（已发放的金额不会改变），并由另一位市总管理员审批。',
        'A new standard applies from its date, which must be after the due date of every batch already generated for the item (payments made never change); another platform administrator approves it.')),
      problemSlot,
      field(LABELS.item, item, { name: 'item' }),
      el('div', { class: 'ui-field', dataset: { field: 'amountFen' } },
        el('label', { for: amount.id }, LABELS.amountFen), amount, unitHint,
        el('small', { class: 'ui-field-error', 'data-error-for': 'amountFen', 'aria-live': 'polite' })),
      field(LABELS.effectiveFrom, from, { name: 'effectiveFrom' }),
      field(LABELS.note, note, { name: 'note', wide: true }),
      el('div', { class: 'ui-form-actions' }, el('button', { type: 'submit', class: 'button primary', id: 'ha-standard-propose' }, t('提交审批', 'Propose'))));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      k.clearErrors(form);
      fill(problemSlot);
      let ok = true;
      let amountFen = null;
      if (item.value !== 'ENTRANT_TICKET') {
        const r = parseYuan(amount.value);
        if (r.empty) ok = k.fieldError(form, 'amountFen', t('请填写金额', 'enter the amount'));
        else if (r.error) ok = k.fieldError(form, 'amountFen', k.yuanError(r));
        else if (r.fen <= 0) ok = k.fieldError(form, 'amountFen', t('须大于 0', 'must be more than 0'));
        else amountFen = r.fen;
      }
      if (!from.value) ok = k.fieldError(form, 'effectiveFrom', t('请选择生效日期', 'choose the date')) && ok;
      if (!ok) return;
      const button = form.querySelector('#ha-standard-propose');
      button.disabled = true;
      try {
        const row = await context.api(BASE, { method: 'POST', body: { item: item.value, amountFen, effectiveFrom: from.value, note: note.value.trim() || null } });
        if (!alive) return;
        amount.value = '';
        note.value = '';
        say(t(`已提出标准 #${row.id}（${k.itemLabel(row.item)}），等待另一位市总管理员审批。`,
          `Standard #${row.id} (${k.itemLabel(row.item)}) proposed; another platform administrator has to approve it.`));
        load();
      } catch (e) {
        if (!alive) return;
        k.checkSession(e);
        fill(problemSlot, k.problem(e, { form, labels: LABELS, id: 'ha-standard-form-error' }));
      } finally {
        button.disabled = false;
      }
    });
    sync();
    fill(formSlot, form);
    return sync;
  }

  const syncForm = renderForm();
  load().then(() => { if (syncForm) syncForm(); });
  return () => { alive = false; };
}
