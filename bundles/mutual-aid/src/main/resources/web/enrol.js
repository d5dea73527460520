// 团体参保 / Group enrolment (union operators): upload a roster, check it, confirm it.

// lib.js is loaded with this page's own query (the shell adds ?v=<n> after a module update),
// so that new page code never runs with an old copy of the helpers.
const {
  el, fill, kit, ensureStyles, uploadRaw, downloadWithToken, fmtDate, fmtDateTime, coverEnd, today,
  ROSTER_FIELDS, confirmDialog, routeQuery,
} = await import(`./lib.js${new URL(import.meta.url).search}`);

const BASE = '/api/mutual-aid/enrolments';
const MAX_BYTES = 32 * 1024 * 1024;   // the server's limit
const TEMPLATE_NAME = '互助保障参保名单模板';
const BATCH_STATUSES = ['PENDING_PAYMENT', 'ACTIVE', 'EXPIRED', 'CANCELLED'];
const PAGE_SIZE = 50;

export function mount(root, context) {
  ensureStyles();
  const k = kit(context);
  const { t } = k;
  const roles = (context.user && context.user.roles) || [];
  const operator = roles.includes('UNION_OPERATOR');
  const staff = roles.includes('DISTRICT_ADMIN') || roles.includes('PLATFORM_ADMIN');
  let alive = true;
  let batchStatus = operator ? '' : 'PENDING_PAYMENT';   // staff start with what waits for them: payments
  // a to-do link of the home page (#/mutual-aid/enrol?status=PENDING_PAYMENT) opens the groups filtered as counted there
  const wantedStatus = routeQuery().get('status');
  if (BATCH_STATUSES.includes(wantedStatus)) batchStatus = wantedStatus;
  let plans = [];
  let upload = null;        // the running upload: { abort }
  let preview = null;       // the last preview answer

  const planSlot = el('div', { id: 'enrol-plan-slot' });
  const planInfo = el('div', { id: 'enrol-plan-info' });
  const fileInput = el('input', { type: 'file', id: 'roster-file', name: 'roster', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const uploadButton = el('button', { type: 'button', class: 'button primary', id: 'roster-upload', disabled: true }, t('上传并检查', 'Upload and check'));
  const progress = el('progress', { id: 'upload-progress', max: 100, value: 0 });
  const progressText = el('span', { id: 'upload-progress-text', class: 'muted', 'aria-live': 'polite' });
  const cancelButton = el('button', { type: 'button', class: 'button', id: 'roster-upload-cancel', onclick: () => upload && upload.abort() }, t('取消上传', 'Cancel'));
  const progressRow = el('div', { class: 'ui-progress', id: 'upload-progress-row', hidden: true }, progress, progressText, cancelButton);
  const uploadProblem = el('div', { id: 'roster-upload-problem' });
  const previewSlot = el('section', { id: 'roster-preview-slot', class: 'ui-section' });
  const resultSlot = el('section', { id: 'enrol-result-slot', class: 'ui-section' });
  const batchesSlot = el('section', { id: 'enrol-batches', class: 'ui-section', 'aria-labelledby': 'enrol-batches-title' });

  const templateHint = t('填写说明：每行一人，第一行为表头，第二行是示例（上传前请删除）。XLSX 模板中性别、类别、是/否可从下拉列表选择。性别填“男”或“女”；类别填“在职职工”“劳务派遣工”“新就业形态劳动者”或“劳模”；'
    + '参加基本医保、工会会员填“是”或“否”。身份证号须为 18 位并以文本格式保存（XLSX 模板已设为文本格式，用 Excel 编辑 CSV 时后几位可能丢失）。',
  // the values the file holds are Chinese: marked as Chinese text (lang) on the English page
  (() => {
    const zh = (text) => el('span', { lang: 'zh-CN' }, text);
    return ['One person per row under the header row; the second row is an example (delete it before uploading). In the XLSX template gender, category and yes/no are chosen from drop-downs. Gender: ',
      zh('男'), ' or ', zh('女'), '; category: ', zh('在职职工'), ', ', zh('劳务派遣工'), ', ', zh('新就业形态劳动者'), ' or ', zh('劳模'),
      '; basic insurance and union member: ', zh('是'), ' or ', zh('否'), '. ',
      'ID numbers have 18 characters and must be kept as text (the XLSX template is formatted as text; Excel may cut digits off when it edits a CSV).'];
  })());

  const personsSlot = el('section', { id: 'enrol-persons', class: 'ui-section' });

  async function template(format) {
    try {
      await downloadWithToken(`${BASE}/template?format=${format}`, `${TEMPLATE_NAME}.${format}`);
    } catch (e) {
      k.checkSession(e);
      fill(uploadProblem, k.problem(e, { id: 'roster-template-problem' }));
    }
  }

  fill(root, el('div', { class: 'ui-page', 'data-testid': 'ma-enrol' },
    el('header', {},
      el('h1', {}, t('团体参保', 'Group enrolment')),
      el('p', { class: 'muted' }, !operator ? t('查看辖区内的团体参保，确认收款、取消，查看和导出参保人员。',
        'The group enrolments of your area: record payments, cancel, see and export the insured persons.') : t('选择报名中的互助保障项目，上传本单位参保人员名单（CSV 或 XLSX），检查无误后确认参保。',
        'Choose a plan open for enrolment, upload your union’s roster (CSV or XLSX), check it and confirm.'))),
    !operator ? null : el('section', { class: 'card ui-section', 'aria-labelledby': 'enrol-step-plan' },
      el('h2', { id: 'enrol-step-plan' }, t('① 选择项目', '① Choose the plan')), planSlot, planInfo),
    !operator ? null : el('section', { class: 'card ui-section', 'aria-labelledby': 'enrol-step-file' },
      el('h2', { id: 'enrol-step-file' }, t('② 上传名单', '② Upload the roster')),
      el('div', { class: 'ui-toolbar' },
        el('button', { type: 'button', class: 'button', id: 'roster-template', onclick: () => template('csv') },
          t('下载 CSV 模板', 'CSV template')),
        el('button', { type: 'button', class: 'button', id: 'roster-template-xlsx', onclick: () => template('xlsx') },
          t('下载 XLSX 模板（带下拉选项）', 'XLSX template (with drop-downs)'))),
      el('p', { class: 'muted', id: 'roster-template-hint' }, templateHint),
      el('div', { class: 'ui-toolbar' },
        el('label', { for: 'roster-file' }, t('名单文件：', 'Roster file: ')), fileInput, uploadButton),
      progressRow, uploadProblem),
    previewSlot, resultSlot, batchesSlot, personsSlot));

  const selectedPlan = () => {
    const select = root.querySelector('#enrol-plan');
    return select ? plans.find((p) => String(p.id) === select.value) || null : null;
  };
  const syncButton = () => { uploadButton.disabled = Boolean(upload) || !selectedPlan() || !fileInput.files.length; };

  // ---------------------------------------------------------------- plans open today

  function renderPlans() {
    const day = today();
    const open = plans.filter((p) => fmtDate(p.enrolFrom) <= day && day <= fmtDate(p.enrolUntil));
    if (open.length === 0) {
      fill(planSlot, el('p', { class: 'empty', id: 'enrol-no-plan' }, t('目前没有开放报名的互助保障项目。', 'No plan is open for enrolment today.')));
      fill(planInfo);
      plans = [];
      syncButton();
      return;
    }
    plans = open;
    const select = el('select', { id: 'enrol-plan', name: 'planId', onchange: () => { showPlan(); clearPreview(); syncButton(); } },
      // the plan's code is an identifier people chose: shown as written (ui-verbatim)
      open.map((p) => el('option', { value: p.id }, k.planName(p), t('（', ' ('), k.verbatim(`${p.code} v${p.version}`), t('）', ')'))));
    fill(planSlot, el('div', { class: 'ui-toolbar' }, el('label', { for: 'enrol-plan' }, t('项目：', 'Plan: ')), select));
    showPlan();
    syncButton();
  }

  function showPlan() {
    const p = selectedPlan();
    if (!p) return;
    const rules = p.rules || {};
    fill(planInfo, k.facts([
      [t('费用', 'Fee'), `${k.feeText(p)}${t('；每人每期 ', '; per person per term ')}${k.money(k.feePerPerson(p))}`, 'fee'],
      [t('报名时间', 'Enrolment window'), `${fmtDate(p.enrolFrom)} ~ ${fmtDate(p.enrolUntil)}`, 'window'],
      [t('保障期间', 'Cover'), `${fmtDate(p.coverFrom)} ~ ${coverEnd(p.coverFrom, p.termYears)}`, 'cover'],
      [t('疾病等待期', 'Illness waiting period'), t(`${p.waitingDays} 天`, `${p.waitingDays} days`), 'waiting'],
      [t('参保条件', 'Eligibility'), k.eligibilityLines(rules.eligibility).join(t('；', '; ')), 'eligibility'],
      [t('保障内容', 'Benefits'), el('ul', { class: 'ui-lines' }, k.benefitLines(rules.benefits, { nodes: true }).map((l) => el('li', {}, l))), 'benefits'],
    ], { id: 'enrol-plan-facts', dataset: { planId: p.id } }));
  }

  // ---------------------------------------------------------------- upload and preview

  function clearPreview() {
    preview = null;
    fill(previewSlot);
    fill(uploadProblem);
  }

  function fileProblem(file) {
    const ext = (/\.([^.]+)$/.exec(file.name) || [])[1];
    const lower = (ext || '').toLowerCase();
    if (lower === 'xls' || lower === 'et') return t('不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV 后上传。', 'Old .xls files are not supported; save as .xlsx or CSV.');
    if (!['csv', 'xlsx'].includes(lower)) return t('只能上传 .csv 或 .xlsx 文件。', 'Only .csv or .xlsx files can be uploaded.');
    if (file.size === 0) return t('文件是空的。', 'The file is empty.');
    if (file.size > MAX_BYTES) return t('文件超过 32 MB，请分成几个文件上传。', 'The file is larger than 32 MB; split it.');
    return null;
  }

  fileInput.addEventListener('change', () => {
    clearPreview();
    const file = fileInput.files[0];
    const problem = file && fileProblem(file);
    if (problem) {
      fill(uploadProblem, el('p', { class: 'notice error', role: 'alert', id: 'roster-file-problem' }, problem));
      fileInput.value = '';
    }
    syncButton();
  });

  uploadButton.addEventListener('click', async () => {
    const plan = selectedPlan();
    const file = fileInput.files[0];
    if (!plan || !file || upload) return;
    clearPreview();
    fill(resultSlot);
    progress.value = 0;
    progressText.textContent = '0%';
    progressRow.hidden = false;
    cancelButton.hidden = false;
    const path = `${BASE}/uploads?planId=${encodeURIComponent(plan.id)}&fileName=${encodeURIComponent(file.name)}`;
    upload = uploadRaw(path, file, (fraction) => {
      progress.value = Math.round(fraction * 100);
      progressText.textContent = fraction >= 1 ? t('上传完成，正在检查名单…', 'Uploaded, checking the roster…') : `${Math.round(fraction * 100)}%`;
      if (fraction >= 1) cancelButton.hidden = true;
    });
    syncButton();
    try {
      const answer = await upload.promise;
      if (!alive) return;
      progress.value = 100;
      progressText.textContent = t('检查完成', 'Checked');
      showPreview(answer, file.name);
    } catch (e) {
      if (!alive) return;
      k.checkSession(e);
      progressRow.hidden = true;
      fill(uploadProblem, e.name === 'AbortError'
        ? el('p', { class: 'notice warn', id: 'roster-upload-cancelled' }, t('已取消上传。', 'Upload cancelled.'))
        : k.problem(e, { id: 'roster-upload-error' }));
    } finally {
      upload = null;
      cancelButton.hidden = true;
      syncButton();
    }
  });

  function fieldLabel(name) {
    return k.pick(ROSTER_FIELDS[name], name);
  }

  function problemsTable(problems) {
    return k.table([
      { label: t('行号', 'Line'), key: 'line', className: 'num', value: (p) => String(p.line) },
      { label: t('姓名', 'Name'), key: 'name', value: (p) => k.verbatim(p.name) || '–' },
      { label: t('栏目', 'Field'), key: 'field', className: 'nowrap', value: (p) => fieldLabel(p.field) },
      { label: t('问题', 'Problem'), key: 'message', value: (p) => p.message },
    ], problems, { id: 'roster-problems', rowAttrs: (p) => ({ dataset: { line: p.line, field: p.field } }) });
  }

  function showPreview(answer, fileName) {
    preview = { ...answer, fileName };
    const problems = Array.isArray(answer.problems) ? answer.problems : [];
    const more = Number(answer.problemCount || 0) - problems.length;
    const confirmButton = el('button', {
      type: 'button', class: 'button primary', id: 'roster-confirm', disabled: !answer.canConfirm, onclick: () => confirmUpload(confirmButton),
    }, t(`确认参保（${answer.rows} 人）`, `Confirm enrolment (${answer.rows} people)`));
    fill(previewSlot, el('div', { class: 'card ui-section', id: 'roster-preview', dataset: { uploadId: answer.uploadId, canConfirm: String(Boolean(answer.canConfirm)) } },
      el('h2', {}, t('③ 检查结果', '③ Check result')),
      k.facts([
        [t('项目', 'Plan'), k.planName(plans.find((p) => p.id === answer.planId) || answer), 'plan'],
        [t('文件', 'File'), k.verbatim(fileName), 'file'],
        [t('人数', 'People'), String(answer.rows), 'rows'],
        [t('每人费用', 'Fee per person'), k.money(answer.feePerPersonFen), 'feePerPerson'],
        [t('费用合计', 'Fee total'), k.money(answer.feeTotalFen), 'feeTotal'],
        [t('保障期间', 'Cover'), `${fmtDate(answer.coverStart)} ~ ${fmtDate(answer.coverEnd)}`, 'cover'],
        [t('问题数', 'Problems'), String(answer.problemCount || 0), 'problemCount'],
      ], { id: 'roster-summary' }),
      answer.canConfirm
        ? el('p', { class: 'notice', role: 'status', id: 'roster-ok' }, t(`名单检查通过，共 ${answer.rows} 人，可以确认参保。`, `The roster is fine: ${answer.rows} people can be enrolled.`))
        : el('p', { class: 'notice warn', role: 'status', id: 'roster-has-problems' },
          t(`名单中有 ${answer.problemCount} 个问题。请在文件中逐一修改后重新上传；全部问题解决后才能确认参保。`,
            `The roster has ${answer.problemCount} problem(s). Fix them in the file and upload it again; it can be confirmed once there are none.`)),
      problems.length ? problemsTable(problems) : null,
      more > 0 ? el('p', { class: 'muted', id: 'roster-problems-more' }, t(`……另有 ${more} 个问题未列出。`, `…and ${more} more.`)) : null,
      el('div', { class: 'ui-form-actions' },
        confirmButton,
        // the list as the page shows it, in the page's language, with each problem's stable code to sort by
        problems.length ? k.csvButton(t('下载问题清单 (CSV)', 'Download problems (CSV)'), t('名单问题清单.csv', 'roster-problems.csv'),
          () => ({ headers: [t('行号', 'Line'), t('姓名', 'Name'), t('栏目', 'Field'), t('问题', 'Problem'), t('问题代码', 'Code')],
            rows: problems.map((p) => [p.line, p.name || '', fieldLabel(p.field), p.message, p.code || '']) }),
          { id: 'roster-problems-csv' }) : null),
      el('div', { id: 'roster-confirm-problem' })));
  }

  async function confirmUpload(button) {
    if (!preview || !preview.canConfirm) return;
    if (!await confirmDialog(t, { message: t(`将为 ${preview.rows} 人参保，费用 ${k.money(preview.feeTotalFen)}，确定？`,
      `Enrol ${preview.rows} people for a fee of ${k.money(preview.feeTotalFen)}?`) })) return;
    button.disabled = true;
    const slot = previewSlot.querySelector('#roster-confirm-problem');
    fill(slot);
    try {
      const batch = await context.api(`${BASE}/uploads/${preview.uploadId}/confirm`, { method: 'POST' });
      if (!alive) return;
      preview = null;
      fileInput.value = '';
      progressRow.hidden = true;
      syncButton();
      fill(previewSlot);
      showResult(batch);
      loadBatches();
    } catch (e) {
      if (!alive) return;
      const errors = (e.problem && e.problem.errors) || [];
      if (e.status === 422 && errors.length) {
        // Rows changed since the preview (e.g. someone enrolled meanwhile): the errors are "line N: field".
        const problems = errors.map((fe) => {
          const m = /^line (\d+): (.*)$/.exec(fe.field || '');
          return { line: m ? Number(m[1]) : '', field: m ? m[2] : fe.field, message: fe.message };
        });
        showPreview({ ...preview, canConfirm: false, problems, problemCount: errors.length }, preview.fileName);
        fill(previewSlot.querySelector('#roster-confirm-problem'), k.problem(e, { id: 'roster-confirm-error' }));
      } else {
        fill(slot, k.problem(e, { id: 'roster-confirm-error' }));
        button.disabled = e.status === 409 || e.status === 404;   // the upload is used up: upload again
      }
    }
  }

  function showResult(batch) {
    const pending = batch.status === 'PENDING_PAYMENT';
    fill(resultSlot, el('div', { class: 'card ui-section', id: 'enrol-result', dataset: { batchId: batch.batchId, status: batch.status } },
      el('h2', {}, t('参保已提交', 'Enrolment recorded')),
      k.facts([
        [t('团体参保编号', 'Group enrolment no.'), String(batch.batchId), 'batchId'],
        [t('人数', 'People'), String(batch.persons), 'persons'],
        [t('费用合计', 'Fee total'), k.money(batch.feeTotalFen), 'feeTotal'],
        [t('保障期间', 'Cover'), `${fmtDate(batch.coverStart)} ~ ${fmtDate(batch.coverEnd)}`, 'cover'],
        [t('状态', 'Status'), k.badge(batch.status), 'status'],
      ]),
      el('p', { class: 'muted' }, pending
        ? t('请按缴费通知缴纳互助金；区、市工会确认收款后，保障自保障起期起生效。', 'Please pay the fee; the cover starts once the district or city union has recorded the payment.')
        : t('本项目免费，保障自保障起期起生效。', 'This plan is free; the cover starts on the first day of cover.'))));
    resultSlot.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  // ---------------------------------------------------------------- group enrolments and their lifecycle

  // A group's plan in the page's language: the batches carry the Chinese name only, the current plans (by code) both.
  let planNames = null;
  const batchPlanName = (b) => {
    const plan = planNames && planNames.get(b.planCode);
    return plan ? k.planName(plan) : b.planNameZh;
  };
  const loadPlanNames = async () => {
    if (planNames) return;
    try {
      const all = await context.api('/api/mutual-aid/plans');
      planNames = new Map((Array.isArray(all) ? all : []).map((p) => [p.code, p]));
    } catch {
      planNames = new Map();   // the Chinese name, as the batch has it
    }
  };

  const batchTitle = () => (operator ? t('本单位团体参保记录', 'Our group enrolments') : t('辖区团体参保', 'Group enrolments of your area'));

  function batchActions(b) {
    const what = k.paren(batchPlanName(b), t(`${b.personCount} 人`, `${b.personCount} people`));
    const act = (id, label, question, path, cls = 'button') => el('button', {
      type: 'button', class: cls, id: `${id}-${b.id}`, dataset: { action: id, batchId: b.id },
      onclick: (event) => batchStep(event.currentTarget, question, path),
    }, label);
    const pending = b.status === 'PENDING_PAYMENT';
    return el('div', { class: 'ui-toolbar' },
      el('button', { type: 'button', class: 'button', id: `batch-persons-${b.id}`, onclick: () => showPersons(b, 0) }, t('参保人员', 'Insured persons')),
      pending && staff ? act('batch-paid', t('确认收款', 'Record payment'),
        t(`将确认收到团体参保 ${b.id}（${what}）的费用 ${k.money(b.feeTotalFen)}，保障随即生效，确定？`,
          `Record the payment of ${k.money(b.feeTotalFen)} for group enrolment ${b.id} (${what}); its cover starts. Continue?`),
        `${BASE}/batches/${b.id}/payment`, 'button primary') : null,
      pending ? act('batch-cancel', t('取消', 'Cancel'),
        t(`将取消团体参保 ${b.id}（${what}），${b.personCount} 人不再参保，不能恢复，确定？`,
          `Cancel group enrolment ${b.id} (${what}): ${b.personCount} people are no longer enrolled, and this cannot be undone. Continue?`),
        `${BASE}/batches/${b.id}/cancel`) : null,
      operator && b.status !== 'CANCELLED' ? act('batch-renew', t('续保', 'Renew'),
        t(`将为团体参保 ${b.id} 的 ${b.personCount} 人续保“${batchPlanName(b)}”的当前保障期，按项目当前标准收费，确定？`,
          `Renew the ${b.personCount} people of group enrolment ${b.id} for the current term of “${batchPlanName(b)}”, at the plan's current fee. Continue?`),
        `${BASE}/batches/${b.id}/renew`) : null);
  }

  async function batchStep(button, question, path) {
    if (!await confirmDialog(t, { message: question })) return;
    button.disabled = true;
    const slot = batchesSlot.querySelector('#enrol-batch-step');
    fill(slot);
    try {
      const answer = await context.api(path, { method: 'POST' });
      if (!alive) return;
      const renewed = answer && answer.batchId && !answer.status;
      fill(slot, el('p', { class: 'notice', role: 'status', id: 'enrol-batch-step-done', dataset: { action: button.dataset.action } },
        renewed ? t(`已续保：新的团体参保 ${answer.batchId}，${answer.persons} 人，费用 ${k.money(answer.feeTotalFen)}。`,
          `Renewed: new group enrolment ${answer.batchId}, ${answer.persons} people, fee ${k.money(answer.feeTotalFen)}.`)
          : t(`团体参保 ${answer.id} 现为“${k.statusLabel(answer.status)}”。`, `Group enrolment ${answer.id} is now ${k.statusLabel(answer.status)}.`)));
      loadBatches(true);
    } catch (e) {
      if (!alive) return;
      k.checkSession(e);
      button.disabled = false;
      fill(slot, k.problem(e, { id: 'enrol-batch-step-problem' }));
    }
  }

  async function showPersons(b, page) {
    try {
      const answer = await context.api(`${BASE}?batchId=${encodeURIComponent(b.id)}&page=${page}&size=${PAGE_SIZE}`);
      if (!alive) return;
      const items = Array.isArray(answer.items) ? answer.items : [];
      const pages = Math.max(1, Math.ceil(Number(answer.total || 0) / PAGE_SIZE));
      const exportFile = (format) => downloadWithToken(`${BASE}/export?format=${format}&batchId=${encodeURIComponent(b.id)}`,
        `团体参保${b.id}-参保人员.${format}`).catch((e) => { k.checkSession(e); fill(personsSlot.querySelector('#enrol-persons-problem'), k.problem(e)); });
      fill(personsSlot, el('div', { class: 'card ui-section', id: 'enrol-persons-card', dataset: { batchId: b.id, total: answer.total } },
        el('h2', {}, t(`团体参保 ${b.id} 的参保人员（${answer.total} 人）`, `Insured persons of group enrolment ${b.id} (${answer.total})`)),
        el('div', { class: 'ui-toolbar' },
          el('button', { type: 'button', class: 'button', id: 'enrol-persons-csv', onclick: () => exportFile('csv') }, t('导出 CSV', 'Export CSV')),
          el('button', { type: 'button', class: 'button', id: 'enrol-persons-xlsx', onclick: () => exportFile('xlsx') }, t('导出 XLSX', 'Export XLSX'))),
        el('div', { id: 'enrol-persons-problem' }),
        k.table([
          { label: t('姓名', 'Name'), key: 'name', value: (e) => k.verbatim(e.memberName) },
          { label: t('身份证号', 'ID number'), key: 'idNumber', className: 'nowrap', value: (e) => e.idNumber },
          { label: t('手机号', 'Phone'), key: 'phone', className: 'nowrap', value: (e) => e.phone || '–' },
          { label: t('保障期间', 'Cover'), key: 'cover', className: 'nowrap', value: (e) => `${fmtDate(e.coverStart)} ~ ${fmtDate(e.coverEnd)}` },
          { label: t('费用', 'Fee'), key: 'fee', className: 'num', value: (e) => k.money(e.feeFen) },
          { label: t('续保', 'Renewal'), key: 'renewal', value: (e) => (e.renewal ? t('是', 'yes') : t('否', 'no')) },
          { label: t('状态', 'Status'), key: 'status', value: (e) => k.badge(e.status) },
        ], items, { id: 'enrol-person-list', empty: t('没有参保人员。', 'No insured persons.') }),
        pages > 1 ? el('div', { class: 'ui-toolbar' },
          el('button', { type: 'button', class: 'button', disabled: page <= 0, onclick: () => showPersons(b, page - 1) }, t('上一页', 'Previous')),
          el('span', { class: 'muted' }, t(`第 ${page + 1} / ${pages} 页`, `Page ${page + 1} of ${pages}`)),
          el('button', { type: 'button', class: 'button', disabled: page + 1 >= pages, onclick: () => showPersons(b, page + 1) }, t('下一页', 'Next')))
          : null));
      personsSlot.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (e) {
      if (!alive) return;
      k.checkSession(e);
      fill(personsSlot, k.problem(e, { id: 'enrol-persons-problem' }));
    }
  }

  async function loadBatches(keepStep = false) {
    const step = keepStep ? batchesSlot.querySelector('#enrol-batch-step') : null;
    try {
      const [all] = await Promise.all([context.api(`${BASE}/batches`), loadPlanNames()]);
      if (!alive) return;
      const batches = (Array.isArray(all) ? all : []).filter((b) => !batchStatus || b.status === batchStatus);
      const filter = el('select', { id: 'enrol-batch-status', name: 'status', onchange: (event) => { batchStatus = event.target.value; loadBatches(); } },
        el('option', { value: '' }, t('全部状态', 'All statuses')),
        BATCH_STATUSES.map((s) => el('option', { value: s, selected: s === batchStatus }, k.statusLabel(s))));
      fill(batchesSlot,
        el('h2', { id: 'enrol-batches-title' }, batchTitle()),
        el('div', { class: 'ui-toolbar' }, el('label', { for: 'enrol-batch-status' }, t('状态：', 'Status: ')), filter),
        step || el('div', { id: 'enrol-batch-step' }),
        k.table([
          { label: t('编号', 'No.'), key: 'id', className: 'num', value: (b) => String(b.id) },
          { label: t('项目', 'Plan'), key: 'plan', value: (b) => batchPlanName(b) },
          { label: t('保障期间', 'Cover'), key: 'cover', className: 'nowrap', value: (b) => `${fmtDate(b.coverStart)} ~ ${fmtDate(b.coverEnd)}` },
          { label: t('人数', 'People'), key: 'persons', className: 'num', value: (b) => String(b.personCount) },
          { label: t('费用合计', 'Fee total'), key: 'fee', className: 'num', value: (b) => k.money(b.feeTotalFen) },
          { label: t('状态', 'Status'), key: 'status', value: (b) => k.badge(b.status) },
          { label: t('提交', 'Submitted'), key: 'created', className: 'nowrap', value: (b) => fmtDateTime(b.createdAt) },
          { label: t('操作', 'Actions'), key: 'actions', value: (b) => batchActions(b) },
        ], batches, {
          id: 'enrol-batch-list',
          empty: batchStatus ? t('没有该状态的团体参保。', 'No group enrolments with this status.') : t('还没有团体参保记录。', 'No group enrolments yet.'),
          rowAttrs: (b) => ({ dataset: { batchId: b.id, status: b.status } }),
        }));
    } catch (e) {
      if (alive) fill(batchesSlot, k.problem(e, { id: 'enrol-batches-problem' }));
    }
  }

  if (operator) (async () => {
    try {
      const answer = await context.api('/api/mutual-aid/plans');
      if (!alive) return;
      plans = Array.isArray(answer) ? answer : [];
      renderPlans();
    } catch (e) {
      if (alive) fill(planSlot, k.problem(e, { id: 'enrol-plans-problem' }));
    }
  })();
  loadBatches();

  return () => {
    alive = false;
    if (upload) upload.abort();
  };
}
