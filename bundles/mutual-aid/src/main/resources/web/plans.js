// 互助保障项目 / Mutual-aid plans (platform administrators): list, versions, create and edit.

// lib.js is loaded with this page's own query (the shell adds ?v=<n> after a module update),
// so that new page code never runs with an old copy of the helpers.
const {
  el, fill, kit, field, ensureStyles, parseYuan, fenToYuanText, fmtDate, coverEnd, today, CATEGORIES,
} = await import(`./lib.js${new URL(import.meta.url).search}`);

const BASE = '/api/mutual-aid/plans';

export function mount(root, context) {
  ensureStyles();
  const k = kit(context);
  const { t } = k;
  let alive = true;
  let plans = [];

  const notice = el('div', { id: 'plans-notice' });
  const listSlot = el('section', { class: 'ui-section', id: 'plans-list-section', 'aria-labelledby': 'plans-list-title' });
  const panel = el('section', { id: 'plan-panel', class: 'ui-section' });
  fill(root, el('div', { class: 'ui-page', 'data-testid': 'ma-plans' },
    el('header', {},
      el('h1', {}, t('互助保障项目', 'Mutual-aid plans')),
      el('p', { class: 'muted' }, t('管理职工医疗互助保障项目：费用、报名时间、参保条件和保障内容。金额以元填写，系统按分精确保存。',
        'Manage the plans: fee, enrolment window, eligibility and benefits. Amounts are entered in yuan and kept exactly in fen.'))),
    notice, listSlot, panel));

  const say = (node) => fill(notice, node || '');
  const info = (text) => say(el('p', { class: 'notice', role: 'status', id: 'plans-message' }, text));

  // ---------------------------------------------------------------- list

  function windowBadge(plan) {
    const day = today();
    const from = fmtDate(plan.enrolFrom);
    const until = fmtDate(plan.enrolUntil);
    const [cls, zh, en, state] = day < from ? ['ui-info', '未开始', 'not yet open', 'upcoming']
      : day > until ? ['ui-muted', '已截止', 'closed', 'closed'] : ['ui-ok', '报名中', 'open', 'open'];
    return el('span', { class: `badge ${cls}`, dataset: { window: state } }, t(zh, en));
  }

  function renderList() {
    fill(listSlot, 
      el('div', { class: 'ui-toolbar' },
        el('h2', { id: 'plans-list-title' }, t('当前项目', 'Current plans')),
        el('span', { class: 'spacer' }),
        k.exportButtons('互助保障项目', () => ({
          headers: ['编号', '版本', '项目名称', '期限(年)', '费用(元)', '计费方式', '报名开始', '报名截止', '保障起期', '保障内容'],
          rows: plans.map((p) => [p.code, p.version, p.nameZh, p.termYears, fenToYuanText(p.feeFen), p.feeBasis, p.enrolFrom,
            p.enrolUntil, p.coverFrom, k.benefitLines(p.rules && p.rules.benefits).join('；')]),
        }), 'plan-list', plans.length === 0),
        el('button', { type: 'button', class: 'button primary', id: 'plan-new', onclick: () => showForm(null) },
          t('新建项目', 'New plan'))),
      k.table([
        { label: t('项目名称', 'Plan'), key: 'name', value: (p) => el('span', { class: 'plan-name' }, k.planName(p)) },
        { label: t('编号', 'Code'), key: 'code', className: 'nowrap', value: (p) => el('code', { class: 'ui-verbatim' }, p.code) },
        { label: t('版本', 'Version'), key: 'version', className: 'nowrap', value: (p) => k.verbatim(`v${p.version}`) },
        { label: t('期限', 'Term'), key: 'term', className: 'nowrap', value: (p) => t(`${p.termYears} 年`, `${p.termYears} yr`) },
        { label: t('费用', 'Fee'), key: 'fee', value: (p) => k.feeText(p) },
        { label: t('报名时间', 'Enrolment'), key: 'window', className: 'nowrap',
          value: (p) => [`${fmtDate(p.enrolFrom)} ~ ${fmtDate(p.enrolUntil)} `, windowBadge(p)] },
        { label: t('保障起期', 'Cover from'), key: 'coverFrom', className: 'nowrap', value: (p) => fmtDate(p.coverFrom) },
        { label: t('保障内容', 'Benefits'), key: 'benefits',
          value: (p) => el('ul', { class: 'ui-lines' }, k.benefitLines(p.rules && p.rules.benefits, { nodes: true }).map((line) => el('li', {}, line))) },
        { label: t('操作', 'Actions'), key: 'actions', className: 'nowrap', value: (p) => [
          el('button', { type: 'button', class: 'button plan-view', onclick: () => showDetail(p.id) }, t('详情', 'Details')), ' ',
          el('button', { type: 'button', class: 'button plan-edit', onclick: () => showForm(p) }, t('修改', 'Edit'))] },
      ], plans, {
        id: 'plan-list',
        empty: t('还没有互助保障项目，请点击“新建项目”。', 'There are no plans yet. Use “New plan”.'),
        rowAttrs: (p) => ({ dataset: { planId: p.id, planCode: p.code } }),
      }));
  }

  async function load() {
    try {
      const answer = await context.api(BASE);
      if (!alive) return;
      plans = Array.isArray(answer) ? answer : [];
      renderList();
    } catch (e) {
      if (alive) fill(listSlot, k.problem(e, { id: 'plans-load-problem' }));
    }
  }

  // ---------------------------------------------------------------- detail with versions

  async function showDetail(id) {
    fill(panel, el('p', { class: 'loading' }, t('加载中…', 'Loading…')));
    try {
      const [plan, versions] = await Promise.all([context.api(`${BASE}/${id}`), context.api(`${BASE}/${id}/versions`)]);
      if (!alive) return;
      const rules = plan.rules || {};
      fill(panel, el('article', { class: 'card ui-detail', id: 'plan-detail', dataset: { planId: plan.id, version: plan.version } },
        el('div', { class: 'ui-toolbar' },
          el('h2', {}, k.planName(plan)),
          plan.current ? el('span', { class: 'badge ui-ok' }, t('当前版本', 'current')) : el('span', { class: 'badge ui-muted' }, t('旧版本', 'old version')),
          el('span', { class: 'spacer' }),
          plan.current ? el('button', { type: 'button', class: 'button', id: 'plan-detail-edit', onclick: () => showForm(plan) }, t('修改', 'Edit')) : null,
          k.backToList(() => fill(panel), { id: 'plan-detail-close' })),
        k.facts([
          [t('编号 / 版本', 'Code / version'), k.verbatim(`${plan.code} · v${plan.version}`), 'code'],
          [t('期限', 'Term'), t(`${plan.termYears} 年`, `${plan.termYears} year(s)`), 'term'],
          [t('费用', 'Fee'), `${k.feeText(plan)}${t('；每人每期 ', '; per person per term ')}${k.money(k.feePerPerson(plan))}`, 'fee'],
          [t('报名时间', 'Enrolment window'), `${fmtDate(plan.enrolFrom)} ~ ${fmtDate(plan.enrolUntil)}`, 'window'],
          [t('保障期间', 'Cover'), `${fmtDate(plan.coverFrom)} ~ ${coverEnd(plan.coverFrom, plan.termYears)}`, 'cover'],
          [t('疾病等待期', 'Illness waiting period'), t(`${plan.waitingDays} 天（意外无等待期）`, `${plan.waitingDays} days (none for accidents)`), 'waiting'],
          [t('参保条件', 'Eligibility'), k.eligibilityLines(rules.eligibility).join(t('；', '; ')), 'eligibility'],
          [t('保障内容', 'Benefits'), el('ul', { class: 'ui-lines' }, k.benefitLines(rules.benefits, { nodes: true }).map((l) => el('li', {}, l))), 'benefits'],
          [t('项目说明', 'Description'), plan.descriptionZh, 'description'],
        ]),
        el('h3', {}, t('历史版本', 'Versions')),
        k.table([
          { label: t('版本', 'Version'), key: 'version', value: (v) => [`v${v.version} `,
            v.current ? el('span', { class: 'badge ui-ok' }, t('当前', 'current')) : null] },
          { label: t('名称', 'Name'), key: 'name', value: (v) => k.planName(v) },
          { label: t('费用', 'Fee'), key: 'fee', value: (v) => k.feeText(v) },
          { label: t('报名时间', 'Enrolment'), key: 'window', className: 'nowrap', value: (v) => `${fmtDate(v.enrolFrom)} ~ ${fmtDate(v.enrolUntil)}` },
          { label: t('保障起期', 'Cover from'), key: 'coverFrom', className: 'nowrap', value: (v) => fmtDate(v.coverFrom) },
          { label: t('等待期', 'Waiting'), key: 'waiting', className: 'num', value: (v) => t(`${v.waitingDays} 天`, `${v.waitingDays} d`) },
        ], Array.isArray(versions) ? versions : [], {
          id: 'plan-versions', rowAttrs: (v) => ({ dataset: { planId: v.id, version: v.version } }),
        })));
      panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (e) {
      if (alive) fill(panel, k.problem(e, { id: 'plan-detail-problem' }));
    }
  }

  // ---------------------------------------------------------------- create / edit form

  const LABELS = {
    code: t('项目编号', 'Code'), nameZh: t('中文名称', 'Name (Chinese)'), nameEn: t('英文名称', 'Name (English)'),
    termYears: t('保障期限', 'Term'), feeFen: t('费用（元）', 'Fee (yuan)'), feeBasis: t('计费方式', 'Fee basis'),
    enrolFrom: t('报名开始', 'Enrolment opens'), enrolUntil: t('报名截止', 'Enrolment closes'), coverFrom: t('保障起期', 'Cover from'),
    waitingDays: t('疾病等待期（天）', 'Illness waiting period (days)'), descriptionZh: t('项目说明', 'Description'),
    eligibility: t('参保条件', 'Eligibility'), benefits: t('保障内容', 'Benefits'),
    'benefits.medical.sharePercent': t('报销比例（%）', 'Share (%)'),
    'benefits.medical.deductibleFen': t('起付线（元）', 'Deductible (yuan)'),
    'benefits.medical.perClaimCapFen': t('单次限额（元，0 为不限）', 'Per claim cap (yuan, 0 = none)'),
    'benefits.medical.yearlyCapFen': t('年度限额（元，0 为不限）', 'Yearly cap (yuan, 0 = none)'),
    'benefits.consolation.mode': t('慰问金方式', 'Consolation basis'),
    'benefits.consolation.amountFen': t('金额（元）', 'Amount (yuan)'),
    'benefits.consolation.capFen': t('每次住院最高（元，0 为不限）', 'Cap per stay (yuan, 0 = none)'),
    'benefits.criticalIllness.amountFen': t('重疾互助金（元）', 'Critical illness sum (yuan)'),
    'benefits.criticalIllness.diseases': t('病种（每行一个；留空为所有重大疾病）', 'Diseases (one per line; empty = any critical illness)'),
    'benefits.disability.baseSumFen': t('一级伤残给付（元）', 'Sum at grade 1 (yuan)'),
    'benefits.accidentalDeathFen': t('意外身故互助金（元，0 为不保）', 'Accidental death (yuan, 0 = not covered)'),
    'benefits.overallCapFen': t('每期总限额（元，0 为不限）', 'Overall cap per term (yuan, 0 = none)'),
  };

  const input = (name, attrs = {}) => el('input', { name, id: `plan-${name.replace(/\./g, '-')}`, ...attrs });
  const money = (name, fen, attrs = {}) => input(name, { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: fenToYuanText(fen), ...attrs });
  const select = (name, options, selected) => {
    const s = el('select', { name, id: `plan-${name.replace(/\./g, '-')}` },
      options.map(([value, label]) => el('option', { value }, label)));
    s.value = String(selected);
    return s;
  };
  const check = (name, label, checked) => el('label', {},
    el('input', { type: 'checkbox', name, id: `plan-${name.replace(/\./g, '-')}`, checked: Boolean(checked) }), label);
  const f = (name, control, opts) => field(LABELS[name], control, { name, ...opts });

  /** A benefit item with an "included" box that enables its fields. */
  function itemSet(key, legend, included, fields) {
    const box = el('input', { type: 'checkbox', name: `include.${key}`, id: `plan-include-${key}`, checked: included });
    const set = el('fieldset', { id: `plan-benefit-${key}`, dataset: { item: key } },
      el('legend', {}, el('label', { class: 'ui-checks' }, box, legend)), fields);
    const sync = () => set.querySelectorAll('input:not([name^="include."]), select, textarea').forEach((c) => { c.disabled = !box.checked; });
    box.addEventListener('change', sync);
    sync();
    return set;
  }

  function showForm(plan) {
    const editing = Boolean(plan);
    const rules = (plan && plan.rules) || {};
    const e = rules.eligibility || { inServiceRequired: true, basicInsuranceRequired: true, unionMemberRequired: true, womenOnly: false, categories: [] };
    const b = rules.benefits || {};
    const m = b.medical || { sharePercent: 50, deductibleFen: 0, perClaimCapFen: 0, yearlyCapFen: 0 };
    const c = b.consolation || { mode: 'PER_DAY', amountFen: null, capFen: 0 };
    const ci = b.criticalIllness || { amountFen: null, diseases: [] };
    const d = b.disability || { baseSumFen: null };

    const problemSlot = el('div', { id: 'plan-form-problem', class: 'ui-wide' });
    const codeInput = input('code', { type: 'text', value: plan ? plan.code : '', maxlength: 40, autocomplete: 'off',
      readonly: editing, spellcheck: 'false' });
    codeInput.addEventListener('input', () => { codeInput.value = codeInput.value.toUpperCase(); });

    const form = el('form', { class: 'card ui-form', id: 'plan-form', novalidate: true, dataset: { mode: editing ? 'edit' : 'create', planId: plan ? plan.id : '' } },
      el('h2', { class: 'ui-wide' }, editing ? t(`修改项目：${k.planName(plan)}`, `Edit plan: ${k.planName(plan)}`) : t('新建项目', 'New plan')),
      editing ? el('p', { class: 'notice warn', id: 'plan-version-note' },
        t(`说明：如该项目已有人参保，保存后将生成新版本 v${plan.version + 1}，原版本 v${plan.version} 及已参保人员的保障保持不变，此后的新参保按新版本执行；如尚无人参保，则直接修改当前版本。项目编号不能修改。`,
          `Note: if anyone is enrolled in this plan, saving creates version v${plan.version + 1}; version v${plan.version} and the cover of those enrolled stay as they are, and new enrolments use the new version. Without enrolments the current version is changed in place. The code cannot be changed.`))
        : null,
      problemSlot,
      // the example is a code as people write it (ui-verbatim): a code is Latin letters and digits in any language
      f('code', codeInput, { hint: [t('大写字母、数字和“-”，如 ', 'capital letters, digits and “-”, e.g. '), k.verbatim('WX-3IN1')] }),
      f('nameZh', input('nameZh', { type: 'text', value: plan ? plan.nameZh : '', maxlength: 200 }), { wide: true }),
      f('nameEn', input('nameEn', { type: 'text', value: plan ? plan.nameEn : '', maxlength: 200 }), { wide: true }),
      f('termYears', select('termYears', [[1, t('1 年', '1 year')], [3, t('3 年', '3 years')], [5, t('5 年', '5 years')]], plan ? plan.termYears : 1)),
      f('feeFen', money('feeFen', plan ? plan.feeFen : null, { placeholder: '120' })),
      f('feeBasis', select('feeBasis', [['PER_YEAR', t('每人每年', 'per person per year')], ['PER_TERM', t('每人每期', 'per person per term')]],
        plan ? plan.feeBasis : 'PER_YEAR')),
      f('waitingDays', input('waitingDays', { type: 'number', min: 0, max: 365, step: 1, value: plan ? plan.waitingDays : 90 })),
      f('enrolFrom', input('enrolFrom', { type: 'date', value: plan ? fmtDate(plan.enrolFrom) : today() })),
      f('enrolUntil', input('enrolUntil', { type: 'date', value: plan ? fmtDate(plan.enrolUntil) : '' })),
      f('coverFrom', input('coverFrom', { type: 'date', value: plan ? fmtDate(plan.coverFrom) : '' })),
      el('fieldset', { id: 'plan-eligibility' },
        el('legend', {}, LABELS.eligibility),
        el('div', { class: 'ui-checks' },
          check('eligibility.inServiceRequired', t('须在职', 'in service'), e.inServiceRequired),
          check('eligibility.basicInsuranceRequired', t('须参加城镇职工基本医疗保险', 'in basic medical insurance'), e.basicInsuranceRequired),
          check('eligibility.unionMemberRequired', t('须为工会会员', 'union member'), e.unionMemberRequired),
          check('eligibility.womenOnly', t('仅限女职工', 'women only'), e.womenOnly)),
        el('p', { class: 'muted' }, t('职工类别（都不选表示各类职工均可参加）：', 'Worker categories (none ticked = all may enrol):')),
        el('div', { class: 'ui-checks', id: 'plan-categories' },
          Object.entries(CATEGORIES).map(([code, names]) => check(`eligibility.categories.${code}`, t(names[0], names[1]),
            (e.categories || []).includes(code)))),
        el('small', { class: 'ui-field-error ui-wide', 'data-error-for': 'eligibility' })),
      itemSet('medical', t('住院医疗费用', 'Hospital costs'), Boolean(b.medical), [
        f('benefits.medical.sharePercent', input('benefits.medical.sharePercent', { type: 'number', min: 0, max: 100, step: 1, value: m.sharePercent })),
        f('benefits.medical.deductibleFen', money('benefits.medical.deductibleFen', m.deductibleFen)),
        f('benefits.medical.perClaimCapFen', money('benefits.medical.perClaimCapFen', m.perClaimCapFen)),
        f('benefits.medical.yearlyCapFen', money('benefits.medical.yearlyCapFen', m.yearlyCapFen)),
        el('p', { class: 'muted' }, t('给付 =（总费用 − 医保支付 − 商业保险支付 − 起付线）× 报销比例，再受单次和年度限额约束。',
          'Pays (total − basic insurance − commercial insurance − deductible) × share, then the caps apply.'))]),
      itemSet('consolation', t('住院慰问金', 'Hospital consolation'), Boolean(b.consolation), [
        f('benefits.consolation.mode', select('benefits.consolation.mode', [['PER_DAY', t('按住院天数', 'per day')], ['PER_STAY', t('按住院次数', 'per stay')]], c.mode)),
        f('benefits.consolation.amountFen', money('benefits.consolation.amountFen', c.amountFen, { placeholder: '50' })),
        f('benefits.consolation.capFen', money('benefits.consolation.capFen', c.capFen))]),
      itemSet('criticalIllness', t('重大疾病互助金', 'Critical illness'), Boolean(b.criticalIllness), [
        f('benefits.criticalIllness.amountFen', money('benefits.criticalIllness.amountFen', ci.amountFen, { placeholder: '20000' })),
        f('benefits.criticalIllness.diseases', el('textarea', { name: 'benefits.criticalIllness.diseases', id: 'plan-benefits-criticalIllness-diseases', rows: 6 },
          (ci.diseases || []).join('\n')), { wide: true, hint: t('诊断名称包含所列病种即可，如“食管恶性肿瘤”属于“恶性肿瘤”。', 'A diagnosis qualifies when it contains a listed name.') })]),
      itemSet('disability', t('身体伤残互助金', 'Disability'), Boolean(b.disability), [
        f('benefits.disability.baseSumFen', money('benefits.disability.baseSumFen', d.baseSumFen, { placeholder: '30000' }),
          { hint: t('1 级给付 100%，每降一级少 10%，10 级为 10%。', 'Grade 1 pays 100%, each grade 10 points less.') })]),
      el('fieldset', { id: 'plan-benefit-other' },
        el('legend', {}, t('其他', 'Other')),
        f('benefits.accidentalDeathFen', money('benefits.accidentalDeathFen', b.accidentalDeathFen ?? 0)),
        f('benefits.overallCapFen', money('benefits.overallCapFen', b.overallCapFen ?? 0)),
        el('small', { class: 'ui-field-error ui-wide', 'data-error-for': 'benefits' })),
      f('descriptionZh', el('textarea', { name: 'descriptionZh', id: 'plan-descriptionZh', rows: 4, maxlength: 2000 }, plan ? plan.descriptionZh || '' : ''), { wide: true }),
      el('div', { class: 'ui-form-actions' },
        el('button', { type: 'submit', class: 'button primary', id: 'plan-save' }, editing ? t('保存修改', 'Save changes') : t('创建项目', 'Create plan')),
        el('button', { type: 'button', class: 'button', id: 'plan-cancel', onclick: () => fill(panel) }, t('取消', 'Cancel'))));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      k.clearErrors(form);
      fill(problemSlot);
      const request = read(form);
      if (!request) {
        fill(problemSlot, el('p', { class: 'notice error', role: 'alert' }, t('请修改标出的栏目。', 'Please correct the marked fields.')));
        return;
      }
      const button = form.querySelector('#plan-save');
      button.disabled = true;
      try {
        const saved = await context.api(editing ? `${BASE}/${plan.id}` : BASE, { method: editing ? 'PUT' : 'POST', body: request });
        if (!alive) return;
        await load();
        await showDetail(saved.id);
        // the plan's code is data (ui-verbatim): Latin letters the Chinese page shows as written
        if (!editing) info([t('已创建项目 ', 'Plan '), k.verbatim(saved.code), t(`（v${saved.version}）。`, ` (v${saved.version}) created.`)]);
        else if (saved.id !== plan.id) {
          info(t(`该项目已有人参保，已生成新版本 v${saved.version}；原版本 v${plan.version} 保持不变。`,
            `People are enrolled in this plan, so version v${saved.version} was created; v${plan.version} stays as it was.`));
        } else info([t('已保存项目 ', 'Plan '), k.verbatim(saved.code), t(`（v${saved.version}）。`, ` (v${saved.version}) saved.`)]);
      } catch (err) {
        if (!alive) return;
        fill(problemSlot, k.problem(err, { form, labels: LABELS }));
        problemSlot.scrollIntoView({ behavior: 'smooth', block: 'center' });
      } finally {
        button.disabled = false;
      }
    });

    say(null);
    fill(panel, form);
    form.scrollIntoView({ behavior: 'smooth', block: 'start' });
    (editing ? form.elements.nameZh : codeInput).focus({ preventScroll: true });
  }

  /** The PlanRequest from the form, or null after marking the fields that are wrong. */
  function read(form) {
    const v = (name) => String(form.elements[name].value || '').trim();
    const on = (name) => form.elements[name].checked;
    let ok = true;
    const fail = (name, message) => { ok = k.fieldError(form, name, message); return null; };
    const yuan = (name, { required = true, positive = false } = {}) => {
      const r = parseYuan(v(name));
      if (r.empty) return required ? fail(name, t('必填', 'required')) : 0;
      if (r.error) return fail(name, k.yuanError(r));
      if (positive && r.fen <= 0) return fail(name, t('须大于 0', 'must be more than 0'));
      return r.fen;
    };
    const whole = (name, min, max) => {
      const text = v(name);
      if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) return fail(name, t(`请输入 ${min} 到 ${max} 的整数`, `enter a whole number from ${min} to ${max}`));
      return Number(text);
    };
    const date = (name) => (v(name) ? v(name) : fail(name, t('请选择日期', 'choose a date')));

    const code = v('code');
    if (!/^[A-Z0-9][A-Z0-9-]{1,39}$/.test(code)) fail('code', t('2–40 位大写字母、数字或“-”', '2–40 capital letters, digits or “-”'));
    if (!v('nameZh')) fail('nameZh', t('必填', 'required'));
    if (v('descriptionZh').length > 2000) fail('descriptionZh', t('最多 2000 字', 'at most 2000 characters'));
    const enrolFrom = date('enrolFrom');
    const enrolUntil = date('enrolUntil');
    if (enrolFrom && enrolUntil && enrolUntil < enrolFrom) fail('enrolUntil', t('不能早于报名开始日期', 'must not be before the opening day'));
    const request = {
      code,
      nameZh: v('nameZh'),
      nameEn: v('nameEn') || null,
      termYears: Number(v('termYears')),
      feeFen: yuan('feeFen'),
      feeBasis: v('feeBasis'),
      enrolFrom,
      enrolUntil,
      coverFrom: date('coverFrom'),
      waitingDays: whole('waitingDays', 0, 365),
      eligibility: {
        inServiceRequired: on('eligibility.inServiceRequired'),
        basicInsuranceRequired: on('eligibility.basicInsuranceRequired'),
        unionMemberRequired: on('eligibility.unionMemberRequired'),
        womenOnly: on('eligibility.womenOnly'),
        categories: Object.keys(CATEGORIES).filter((cat) => on(`eligibility.categories.${cat}`)),
      },
      benefits: {
        medical: on('include.medical') ? {
          sharePercent: whole('benefits.medical.sharePercent', 0, 100),
          deductibleFen: yuan('benefits.medical.deductibleFen', { required: false }),
          perClaimCapFen: yuan('benefits.medical.perClaimCapFen', { required: false }),
          yearlyCapFen: yuan('benefits.medical.yearlyCapFen', { required: false }),
        } : null,
        consolation: on('include.consolation') ? {
          mode: v('benefits.consolation.mode'),
          amountFen: yuan('benefits.consolation.amountFen', { positive: true }),
          capFen: yuan('benefits.consolation.capFen', { required: false }),
        } : null,
        criticalIllness: on('include.criticalIllness') ? {
          amountFen: yuan('benefits.criticalIllness.amountFen', { positive: true }),
          diseases: [...new Set(v('benefits.criticalIllness.diseases').split(/\r?\n/).map((s) => s.trim()).filter(Boolean))],
        } : null,
        disability: on('include.disability') ? { baseSumFen: yuan('benefits.disability.baseSumFen', { positive: true }) } : null,
        accidentalDeathFen: yuan('benefits.accidentalDeathFen', { required: false }),
        overallCapFen: yuan('benefits.overallCapFen', { required: false }),
      },
      descriptionZh: v('descriptionZh') || null,
    };
    const b = request.benefits;
    if (ok && !b.medical && !b.consolation && !b.criticalIllness && !b.disability && !b.accidentalDeathFen) {
      fail('benefits', t('请至少选择一项保障内容', 'choose at least one benefit'));
    }
    return ok ? request : null;
  }

  load();
  return () => { alive = false; };
}
