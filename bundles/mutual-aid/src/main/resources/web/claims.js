// 理赔审核 / Claims review (district and platform administrators): list, detail with the supporting
// documents, decisions, payouts, the import of hospital settlements (draft claims) and the reminders sent.

// lib.js is loaded with this page's own query (the shell adds ?v=<n> after a module update),
// so that new page code never runs with an old copy of the helpers.
const {
  el, fill, kit, field, ensureStyles, parseYuan, fenToYuanText, fmtDate, fmtDateTime, downloadWithToken, uploadRaw, csvBlob, downloadBlob,
  CLAIM_STATUSES, SETTLEMENT_FIELDS, REMINDER_KINDS, REMINDER_STATUSES, PAYOUT_STATUSES, PAYOUT_LINE_STATUSES, today, printOnly,
  routeQuery,
} = await import(`./lib.js${new URL(import.meta.url).search}`);

const BASE = '/api/mutual-aid/claims';
const PAYOUTS = '/api/mutual-aid/payouts';
const SETTLEMENTS = '/api/mutual-aid/settlements';
// the module's reminders in the portal's notification outbox
const REMINDERS = '/api/portal/notifications';
const PAGE_SIZE = 20;
const OPEN = ['SUBMITTED', 'UNDER_REVIEW'];
/** No more documents are taken for these (the server answers 409). */
const CLOSED = ['PAID', 'REJECTED'];
const SETTLEMENT_MAX_BYTES = 32 * 1024 * 1024;   // the server's limit
/** The columns of a settlement file (SettlementReader), in the template's order; the last is optional. */
const SETTLEMENT_COLUMNS = ['idNumber', 'admissionDate', 'dischargeDate', 'hospital', 'totalCost', 'basicInsurance', 'diagnosis'];

