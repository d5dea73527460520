// 帮扶发放 / Payment batches (district and platform administrators): generate a batch of a kind and period,
// check its lines, approve or discard it, download the bank and love-card files, record the bank's
// answer (failed lines with their reasons) and reissue what failed.

// lib.js is loaded with this page's own query (the shell adds ?v=<n> after a module update),
// so that new page code never runs with an old copy of the helpers.
const {
  el, fill, kit, field, ensureStyles, downloadWithToken, today, fenToYuanText,
  API, GENERATED_KINDS, periodInfo, defaultPeriod, periodSuggestions, confirmDialog, routeQuery, BATCH_STATUSES,
} = await import(`./lib.js${new URL(import.meta.url).search}`);

const BASE = `${API}/batches`;
const FILES_READY = ['APPROVED', 'CLOSED'];

export function mount(root, context) {
  ensureStyles();
  const k = kit(context);
  const { t } = k;
  let alive = true;
  let batches = [];
  let selected = null;   // the id of the batch shown
  // a to-do link of the home page (#/hardship-aid/batches?status=DRAFT) opens the list filtered as counted there
  let statusShown = Object.hasOwn(BATCH_STATUSES, routeQuery().get('status') || '') ? routeQuery().get('status') : '';
  const statusFilter = el('select', { id: 'ha-batch-status-filter', name: 'status', onchange: () => { statusShown = statusFilter.value; renderList(); } },
    el('option', { value: '' }, t('全部状态', 'All statuses')),
    Object.keys(BATCH_STATUSES).map((s) => el('option', { value: s, selected: s === statusShown }, k.batchStatusLabel(s))));
  let detailSeq = 0;

  // ---------------------------------------------------------------- frame (the list above the batch shown: its lines need the width)

  const notice = el('div', { id: 'ha-batches-notice' });
  const generateSlot = el('section', { class: 'card ui-section', id: 'ha-batch-generate-section', 'aria-labelledby': 'ha-batch-generate-title' });
  const listSlot = el('div', { id: 'ha-batch-list-slot', class: 'ha-fit' });
  const detailSlot = el('div', { id: 'ha-batch-detail-slot' });
  const split = el('div', { class: 'ui-split' },
    el('section', { class: 'ui-section', 'aria-labelledby': 'ha-batch-list-title' },
      el('div', { class: 'ui-toolbar' },
        el('h2', { id: 'ha-batch-list-title' }, t('发放批次', 'Batches')),
        el('span', { class: 'spacer' }),
        k.exportButtons(t('帮扶发放批次', 'hardship-aid-batches'), () => ({
          headers: [t('批次', 'Batch'), t('类型', 'Kind'), t('期间', 'Period'), t('发放日', 'Due'), t('笔数', 'Lines'),
            t('合计(元)', 'Total (CNY)'), t('银行转账(元)', 'Bank (CNY)'), t('爱心卡(元)', 'Love card (CNY)'), t('状态', 'Status'),
            t('生成人', 'Created by'), t('审批人', 'Approved by')],
          rows: batches.map((b) => [b.id, k.kindLabel(b.kind), b.period || '', k.date(b.dueDate), b.lineCount ?? '',
            fenToYuanText(b.totalFen), fenToYuanText(b.bankFen), fenToYuanText(b.loveCardFen), k.batchStatusLabel(b.status),
            person(b.createdByName, b.createdBy), person(b.approvedByName, b.approvedBy)]),
        }), 'ha-batch-list-export'),
        el('label', { for: 'ha-batch-status-filter' }, t('状态', 'Status')), statusFilter,
        el('button', { type: 'button', class: 'button', id: 'ha-batch-refresh', onclick: () => loadList() }, t('刷新', 'Refresh'))),
      listSlot),
    detailSlot);

  fill(root, el('div', { class: 'ui-page', 'data-testid': 'ha-batches' },
    el('header', {},
      el('h1', {}, t('帮扶发放', 'Aid payments')),
      el('p', { class: 'muted' }, t('按发放类型和期间生成批次：系统为发放日当天在档、符合条件且该期间尚未发放的家庭逐项计算金额（按当日有效的标准）。批次审批后可下载银行代发文件和爱心卡充值文件，银行回盘后登记失败笔数并可重新发放。',
        'Generate a batch for a kind and period: every household on file on the due date that is entitled and not yet paid for the period gets each item at the standard in force that day. Once approved, the bank and love-card files can be downloaded; record the bank’s answer and reissue what failed.'))),
    notice, generateSlot, split));

  /** A person by name (张丽), the login name only when the directory does not know it. */
  const person = (name, username) => name || username || '';
  const say = (text, kind = '') => fill(notice, text ? el('p', { class: `notice ${kind}`, role: 'status', id: 'ha-batches-message' }, text) : null);

  // ---------------------------------------------------------------- generate

  function renderGenerate() {
    const kind = el('select', { id: 'ha-batch-kind', name: 'kind' },
      GENERATED_KINDS.map((code) => el('option', { value: code }, k.kindLabel(code))));
    kind.value = 'QUARTER';
    const options = el('datalist', { id: 'ha-batch-period-options' });
    const period = el('input', { type: 'text', id: 'ha-batch-period', name: 'period', list: 'ha-batch-period-options', autocomplete: 'off',
      maxlength: 7, spellcheck: 'false' });
    const info = el('p', { class: 'ha-period-info', id: 'ha-batch-period-info', 'aria-live': 'polite' });
    const result = el('div', { id: 'ha-batch-generate-result', class: 'ui-wide' });
    const button = el('button', { type: 'submit', class: 'button primary', id: 'ha-batch-generate' }, t('生成批次（预览）', 'Generate (draft)'));

    const describe = () => {
      const p = periodInfo(kind.value, period.value);
      info.dataset.dueDate = p.ok ? p.dueDate : '';
      info.classList.toggle('ha-invalid', !p.ok);
      info.textContent = p.ok ? t(p.zh, p.en) : t(`格式不对：${p.zh}`, `Not a period: ${p.en}`);
      return p;
    };
    const reset = () => {
      period.value = defaultPeriod(kind.value, today());
      period.placeholder = kind.value === 'QUARTER' ? '2026Q4' : '2026';
      fill(options, periodSuggestions(kind.value, today()).map((p) => el('option', { value: p })));
      describe();
    };
    kind.addEventListener('change', () => { fill(result); reset(); });
    period.addEventListener('input', () => { period.value = period.value.toUpperCase(); fill(result); describe(); });

    const form = el('form', { class: 'ui-form', id: 'ha-batch-form', novalidate: true },
      el('h2', { class: 'ui-wide', id: 'ha-batch-generate-title' }, t('生成发放批次', 'Generate a batch')),
      field(t('发放类型', 'Kind'), kind, { name: 'kind' }),
      field(t('期间', 'Period'), period, { name: 'period', hint: t('季度写作 2026Q4，其他类型写年份，如 2026。', 'Quarters like 2026Q4, the other kinds a year such as 2026.') }),
      el('div', { class: 'ui-wide' }, info),
      options,
      el('div', { class: 'ui-form-actions' }, button),
      result);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      k.clearErrors(form);
      fill(result);
      const p = describe();
      if (!p.ok) {
        k.fieldError(form, 'period', t(p.zh, p.en));
        return;
      }
      button.disabled = true;
      try {
        const batch = await context.api(BASE, { method: 'POST', body: { kind: kind.value, period: p.period } });
        if (!alive) return;
        say(t(`已生成${k.kindLabel(batch.kind)}批次 #${batch.id}（${batch.period}）：${batch.lineCount ?? (batch.lines || []).length} 笔，合计 ${k.money(batch.totalFen)}。请核对后审批。`,
          `Batch #${batch.id} (${k.kindLabel(batch.kind)} ${batch.period}) generated: ${batch.lineCount ?? (batch.lines || []).length} line(s), ${k.money(batch.totalFen)} in all. Check and approve it.`));
        await loadList();
        showBatch(batch);
      } catch (e) {
        if (!alive) return;
        k.checkSession(e);
        fill(result, e.status === 409 ? conflictNotice(e, kind.value, p.period) : k.problem(e, { form, labels: { kind: t('发放类型', 'Kind'), period: t('期间', 'Period') }, id: 'ha-batch-generate-error' }));
      } finally {
        button.disabled = false;
      }
    });
    fill(generateSlot, form);
    reset();
  }

  /** 409 on generate: nothing new to pay; the server names the batches that pay it already. */
  function conflictNotice(e, kind, period) {
    const p = e.problem || {};
    const named = [p.batches, p.batchIds].find(Array.isArray) || [];
    const ids = named.map((b) => (b && typeof b === 'object' ? b.id : b)).filter((id) => id != null);
    return el('div', { class: 'notice warn ui-problem', role: 'status', id: 'ha-batch-conflict', dataset: { status: '409' } },
      el('div', {},
        el('strong', {}, t(`${k.kindLabel(kind)} ${period} 没有需要新发放的内容。`, `Nothing new to pay for ${k.kindLabel(kind)} ${period}.`)),
        el('p', {}, t('该期间符合条件的家庭都已在下列批次中发放（或没有符合条件的家庭、没有生效的标准）。',
          'Every entitled household is paid for this period by the batches below already (or none is entitled, or no standard is in force).')),
        p.detail ? el('p', { class: 'ha-conflict-detail' }, p.detail) : null,
        ids.length ? el('p', {}, t('相关批次：', 'Batches: '), ids.map((id, i) => [i ? '、' : '',
          el('a', { href: '#', class: 'ha-batch-link', dataset: { batchId: id }, onclick: (ev) => { ev.preventDefault(); openBatch(Number(id)); } }, `#${id}`)])) : null));
  }

  // ---------------------------------------------------------------- list

  async function loadList() {
    try {
      const answer = await context.api(BASE);
      if (!alive) return;
      batches = Array.isArray(answer) ? answer : [];
      renderList();
    } catch (e) {
      if (alive) fill(listSlot, k.fail(e, 'ha-batch-list-problem'));
    }
  }

  function renderList() {
    fill(listSlot, k.table([
      { label: t('批次', 'Batch'), key: 'id', className: 'nowrap', value: (b) => el('a', { href: '#', class: 'ha-batch-open ha-strong', dataset: { batchId: b.id },
        onclick: (event) => { event.preventDefault(); openBatch(b.id); } }, `#${b.id}`) },
      { label: t('类型 / 期间', 'Kind / period'), key: 'kind', value: (b) => [k.kindLabel(b.kind), el('br'), el('small', { class: 'muted nowrap' },
        b.kind === 'REISSUE' && b.reissueOf ? t(`重发 #${b.reissueOf}`, `reissue of #${b.reissueOf}`) : b.period || '')] },
      { label: t('发放日', 'Due'), key: 'due', className: 'nowrap', value: (b) => k.date(b.dueDate) },
      { label: t('笔数', 'Lines'), key: 'lines', className: 'num', value: (b) => String(b.lineCount ?? '') },
      { label: t('合计', 'Total'), key: 'total', className: 'num', value: (b) => k.money(b.totalFen) },
      { label: t('状态', 'Status'), key: 'status', className: 'nowrap', value: (b) => k.batchBadge(b.status) },
    ], batches.filter((b) => !statusShown || b.status === statusShown), {
      id: 'ha-batch-list', empty: statusShown ? t('没有该状态的批次。', 'No batches with this status.') : t('还没有发放批次。', 'No batches yet.'),
      rowAttrs: (b) => ({ class: b.id === selected ? 'ui-selected' : null, dataset: { batchId: b.id, status: b.status, kind: b.kind, period: b.period || '' } }),
    }));
  }

  // ---------------------------------------------------------------- detail

  async function openBatch(id, { problemNode = null } = {}) {
    selected = id;
    const mine = ++detailSeq;
    markSelected();
    fill(detailSlot, el('p', { class: 'loading' }, t('加载中…', 'Loading…')));
    try {
      const batch = await context.api(`${BASE}/${encodeURIComponent(id)}`);
      if (alive && mine === detailSeq) showBatch(batch, problemNode);
    } catch (e) {
      if (alive && mine === detailSeq) fill(detailSlot, k.fail(e, 'ha-batch-detail-problem'));
    }
  }

  function markSelected() {
    listSlot.querySelectorAll('tr[data-batch-id]').forEach((tr) => tr.classList.toggle('ui-selected', tr.dataset.batchId === String(selected)));
  }

  function closeDetail() {
    selected = null;
    detailSeq++;
    fill(detailSlot);
    markSelected();
  }

  /** Counts and sums of lines by a key (integer fen). */
  function sums(lines, keyOf) {
    const out = new Map();
    for (const l of lines) {
      const key = keyOf(l);
      const s = out.get(key) || { key, count: 0, fen: 0 };
      s.count += 1;
      s.fen += Number(l.amountFen || 0);
      out.set(key, s);
    }
    return [...out.values()];
  }

  function showBatch(batch, problemNode = null) {
    if (!batch.lines) {
      openBatch(batch.id);
      return;
    }
    const switched = selected !== batch.id || !detailSlot.querySelector('#ha-batch-detail');
    selected = batch.id;
    detailSeq++;
    markSelected();
    const lines = Array.isArray(batch.lines) ? batch.lines : [];
    const byChannel = sums(lines, (l) => l.channel);
    const count = (channel) => (byChannel.find((s) => s.key === channel) || { count: 0 }).count;
    const filesReady = FILES_READY.includes(batch.status);
    const failedOpen = lines.filter((l) => l.status === 'FAILED' && !l.reissuedInBatchId);
    const actionProblem = el('div', { id: 'ha-batch-action-problem' });
    const resultSlot = el('div', { id: 'ha-batch-result-slot' });
    const linesSlot = el('div', { id: 'ha-batch-lines-slot' });
    const lineFilter = el('input', { type: 'search', id: 'ha-line-filter', placeholder: t('按户主、优惠证号或受益人筛选', 'Filter by head, certificate or beneficiary'),
      autocomplete: 'off', oninput: () => renderLines() });

    const download = (what, format, id, label, channel) => el('button', {
      type: 'button', class: 'button', id, dataset: { format },
      disabled: !filesReady || count(channel) === 0,
      title: !filesReady ? t('批次审批后才能下载', 'available once the batch is approved') : (count(channel) === 0 ? t('本批次没有该渠道的发放', 'no lines of this channel') : null),
      onclick: (ev) => fetchFile(ev.currentTarget, `${BASE}/${batch.id}/${what}?format=${format}`,
        `${what === 'bank-file' ? '银行代发' : '爱心卡充值'}-批次${batch.id}.${format}`),
    }, label);
    const exportButton = (format) => el('button', {
      type: 'button', class: 'button', id: `ha-batch-export-${format}`, disabled: lines.length === 0,
      onclick: (ev) => fetchFile(ev.currentTarget, `${BASE}/${batch.id}/export?format=${format}`, `发放明细-批次${batch.id}.${format}`),
    }, format === 'csv' ? t('导出明细 CSV', 'Lines as CSV') : t('导出明细 Excel', 'Lines as XLSX'));

    const actionButtons = [];
    if (batch.status === 'DRAFT') {
      // the maker-checker rule as the server applies it now (batches.secondPerson; off in demo unless configured on)
      const ownBatch = batch.createdBy === (context.user && context.user.username);
      const blocked = batch.secondPersonRequired !== false && ownBatch;
      actionButtons.push(
        el('button', { type: 'button', class: 'button primary', id: 'ha-batch-approve', disabled: lines.length === 0 || blocked,
          onclick: (ev) => act(batch, ev.currentTarget, 'approve') }, t('审批通过', 'Approve')),
        el('button', { type: 'button', class: 'button', id: 'ha-batch-discard', onclick: () => confirmDiscard(batch, actionProblem) }, t('作废草稿', 'Discard')),
        el('small', { class: 'muted', id: 'ha-batch-second-person', dataset: { required: String(batch.secondPersonRequired !== false) } },
          batch.secondPersonRequired === false
            ? t('本系统未要求第二人审批：生成人也可审批。', 'No second person is required here: whoever generated it may approve it.')
            : ownBatch
              ? t('此批次由您生成：须由另一位工作人员审批（四眼原则）。', 'You generated this batch: someone else approves it (maker-checker).')
              : t('批次须由生成人以外的工作人员审批（四眼原则）。', 'A batch is approved by someone other than whoever generated it (maker-checker).')));
    }
    if (batch.status === 'APPROVED') {
      actionButtons.push(el('button', { type: 'button', class: 'button primary', id: 'ha-batch-result-start',
        onclick: () => showResultForm(batch, resultSlot, actionProblem) }, t('登记发放结果', 'Record the bank’s answer')));
    }
    if (batch.status === 'CLOSED' && failedOpen.length) {
      actionButtons.push(el('button', { type: 'button', class: 'button primary', id: 'ha-batch-reissue',
        onclick: (ev) => reissue(batch, ev.currentTarget, actionProblem) }, t(`重新发放失败的 ${failedOpen.length} 笔`, `Reissue the ${failedOpen.length} failed line(s)`)));
    }

    const info = periodInfo(batch.kind, batch.period);
    fill(detailSlot, el('article', { class: 'card ui-detail', id: 'ha-batch-detail',
      dataset: { batchId: batch.id, status: batch.status, kind: batch.kind, period: batch.period || '', lineCount: lines.length } },
    el('div', { class: 'ui-toolbar' },
      el('h2', {}, t(`批次 #${batch.id}：${k.kindLabel(batch.kind)} ${batch.period || ''}`, `Batch #${batch.id}: ${k.kindLabel(batch.kind)} ${batch.period || ''}`)),
      k.batchBadge(batch.status, { id: 'ha-batch-status' }),
      el('span', { class: 'spacer' }),
      k.backToList(closeDetail, { id: 'ha-batch-close' })),
    problemNode,
    info.ok && batch.kind !== 'REISSUE' ? el('p', { class: 'muted', id: 'ha-batch-period-text' }, t(info.zh, info.en)) : null,
    Array.isArray(batch.warnings) && batch.warnings.length ? el('div', { class: 'notice warn', id: 'ha-batch-warnings' },
      el('ul', { class: 'ui-lines' }, batch.warnings.map((w) => el('li', {}, typeof w === 'string' ? w : (w.message || JSON.stringify(w)))))) : null,
    k.facts([
      [t('发放日', 'Due'), k.date(batch.dueDate), 'dueDate'],
      [t('重发自', 'Reissue of'), batch.reissueOf ? el('a', { href: '#', class: 'ha-batch-link', dataset: { batchId: batch.reissueOf },
        onclick: (ev) => { ev.preventDefault(); openBatch(batch.reissueOf); } }, `#${batch.reissueOf}`) : null, 'reissueOf'],
      [t('生成', 'Generated'), [k.verbatim(person(batch.createdByName, batch.createdBy)), ` · ${k.when(batch.createdAt)}`], 'created'],
      [t('审批', 'Approved'), batch.approvedBy ? [k.verbatim(person(batch.approvedByName, batch.approvedBy)), ` · ${k.when(batch.approvedAt)}`] : null, 'approved'],
      [t('结果确认', 'Result recorded'), batch.closedAt ? k.when(batch.closedAt) : null, 'closed'],
    ], { id: 'ha-batch-facts' }),
    el('h3', {}, t('按渠道合计', 'Totals by channel')),
    el('div', { class: 'ha-fit ha-narrow' }, k.table([
      { label: t('渠道', 'Channel'), key: 'channel', value: (r) => r.label },
      { label: t('笔数', 'Lines'), key: 'count', className: 'num', value: (r) => String(r.count) },
      { label: t('金额', 'Amount'), key: 'amount', className: 'num', value: (r) => el('span', { dataset: { fen: r.fen } }, k.money(r.fen)) },
    ], [
      { key: 'BANK', label: k.channelLabel('BANK'), count: count('BANK'), fen: batch.bankFen ?? sumOf(lines, 'BANK') },
      { key: 'LOVE_CARD', label: k.channelLabel('LOVE_CARD'), count: count('LOVE_CARD'), fen: batch.loveCardFen ?? sumOf(lines, 'LOVE_CARD') },
      { key: 'ALL', label: t('合计', 'Total'), count: lines.length, fen: batch.totalFen ?? sumOf(lines, null) },
    ], { id: 'ha-batch-totals', rowAttrs: (r) => ({ dataset: { channel: r.key } }) })),
    lines.length ? el('details', { class: 'ha-more', id: 'ha-batch-items-box' },
      el('summary', {}, t('按项目合计', 'Totals by item')),
      el('div', { class: 'ha-fit ha-narrow' }, k.table([
        { label: t('项目', 'Item'), key: 'item', value: (r) => k.itemLabel(r.key) },
        { label: t('笔数', 'Lines'), key: 'count', className: 'num', value: (r) => String(r.count) },
        { label: t('金额', 'Amount'), key: 'amount', className: 'num', value: (r) => k.money(r.fen) },
      ], sums(lines, (l) => l.item), { id: 'ha-batch-items', rowAttrs: (r) => ({ dataset: { item: r.key } }) }))) : null,
    el('div', { class: 'ui-actions', id: 'ha-batch-actions' },
      actionButtons.length ? el('div', { class: 'ui-toolbar' }, actionButtons) : null,
      el('div', { class: 'ui-toolbar ha-files' },
        el('span', { class: 'ha-files-label' }, t('银行代发文件', 'Bank file')),
        download('bank-file', 'csv', 'ha-bank-file-csv', 'CSV', 'BANK'),
        download('bank-file', 'xlsx', 'ha-bank-file-xlsx', 'Excel', 'BANK'),
        el('span', { class: 'ha-files-label' }, t('爱心卡充值文件', 'Love-card file')),
        download('love-card-file', 'csv', 'ha-love-card-file-csv', 'CSV', 'LOVE_CARD'),
        download('love-card-file', 'xlsx', 'ha-love-card-file-xlsx', 'Excel', 'LOVE_CARD')),
      filesReady ? null : el('small', { class: 'muted' }, t('批次审批后才能下载银行和爱心卡文件。', 'The files can be downloaded once the batch is approved.')),
      actionProblem),
    resultSlot,
    batch.status === 'APPROVED' && count('BANK') > 0 ? bankReturnFile(batch) : null,
    el('div', { class: 'ui-toolbar' },
      el('h3', {}, t(`发放明细（${lines.length} 笔）`, `Lines (${lines.length})`)),
      el('span', { class: 'spacer' }),
      lines.length > 10 ? lineFilter : null,
      exportButton('csv'), exportButton('xlsx')),
    linesSlot));

    if (switched) detailSlot.scrollIntoView({ behavior: 'smooth', block: 'start' });

    function renderLines() {
      const q = lineFilter.value.trim().toLowerCase();
      const shown = q ? lines.filter((l) => [l.headName, l.certificateNo, l.beneficiary].some((v) => String(v || '').toLowerCase().includes(q))) : lines;
      fill(linesSlot, linesTable(shown, batch.period));
    }
    renderLines();
  }

  function sumOf(lines, channel) {
    return lines.filter((l) => channel == null || l.channel === channel).reduce((n, l) => n + Number(l.amountFen || 0), 0);
  }

  function linesTable(lines, batchPeriod) {
    return k.table([
      { label: t('户主', 'Head'), key: 'head', value: (l) => k.verbatim(l.headName) || `#${l.householdId}` },
      { label: t('优惠证号', 'Certificate'), key: 'certificate', className: 'nowrap', value: (l) => k.verbatim(l.certificateNo) || '–' },
      { label: t('项目', 'Item'), key: 'item', value: (l) => [k.itemLabel(l.item), l.period && l.period !== batchPeriod ? el('small', { class: 'muted nowrap' }, ` ${l.period}`) : null] },
      { label: t('受益人', 'Beneficiary'), key: 'beneficiary', value: (l) => k.verbatim(l.beneficiary) || t('本户', 'household') },
      { label: t('金额', 'Amount'), key: 'amount', className: 'num', value: (l) => k.money(l.amountFen) },
      { label: t('渠道', 'Channel'), key: 'channel', className: 'nowrap', value: (l) => k.channelLabel(l.channel) },
      { label: t('计算说明', 'Explanation'), key: 'explanation', className: 'ha-note', value: (l) => t(l.explanation, l.explanationEn) || '' },
      { label: t('状态', 'Status'), key: 'status', value: (l) => [k.lineBadge(l.status),
        l.failureReason ? el('small', { class: 'ui-field-error ha-failure ui-verbatim' }, l.failureReason) : null,
        l.reissuedInBatchId ? el('small', { class: 'muted ha-failure' }, t(`已在批次 #${l.reissuedInBatchId} 重发`, `reissued in #${l.reissuedInBatchId}`)) : null] },
    ], lines, {
      id: 'ha-batch-lines', empty: t('没有发放明细。', 'No lines.'),
      rowAttrs: (l) => ({ dataset: { lineId: l.id, householdId: l.householdId, item: l.item, channel: l.channel, status: l.status } }),
    });
  }

  async function fetchFile(button, path, fileName) {
    button.disabled = true;
    try {
      await downloadWithToken(path, fileName);
    } catch (e) {
      if (alive) fill(detailSlot.querySelector('#ha-batch-action-problem') || notice, k.fail(e, 'ha-batch-download-error'));
    } finally {
      button.disabled = false;
    }
  }

  // ---------------------------------------------------------------- approve, discard, result, reissue

  async function act(batch, button, what) {
    const problemSlot = detailSlot.querySelector('#ha-batch-action-problem');
    fill(problemSlot);
    const sure = await confirmDialog(t, {
      title: t(`审批批次 #${batch.id}`, `Approve batch #${batch.id}`),
      message: t(`将审批批次 #${batch.id}（${k.kindLabel(batch.kind)} ${batch.period}）：${batch.lineCount ?? (batch.lines || []).length} 笔，合计 ${k.money(batch.totalFen)}`
        + `（银行代发 ${k.money(batch.bankFen)}，爱心卡 ${k.money(batch.loveCardFen)}）。审批后可下载发放文件，确定？`,
      `Approve batch #${batch.id} (${k.kindLabel(batch.kind)} ${batch.period}): ${batch.lineCount ?? (batch.lines || []).length} line(s), ${k.money(batch.totalFen)} in all `
        + `(bank ${k.money(batch.bankFen)}, love card ${k.money(batch.loveCardFen)}). The files can then be downloaded. Go ahead?`),
      confirmLabel: t('审批通过', 'Approve'),
    });
    if (!sure) return;
    button.disabled = true;
    try {
      await context.api(`${BASE}/${batch.id}/${what}`, { method: 'POST' });
      if (!alive) return;
      say(t(`批次 #${batch.id} 已审批，可以下载银行代发和爱心卡充值文件。`, `Batch #${batch.id} approved; the bank and love-card files can be downloaded.`));
      await openBatch(batch.id);
      loadList();
    } catch (e) {
      if (!alive) return;
      fill(problemSlot, k.fail(e, 'ha-batch-action-error'));
      button.disabled = false;
      if (e.status === 409) loadList();
    }
  }

  function confirmDiscard(batch, problemSlot) {
    fill(problemSlot, el('div', { class: 'notice warn', role: 'alert', id: 'ha-batch-discard-box' },
      el('span', {}, t(`作废草稿批次 #${batch.id}？其中的家庭可在重新生成时再次计入。`, `Discard draft batch #${batch.id}? Its households can be paid by a new batch.`)),
      el('button', { type: 'button', class: 'button primary', id: 'ha-batch-discard-confirm', onclick: async (ev) => {
        ev.currentTarget.disabled = true;
        try {
          await context.api(`${BASE}/${batch.id}`, { method: 'DELETE' });
          if (!alive) return;
          closeDetail();
          say(t(`已作废草稿批次 #${batch.id}。`, `Draft batch #${batch.id} discarded.`));
          loadList();
        } catch (e) {
          if (alive) fill(problemSlot, k.fail(e, 'ha-batch-action-error'));
        }
      } }, t('确认作废', 'Discard')),
      el('button', { type: 'button', class: 'button', id: 'ha-batch-discard-cancel', onclick: () => fill(problemSlot) }, t('取消', 'Cancel'))));
  }

  async function reissue(batch, button, problemSlot) {
    fill(problemSlot);
    const failed = (batch.lines || []).filter((l) => l.status === 'FAILED' && !l.reissuedInBatchId);
    const sure = await confirmDialog(t, {
      title: t('重新发放失败的款项', 'Reissue the failed lines'),
      message: t(`将为 ${failed.length} 笔失败的款项（合计 ${k.money(failed.reduce((sum, l) => sum + Number(l.amountFen), 0))}）生成重发批次，使用各户当前的账户，待审批。确定？`,
        `Make a reissue batch of the ${failed.length} failed line(s) (${k.money(failed.reduce((sum, l) => sum + Number(l.amountFen), 0))}) with each household’s current account, to be approved. Go ahead?`),
      confirmLabel: t('生成重发批次', 'Make the reissue batch'),
    });
    if (!sure) return;
    button.disabled = true;
    try {
      const created = await context.api(`${BASE}/${batch.id}/reissue`, { method: 'POST' });
      if (!alive) return;
      say(t(`已生成重发批次 #${created.id}（${created.lineCount ?? (created.lines || []).length} 笔），使用各户当前的账户，请核对后审批。`,
        `Reissue batch #${created.id} generated (${created.lineCount ?? (created.lines || []).length} line(s)) with each household’s current account; check and approve it.`));
      await loadList();
      showBatch(created);
    } catch (e) {
      if (!alive) return;
      fill(problemSlot, k.fail(e, 'ha-batch-action-error'));
      button.disabled = false;
    }
  }

  /**
   * 上传银行回盘文件 (the page kit's bankReturnFile, as mutual aid's batches): the bank lines' results from the bank's
   * file, previewed, recorded after a confirmation; love-card lines are recorded as paid with them.
   */
  function bankReturnFile(batch) {
    return k.bankReturnFile({
      idPrefix: 'ha-batch',
      alive: () => alive,
      url: ({ fileName, confirm }) => `${BASE}/${batch.id}/result-file?${new URLSearchParams({ fileName, confirm: String(confirm) })}`,
      line: { key: 'lineId', label: t('明细', 'Line'), text: (l) => `#${l.lineId}` },
      question: (answer) => ({
        title: t(`按回盘文件登记批次 #${batch.id} 的发放结果`, `Record the bank’s result of batch #${batch.id}`),
        message: t(`将按回盘文件登记：银行代发 ${answer.paidCount} 笔已发放（合计 ${k.money(answer.paidFen)}），${answer.failedCount} 笔发放失败`
          + `（合计 ${k.money(answer.failedFen)}，记下银行原因，可重新发放）`
          + (answer.loveCardCount ? `；爱心卡 ${answer.loveCardCount} 笔（合计 ${k.money(answer.loveCardFen)}）记为已发放` : '')
          + '。批次随即结束，不能更改。确定？',
        `From the file: ${answer.paidCount} bank line(s) paid (${k.money(answer.paidFen)}), ${answer.failedCount} failed (${k.money(answer.failedFen)}, `
          + 'with the bank’s reason, can be reissued)'
          + (answer.loveCardCount ? `; ${answer.loveCardCount} love-card line(s) (${k.money(answer.loveCardFen)}) paid` : '')
          + '. The batch is then closed for good. Go ahead?'),
        confirmLabel: t('登记结果', 'Record'),
      }),
      onRecorded: async (recorded) => {
        say(t(`已按回盘文件登记批次 #${batch.id} 的发放结果：${recorded.paidCount} 笔已发放，${recorded.failedCount} 笔失败（可重新发放）。`,
          `Batch #${batch.id} recorded from the bank’s file: ${recorded.paidCount} paid, ${recorded.failedCount} failed (can be reissued).`));
        await openBatch(batch.id);
        loadList();
      },
    });
  }

  /** The bank's answer: tick the failed lines, give each a reason; the rest are paid. */
  function showResultForm(batch, slot, problemSlot) {
    fill(problemSlot);
    const lines = batch.lines || [];
    const summary = el('p', { class: 'ui-total', id: 'ha-result-summary', 'aria-live': 'polite' });
    const formProblem = el('div', { id: 'ha-result-problem' });
    const confirm = el('button', { type: 'submit', class: 'button primary', id: 'ha-result-confirm' }, t('确认结果', 'Confirm'));
    const update = () => {
      const failed = form.querySelectorAll('.ha-line-failed:checked').length;
      summary.dataset.failed = String(failed);
      summary.textContent = t(`失败 ${failed} 笔，其余 ${lines.length - failed} 笔记为已发放。`, `${failed} failed; the other ${lines.length - failed} are recorded as paid.`);
      confirm.textContent = t(`确认结果（失败 ${failed} 笔）`, `Confirm (${failed} failed)`);
    };
    const rows = lines.map((l) => {
      const reason = el('input', { type: 'text', class: 'ha-line-reason', dataset: { lineId: l.id }, maxlength: 400, disabled: true,
        placeholder: t('失败原因，如：账户已销户', 'reason, e.g. account closed'), 'aria-label': t(`${l.headName} 的失败原因`, `Reason for ${l.headName}`) });
      const box = el('input', { type: 'checkbox', class: 'ha-line-failed', dataset: { lineId: l.id },
        'aria-label': t(`${l.headName} ${k.itemLabel(l.item)} 发放失败`, `${l.headName} ${k.itemLabel(l.item)} failed`) });
      box.addEventListener('change', () => {
        reason.disabled = !box.checked;
        if (box.checked) reason.focus();
        update();
      });
      return { l, box, reason, slot: el('small', { class: 'ui-field-error' }) };
    });
    const form = el('form', { class: 'card ui-section', id: 'ha-result-form', novalidate: true },
      el('h3', {}, t('登记银行回盘结果', 'The bank’s answer')),
      el('p', { class: 'muted' }, t('勾选银行或爱心卡退回的失败笔数并填写原因；确认后其余各笔记为已发放，批次结束。失败的笔数可以重新发放。',
        'Tick the lines that failed and give each a reason; on confirming, the others are paid and the batch is closed. Failed lines can be reissued.')),
      el('div', { class: 'ui-table-wrap' }, el('table', { class: 'data', id: 'ha-result-lines' },
        el('thead', {}, el('tr', {}, [t('失败', 'Failed'), t('户主', 'Head'), t('项目', 'Item'), t('金额', 'Amount'), t('渠道', 'Channel'), t('失败原因', 'Reason')]
          .map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, rows.map((r) => el('tr', { dataset: { lineId: r.l.id } },
          // data-label: the column's name before each value when the rows become stacked cards on a phone
          el('td', { 'data-label': t('失败', 'Failed') }, r.box),
          el('td', { 'data-label': t('户主', 'Head') }, k.verbatim(r.l.headName) || `#${r.l.householdId}`,
            r.l.beneficiary ? el('small', { class: 'muted' }, ` · ${r.l.beneficiary}`) : null),
          el('td', { 'data-label': t('项目', 'Item') }, k.itemLabel(r.l.item)),
          el('td', { class: 'num', 'data-label': t('金额', 'Amount') }, k.money(r.l.amountFen)),
          el('td', { class: 'nowrap', 'data-label': t('渠道', 'Channel') }, k.channelLabel(r.l.channel)),
          el('td', { class: 'ha-reason-cell', 'data-label': t('失败原因', 'Reason') }, r.reason, r.slot)))))),
      summary, formProblem,
      el('div', { class: 'ui-form-actions' }, confirm,
        el('button', { type: 'button', class: 'button', id: 'ha-result-cancel', onclick: () => fill(slot) }, t('取消', 'Cancel'))));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      fill(formProblem);
      const failed = [];
      let ok = true;
      rows.forEach((r) => {
        r.slot.textContent = '';
        r.reason.removeAttribute('aria-invalid');
        r.slot.removeAttribute('data-error-for');
        r.reason.removeAttribute('name');
        if (!r.box.checked) return;
        const n = failed.length;
        r.reason.setAttribute('name', `failed[${n}].reason`);
        r.slot.setAttribute('data-error-for', `failed[${n}].reason`);
        const reason = r.reason.value.trim();
        if (!reason) {
          r.slot.textContent = t('请填写失败原因', 'give the reason');
          r.reason.setAttribute('aria-invalid', 'true');
          ok = false;
        }
        failed.push({ lineId: r.l.id, reason });
      });
      if (!ok) {
        form.querySelector('.ha-line-reason[aria-invalid="true"]').focus();
        return;
      }
      const failedIds = new Set(failed.map((f) => f.lineId));
      const sum = (list) => list.reduce((total, l) => total + Number(l.amountFen), 0);
      const paidLines = lines.filter((l) => !failedIds.has(l.id));
      const failedLines = lines.filter((l) => failedIds.has(l.id));
      const sure = await confirmDialog(t, {
        title: t(`登记批次 #${batch.id} 的发放结果`, `Record the answer for batch #${batch.id}`),
        message: t(`将登记：${paidLines.length} 笔已发放（合计 ${k.money(sum(paidLines))}），${failedLines.length} 笔发放失败（合计 ${k.money(sum(failedLines))}，可重新发放）；批次随即结束，不能更改。确定？`,
          `${paidLines.length} line(s) paid (${k.money(sum(paidLines))}), ${failedLines.length} failed (${k.money(sum(failedLines))}, can be reissued); the batch is then closed for good. Go ahead?`),
        confirmLabel: t('确认结果', 'Record'),
      });
      if (!sure) return;
      confirm.disabled = true;
      try {
        await context.api(`${BASE}/${batch.id}/result`, { method: 'POST', body: { failed } });
        if (!alive) return;
        say(failed.length
          ? t(`批次 #${batch.id} 已确认结果：${failed.length} 笔失败，可重新发放；其余已发放。`, `Batch #${batch.id} closed: ${failed.length} failed (can be reissued), the rest paid.`)
          : t(`批次 #${batch.id} 已确认结果：全部发放成功。`, `Batch #${batch.id} closed: everything paid.`));
        await openBatch(batch.id);
        loadList();
      } catch (e) {
        if (!alive) return;
        k.checkSession(e);
        fill(formProblem, k.problem(e, { form, labels: k.problemLabels({ lineId: t('明细', 'line'), reason: t('原因', 'reason'), failed: t('失败明细', 'failed lines') }), id: 'ha-result-error' }));
        confirm.disabled = false;
      }
    });
    update();
    fill(slot, form);
    form.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  renderGenerate();
  loadList();
  return () => { alive = false; };
}
