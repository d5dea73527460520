// 理赔审核 / Claims review (district and platform administrators): list, detail, decisions, payouts.

// lib.js is loaded with this page's own query (the shell adds ?v=<n> after a module update),
// so that new page code never runs with an old copy of the helpers.
const {
  el, kit, field, ensureStyles, parseYuan, fenToYuanText, fmtDate, fmtDateTime, downloadWithToken,
  CLAIM_STATUSES,
} = await import(`./lib.js${new URL(import.meta.url).search}`);

const BASE = '/api/mutual-aid/claims';
const PAYOUTS = '/api/mutual-aid/payouts';
const PAGE_SIZE = 20;
const OPEN = ['SUBMITTED', 'UNDER_REVIEW'];

export function mount(root, context) {
  ensureStyles();
  const k = kit(context);
  const { t } = k;
  const roles = (context.user && context.user.roles) || [];
  const reviewer = roles.includes('DISTRICT_ADMIN') || roles.includes('PLATFORM_ADMIN');
  let alive = true;
  const state = { status: '', page: 1, total: 0, items: [], selected: null };

  const notice = el('div', { id: 'claims-notice' });
  const filter = el('select', { id: 'claim-status-filter', name: 'status', onchange: () => { state.status = filter.value; state.page = 1; loadList(); } },
    el('option', { value: '' }, t('全部状态', 'All statuses')),
    CLAIM_STATUSES.map((s) => el('option', { value: s }, k.statusLabel(s))));
  const listSlot = el('div', { id: 'claim-list-slot' });
  const pager = el('div', { class: 'ma-toolbar', id: 'claim-pager' });
  const detailSlot = el('div', { id: 'claim-detail-slot' });
  const split = el('div', { class: 'ma-split' },
    el('section', { class: 'ma-section', 'aria-labelledby': 'claim-list-title' },
      el('div', { class: 'ma-toolbar' },
        el('h2', { id: 'claim-list-title' }, t('理赔申请', 'Claims')),
        el('span', { class: 'spacer' }),
        el('label', { for: 'claim-status-filter' }, t('状态', 'Status')), filter,
        el('button', { type: 'button', class: 'button', id: 'claim-refresh', onclick: () => loadList() }, t('刷新', 'Refresh'))),
      listSlot, pager),
    detailSlot);
  const payoutSlot = el('section', { class: 'ma-section card', id: 'payouts', 'aria-labelledby': 'payouts-title' });

  root.replaceChildren(el('div', { class: 'ma-page', 'data-testid': 'ma-claims' },
    el('header', {},
      el('h1', {}, t('理赔审核', 'Claims review')),
      el('p', { class: 'muted' }, t('审核本辖区的互助保障理赔申请：系统已按项目规则测算金额，核准时会按最新的限额使用情况重新测算。',
        'Review the claims of your part of the union: the rules have computed each amount, and approval computes it again with the caps used so far.'))),
    notice, split, reviewer ? payoutSlot : null));

  const say = (text, kind = '') => notice.replaceChildren(el('p', { class: `notice ${kind}`, role: 'status', id: 'claims-message' }, text));

  // ---------------------------------------------------------------- list

  async function loadList() {
    const query = new URLSearchParams({ page: String(state.page), size: String(PAGE_SIZE) });
    if (state.status) query.set('status', state.status);
    try {
      const answer = await context.api(`${BASE}?${query}`);
      if (!alive) return;
      state.total = Number(answer.total || 0);
      state.items = Array.isArray(answer.items) ? answer.items : [];
      const pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
      if (state.page > pages && state.total > 0) {
        state.page = pages;
        loadList();
        return;
      }
      renderList(pages);
    } catch (e) {
      if (alive) listSlot.replaceChildren(k.problem(e, { id: 'claim-list-problem' }));
    }
  }

  function renderList(pages) {
    listSlot.replaceChildren(k.table([
      { label: t('编号', 'No.'), key: 'id', className: 'num', value: (c) => String(c.id) },
      { label: t('会员', 'Member'), key: 'member', value: (c) => c.memberName },
      { label: t('项目', 'Plan'), key: 'plan', className: 'nowrap', value: (c) => el('span', { title: c.planNameZh }, c.planCode) },
      { label: t('事件', 'Event'), key: 'event', className: 'nowrap', value: (c) => `${k.eventLabel(c.eventType)} · ${fmtDate(c.eventDate)}` },
      { label: t('测算金额', 'Computed'), key: 'computed', className: 'num', value: (c) => k.money(c.computedFen) },
      { label: t('核准金额', 'Approved'), key: 'approved', className: 'num', value: (c) => (c.approvedFen == null ? '–' : k.money(c.approvedFen)) },
      { label: t('状态', 'Status'), key: 'status', value: (c) => k.badge(c.status) },
      { label: t('提交时间', 'Filed'), key: 'filed', className: 'nowrap', value: (c) => fmtDateTime(c.filedAt) },
      { label: '', key: 'open', value: (c) => el('button', { type: 'button', class: 'button claim-open', onclick: () => openClaim(c.id) }, t('查看', 'Open')) },
    ], state.items, {
      id: 'claim-list',
      empty: state.status ? t('没有该状态的理赔申请。', 'No claims with this status.') : t('暂无理赔申请。', 'No claims yet.'),
      rowAttrs: (c) => ({ class: c.id === state.selected ? 'ma-selected' : null, dataset: { claimId: c.id, status: c.status } }),
    }));
    pager.replaceChildren(
      el('button', { type: 'button', class: 'button', id: 'claim-prev', disabled: state.page <= 1, onclick: () => { state.page--; loadList(); } }, t('上一页', 'Previous')),
      el('span', { id: 'claim-page', class: 'muted', dataset: { page: state.page, pages, total: state.total } },
        t(`第 ${state.page} / ${pages} 页，共 ${state.total} 件`, `Page ${state.page} of ${pages}, ${state.total} claim(s)`)),
      el('button', { type: 'button', class: 'button', id: 'claim-next', disabled: state.page >= pages, onclick: () => { state.page++; loadList(); } }, t('下一页', 'Next')));
  }

  // ---------------------------------------------------------------- detail

  async function openClaim(id) {
    state.selected = id;
    listSlot.querySelectorAll('tr[data-claim-id]').forEach((tr) => tr.classList.toggle('ma-selected', tr.dataset.claimId === String(id)));
    split.classList.add('open');
    detailSlot.replaceChildren(el('p', { class: 'loading' }, t('加载中…', 'Loading…')));
    try {
      const claim = await context.api(`${BASE}/${id}`);
      if (alive && state.selected === id) renderDetail(claim);
    } catch (e) {
      if (alive) detailSlot.replaceChildren(k.problem(e, { id: 'claim-detail-problem' }));
    }
  }

  function renderDetail(claim, problemNode = null) {
    const a = claim.assessment || { lines: [], rejections: [], totalFen: 0 };
    const stay = claim.admissionDate ? `${fmtDate(claim.admissionDate)} ~ ${fmtDate(claim.dischargeDate)}` : null;
    detailSlot.replaceChildren(el('article', { class: 'card ma-detail', id: 'claim-detail', dataset: { claimId: claim.id, status: claim.status } },
      el('div', { class: 'ma-toolbar' },
        el('h2', {}, t(`理赔 #${claim.id}`, `Claim #${claim.id}`)), k.badge(claim.status, { id: 'claim-status' }),
        el('span', { class: 'spacer' }),
        el('button', { type: 'button', class: 'button', id: 'claim-close', onclick: closeDetail }, t('关闭', 'Close'))),
      problemNode,
      k.facts([
        [t('会员', 'Member'), k.paren(claim.memberName, claim.idNumber), 'member'],
        [t('项目', 'Plan'), k.paren(claim.planNameZh, claim.planCode), 'plan'],
        [t('事件', 'Event'), `${k.eventLabel(claim.eventType)} · ${fmtDate(claim.eventDate)}`, 'event'],
        [t('住院期间', 'Hospital stay'), stay, 'stay'],
        [t('医院', 'Hospital'), claim.hospital, 'hospital'],
        [t('诊断', 'Diagnosis'), claim.diagnosis, 'diagnosis'],
        [t('重大疾病', 'Critical illness'), claim.criticalIllness, 'criticalIllness'],
        [t('伤残等级', 'Disability grade'), claim.disabilityGrade == null ? null : t(`${claim.disabilityGrade} 级`, `grade ${claim.disabilityGrade}`), 'grade'],
        [t('医疗总费用', 'Total cost'), k.money(claim.totalCostFen), 'totalCost'],
        [t('基本医保支付', 'Basic insurance paid'), k.money(claim.basicInsuranceFen), 'basicInsurance'],
        [t('商业保险支付', 'Commercial insurance paid'), k.money(claim.commercialInsuranceFen), 'commercialInsurance'],
        [t('测算金额', 'Computed'), k.money(claim.computedFen), 'computed'],
        [t('核准金额', 'Approved'), claim.approvedFen == null ? null : k.money(claim.approvedFen), 'approved'],
        [t('审核意见', 'Reason'), claim.reason, 'reason'],
        [t('提交', 'Filed'), `${fmtDateTime(claim.filedAt)} · ${claim.filedBy}`, 'filed'],
        [t('支付批次', 'Payout batch'), claim.payoutBatchId == null ? null : `#${claim.payoutBatchId}`, 'payoutBatch'],
      ]),
      k.assessment(a),
      el('h3', {}, t('处理记录', 'History')),
      k.table([
        { label: t('时间', 'When'), key: 'at', className: 'nowrap', value: (h) => fmtDateTime(h.at) },
        { label: t('操作人', 'By'), key: 'actor', value: (h) => h.actor },
        { label: t('操作', 'Action'), key: 'action', value: (h) => k.actionLabel(h.action) },
        { label: t('结果', 'Result'), key: 'to', value: (h) => k.badge(h.to) },
        { label: t('说明', 'Detail'), key: 'detail', value: (h) => historyDetail(h.detail) },
      ], claim.history || [], { id: 'claim-history', empty: t('暂无记录', 'No history') }),
      reviewer ? actions(claim) : null));
  }

  /** "amount 2005000 fen; reason" (as the server records an approval) in yuan. */
  function historyDetail(detail) {
    const m = /^amount (\d+) fen(?:; ?(.*))?$/s.exec(detail || '');
    return m ? `${t('核准金额 ', 'amount ')}${k.money(Number(m[1]))}${m[2] ? t(`；${m[2]}`, `; ${m[2]}`) : ''}` : (detail || '');
  }

  function closeDetail() {
    state.selected = null;
    split.classList.remove('open');
    detailSlot.replaceChildren();
    listSlot.querySelectorAll('tr.ma-selected').forEach((tr) => tr.classList.remove('ma-selected'));
  }

  function actions(claim) {
    const box = el('div', { class: 'ma-actions', id: 'claim-actions' }, el('h3', {}, t('审核', 'Decision')));
    if (!OPEN.includes(claim.status)) {
      box.append(el('p', { class: 'muted', id: 'claim-no-actions' }, t(`该申请${k.statusLabel(claim.status)}，无需审核操作。`,
        `This claim is ${k.statusLabel(claim.status).toLowerCase()}; there is nothing to decide.`)));
      return box;
    }
    const amount = el('input', { type: 'text', id: 'claim-amount', name: 'amountFen', inputmode: 'decimal', autocomplete: 'off',
      placeholder: fenToYuanText(claim.computedFen) });
    const reason = el('textarea', { id: 'claim-reason', name: 'reason', rows: 3, maxlength: 1000 });
    const form = el('form', { class: 'ma-form', id: 'claim-decision-form', novalidate: true, onsubmit: (e) => e.preventDefault() },
      field(t('核准金额（元，可选）', 'Amount to approve (yuan, optional)'), amount, {
        hint: t(`留空则按规则测算金额核准（提交时测算 ${k.money(claim.computedFen)}）；低于测算金额时须填写理由。`,
          `Empty approves what the rules allow (computed at filing: ${k.money(claim.computedFen)}); a lower amount needs a reason.`),
      }),
      field(t('理由 / 审核意见', 'Reason'), reason, { wide: true, hint: t('退回、不予理赔时必填。', 'Required to return or reject.') }));
    const problemSlot = el('div', { id: 'claim-action-problem' });
    const button = (action, id, label, cls = 'button') => el('button', { type: 'button', class: cls, id, dataset: { action }, onclick: () => decide(claim, action, form, problemSlot) }, label);
    box.append(form, el('div', { class: 'ma-form-actions' },
      claim.status === 'SUBMITTED' ? button('START_REVIEW', 'claim-start-review', t('开始审核', 'Start review')) : null,
      button('APPROVE', 'claim-approve', t('核准', 'Approve'), 'button primary'),
      button('RETURN', 'claim-return', t('退回补充材料', 'Return')),
      button('REJECT', 'claim-reject', t('不予理赔', 'Reject'))), problemSlot);
    return box;
  }

  async function decide(claim, action, form, problemSlot) {
    k.clearErrors(form);
    problemSlot.replaceChildren();
    const reasonText = form.elements.reason.value.trim();
    let amountFen = null;
    let ok = true;
    if (action === 'APPROVE') {
      const parsed = parseYuan(form.elements.amountFen.value);
      if (parsed.error) ok = k.fieldError(form, 'amountFen', k.yuanError(parsed));
      else if (!parsed.empty) {
        amountFen = parsed.fen;
        if (amountFen <= 0) ok = k.fieldError(form, 'amountFen', t('须大于 0', 'must be more than 0'));
        else if (amountFen < claim.computedFen && !reasonText) ok = k.fieldError(form, 'reason', t('核准金额低于测算金额时须填写理由', 'give a reason for a lower amount'));
      }
    }
    if ((action === 'RETURN' || action === 'REJECT') && !reasonText) {
      ok = k.fieldError(form, 'reason', action === 'RETURN' ? t('请说明退回原因，例如缺少哪些材料', 'say why, e.g. which document is missing')
        : t('请说明不予理赔的原因', 'say why the claim is rejected'));
    }
    if (!ok) return;
    const buttons = [...detailSlot.querySelectorAll('#claim-actions button')];
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const updated = await context.api(`${BASE}/${claim.id}/decision`, {
        method: 'POST', body: { action, amountFen, reason: reasonText || null },
      });
      if (!alive) return;
      renderDetail(updated);
      const done = {
        START_REVIEW: t('已开始审核。', 'Review started.'),
        APPROVE: t(`已核准，金额 ${k.money(updated.approvedFen)}。`, `Approved: ${k.money(updated.approvedFen)}.`),
        RETURN: t('已退回，等待会员补充后重新提交。', 'Returned to the member for corrections.'),
        REJECT: t('已作出不予理赔决定。', 'Rejected.'),
      };
      say(done[action] || '', action === 'REJECT' ? 'warn' : '');
      loadList();
      if (action === 'APPROVE') loadPayouts();
    } catch (e) {
      if (!alive) return;
      if (e.status === 409) {
        // Someone else may have decided meanwhile: show the claim as it is now, with the problem.
        const problem = k.problem(e, { id: 'claim-action-error' });
        try {
          renderDetail(await context.api(`${BASE}/${claim.id}`), problem);
        } catch {
          problemSlot.replaceChildren(problem);
        }
        loadList();
      } else {
        problemSlot.replaceChildren(k.problem(e, { form, id: 'claim-action-error',
          labels: { amountFen: t('核准金额', 'Amount'), reason: t('理由', 'Reason'), action: t('操作', 'Action') } }));
      }
      detailSlot.querySelectorAll('#claim-actions button').forEach((b) => { b.disabled = false; });
    }
  }

  // ---------------------------------------------------------------- payouts

  async function loadPayouts() {
    if (!reviewer) return;
    let batches = [];
    let problem = null;
    try {
      const answer = await context.api(PAYOUTS);
      batches = Array.isArray(answer) ? answer : [];
    } catch (e) {
      problem = k.problem(e, { id: 'payout-list-problem' });
    }
    if (!alive) return;
    const problemSlot = el('div', { id: 'payout-problem' });
    const create = el('button', { type: 'button', class: 'button primary', id: 'payout-create' }, t('生成支付批次', 'Make payout batch'));
    create.addEventListener('click', async () => {
      create.disabled = true;
      problemSlot.replaceChildren();
      try {
        const batch = await context.api(PAYOUTS, { method: 'POST' });
        if (!alive) return;
        say(t(`已生成支付批次 #${batch.id}：${batch.claimCount} 件，合计 ${k.money(batch.totalFen)}。请下载银行文件办理转账。`,
          `Payout batch #${batch.id} made: ${batch.claimCount} claim(s), ${k.money(batch.totalFen)} in all. Download the bank file for the transfer.`));
        loadPayouts();
        loadList();
        if (state.selected) openClaim(state.selected);
      } catch (e) {
        if (!alive) return;
        problemSlot.replaceChildren(k.problem(e, { id: 'payout-create-error' }));
        create.disabled = false;
      }
    });
    payoutSlot.replaceChildren(
      el('div', { class: 'ma-toolbar' },
        el('h2', { id: 'payouts-title' }, t('支付批次', 'Payout batches')),
        el('span', { class: 'spacer' }), create),
      el('p', { class: 'muted' }, t('将本辖区所有“已核准”且未支付的理赔合并为一个支付批次，并标记为已支付；银行文件含完整身份证号，请妥善保管。',
        'Puts every approved, unpaid claim of your part of the union into one batch and marks them paid. The bank file has full ID numbers: keep it safe.')),
      // el() drops nulls; replaceChildren would print them as the text "null".
      el('div', {}, problemSlot, problem,
        problem ? null : k.table([
        { label: t('批次号', 'Batch'), key: 'id', className: 'num', value: (b) => `#${b.id}` },
        { label: t('件数', 'Claims'), key: 'count', className: 'num', value: (b) => String(b.claimCount) },
        { label: t('金额合计', 'Total'), key: 'total', className: 'num', value: (b) => k.money(b.totalFen) },
        { label: t('生成', 'Made'), key: 'created', className: 'nowrap', value: (b) => `${fmtDateTime(b.createdAt)} · ${b.createdBy}` },
        { label: t('银行文件', 'Bank file'), key: 'file', value: (b) => bankFileLink(b, problemSlot) },
      ], batches, { id: 'payout-list', empty: t('还没有支付批次。', 'No payout batches yet.'), rowAttrs: (b) => ({ dataset: { payoutId: b.id } }) })));
  }

  function bankFileLink(batch, problemSlot) {
    const path = `${PAYOUTS}/${batch.id}/bank-file`;
    const link = el('a', { href: path, class: 'payout-bank-file', dataset: { payoutId: batch.id } }, t('下载 CSV', 'Download CSV'));
    link.addEventListener('click', async (event) => {
      event.preventDefault();   // the file needs the bearer token: fetch it and hand over a Blob
      problemSlot.replaceChildren();
      try {
        await downloadWithToken(path, `mutual-aid-payout-${batch.id}.csv`);
      } catch (e) {
        k.checkSession(e);
        if (alive) problemSlot.replaceChildren(k.problem(e, { id: 'payout-file-error' }));
      }
    });
    return link;
  }

  loadList();
  loadPayouts();
  return () => { alive = false; };
}