export function mount(root, context) {
  ensureStyles();
  const k = kit(context);
  const { t } = k;
  const roles = (context.user && context.user.roles) || [];
  const reviewer = roles.includes('DISTRICT_ADMIN') || roles.includes('PLATFORM_ADMIN');
  // Documents are added by the member or their union's operator (the server allows no one else).
  const filer = roles.includes('UNION_OPERATOR');
  let alive = true;
  // a to-do link of the home page (#/mutual-aid/claims?status=SUBMITTED) opens the list filtered as counted there
  const wanted = routeQuery().get('status');
  const state = { status: CLAIM_STATUSES.includes(wanted) ? wanted : '', page: 1, total: 0, items: [], selected: null };

  const notice = el('div', { id: 'claims-notice' });
  const filter = el('select', { id: 'claim-status-filter', name: 'status', onchange: () => { state.status = filter.value; state.page = 1; loadList(); } },
    el('option', { value: '' }, t('全部状态', 'All statuses')),
    CLAIM_STATUSES.map((s) => el('option', { value: s, selected: s === state.status }, k.statusLabel(s))));
  const listSlot = el('div', { id: 'claim-list-slot' });
  const pager = el('div', { class: 'ui-toolbar', id: 'claim-pager' });
  const detailSlot = el('div', { id: 'claim-detail-slot' });
  const split = el('div', { class: 'ui-split' },
    el('section', { class: 'ui-section', 'aria-labelledby': 'claim-list-title' },
      el('div', { class: 'ui-toolbar' },
        el('h2', { id: 'claim-list-title' }, t('理赔申请', 'Claims')),
        el('span', { class: 'spacer' }),
        el('label', { for: 'claim-status-filter' }, t('状态', 'Status')), filter,
        el('button', { type: 'button', class: 'button', id: 'claim-refresh', onclick: () => loadList() }, t('刷新', 'Refresh'))),
      listSlot, pager),
    detailSlot);
  const payoutSlot = el('section', { class: 'ui-section card', id: 'payouts', 'aria-labelledby': 'payouts-title' });
  const settlementSlot = el('section', { class: 'ui-section card', id: 'settlements', 'aria-labelledby': 'settlements-title' });
  const reminderSlot = el('section', { class: 'ui-section card', id: 'reminders', 'aria-labelledby': 'reminders-title', hidden: true });

  fill(root, el('div', { class: 'ui-page', 'data-testid': 'ma-claims' },
    el('header', {},
      el('h1', {}, t('理赔审核', 'Claims review')),
      el('p', { class: 'muted' }, t('审核本辖区的互助保障理赔申请：系统已按项目规则测算金额，核准时会按最新的限额使用情况重新测算。',
        'Review the claims of your part of the union: the rules have computed each amount, and approval computes it again with the caps used so far.'))),
    notice, split, reviewer ? [settlementSlot, payoutSlot, reminderSlot] : null));

  const say = (text, kind = '') => fill(notice, el('p', { class: `notice ${kind}`, role: 'status', id: 'claims-message' }, text));

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
      if (alive) fill(listSlot, k.problem(e, { id: 'claim-list-problem' }));
    }
  }

  function renderList(pages) {
    fill(listSlot, k.table([
      { label: t('编号', 'No.'), key: 'id', className: 'num', value: (c) => String(c.id) },
      { label: t('会员', 'Member'), key: 'member', value: (c) => k.verbatim(c.memberName) },
      { label: t('项目', 'Plan'), key: 'plan', className: 'nowrap', value: (c) => el('span', { title: c.planCode }, t(c.planNameZh, c.planNameEn) || k.verbatim(c.planCode)) },
      { label: t('事件', 'Event'), key: 'event', className: 'nowrap', value: (c) => `${k.eventLabel(c.eventType)} · ${fmtDate(c.eventDate)}` },
      { label: t('测算金额', 'Computed'), key: 'computed', className: 'num', value: (c) => k.money(c.computedFen) },
      { label: t('核准金额', 'Approved'), key: 'approved', className: 'num', value: (c) => (c.approvedFen == null ? '–' : k.money(c.approvedFen)) },
      { label: t('状态', 'Status'), key: 'status', value: (c) => k.badge(c.status) },
      { label: t('提交时间', 'Filed'), key: 'filed', className: 'nowrap', value: (c) => fmtDateTime(c.filedAt) },
      { label: '', key: 'open', value: (c) => el('button', { type: 'button', class: 'button claim-open', onclick: () => openClaim(c.id) }, t('查看', 'Open')) },
    ], state.items, {
      id: 'claim-list',
      empty: state.status ? t('没有该状态的理赔申请。', 'No claims with this status.') : t('暂无理赔申请。', 'No claims yet.'),
      rowAttrs: (c) => ({ class: c.id === state.selected ? 'ui-selected' : null, dataset: { claimId: c.id, status: c.status } }),
    }));
    fill(pager, 
      el('button', { type: 'button', class: 'button', id: 'claim-prev', disabled: state.page <= 1, onclick: () => { state.page--; loadList(); } }, t('上一页', 'Previous')),
      el('span', { id: 'claim-page', class: 'muted', dataset: { page: state.page, pages, total: state.total } },
        t(`第 ${state.page} / ${pages} 页，共 ${state.total} 件`, `Page ${state.page} of ${pages}, ${state.total} claim(s)`)),
      el('button', { type: 'button', class: 'button', id: 'claim-next', disabled: state.page >= pages, onclick: () => { state.page++; loadList(); } }, t('下一页', 'Next')));
  }

  // ---------------------------------------------------------------- detail

  async function openClaim(id) {
    state.selected = id;
    listSlot.querySelectorAll('tr[data-claim-id]').forEach((tr) => tr.classList.toggle('ui-selected', tr.dataset.claimId === String(id)));
    split.classList.add('open');
    fill(detailSlot, el('p', { class: 'loading' }, t('加载中…', 'Loading…')));
    try {
      const claim = await context.api(`${BASE}/${id}`);
      if (alive && state.selected === id) renderDetail(claim);
    } catch (e) {
      if (alive && state.selected === id) fill(detailSlot, k.problem(e, { id: 'claim-detail-problem' }));
    }
  }

  function renderDetail(claim, problemNode = null) {
    const a = claim.assessment || { lines: [], rejections: [], totalFen: 0 };
    const stay = claim.admissionDate ? `${fmtDate(claim.admissionDate)} ~ ${fmtDate(claim.dischargeDate)}` : null;
    fill(detailSlot, el('article', { class: 'card ui-detail', id: 'claim-detail', dataset: { claimId: claim.id, status: claim.status } },
      el('div', { class: 'ui-toolbar' },
        el('h2', {}, t(`理赔 #${claim.id}`, `Claim #${claim.id}`)), k.badge(claim.status, { id: 'claim-status' }),
        el('span', { class: 'spacer' }),
        el('button', { type: 'button', class: 'button ma-no-print', id: 'claim-print', onclick: (ev) => printOnly(ev.currentTarget.closest('article')) },
          t('打印回执', 'Print receipt')),
        k.backToList(closeDetail, { id: 'claim-close', class: 'button ui-back ma-no-print' })),
      problemNode,
      k.facts([
        [t('会员', 'Member'), k.paren(k.verbatim(claim.memberName), claim.idNumber), 'member'],
        [t('项目', 'Plan'), t(claim.planNameZh, claim.planNameEn) || k.verbatim(claim.planCode), 'plan'],
        [t('事件', 'Event'), `${k.eventLabel(claim.eventType)} · ${fmtDate(claim.eventDate)}`, 'event'],
        [t('住院期间', 'Hospital stay'), stay, 'stay'],
        [t('医院', 'Hospital'), k.verbatim(claim.hospital), 'hospital'],
        [t('诊断', 'Diagnosis'), k.verbatim(claim.diagnosis), 'diagnosis'],
        [t('重大疾病', 'Critical illness'), k.verbatim(claim.criticalIllness), 'criticalIllness'],
        [t('伤残等级', 'Disability grade'), claim.disabilityGrade == null ? null : t(`${claim.disabilityGrade} 级`, `grade ${claim.disabilityGrade}`), 'grade'],
        [t('医疗总费用', 'Total cost'), k.money(claim.totalCostFen), 'totalCost'],
        [t('基本医保支付', 'Basic insurance paid'), k.money(claim.basicInsuranceFen), 'basicInsurance'],
        [t('商业保险支付', 'Commercial insurance paid'), k.money(claim.commercialInsuranceFen), 'commercialInsurance'],
        [t('测算金额', 'Computed'), k.money(claim.computedFen), 'computed'],
        [t('核准金额', 'Approved'), claim.approvedFen == null ? null : k.money(claim.approvedFen), 'approved'],
        [t('审核意见', 'Reason'), k.verbatim(claim.reason), 'reason'],
        [t('提交', 'Filed'), [`${fmtDateTime(claim.filedAt)} · `, k.person(claim.filedByName, claim.filedBy)], 'filed'],
        [t('收款账户', 'Account'), claim.payeeAccount ? [k.verbatim(claim.payeeBank), ` ${claim.payeeAccount}`] : t('未填写', 'not given yet'), 'payee'],
        [t('支付批次', 'Payout batch'), claim.payoutBatchId == null ? null : `#${claim.payoutBatchId}`, 'payoutBatch'],
        [t('支付日期', 'Paid on'), claim.paidOn ? fmtDate(claim.paidOn) : null, 'paidOn'],
        [t('银行退回原因', 'Bank’s reason'), k.verbatim(claim.paymentFailure), 'paymentFailure'],
      ]),
      k.assessment(a),
      el('h3', { id: 'claim-documents-title' }, t('证明材料', 'Supporting documents')),
      k.documents(claim.id, {
        id: 'claim-documents', canUpload: filer && !CLOSED.includes(claim.status),
        onUploaded: () => refreshHistory(claim.id),
      }),
      el('h3', {}, t('处理记录', 'History')),
      el('div', { id: 'claim-history-slot' }, historyTable(claim)),
      reviewer ? actions(claim) : null));
  }

  function historyTable(claim) {
    return k.table([
      { label: t('时间', 'When'), key: 'at', className: 'nowrap', value: (h) => fmtDateTime(h.at) },
      { label: t('操作人', 'By'), key: 'actor', value: (h) => k.person(h.actorName, h.actor) },
      // The settlement import files its drafts as FILE → DRAFT.
      { label: t('操作', 'Action'), key: 'action', value: (h) => k.actionLabel(h.action === 'FILE' && h.to === 'DRAFT' ? 'IMPORT' : h.action) },
      { label: t('结果', 'Result'), key: 'to', value: (h) => k.badge(h.to) },
      { label: t('说明', 'Detail'), key: 'detail', value: (h) => historyDetail(h.detail) },
    ], claim.history || [], { id: 'claim-history', empty: t('暂无记录', 'No history'),
      rowAttrs: (h) => ({ dataset: { action: h.action } }) });
  }

  /** After a document was added: the history shows it (the rest of the panel is left as it is). */
  async function refreshHistory(id) {
    try {
      const claim = await context.api(`${BASE}/${id}`);
      const slot = detailSlot.querySelector(`#claim-detail[data-claim-id="${CSS.escape(String(id))}"] #claim-history-slot`);
      if (alive && slot) fill(slot, historyTable(claim));
    } catch {
      // only a convenience: the list of documents is already up to date
    }
  }

  /**
   * The detail of a history entry as the server records it, in the page's language: "amount 2005000 fen; reason" (an
   * approval) in yuan, "payout batch 3" and "payout batch 3; paid on 2026-05-01" (a payout); anything else is what a
   * person wrote or named (a reason, a file's name, the bank's reason), shown as written.
   */
  function historyDetail(detail) {
    const amount = /^amount (\d+) fen(?:; ?(.*))?$/s.exec(detail || '');
    if (amount) return [`${t('核准金额 ', 'amount ')}${k.money(Number(amount[1]))}`, amount[2] ? [t('；', '; '), k.verbatim(amount[2])] : null];
    const payout = /^payout batch (\d+)(?:; paid on (\S+))?$/.exec(detail || '');
    if (payout) {
      return payout[2] ? t(`支付批次 #${payout[1]}，${fmtDate(payout[2])} 支付`, `payout batch #${payout[1]}, paid on ${fmtDate(payout[2])}`)
        : t(`支付批次 #${payout[1]}`, `payout batch #${payout[1]}`);
    }
    return k.verbatim(detail);
  }

  function closeDetail() {
    state.selected = null;
    split.classList.remove('open');
    fill(detailSlot);
    listSlot.querySelectorAll('tr.ui-selected').forEach((tr) => tr.classList.remove('ui-selected'));
  }

  function actions(claim) {
    const box = el('div', { class: 'ui-actions', id: 'claim-actions' }, el('h3', {}, t('审核', 'Decision')));
    if (claim.status === 'DRAFT') {
      box.append(el('p', { class: 'muted', id: 'claim-no-actions' }, t('这是根据医保结算数据预填的草稿，会员核对提交后才能审核。',
        'This draft was prepared from the hospital settlements; it can be reviewed once the member submits it.')));
      return box;
    }
    if (!OPEN.includes(claim.status)) {
      box.append(el('p', { class: 'muted', id: 'claim-no-actions' }, t(`该申请${k.statusLabel(claim.status)}，无需审核操作。`,
        `This claim is ${k.statusLabel(claim.status).toLowerCase()}; there is nothing to decide.`)));
      return box;
    }
    const amount = el('input', { type: 'text', id: 'claim-amount', name: 'amountFen', inputmode: 'decimal', autocomplete: 'off',
      placeholder: fenToYuanText(claim.computedFen) });
    const reason = el('textarea', { id: 'claim-reason', name: 'reason', rows: 3, maxlength: 1000 });
    const form = el('form', { class: 'ui-form', id: 'claim-decision-form', novalidate: true, onsubmit: (e) => e.preventDefault() },
      field(t('核准金额（元，可选）', 'Amount to approve (yuan, optional)'), amount, {
        hint: t(`留空则按规则测算金额核准（提交时测算 ${k.money(claim.computedFen)}）；低于测算金额时须填写理由。`,
          `Empty approves what the rules allow (computed at filing: ${k.money(claim.computedFen)}); a lower amount needs a reason.`),
      }),
      field(t('理由 / 审核意见', 'Reason'), reason, { wide: true, hint: t('退回、不予理赔时必填。', 'Required to return or reject.') }));
    const problemSlot = el('div', { id: 'claim-action-problem' });
    const button = (action, id, label, cls = 'button') => el('button', { type: 'button', class: cls, id, dataset: { action }, onclick: () => decide(claim, action, form, problemSlot) }, label);
    box.append(form, el('div', { class: 'ui-form-actions' },
      claim.status === 'SUBMITTED' ? button('START_REVIEW', 'claim-start-review', t('开始审核', 'Start review')) : null,
      button('APPROVE', 'claim-approve', t('核准', 'Approve'), 'button primary'),
      button('RETURN', 'claim-return', t('退回补充材料', 'Return')),
      button('REJECT', 'claim-reject', t('不予理赔', 'Reject'))), problemSlot);
    return box;
  }

  async function decide(claim, action, form, problemSlot) {
    k.clearErrors(form);
    fill(problemSlot);
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
    const amountText = k.money(amountFen ?? claim.computedFen);
    const who = k.verbatim(claim.memberName);   // as written, inside a question in the page's language
    const questions = {
      APPROVE: [t(`核准理赔 #${claim.id}`, `Approve claim #${claim.id}`),
        [t(`将核准理赔 #${claim.id}（`, `Approve claim #${claim.id} (`), who,
          t(`），金额 ${amountFen == null ? `按规则重新测算（提交时 ${amountText}）` : amountText}，确定？`,
            `) for ${amountFen == null ? `what the rules allow now (${amountText} at filing)` : amountText}?`)]],
      RETURN: [t(`退回理赔 #${claim.id}`, `Return claim #${claim.id}`),
        [t(`将把理赔 #${claim.id} 退回 `, `Return claim #${claim.id} to `), who,
          t(' 补充材料，并短信通知会员，确定？', ' for more documents, with a text message to the member?')]],
      REJECT: [t(`不予理赔 #${claim.id}`, `Reject claim #${claim.id}`),
        [t(`将对理赔 #${claim.id}（`, `Reject claim #${claim.id} (`), who,
          t('）作出不予理赔决定，决定后不能撤回，确定？', ')? This cannot be undone.')]],
    };
    if (questions[action] && !(await k.confirm({ title: questions[action][0], message: questions[action][1],
      confirmLabel: t('确定', 'Confirm'), danger: action === 'REJECT' }))) return;
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
          fill(problemSlot, problem);
        }
        loadList();
      } else {
        fill(problemSlot, k.problem(e, { form, id: 'claim-action-error',
          labels: { amountFen: t('核准金额', 'Amount'), reason: t('理由', 'Reason'), action: t('操作', 'Action') } }));
      }
      detailSlot.querySelectorAll('#claim-actions button').forEach((b) => { b.disabled = false; });
    }
  }

  // ---------------------------------------------------------------- payouts
  // 预览 (nothing changes) → 生成 (claims are in payment) → 审批 by a second person → 银行文件 → 登记银行结果.

  const payout = { batches: [], openId: null };
  const proposalSlot = el('div', { id: 'payout-proposal' });
  const batchSlot = el('div', { id: 'payout-detail' });
  const payoutProblem = el('div', { id: 'payout-problem' });

  async function loadPayouts() {
    if (!reviewer) return;
    let problem = null;
    try {
      const answer = await context.api(PAYOUTS);
      payout.batches = Array.isArray(answer) ? answer : [];
    } catch (e) {
      problem = k.problem(e, { id: 'payout-list-problem' });
    }
    if (!alive) return;
    const batches = payout.batches;
    const second = batches.length ? batches[0].secondPersonRequired : true;
    fill(payoutSlot,
      el('div', { class: 'ui-toolbar' },
        el('h2', { id: 'payouts-title' }, t('支付批次', 'Payout batches')),
        el('span', { class: 'spacer' }),
        problem ? null : k.exportButtons('互助保障支付批次', () => ({
          headers: ['批次号', '状态', '件数', '金额合计(元)', '生成时间', '生成人', '审批人', '支付日期'],
          rows: batches.map((b) => [b.id, k.pick(PAYOUT_STATUSES[b.status], b.status), b.claimCount, fenToYuanText(b.totalFen),
            fmtDateTime(b.createdAt), b.createdByName || b.createdBy, b.approvedByName || b.approvedBy || '', b.paidOn || '']),
        }), 'payout-list', batches.length === 0),
        el('button', { type: 'button', class: 'button primary', id: 'payout-preview', onclick: previewPayout }, t('预览支付批次', 'Preview a payout batch'))),
      el('p', { class: 'muted' }, t('① 预览：列出本辖区已核准、已填收款账户的理赔及合计，不作任何改动；② 生成批次：这些理赔转为“支付中”；'
        + `③ 审批${second ? '：须由生成人以外的另一位工作人员审批' : ''}；④ 下载银行文件办理转账；⑤ 登记银行结果：成功的理赔才标记为“已支付”并通知会员，失败的退回“已核准”并注明银行原因。`,
      '① Preview: the approved claims of your part of the union that have an account, and their total; nothing changes. '
        + `② Make the batch: those claims are in payment. ③ Approval${second ? ', by someone other than its maker' : ''}. `
        + '④ Download the bank file for the transfer. ⑤ Record the bank’s result: only then are claims paid and members told; failed ones go back to approved with the bank’s reason.')),
      payoutProblem, problem, proposalSlot,
      problem ? null : k.table([
        { label: t('批次号', 'Batch'), key: 'id', className: 'num', value: (b) => `#${b.id}` },
        { label: t('状态', 'Status'), key: 'status', value: (b) => k.payoutBadge(b.status) },
        { label: t('件数', 'Claims'), key: 'count', className: 'num', value: (b) => String(b.claimCount) },
        { label: t('金额合计', 'Total'), key: 'total', className: 'num', value: (b) => k.money(b.totalFen) },
        { label: t('生成', 'Made'), key: 'created', className: 'nowrap', value: (b) => [`${fmtDateTime(b.createdAt)} · `, k.person(b.createdByName, b.createdBy)] },
        { label: t('审批', 'Approved'), key: 'approved', className: 'nowrap', value: (b) => (b.approvedBy ? [`${fmtDateTime(b.approvedAt)} · `, k.person(b.approvedByName, b.approvedBy)] : '–') },
        { label: t('支付日期', 'Paid on'), key: 'paidOn', className: 'nowrap', value: (b) => fmtDate(b.paidOn) || '–' },
        { label: '', key: 'open', value: (b) => el('button', { type: 'button', class: 'button payout-open', dataset: { payoutId: b.id },
          onclick: () => openBatch(b.id) }, t('查看', 'Open')) },
      ], batches, { id: 'payout-list', empty: t('还没有支付批次。', 'No payout batches yet.'),
        rowAttrs: (b) => ({ dataset: { payoutId: b.id, status: b.status } }) }),
      batchSlot);
    if (payout.openId != null) openBatch(payout.openId);
  }

  const proposalClaims = (rows, id) => k.table([
    { label: t('理赔', 'Claim'), key: 'claim', className: 'num', value: (p) => `#${p.claimId}` },
    { label: t('收款人', 'Payee'), key: 'name', value: (p) => k.paren(k.verbatim(p.name), p.idNumber) },
    { label: t('项目', 'Plan'), key: 'plan', value: (p) => k.planName(p) },
    { label: t('开户银行', 'Bank'), key: 'bank', value: (p) => k.verbatim(p.payeeBank) || '–' },
    { label: t('银行账号', 'Account'), key: 'account', className: 'nowrap', value: (p) => p.payeeAccount || '–' },
    { label: t('金额', 'Amount'), key: 'amount', className: 'num', value: (p) => k.money(p.amountFen) },
  ], rows, { id, rowAttrs: (p) => ({ dataset: { claimId: p.claimId } }) });

  async function previewPayout() {
    fill(payoutProblem);
    fill(proposalSlot, el('p', { class: 'loading muted' }, t('正在预览…', 'Previewing…')));
    let proposal;
    try {
      proposal = await context.api(`${PAYOUTS}/proposal`);
    } catch (e) {
      if (alive) fill(proposalSlot, k.problem(e, { id: 'payout-proposal-error' }));
      return;
    }
    if (!alive) return;
    const claims = proposal.claims || [];
    const missing = proposal.missingAccount || [];
    const create = el('button', { type: 'button', class: 'button primary', id: 'payout-create', disabled: claims.length === 0 },
      t('生成支付批次', 'Make the payout batch'));
    create.addEventListener('click', async () => {
      const sure = await k.confirm({
        title: t('生成支付批次', 'Make a payout batch'),
        message: t(`将把 ${claims.length} 件理赔（合计 ${k.money(proposal.totalFen)}）生成支付批次，这些理赔转为“支付中”，待审批后下载银行文件转账。确定？`,
          `This puts ${claims.length} claim(s), ${k.money(proposal.totalFen)} in all, into a payout batch; they are in payment until the bank’s result. Go ahead?`),
        confirmLabel: t('生成批次', 'Make the batch'),
      });
      if (!sure) return;
      create.disabled = true;
      try {
        const batch = await context.api(PAYOUTS, { method: 'POST', body: { claimIds: claims.map((c) => c.claimId) } });
        if (!alive) return;
        fill(proposalSlot);
        say(t(`已生成支付批次 #${batch.id}：${batch.claimCount} 件，合计 ${k.money(batch.totalFen)}，待审批。`,
          `Payout batch #${batch.id} made: ${batch.claimCount} claim(s), ${k.money(batch.totalFen)} in all, awaiting approval.`));
        payout.openId = batch.id;
        loadPayouts();
        loadList();
      } catch (e) {
        if (!alive) return;
        fill(payoutProblem, k.problem(e, { id: 'payout-create-error' }));
        create.disabled = false;
      }
    });
    fill(proposalSlot, el('div', { class: 'card ui-section', id: 'payout-proposal-card', dataset: { count: claims.length, totalFen: proposal.totalFen } },
      el('h3', {}, t('支付批次预览', 'Preview')),
      el('p', { id: 'payout-proposal-total', class: 'ui-total' }, claims.length
        ? t(`可支付 ${claims.length} 件，合计 ${k.money(proposal.totalFen)}（预览不作任何改动）。`,
          `${claims.length} claim(s) can be paid, ${k.money(proposal.totalFen)} in all (a preview changes nothing).`)
        : t('没有已核准且已填收款账户的待支付理赔。', 'No approved claim with an account is waiting for payment.')),
      claims.length ? proposalClaims(claims, 'payout-proposal-claims') : null,
      missing.length ? [el('p', { class: 'notice warn', id: 'payout-missing-account' },
        t(`另有 ${missing.length} 件已核准的理赔缺少收款账户，须由会员或经办人补填后才能支付。`,
          `${missing.length} more approved claim(s) have no account yet: the member or their operator adds it first.`)),
      proposalClaims(missing, 'payout-missing-claims')] : null,
      el('div', { class: 'ui-form-actions' }, create,
        el('button', { type: 'button', class: 'button', id: 'payout-preview-close', onclick: () => fill(proposalSlot) }, t('关闭预览', 'Close')))));
  }

  async function openBatch(id) {
    payout.openId = id;
    let batch;
    try {
      batch = await context.api(`${PAYOUTS}/${id}`);
    } catch (e) {
      if (alive) fill(batchSlot, k.problem(e, { id: 'payout-detail-error' }));
      return;
    }
    if (!alive || payout.openId !== id) return;
    renderBatch(batch);
  }

  function renderBatch(b) {
    const lines = b.lines || [];
    const me = context.user && context.user.username;
    const act = async (path, question, done, button) => {
      if (!(await k.confirm(question))) return;
      button.disabled = true;
      fill(payoutProblem);
      try {
        const after = await context.api(`${PAYOUTS}/${b.id}/${path}`, { method: 'POST' });
        if (!alive) return;
        say(done(after));
        loadPayouts();
        loadList();
      } catch (e) {
        if (!alive) return;
        fill(payoutProblem, k.problem(e, { id: `payout-${path}-error` }));
        button.disabled = false;
      }
    };
    const actions = el('div', { class: 'ui-form-actions', id: 'payout-actions' });
    if (b.status === 'DRAFT') {
      const approve = el('button', { type: 'button', class: 'button primary', id: 'payout-approve', disabled: !b.canApprove },
        t('审批通过', 'Approve'));
      approve.addEventListener('click', () => act('approve', {
        title: t(`审批支付批次 #${b.id}`, `Approve payout batch #${b.id}`),
        message: t(`将审批支付批次 #${b.id}：${b.claimCount} 件，合计 ${k.money(b.totalFen)}。审批后可下载银行文件办理转账，确定？`,
          `Approve payout batch #${b.id}: ${b.claimCount} claim(s), ${k.money(b.totalFen)} in all. The bank file can then be downloaded for the transfer. Go ahead?`),
        confirmLabel: t('审批通过', 'Approve'),
      }, () => t(`支付批次 #${b.id} 已审批，请下载银行文件办理转账。`, `Payout batch #${b.id} approved: download the bank file for the transfer.`), approve));
      const discard = el('button', { type: 'button', class: 'button', id: 'payout-discard' }, t('作废批次', 'Discard'));
      discard.addEventListener('click', () => act('discard', {
        title: t(`作废支付批次 #${b.id}`, `Discard payout batch #${b.id}`),
        message: t(`将作废支付批次 #${b.id}，其中 ${b.claimCount} 件理赔恢复为“已核准”，等待下一批次。确定？`,
          `Discard payout batch #${b.id}: its ${b.claimCount} claim(s) are approved again and wait for the next batch. Go ahead?`),
        confirmLabel: t('作废', 'Discard'), danger: true,
      }, () => t(`支付批次 #${b.id} 已作废。`, `Payout batch #${b.id} discarded.`), discard));
      actions.append(approve, discard);
      if (!b.canApprove) {
        actions.append(el('small', { class: 'muted', id: 'payout-approve-hint' }, b.createdBy === me
          ? t('此批次由您生成，须由另一位工作人员审批（四眼原则）。', 'You made this batch: someone else approves it (maker-checker).')
          : t('您不能审批此批次。', 'You cannot approve this batch.')));
      }
    }
    if (b.status === 'APPROVED' || b.status === 'CLOSED') {
      for (const format of ['csv', 'xlsx']) {
        actions.append(el('button', { type: 'button', class: 'button', id: `payout-bank-file-${format}`, onclick: async () => {
          fill(payoutProblem);
          try {
            await downloadWithToken(`${PAYOUTS}/${b.id}/bank-file?format=${format}`, `互助金支付批次-${b.id}-银行文件.${format}`,
              { accept: format === 'csv' ? 'text/csv, application/problem+json' : '*/*' });
          } catch (e) {
            k.checkSession(e);
            if (alive) fill(payoutProblem, k.problem(e, { id: 'payout-file-error' }));
          }
        } }, format === 'csv' ? t('下载银行文件 (CSV)', 'Bank file (CSV)') : t('下载银行文件 (Excel)', 'Bank file (XLSX)')));
      }
    }
    const pending = b.status === 'APPROVED';
    const lineRows = k.table([
      { label: t('理赔', 'Claim'), key: 'claim', className: 'num', value: (l) => `#${l.claimId}` },
      { label: t('收款人', 'Payee'), key: 'name', value: (l) => k.paren(k.verbatim(l.name), l.idNumber) },
      { label: t('项目', 'Plan'), key: 'plan', value: (l) => k.planName(l) },
      { label: t('开户银行', 'Bank'), key: 'bank', value: (l) => k.verbatim(l.payeeBank) || '–' },
      { label: t('银行账号', 'Account'), key: 'account', className: 'nowrap', value: (l) => l.payeeAccount || '–' },
      { label: t('金额', 'Amount'), key: 'amount', className: 'num', value: (l) => k.money(l.amountFen) },
      { label: t('结果', 'Outcome'), key: 'status', value: (l) => (pending
        ? el('span', { class: 'ma-line-result' },
          el('label', { class: 'nowrap' }, el('input', { type: 'checkbox', class: 'payout-line-failed', dataset: { claimId: l.claimId } }),
            t(' 失败', ' failed')),
          el('input', { type: 'text', class: 'payout-line-reason', maxlength: 400, dataset: { claimId: l.claimId },
            placeholder: t('银行退回原因，如：账户已销户', 'the bank’s reason, e.g. account closed'), 'aria-label': t('失败原因', 'Reason') }))
        : [k.payoutBadge(l.status, PAYOUT_LINE_STATUSES), l.failureReason ? el('small', { class: 'ma-last-error ui-verbatim' }, l.failureReason) : null]) },
    ], lines, { id: 'payout-lines', rowAttrs: (l) => ({ dataset: { claimId: l.claimId, status: l.status } }) });
    let resultForm = null;
    if (pending) {
      const paidOn = el('input', { type: 'date', id: 'payout-paid-on', name: 'paidOn', value: today(), max: today() });
      const record = el('button', { type: 'button', class: 'button primary', id: 'payout-result' }, t('登记银行结果', 'Record the bank’s result'));
      resultForm = el('form', { class: 'ui-form', id: 'payout-result-form', novalidate: true, onsubmit: (e) => e.preventDefault() },
        field(t('银行支付日期', 'Day the bank paid'), paidOn, { hint: t('在上表中勾选银行退回的转账并填写原因；未勾选的视为支付成功。',
          'Tick the transfers the bank returned and give its reason; the others were paid.') }),
        el('div', { class: 'ui-form-actions' }, record));
      record.addEventListener('click', async () => {
        k.clearErrors(resultForm);
        fill(payoutProblem);
        const failed = [...batchSlot.querySelectorAll('.payout-line-failed:checked')].map((box) => ({
          claimId: Number(box.dataset.claimId),
          reason: batchSlot.querySelector(`.payout-line-reason[data-claim-id="${box.dataset.claimId}"]`).value.trim(),
        }));
        const blank = failed.find((f) => !f.reason);
        if (blank) {
          fill(payoutProblem, el('p', { class: 'notice error', role: 'alert', id: 'payout-result-check' },
            t(`请填写理赔 #${blank.claimId} 的银行退回原因。`, `Give the bank’s reason for claim #${blank.claimId}.`)));
          batchSlot.querySelector(`.payout-line-reason[data-claim-id="${blank.claimId}"]`).focus();
          return;
        }
        if (!paidOn.value) {
          k.fieldError(resultForm, 'paidOn', t('请填写支付日期', 'required'));
          paidOn.focus();
          return;
        }
        const failedIds = new Set(failed.map((f) => f.claimId));
        const paidLines = lines.filter((l) => !failedIds.has(l.claimId));
        const paidFen = paidLines.reduce((sum, l) => sum + Number(l.amountFen), 0);
        const sure = await k.confirm({
          title: t(`登记支付批次 #${b.id} 的银行结果`, `Record the bank’s result of batch #${b.id}`),
          message: t(`将登记：${paidLines.length} 件已支付（合计 ${k.money(paidFen)}，支付日期 ${paidOn.value}），并通知会员“互助金已发放”；`
            + `${failed.length} 件支付失败，退回“已核准”。登记后不能更改，确定？`,
          `${paidLines.length} claim(s) paid (${k.money(paidFen)}, on ${paidOn.value}) and their members told; ${failed.length} failed and approved again. `
            + 'This cannot be changed afterwards. Go ahead?'),
          confirmLabel: t('登记结果', 'Record'),
        });
        if (!sure) return;
        record.disabled = true;
        try {
          await context.api(`${PAYOUTS}/${b.id}/result`, { method: 'POST', body: { paidOn: paidOn.value, failed } });
          if (!alive) return;
          say(t(`已登记支付批次 #${b.id} 的银行结果：${paidLines.length} 件已支付，${failed.length} 件失败。`,
            `Bank result of batch #${b.id} recorded: ${paidLines.length} paid, ${failed.length} failed.`));
          loadPayouts();
          loadList();
        } catch (e) {
          if (!alive) return;
          fill(payoutProblem, k.problem(e, { form: resultForm, id: 'payout-result-error', labels: { paidOn: t('支付日期', 'Paid on') } }));
          record.disabled = false;
        }
      });
    }
    const returnFile = pending ? bankReturnFile(b) : null;
    fill(batchSlot, el('article', { class: 'card ui-detail', id: 'payout-batch', dataset: { payoutId: b.id, status: b.status } },
      el('div', { class: 'ui-toolbar' },
        el('h3', {}, t(`支付批次 #${b.id}`, `Payout batch #${b.id}`)), k.payoutBadge(b.status),
        el('span', { class: 'spacer' }),
        k.backToList(() => { payout.openId = null; fill(batchSlot); }, { id: 'payout-close' })),
      k.facts([
        [t('件数', 'Claims'), String(b.claimCount), 'count'],
        [t('金额合计', 'Total'), k.money(b.totalFen), 'total'],
        [t('生成', 'Made'), [`${fmtDateTime(b.createdAt)} · `, k.person(b.createdByName, b.createdBy)], 'created'],
        [t('审批', 'Approved'), b.approvedBy ? [`${fmtDateTime(b.approvedAt)} · `, k.person(b.approvedByName, b.approvedBy)] : null, 'approved'],
        [t('银行支付日期', 'Paid on'), b.paidOn ? fmtDate(b.paidOn) : null, 'paidOn'],
      ]),
      lineRows, resultForm, returnFile, actions));
  }

  /**
   * 上传银行回盘文件 (the page kit's bankReturnFile): previewed, then recorded after a confirmation; the day the bank paid
   * goes with it.
   */
  function bankReturnFile(b) {
    const paidOn = el('input', { type: 'date', id: 'payout-return-paid-on', name: 'paidOn', value: today(), max: today() });
    return k.bankReturnFile({
      idPrefix: 'payout',
      alive: () => alive,
      heading: t('或上传银行回盘文件', 'Or upload the bank’s return file'),
      unit: t(' 件', ''),
      fields: [el('label', { for: 'payout-return-paid-on' }, t('银行支付日期', 'Day the bank paid')), paidOn],
      check: () => (paidOn.value ? null : { message: t('请填写银行支付日期。', 'Give the day the bank paid.'), focus: paidOn }),
      url: ({ fileName, confirm }) => `${PAYOUTS}/${b.id}/result-file?${new URLSearchParams({ fileName, paidOn: paidOn.value, confirm: String(confirm) })}`,
      line: { key: 'claimId', label: t('理赔', 'Claim'), text: (l) => `#${l.claimId}` },
      question: (answer) => ({
        title: t(`登记支付批次 #${b.id} 的银行结果`, `Record the bank’s result of batch #${b.id}`),
        message: t(`将按回盘文件登记：${answer.paidCount} 件已支付（合计 ${k.money(answer.paidFen)}，支付日期 ${paidOn.value}），并通知会员“互助金已发放”；`
          + `${answer.failedCount} 件转账失败（合计 ${k.money(answer.failedFen)}），退回“已核准”并短信提醒会员核对银行账户。登记后不能更改，确定？`,
        `${answer.paidCount} claim(s) paid (${k.money(answer.paidFen)}, on ${paidOn.value}) and their members told; ${answer.failedCount} failed `
          + `(${k.money(answer.failedFen)}), approved again, and their members asked by SMS to check the account. This cannot be changed afterwards. Go ahead?`),
        confirmLabel: t('登记结果', 'Record'),
      }),
      onRecorded: (recorded) => {
        say(t(`已按回盘文件登记支付批次 #${b.id} 的银行结果：${recorded.paidCount} 件已支付，${recorded.failedCount} 件失败。`,
          `Bank result of batch #${b.id} recorded from the file: ${recorded.paidCount} paid, ${recorded.failedCount} failed.`));
        loadPayouts();
        loadList();
      },
    });
  }

  // ---------------------------------------------------------------- settlement import (draft claims)

  function renderSettlements() {
    if (!reviewer) return;
    let upload = null;
    const fileInput = el('input', { type: 'file', id: 'settlement-file', name: 'settlementFile', accept: '.csv,.txt,text/csv',
      'aria-describedby': 'settlement-file-hint' });
    const importButton = el('button', { type: 'button', class: 'button primary', id: 'settlement-import', disabled: true },
      t('导入并生成理赔草稿', 'Import and prepare draft claims'));
    const progress = el('progress', { id: 'settlement-progress', max: 100, value: 0 });
    const progressText = el('span', { class: 'muted', 'aria-live': 'polite' });
    const cancel = el('button', { type: 'button', class: 'button', id: 'settlement-cancel', onclick: () => upload && upload.abort() }, t('取消', 'Cancel'));
    const progressRow = el('div', { class: 'ui-progress', id: 'settlement-progress-row', hidden: true }, progress, progressText, cancel);
    const result = el('div', { id: 'settlement-result', 'aria-live': 'polite' });
    const sync = () => { importButton.disabled = Boolean(upload) || fileInput.files.length === 0; };
    const fieldName = (name) => k.pick(SETTLEMENT_FIELDS[name], name);

    const fileProblem = (file) => {
      const ext = ((/\.([^.]+)$/.exec(file.name) || [])[1] || '').toLowerCase();
      if (['xls', 'xlsx', 'et'].includes(ext)) return t('请在 Excel 中“另存为”CSV（逗号分隔）文件后上传。', 'Save the sheet as CSV (comma separated) in Excel first.');
      if (!['csv', 'txt'].includes(ext)) return t('只能导入 .csv 文件。', 'Only .csv files can be imported.');
      if (file.size === 0) return t('文件是空的。', 'The file is empty.');
      if (file.size > SETTLEMENT_MAX_BYTES) return t('文件超过 32 MB，请分成几个文件导入。', 'The file is larger than 32 MB; split it.');
      return null;
    };
    fileInput.addEventListener('change', () => {
      fill(result);
      const file = fileInput.files[0];
      const problem = file && fileProblem(file);
      if (problem) {
        fill(result, el('p', { class: 'notice error', role: 'alert', id: 'settlement-file-problem' }, problem));
        fileInput.value = '';
      }
      sync();
    });

    const problemsTable = (problems) => k.table([
      { label: t('行号', 'Line'), key: 'line', className: 'num', value: (p) => String(p.line ?? '') },
      { label: t('栏目', 'Column'), key: 'field', className: 'nowrap', value: (p) => fieldName(p.field) },
      { label: t('问题', 'Problem'), key: 'message', value: (p) => p.message },
    ], problems, { id: 'settlement-problems', rowAttrs: (p) => ({ dataset: { line: p.line, field: p.field } }) });
    const problemsCsv = (problems) => k.csvButton(t('下载问题清单 (CSV)', 'Download problems (CSV)'), '医保结算导入问题清单.csv',
      () => ({ headers: ['行号', '栏目', '问题'], rows: problems.map((p) => [p.line, fieldName(p.field), p.message]) }),
      { id: 'settlement-problems-csv' });

    const showResult = (answer, fileName) => {
      const problems = Array.isArray(answer.problems) ? answer.problems : [];
      const drafts = Number(answer.draftClaims || 0);
      fill(result, el('div', { class: 'ui-section', id: 'settlement-summary', dataset: {
        rows: answer.rows ?? 0, draftClaims: drafts, alreadyClaimed: answer.alreadyClaimed ?? 0,
        notCovered: answer.notCovered ?? 0, problems: problems.length } },
      el('p', { class: `notice ${problems.length ? 'warn' : ''}`, role: 'status', id: 'settlement-message' }, drafts > 0
        ? t(`已导入“${fileName}”：生成 ${drafts} 件理赔草稿，系统将提醒相关会员核对提交。`,
          `“${fileName}” imported: ${drafts} draft claim(s) prepared; the members are reminded to check and submit them.`)
        : t(`已导入“${fileName}”：没有需要生成的理赔草稿。`, `“${fileName}” imported: no new draft claims.`)),
      k.facts([
        [t('数据行', 'Rows'), String(answer.rows ?? 0), 'rows'],
        [t('生成理赔草稿', 'Draft claims prepared'), String(drafts), 'draftClaims'],
        [t('已有理赔（跳过）', 'Already claimed (skipped)'), String(answer.alreadyClaimed ?? 0), 'alreadyClaimed'],
        [t('不在保障范围（跳过）', 'Not covered (skipped)'), String(answer.notCovered ?? 0), 'notCovered'],
        [t('有问题的行（跳过）', 'Rows with problems (skipped)'), String(new Set(problems.map((p) => p.line)).size), 'problemRows'],
      ], { id: 'settlement-counts' }),
      problems.length ? [
        el('p', { class: 'muted' }, t('以下各行未导入。请在文件中修改后重新导入；已生成草稿或已有理赔的住院不会重复生成。',
          'These rows were not imported. Fix them in the file and import it again; stays already drafted or claimed are not prepared twice.')),
        problemsTable(problems),
        el('div', { class: 'ui-form-actions' }, problemsCsv(problems))] : null));
    };

    importButton.addEventListener('click', async () => {
      const file = fileInput.files[0];
      if (!file || upload) return;
      fill(result);
      progress.value = 0;
      progressText.textContent = '0%';
      progressRow.hidden = false;
      cancel.hidden = false;
      upload = uploadRaw(SETTLEMENTS, file, (fraction) => {
        progress.value = Math.round(fraction * 100);
        progressText.textContent = fraction >= 1 ? t('上传完成，正在核对…', 'Uploaded, matching the stays…') : `${Math.round(fraction * 100)}%`;
        if (fraction >= 1) cancel.hidden = true;
      });
      sync();
      try {
        const answer = await upload.promise;
        if (!alive) return;
        showResult(answer || {}, file.name);
        fileInput.value = '';
        loadList();
        loadReminders();   // the members of new drafts are reminded
      } catch (e) {
        if (!alive) return;
        k.checkSession(e);
        const errors = (e.problem && e.problem.errors) || [];
        if (e.name === 'AbortError') {
          fill(result, el('p', { class: 'notice warn', id: 'settlement-cancelled' }, t('已取消导入。', 'Import cancelled.')));
        } else if (e.status === 422 && errors.length) {
          // Problems with the whole file (columns missing, unreadable): the errors are "line N: field".
          const problems = errors.map((fe) => {
            const m = /^line (\d+): (.*)$/.exec(fe.field || '');
            return { line: m ? Number(m[1]) : '', field: m ? m[2] : fe.field, message: fe.message };
          });
          fill(result, el('p', { class: 'notice error', role: 'alert', id: 'settlement-error', dataset: { status: '422' } },
            t('文件无法导入，没有生成任何草稿：', 'The file cannot be imported; nothing was prepared:')), problemsTable(problems));
        } else {
          fill(result, k.problem(e, { id: 'settlement-error' }));
        }
      } finally {
        upload = null;
        progressRow.hidden = true;
        sync();
      }
    });

    const template = el('button', { type: 'button', class: 'button', id: 'settlement-template', onclick: () => {
      downloadBlob(csvBlob(SETTLEMENT_COLUMNS.map((c) => SETTLEMENT_FIELDS[c][0]),
        [['11010519491231002X', '2026-03-02', '2026-03-09', '市第一人民医院', '12345.67', '8000.00', '急性阑尾炎']]), '医保结算数据模板.csv');
    } }, t('下载 CSV 模板', 'Download CSV template'));

    fill(settlementSlot, 
      el('h2', { id: 'settlements-title' }, t('医保结算数据导入', 'Import hospital settlements')),
      el('p', { class: 'muted' }, t('导入市医保系统导出的住院结算数据（应赔尽赔）：本辖区参保会员在保障期内、尚未申请理赔的住院，系统按项目规则测算金额并生成理赔草稿，提醒会员核对提交。重复导入同一文件不会重复生成。',
        'Import the hospital settlements exported by the city medical-insurance system: for every stay of a member of your part of the union that is covered and not yet claimed, a draft claim is prepared with the amount computed, and the member is reminded to check and submit it. Importing a file again prepares nothing twice.')),
      el('details', { class: 'ma-more', id: 'settlement-columns' },
        el('summary', {}, t('文件格式说明', 'File format')),
        el('ul', { class: 'ui-lines' },
          el('li', {}, t('CSV 文件（逗号或制表符分隔），UTF-8 或 GB18030 编码均可；第一行为列名，列的顺序不限。',
            'A CSV file (comma or tab separated), UTF-8 or GB18030; the first row names the columns, in any order.')),
          el('li', {}, t('必需的列：身份证号、入院日期、出院日期、医院、医疗总费用、基本医保支付；可选：诊断。',
            // the columns' names are Chinese in the file itself: marked as Chinese text (lang) on the English page
            ['Required columns: ', [['身份证号', 'ID number'], ['入院日期', 'admission'], ['出院日期', 'discharge'], ['医院', 'hospital'],
              ['医疗总费用', 'total cost'], ['基本医保支付', 'paid by basic insurance']].map(([zh, en], i) => [i ? ', ' : '',
              el('span', { lang: 'zh-CN' }, zh), ` (${en})`]), '; optional: ', el('span', { lang: 'zh-CN' }, '诊断'), ' (diagnosis).'])),
          el('li', {}, t('日期写作 2026-06-01 或 2026/6/1；金额以元为单位，最多两位小数，例如 12345.67。',
            'Dates as 2026-06-01 or 2026/6/1; amounts in yuan with at most two decimals, e.g. 12345.67.')),
          el('li', {}, t('模板中的示例行仅作格式参考，导入前请删除。', 'The template’s example row only shows the format; delete it before importing.')))),
      el('div', { class: 'ui-toolbar' },
        el('label', { for: 'settlement-file' }, t('结算数据文件', 'Settlement file')), fileInput, importButton,
        el('span', { class: 'spacer' }), template),
      el('small', { class: 'muted', id: 'settlement-file-hint' }, t('.csv，不超过 32 MB。', '.csv, at most 32 MB.')),
      progressRow, result);
  }

  // ---------------------------------------------------------------- reminders (SMS outbox)

  const reminders = { status: '', kind: '', page: 1 };

  async function loadReminders() {
    if (!reviewer) return;
    const query = new URLSearchParams({ module: 'mutual-aid', page: String(reminders.page), size: String(PAGE_SIZE) });
    if (reminders.status) query.set('status', reminders.status);
    if (reminders.kind) query.set('kind', reminders.kind);
    let answer = null;
    let problem = null;
    try {
      answer = await context.api(`${REMINDERS}?${query}`);
    } catch (e) {
      if (e.status === 404) {
        // Not deployed on this server (yet): no card at all.
        if (alive) {
          reminderSlot.hidden = true;
          fill(reminderSlot);
        }
        return;
      }
      problem = k.problem(e, { id: 'reminder-list-problem' });
    }
    if (!alive) return;
    const total = Number((answer && answer.total) || 0);
    const items = (answer && Array.isArray(answer.items)) ? answer.items : [];
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (!problem && reminders.page > pages && total > 0) {
      reminders.page = pages;
      loadReminders();
      return;
    }
    const select = (id, value, options, onchange) => el('select', { id, onchange: (ev) => onchange(ev.currentTarget.value) },
      options.map(([code, label]) => el('option', { value: code, selected: code === value }, label)));
    reminderSlot.hidden = false;
    fill(reminderSlot, 
      el('div', { class: 'ui-toolbar' },
        el('h2', { id: 'reminders-title' }, t('提醒记录', 'Reminders')),
        el('span', { class: 'spacer' }),
        problem ? null : k.exportButtons('互助保障提醒记录', () => ({
          headers: ['编号', '类型', '手机号', '内容', '状态', '尝试次数', '创建时间', '发送时间', '发送方'],
          rows: items.map((r) => [r.id, k.reminderKindLabel(r.kind), r.phone, r.message, k.statusLabel(r.status), r.attempts,
            fmtDateTime(r.createdAt), fmtDateTime(r.sentAt), r.sender || '']),
        }), 'reminder-list', items.length === 0),
        el('label', { for: 'reminder-kind-filter' }, t('类型', 'Kind')),
        select('reminder-kind-filter', reminders.kind, [['', t('全部类型', 'All kinds')],
          ...Object.keys(REMINDER_KINDS).map((kind) => [kind, k.reminderKindLabel(kind)])],
        (v) => { reminders.kind = v; reminders.page = 1; loadReminders(); }),
        el('label', { for: 'reminder-status-filter' }, t('状态', 'Status')),
        select('reminder-status-filter', reminders.status, [['', t('全部状态', 'All statuses')],
          ...REMINDER_STATUSES.map((s) => [s, k.statusLabel(s)])],
        (v) => { reminders.status = v; reminders.page = 1; loadReminders(); }),
        el('button', { type: 'button', class: 'button', id: 'reminder-refresh', onclick: () => loadReminders() }, t('刷新', 'Refresh')),
        roles.includes('PLATFORM_ADMIN') ? el('button', { type: 'button', class: 'button', id: 'reminder-scan-cover-ending',
          title: t('系统每 6 小时自动检查一次', 'This also runs every 6 hours'), onclick: (ev) => scanCoverEnding(ev.currentTarget) },
        t('立即检查即将到期的保障', 'Check for ending cover now')) : null),
      el('p', { class: 'muted' }, t('系统发给会员的短信提醒（理赔退回、理赔草稿待提交、互助金已支付、保障即将到期）。手机号已隐去中间几位。',
        'Text messages sent to members (claim returned, draft to submit, payment made, cover ending). Phone numbers are masked.')),
      el('div', {}, problem, problem ? null : k.table([
        { label: t('生成时间', 'Created'), key: 'created', className: 'nowrap', value: (r) => fmtDateTime(r.createdAt) },
        { label: t('类型', 'Kind'), key: 'kind', className: 'nowrap', value: (r) => k.reminderKindLabel(r.kind) },
        { label: t('手机号', 'Phone'), key: 'phone', className: 'nowrap', value: (r) => r.phone || '–' },
        // the message as it was sent to the member, and the gateway's own name and words: shown as they are
        { label: t('内容', 'Message'), key: 'message', className: 'ma-message', value: (r) => k.verbatim(r.message) || '' },
        { label: t('状态', 'Status'), key: 'status', value: (r) => [k.badge(r.status),
          Number(r.attempts) > 1 || r.status === 'FAILED'
            ? el('small', { class: 'muted nowrap' }, t(` 已尝试 ${r.attempts ?? 0} 次`, ` ${r.attempts ?? 0} attempt(s)`)) : null,
          r.lastError && r.status !== 'SENT'
            ? el('small', { class: 'ui-field-error ma-last-error' }, t('最近错误：', 'Last error: '), k.verbatim(r.lastError)) : null] },
        { label: t('发送时间', 'Sent'), key: 'sent', className: 'nowrap', value: (r) => fmtDateTime(r.sentAt) },
        { label: t('发送方', 'Sender'), key: 'sender', value: (r) => k.verbatim(r.sender) || '–' },
      ], items, {
        id: 'reminder-list',
        empty: reminders.status || reminders.kind ? t('没有符合条件的提醒。', 'No reminders match.') : t('还没有提醒记录。', 'No reminders yet.'),
        rowAttrs: (r) => ({ dataset: { reminderId: r.id, kind: r.kind, status: r.status, memberId: r.memberId ?? '' } }),
      })),
      problem || total <= PAGE_SIZE ? null : el('div', { class: 'ui-toolbar', id: 'reminder-pager' },
        el('button', { type: 'button', class: 'button', id: 'reminder-prev', disabled: reminders.page <= 1,
          onclick: () => { reminders.page--; loadReminders(); } }, t('上一页', 'Previous')),
        el('span', { id: 'reminder-page', class: 'muted', dataset: { page: reminders.page, pages, total } },
          t(`第 ${reminders.page} / ${pages} 页，共 ${total} 条`, `Page ${reminders.page} of ${pages}, ${total} reminder(s)`)),
        el('button', { type: 'button', class: 'button', id: 'reminder-next', disabled: reminders.page >= pages,
          onclick: () => { reminders.page++; loadReminders(); } }, t('下一页', 'Next'))));
  }

  /** Platform administrators: queue the cover-ending reminders now instead of at the next 6-hourly run. */
  async function scanCoverEnding(button) {
    button.disabled = true;
    try {
      const answer = await context.api(`${REMINDERS}/scan-cover-ending`, { method: 'POST' });
      if (!alive) return;
      const queued = Number((answer && answer.queued) || 0);
      say(t(`已检查即将到期的保障：新增 ${queued} 条提醒。`, `Checked for ending cover: ${queued} new reminder(s).`));
      loadReminders();
    } catch (e) {
      if (!alive) return;
      fill(notice, k.problem(e, { id: 'reminder-scan-error' }));
      button.disabled = false;
    }
  }

  loadList();
  loadPayouts();
  renderSettlements();
  loadReminders();
  return () => { alive = false; };
}
