// 我的保障 / My cover (members): claims prepared from hospital settlements (drafts) to check and
// submit, my enrolments, my claims with their supporting documents, and filing a new claim.

// lib.js is loaded with this page's own query (the shell adds ?v=<n> after a module update),
// so that new page code never runs with an old copy of the helpers.
const {
  el, fill, kit, field, ensureStyles, parseYuan, fmtDate, fmtDateTime, today, EVENT_TYPES, printOnly,
} = await import(`./lib.js${new URL(import.meta.url).search}`);

const CLAIMS = '/api/mutual-aid/claims';
/** No more documents are taken for these (the server answers 409). */
const CLOSED = ['PAID', 'REJECTED', 'IN_PAYMENT'];
/** The account may change until the claim is in a payout batch. */
const PAYEE_EDITABLE = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED', 'APPROVED'];
/** Wrongly uploaded documents may be removed while the claim is a draft or returned. */
const CORRECTABLE = ['DRAFT', 'RETURNED'];

export function mount(root, context) {
  ensureStyles();
  const k = kit(context);
  const { t } = k;
  let alive = true;
  let me = { enrolled: false, enrolments: [], claims: [] };
  const planCache = new Map();

  const notice = el('div', { id: 'mine-notice' });
  const draftsSlot = el('section', { class: 'ui-section', id: 'my-drafts-section', 'aria-labelledby': 'my-drafts-title', hidden: true });
  const enrolmentsSlot = el('section', { class: 'ui-section', id: 'my-enrolments-section', 'aria-labelledby': 'my-enrolments-title' });
  const formSlot = el('section', { class: 'ui-section card', id: 'claim-form-section', 'aria-labelledby': 'claim-form-title' });
  const newClaimSlot = el('section', { class: 'ui-section', id: 'new-claim-slot' });
  const claimsSlot = el('section', { class: 'ui-section', id: 'my-claims-section', 'aria-labelledby': 'my-claims-title' });
  fill(root, el('div', { class: 'ui-page', 'data-testid': 'ma-mine' },
    el('header', {},
      el('h1', {}, t('我的保障', 'My cover')),
      el('p', { class: 'muted' }, t('查看本人参加的职工医疗互助保障和理赔进度，在线申请理赔。', 'Your mutual-aid cover and claims; file a claim online.'))),
    notice, draftsSlot, enrolmentsSlot, formSlot, newClaimSlot, claimsSlot));

  const say = (text, kind = '') => fill(notice, el('p', { class: `notice ${kind}`, role: 'status', id: 'mine-message' }, text));

  async function load({ keepForm = false } = {}) {
    try {
      const answer = await context.api('/api/mutual-aid/me');
      if (!alive) return;
      me = { enrolled: Boolean(answer && answer.enrolled), enrolments: (answer && answer.enrolments) || [], claims: (answer && answer.claims) || [] };
      renderDrafts();
      renderEnrolments();
      renderClaims();
      if (!keepForm) renderForm();
    } catch (e) {
      if (alive) fill(enrolmentsSlot, k.problem(e, { id: 'mine-load-problem' }));
    }
  }

  // ---------------------------------------------------------------- enrolments and claims

  function renderEnrolments() {
    fill(enrolmentsSlot, el('h2', { id: 'my-enrolments-title' }, t('我的参保', 'My enrolments')),
      me.enrolled ? k.table([
        { label: t('项目', 'Plan'), key: 'plan', value: (e) => k.planName(e) },
        { label: t('保障期间', 'Cover'), key: 'cover', className: 'nowrap', value: (e) => `${fmtDate(e.coverStart)} ~ ${fmtDate(e.coverEnd)}` },
        { label: t('费用', 'Fee'), key: 'fee', className: 'num', value: (e) => k.money(e.feeFen) },
        { label: t('状态', 'Status'), key: 'status', value: (e) => k.badge(e.status) },
      ], me.enrolments, {
        id: 'my-enrolments', empty: t('暂无参保记录。', 'No enrolments.'),
        rowAttrs: (e) => ({ dataset: { enrolmentId: e.id, status: e.status } }),
      }) : el('p', { class: 'empty card', id: 'my-not-enrolled' },
        t('您还没有参加职工医疗互助保障。请联系所在单位工会办理团体参保。', 'You are not enrolled yet. Ask your union to enrol you.')));
  }

  /** Claims the settlement import prepared (DRAFT): checked and sent by the member. */
  function renderDrafts() {
    const drafts = me.claims.filter((c) => c.status === 'DRAFT');
    draftsSlot.hidden = drafts.length === 0;
    if (drafts.length === 0) {
      fill(draftsSlot);
      return;
    }
    fill(draftsSlot, 
      el('h2', { id: 'my-drafts-title' }, t(`待提交的理赔（${drafts.length}）`, `Claims to submit (${drafts.length})`)),
      el('p', { class: 'notice', role: 'status', id: 'my-drafts-notice' },
        t('根据医保结算数据，系统已为您预填理赔申请，请核对后提交。',
          'We prepared these claims from your hospital settlements; check them and submit.')),
      el('div', { class: 'ma-claims', id: 'my-drafts' }, drafts.map(draftCard)));
  }

  function draftCard(c) {
    const a = c.assessment || { lines: [], rejections: [], totalFen: 0 };
    const button = el('button', {
      type: 'button', class: 'button primary claim-submit-draft', id: `claim-submit-draft-${c.id}`, dataset: { claimId: c.id },
      onclick: (ev) => decide(c, 'SUBMIT', ev.currentTarget),
    }, t('核对无误，提交申请', 'Looks right: submit the claim'));
    return el('article', { class: 'card ui-detail ma-claim ma-draft', id: `my-draft-${c.id}`, dataset: { claimId: c.id, status: c.status } },
      el('div', { class: 'ui-toolbar' },
        el('h3', {}, t(`理赔草稿 #${c.id}`, `Draft claim #${c.id}`)), k.badge(c.status),
        el('span', { class: 'spacer' }),
        el('strong', { class: 'ma-claim-amount', dataset: { computedFen: c.computedFen ?? 0 } },
          t(`测算 ${k.money(c.computedFen)}`, `Computed ${k.money(c.computedFen)}`))),
      el('p', { class: 'muted' }, t(`此申请由${k.actorLabel(c.filedBy)}于 ${fmtDateTime(c.filedAt)} 生成，您核对提交后才进入审核。`,
        `Prepared by the ${k.actorLabel(c.filedBy)} on ${fmtDateTime(c.filedAt)}; it is reviewed once you submit it.`)),
      claimFacts(c),
      k.assessment(a, `my-draft-${c.id}`),
      Number(a.totalFen || 0) > 0 ? null : el('p', { class: 'notice warn', id: `my-draft-nothing-${c.id}` },
        t('按项目规则测算暂无可给付金额（原因见上）。您仍可提交，由审核人员处理。',
          'The rules find nothing payable (see above). You may still submit it for review.')),
      el('h4', {}, t('证明材料（可选）', 'Supporting documents (optional)')),
      k.documents(c.id, { id: `my-claim-documents-${c.id}`, canUpload: true }),
      removeDocuments(c),
      payeeBox(c),
      el('div', { class: 'ui-form-actions' }, button,
        el('small', { class: 'muted ma-draft-hint' }, t('信息有误时请不要提交，联系所在单位工会核实。',
          'If something is wrong, do not submit; ask your union to check it.'))),
      el('div', { id: `claim-submit-draft-problem-${c.id}` }));
  }

  function claimFacts(c) {
    return k.facts([
      [t('项目', 'Plan'), t(c.planNameZh, c.planNameEn) || k.verbatim(c.planCode), 'plan'],
      [t('事件', 'Event'), `${k.eventLabel(c.eventType)} · ${fmtDate(c.eventDate)}`, 'event'],
      [t('住院期间', 'Hospital stay'), c.admissionDate ? `${fmtDate(c.admissionDate)} ~ ${fmtDate(c.dischargeDate)}` : null, 'stay'],
      [t('医院', 'Hospital'), k.verbatim(c.hospital), 'hospital'],
      [t('诊断', 'Diagnosis'), k.verbatim(c.diagnosis), 'diagnosis'],
      [t('重大疾病', 'Critical illness'), c.criticalIllness, 'criticalIllness'],
      [t('伤残等级', 'Disability grade'), c.disabilityGrade == null ? null : t(`${c.disabilityGrade} 级`, `grade ${c.disabilityGrade}`), 'grade'],
      [t('医疗总费用', 'Total cost'), k.money(c.totalCostFen), 'totalCost'],
      [t('基本医保支付', 'Basic insurance paid'), c.basicInsuranceFen ? k.money(c.basicInsuranceFen) : null, 'basicInsurance'],
      [t('商业保险支付', 'Commercial insurance paid'), c.commercialInsuranceFen ? k.money(c.commercialInsuranceFen) : null, 'commercialInsurance'],
    ], { class: 'facts ui-facts ma-facts-compact' });
  }

  function renderClaims() {
    const claims = me.claims.filter((c) => c.status !== 'DRAFT');
    fill(claimsSlot, el('h2', { id: 'my-claims-title' }, t('我的理赔', 'My claims')),
      claims.length
        ? el('div', { class: 'ma-claims', id: 'my-claims' }, claims.map(claimCard))
        : el('p', { class: 'empty card', id: 'my-claims', dataset: { empty: 'true' } }, t('暂无理赔申请。', 'No claims yet.')));
  }

  function claimCard(c) {
    const returned = c.status === 'RETURNED';
    const open = !CLOSED.includes(c.status);
    let box = null;
    const resubmitHint = el('small', { class: 'muted', id: `claim-resubmit-hint-${c.id}` });
    const syncHint = () => {
      const count = Number(box && box.dataset.count);
      resubmitHint.textContent = count > 0
        ? t(`已有 ${count} 份材料。补充完毕后请点击“重新提交”。`, `${count} document(s) attached. Send the claim again when you are done.`)
        : t('请先上传审核意见中要求的材料，再重新提交。', 'Upload the documents asked for first, then send the claim again.');
    };
    if (open) {
      box = k.documents(c.id, {
        id: `my-claim-documents-${c.id}`, canUpload: true, onUploaded: syncHint,
        hint: returned ? t('请按审核意见补充：发票、费用清单、出院小结、诊断证明等；PDF、JPG 或 PNG，每个文件不超过 10 MB。',
          'Add what the reviewer asks for: invoices, cost lists, discharge summaries, diagnoses; PDF, JPG or PNG, at most 10 MB each.') : null,
      });
    }
    const details = el('details', { class: 'ma-more', id: `my-claim-detail-${c.id}` },
      el('summary', { class: 'my-claim-open' }, t('申请明细与测算', 'Claim details and assessment')),
      claimFacts(c),
      k.assessment(c.assessment, `my-claim-${c.id}`));
    const card = el('article', { class: 'card ui-detail ma-claim', id: `my-claim-${c.id}`, dataset: { claimId: c.id, status: c.status } },
      el('p', { class: 'ma-print-only' }, t('职工医疗互助保障 理赔回执', 'Mutual-aid claim receipt')),
      el('div', { class: 'ui-toolbar' },
        el('h3', {}, t(`理赔 #${c.id}`, `Claim #${c.id}`)), k.badge(c.status),
        el('span', { class: 'muted' }, `${k.eventLabel(c.eventType)} · ${fmtDate(c.eventDate)}`),
        el('span', { class: 'spacer' }),
        el('span', { class: 'ma-claim-amount' }, c.approvedFen == null
          ? t(`测算 ${k.money(c.computedFen)}`, `Computed ${k.money(c.computedFen)}`)
          : t(`核准 ${k.money(c.approvedFen)}`, `Approved ${k.money(c.approvedFen)}`)),
        el('button', { type: 'button', class: 'button ma-no-print my-claim-print', id: `my-claim-print-${c.id}`,
          onclick: () => { details.open = true; printOnly(card); } }, t('打印回执', 'Print receipt'))),
      k.progress(c, `my-claim-progress-${c.id}`),
      k.facts([
        [t('项目', 'Plan'), t(c.planNameZh, c.planNameEn) || k.verbatim(c.planCode), 'plan'],
        [t('提交', 'Filed'), fmtDateTime(c.filedAt), 'filed'],
        [t('审核意见', 'Reason'), returned ? null : k.verbatim(c.reason), 'reason'],
        [t('支付日期', 'Paid on'), c.status === 'PAID' && c.paidOn ? fmtDate(c.paidOn) : null, 'paidOn'],
        [t('收款账户', 'Account'), c.payeeAccount ? [k.verbatim(c.payeeBank), ` ${c.payeeAccount}`] : null, 'payee'],
      ], { class: 'facts ui-facts ma-facts-compact' }),
      c.paymentFailure && c.status === 'APPROVED' ? el('p', { class: 'notice warn', id: `my-claim-payment-failed-${c.id}` },
        t('银行转账未成功：', 'The bank transfer failed: '), el('span', { class: 'ui-verbatim' }, c.paymentFailure),
        t('。请核对并更新收款账户，将在下一批次重新支付。', '. Check and update your account; it is paid again in the next batch.')) : null,
      returned ? el('div', { class: 'notice warn ma-returned', role: 'status', id: `claim-returned-${c.id}` },
        el('div', {},
          el('strong', {}, t('申请已退回，需要您补充材料', 'Returned: more documents are needed')),
          el('p', { class: 'ma-reason', id: `claim-returned-reason-${c.id}` },
            t('审核意见：', 'Reviewer’s note: '), c.reason ? el('span', { class: 'ui-verbatim' }, c.reason) : t('（未填写）', '(none given)')),
          el('p', {}, t('① 按审核意见上传补充材料；② 点击“重新提交”。', '① Upload the documents asked for; ② send the claim again.')))) : null,
      details,
      el('h4', {}, t('证明材料', 'Supporting documents')),
      box || k.documents(c.id, { id: `my-claim-documents-${c.id}`, canUpload: false }),
      CORRECTABLE.includes(c.status) ? removeDocuments(c) : null,
      PAYEE_EDITABLE.includes(c.status) ? payeeBox(c) : null,
      returned ? el('div', { class: 'ui-form-actions' },
        el('button', { type: 'button', class: 'button primary claim-resubmit', id: `claim-resubmit-${c.id}`, dataset: { claimId: c.id },
          onclick: (ev) => decide(c, 'RESUBMIT', ev.currentTarget) }, t('重新提交', 'Send again')),
        resubmitHint) : null,
      el('div', { id: `claim-decision-problem-${c.id}` }));
    if (returned) {
      syncHint();
      // The box counts its documents once loaded: say then whether any are attached.
      new MutationObserver(syncHint).observe(box, { attributes: true, attributeFilter: ['data-count'] });
    }
    return card;
  }

  /** Remove buttons for the documents of a draft or returned claim (each asks first). */
  function removeDocuments(c) {
    const slot = el('div', { class: 'ma-doc-remove ma-no-print', id: `my-claim-doc-remove-${c.id}` });
    context.api(`${CLAIMS}/${c.id}/documents`).then((docs) => {
      if (!alive || !Array.isArray(docs) || docs.length === 0) return;
      fill(slot, el('span', { class: 'muted' }, t('传错了？', 'Wrong file?')), docs.map((d) => el('button', {
        type: 'button', class: 'button doc-remove', dataset: { docId: d.id, claimId: c.id },
        onclick: async (ev) => {
          const sure = await k.confirm({ title: t('删除材料', 'Remove a document'),
            message: [t(`将从理赔 #${c.id} 中删除材料“`, 'Remove “'), k.verbatim(d.fileName),
              t('”，删除后不能恢复，确定？', `” from claim #${c.id}? It cannot be restored.`)], confirmLabel: t('删除', 'Remove'), danger: true });
          if (!sure) return;
          ev.currentTarget.disabled = true;
          try {
            await context.api(`${CLAIMS}/${c.id}/documents/${d.id}`, { method: 'DELETE' });
            if (!alive) return;
            say(t(`已删除材料“${d.fileName}”。`, `“${d.fileName}” removed.`));
            load({ keepForm: true });
          } catch (e) {
            if (alive) fill(slot, k.problem(e, { id: `my-claim-doc-remove-error-${c.id}` }));
          }
        },
      }, t(`删除“${d.fileName}”`, `Remove “${d.fileName}”`))));
    }).catch(() => {});
    return slot;
  }

  /** 收款账户: where the benefit goes, editable until the claim is in a payout batch. */
  function payeeBox(c) {
    const bank = el('input', { type: 'text', name: 'bankName', id: `my-claim-bank-${c.id}`, maxlength: 100, value: c.payeeBank || '' });
    const account = el('input', { type: 'text', name: 'bankAccount', id: `my-claim-account-${c.id}`, inputmode: 'numeric', autocomplete: 'off',
      placeholder: c.payeeAccount || t('银行卡号', 'card number') });
    const problem = el('div', { id: `my-claim-payee-problem-${c.id}` });
    const form = el('form', { class: 'ui-form ma-no-print', id: `my-claim-payee-${c.id}`, novalidate: true },
      field(t('开户银行', 'Bank'), bank), field(t('银行账号', 'Account number'), account, {
        hint: c.payeeAccount ? t(`当前：${c.payeeAccount}（仅显示后四位）`, `Now: ${c.payeeAccount} (last four digits shown)`) : t('互助金将转入此账户', 'The benefit is transferred here') }),
      el('div', { class: 'ui-form-actions' }, el('button', { type: 'submit', class: 'button', id: `my-claim-payee-save-${c.id}` },
        c.payeeAccount ? t('更新收款账户', 'Update the account') : t('保存收款账户', 'Save the account'))), problem);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      k.clearErrors(form);
      fill(problem);
      const digits = account.value.replace(/[\s-]/g, '');
      let ok = true;
      if (!bank.value.trim()) ok = k.fieldError(form, 'bankName', t('请填写开户银行', 'required'));
      if (!/^[0-9]{10,30}$/.test(digits)) ok = k.fieldError(form, 'bankAccount', t('银行账号应为 10–30 位数字', 'must be 10 to 30 digits'));
      if (!ok) { form.querySelector('[aria-invalid]')?.focus(); return; }
      try {
        await context.api(`${CLAIMS}/${c.id}/payee`, { method: 'PUT', body: { bankName: bank.value.trim(), bankAccount: digits } });
        if (!alive) return;
        say(t(`理赔 #${c.id} 的收款账户已保存。`, `The account of claim #${c.id} was saved.`));
        load({ keepForm: true });
      } catch (e) {
        if (alive) fill(problem, k.problem(e, { form, id: `my-claim-payee-error-${c.id}`, labels: { bankName: t('开户银行', 'Bank'), bankAccount: t('银行账号', 'Account number') } }));
      }
    });
    return el('details', { class: 'ma-more ma-no-print', id: `my-claim-payee-box-${c.id}`, open: !c.payeeAccount || Boolean(c.paymentFailure) },
      el('summary', {}, t('收款账户', 'Payment account')), form);
  }

  /** SUBMIT a draft or RESUBMIT a returned claim (the member's two decisions). */
  async function decide(claim, action, button) {
    const slot = root.querySelector(action === 'SUBMIT' ? `#claim-submit-draft-problem-${claim.id}` : `#claim-decision-problem-${claim.id}`);
    button.disabled = true;
    if (slot) fill(slot);
    try {
      await context.api(`${CLAIMS}/${claim.id}/decision`, { method: 'POST', body: { action, amountFen: null, reason: null } });
      if (!alive) return;
      say(action === 'SUBMIT'
        ? t(`理赔 #${claim.id} 已提交，等待审核。`, `Claim #${claim.id} was submitted for review.`)
        : t(`理赔 #${claim.id} 已重新提交。`, `Claim #${claim.id} was sent again.`));
      load({ keepForm: true });
    } catch (e) {
      if (!alive) return;
      const problem = k.problem(e, { id: action === 'SUBMIT' ? 'claim-submit-draft-error' : 'claim-resubmit-error' });
      button.disabled = false;
      if (e.status === 409) {
        // Someone else (the union's operator) may have sent it meanwhile: show the claims as they are now.
        fill(notice, problem);
        load({ keepForm: true });
      } else {
        fill(slot || notice, problem);
      }
    }
  }

  // ---------------------------------------------------------------- filing a claim

  const LABELS = {
    enrolmentId: t('参保记录', 'Cover'), eventType: t('事件类型', 'Event type'),
    eventDate: t('发病 / 确诊 / 事故日期', 'Date of onset, diagnosis or accident'),
    admissionDate: t('入院日期', 'Admission date'), dischargeDate: t('出院日期', 'Discharge date'),
    hospital: t('医院', 'Hospital'), diagnosis: t('诊断', 'Diagnosis'), criticalIllness: t('重大疾病名称', 'Critical illness'),
    disabilityGrade: t('伤残等级', 'Disability grade'), totalCostFen: t('医疗总费用（元）', 'Total cost (yuan)'),
    basicInsuranceFen: t('基本医保支付（元）', 'Paid by basic insurance (yuan)'),
    commercialInsuranceFen: t('商业保险支付（元）', 'Paid by commercial insurance (yuan)'),
    facts: t('理赔信息', 'Claim facts'),
    bankName: t('开户银行', 'Bank'), bankAccount: t('银行账号', 'Account number'),
  };

  function renderForm() {
    const usable = me.enrolments.filter((e) => e.paid && (e.status === 'ACTIVE' || e.status === 'EXPIRED'));
    const title = el('h2', { id: 'claim-form-title' }, t('申请理赔', 'File a claim'));
    if (usable.length === 0) {
      fill(formSlot, title, el('p', { class: 'muted', id: 'claim-form-unavailable' }, me.enrolled
        ? t('您的参保尚未生效（单位缴费确认后生效），暂不能申请理赔。', 'Your cover is not active yet (it starts once your union’s fee is paid), so you cannot file a claim.')
        : t('参加互助保障后才能申请理赔。', 'You can file claims once you are enrolled.')));
      return;
    }
    const input = (name, id, attrs = {}) => el('input', { name, id, ...attrs });
    const money = (name, id) => input(name, id, { type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: '0.00' });
    const f = (name, control, opts) => field(LABELS[name], control, { name, ...opts });

    const enrolment = el('select', { name: 'enrolmentId', id: 'claim-enrolment' }, usable.map((e) => el('option', { value: e.id },
      `${k.planName(e)} · ${fmtDate(e.coverStart)} ~ ${fmtDate(e.coverEnd)} · ${k.statusLabel(e.status)}`)));
    const eventType = el('select', { name: 'eventType', id: 'claim-event-type' },
      Object.entries(EVENT_TYPES).map(([code, names]) => el('option', { value: code }, t(names[0], names[1]))));
    const grade = el('select', { name: 'disabilityGrade', id: 'claim-disability-grade' },
      el('option', { value: '' }, t('请选择', 'choose')),
      Array.from({ length: 10 }, (_, i) => el('option', { value: i + 1 }, t(`${i + 1} 级`, `grade ${i + 1}`))));
    const diseases = el('datalist', { id: 'claim-disease-list' });
    const illnessField = f('criticalIllness', input('criticalIllness', 'claim-critical-illness', { type: 'text', maxlength: 200, list: 'claim-disease-list' }),
      { hint: t('填写确诊的重大疾病，可从项目病种中选择。', 'The diagnosed critical illness; the plan’s list is offered.') });
    const gradeField = f('disabilityGrade', grade, { hint: t('1 级最重（给付 100%），10 级最轻（10%）。', 'Grade 1 is the most severe (100%), grade 10 the least (10%).') });
    const stayHint = el('small', { class: 'muted ui-wide', id: 'claim-stay-hint' });
    const problemSlot = el('div', { id: 'claim-form-problem', class: 'ui-wide' });
    const previewSlot = el('div', { id: 'claim-preview', class: 'ui-wide', 'aria-live': 'polite' });

    /** 试算: the same rules on the form as it is; nothing is filed. */
    const tryClaim = async (theForm) => {
      k.clearErrors(theForm);
      fill(problemSlot);
      fill(previewSlot);
      const request = read(theForm);
      if (!request) {
        fill(problemSlot, el('p', { class: 'notice error', role: 'alert' }, t('请修改标出的栏目。', 'Please correct the marked fields.')));
        theForm.querySelector('[aria-invalid]')?.focus();
        return;
      }
      try {
        const a = await context.api(`${CLAIMS}/preview`, { method: 'POST', body: request });
        if (!alive) return;
        fill(previewSlot, el('div', { class: 'card', id: 'claim-preview-result', dataset: { totalFen: a.totalFen ?? 0 } },
          el('p', { class: 'notice' }, t('试算结果（未提交，最终金额以审核为准）：', 'Trial computation (nothing filed; the final amount is decided on review):')),
          k.assessment(a, 'claim-preview')));
      } catch (e) {
        if (alive) fill(problemSlot, k.problem(e, { form: theForm, labels: LABELS, id: 'claim-preview-error' }));
      }
    };

    const form = el('form', { class: 'ui-form', id: 'claim-form', novalidate: true },
      problemSlot,
      f('enrolmentId', enrolment, { wide: true }),
      f('eventType', eventType),
      f('eventDate', input('eventDate', 'claim-event-date', { type: 'date', max: today() })),
      f('admissionDate', input('admissionDate', 'claim-admission-date', { type: 'date', max: today() })),
      f('dischargeDate', input('dischargeDate', 'claim-discharge-date', { type: 'date', max: today() })),
      stayHint,
      f('hospital', input('hospital', 'claim-hospital', { type: 'text', maxlength: 200 })),
      illnessField, gradeField, diseases,
      f('diagnosis', el('textarea', { name: 'diagnosis', id: 'claim-diagnosis', rows: 2, maxlength: 500 }), { wide: true }),
      f('totalCostFen', money('totalCostFen', 'claim-total-cost'), { hint: t('没有医疗费用时填 0', 'enter 0 when there was no cost') }),
      f('basicInsuranceFen', money('basicInsuranceFen', 'claim-basic-insurance'), { hint: t('留空按 0 计', 'empty counts as 0') }),
      f('commercialInsuranceFen', money('commercialInsuranceFen', 'claim-commercial-insurance'), { hint: t('留空按 0 计', 'empty counts as 0') }),
      f('bankName', input('bankName', 'claim-bank-name', { type: 'text', maxlength: 100 }), { hint: t('互助金转入的银行，可稍后填写', 'where the benefit goes; may be given later') }),
      f('bankAccount', input('bankAccount', 'claim-bank-account', { type: 'text', inputmode: 'numeric', autocomplete: 'off' }),
        { hint: t('本人银行卡号，仅用于支付互助金', 'your own card number, used only to pay the benefit') }),
      previewSlot,
      el('div', { class: 'ui-form-actions' },
        el('button', { type: 'button', class: 'button', id: 'claim-try', onclick: () => tryClaim(form) }, t('试算', 'Try the computation')),
        el('button', { type: 'submit', class: 'button primary', id: 'claim-submit' }, t('提交理赔申请', 'File the claim'))));

    const syncType = () => {
      const type = eventType.value;
      illnessField.hidden = type !== 'CRITICAL_ILLNESS';
      gradeField.hidden = type !== 'ACCIDENT_DISABILITY';
      stayHint.textContent = type === 'HOSPITAL_STAY'
        ? t('住院类理赔须填写入院和出院日期，事件日期须在住院期间内。', 'A hospital stay needs admission and discharge dates, with the event date between them.')
        : t('有住院的，请同时填写入院和出院日期；没有住院的两项都不填。', 'If there was a hospital stay give both dates, otherwise neither.');
    };
    const syncDiseases = async () => {
      const chosen = usable.find((e) => String(e.id) === enrolment.value);
      if (!chosen) return;
      try {
        if (!planCache.has(chosen.planId)) planCache.set(chosen.planId, await context.api(`/api/mutual-aid/plans/${chosen.planId}`));
        const ci = planCache.get(chosen.planId)?.rules?.benefits?.criticalIllness;
        if (alive) fill(diseases, ...((ci && ci.diseases) || []).map((d) => el('option', { value: d })));
      } catch {
        fill(diseases);   // only a convenience
      }
    };
    eventType.addEventListener('change', syncType);
    enrolment.addEventListener('change', syncDiseases);
    syncType();
    syncDiseases();

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      k.clearErrors(form);
      fill(problemSlot);
      const request = read(form);
      if (!request) {
        fill(problemSlot, el('p', { class: 'notice error', role: 'alert' }, t('请修改标出的栏目。', 'Please correct the marked fields.')));
        return;
      }
      const button = form.querySelector('#claim-submit');
      button.disabled = true;
      try {
        const claim = await context.api(CLAIMS, { method: 'POST', body: request });
        if (!alive) return;
        showNewClaim(claim);
        form.reset();
        enrolment.value = String(request.enrolmentId);
        syncType();
        load({ keepForm: true });
      } catch (e) {
        if (!alive) return;
        fill(problemSlot, k.problem(e, { form, labels: LABELS, id: 'claim-form-error' }));
        problemSlot.scrollIntoView({ behavior: 'smooth', block: 'center' });
      } finally {
        button.disabled = false;
      }
    });

    fill(formSlot, title,
      el('p', { class: 'muted' }, t('系统按项目规则即时测算可获得的互助金，最终金额以审核结果为准。金额以元填写，可精确到分。',
        'The rules compute what the plan pays at once; the final amount is decided on review. Amounts are in yuan, to the fen.')),
      form);
  }

  /** The ClaimRequest from the form, or null after marking the fields that are wrong. */
  function read(form) {
    const v = (name) => String(form.elements[name].value || '').trim();
    let ok = true;
    const fail = (name, message) => { ok = k.fieldError(form, name, message); return null; };
    const yuan = (name, required) => {
      const r = parseYuan(v(name));
      if (r.empty) return required ? fail(name, t('必填，没有费用时填 0', 'required; enter 0 when there was no cost')) : 0;
      return r.error ? fail(name, k.yuanError(r)) : r.fen;
    };
    const type = v('eventType');
    const eventDate = v('eventDate') || fail('eventDate', t('请选择日期', 'choose a date'));
    if (eventDate && eventDate > today()) fail('eventDate', t('不能是将来的日期', 'must not be in the future'));
    const request = {
      enrolmentId: v('enrolmentId') ? Number(v('enrolmentId')) : fail('enrolmentId', t('请选择', 'choose one')),
      eventType: type || fail('eventType', t('请选择', 'choose one')),
      eventDate,
      admissionDate: v('admissionDate') || null,
      dischargeDate: v('dischargeDate') || null,
      hospital: v('hospital') || null,
      diagnosis: v('diagnosis') || null,
      criticalIllness: type === 'CRITICAL_ILLNESS' ? v('criticalIllness') || null : null,
      disabilityGrade: type === 'ACCIDENT_DISABILITY' && v('disabilityGrade') ? Number(v('disabilityGrade')) : null,
      totalCostFen: yuan('totalCostFen', true),
      basicInsuranceFen: yuan('basicInsuranceFen', false),
      commercialInsuranceFen: yuan('commercialInsuranceFen', false),
      bankName: v('bankName') || null,
      bankAccount: v('bankAccount').replace(/[\s-]/g, '') || null,
    };
    if (request.bankAccount && !/^[0-9]{10,30}$/.test(request.bankAccount)) fail('bankAccount', t('银行账号应为 10–30 位数字', 'must be 10 to 30 digits'));
    if (Boolean(request.bankName) !== Boolean(request.bankAccount)) {
      fail(request.bankName ? 'bankAccount' : 'bankName', t('开户银行和银行账号须同时填写', 'give both the bank and the account'));
    }
    if (type === 'CRITICAL_ILLNESS' && !request.criticalIllness) fail('criticalIllness', t('重大疾病类理赔须填写疾病名称', 'required for a critical illness'));
    if (type === 'ACCIDENT_DISABILITY' && request.disabilityGrade == null) fail('disabilityGrade', t('意外伤残类理赔须选择伤残等级', 'required for an accidental disability'));
    return ok ? request : null;
  }

  function showNewClaim(claim) {
    fill(newClaimSlot, el('article', { class: 'card ui-detail', id: 'new-claim', dataset: { claimId: claim.id, status: claim.status } },
      el('div', { class: 'ui-toolbar' },
        el('h2', {}, t(`理赔申请 #${claim.id} 已提交`, `Claim #${claim.id} filed`)), k.badge(claim.status)),
      el('p', { class: 'muted' }, t('以下为按项目规则即时测算的结果，最终金额以审核结果为准。', 'This is what the rules compute now; the final amount is decided on review.')),
      k.assessment(claim.assessment, 'new-claim'),
      el('p', { class: 'notice', id: 'new-claim-documents-hint' }, t('请在下方“我的理赔”中为此申请上传发票、出院小结等证明材料，便于尽快审核。',
        'Add invoices, discharge summaries and other documents to this claim under “My claims” below, so that it can be reviewed quickly.'))));
    newClaimSlot.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  load();
  return () => { alive = false; };
}
