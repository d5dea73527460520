// 互助保障统计 / Mutual-aid figures (platform and district administrators): a year's enrolments and payouts.

// lib.js is loaded with this page's own query (the shell adds ?v=<n> after a module update),
// so that new page code never runs with an old copy of the helpers.
const {
  el, fill, kit, ensureStyles, fenToYuanText, today,
} = await import(`./lib.js${new URL(import.meta.url).search}`);

export function mount(root, context) {
  ensureStyles();
  const k = kit(context);
  const { t } = k;
  let alive = true;
  let seq = 0;

  const thisYear = Number(today().slice(0, 4));
  const year = el('select', { id: 'figures-year', name: 'year', onchange: () => load() },
    Array.from({ length: 11 }, (_, i) => thisYear + 1 - i).map((y) => el('option', { value: y }, t(`${y} 年`, String(y)))));
  year.value = String(thisYear);
  const body = el('div', { id: 'figures-body', class: 'ui-page' });

  fill(root, el('div', { class: 'ui-page', 'data-testid': 'ma-figures' },
    el('header', {},
      el('h1', {}, t('互助保障统计', 'Mutual-aid figures')),
      el('p', { class: 'muted' }, t('参保人次按保障期间与所选年度有交集统计；赔付按事件发生在所选年度、已支付的理赔统计。各单位数字含其下属单位。',
        'Enrolments count cover overlapping the year; payouts count paid claims for events in the year. Each organisation includes the unions below it.'))),
    el('div', { class: 'ui-toolbar' }, el('label', { for: 'figures-year' }, t('年度', 'Year')), year),
    body));

  async function load() {
    const mine = ++seq;
    fill(body, el('p', { class: 'loading' }, t('加载中…', 'Loading…')));
    try {
      const figures = await context.api(`/api/mutual-aid/figures?year=${encodeURIComponent(year.value)}`);
      if (alive && mine === seq) render(figures);
    } catch (e) {
      if (alive && mine === seq) fill(body, k.problem(e, { id: 'figures-problem' }));
    }
  }

  function stat(key, label, value) {
    return el('div', { class: 'card ui-stat', dataset: { stat: key } }, el('span', { class: 'muted' }, label), el('span', { class: 'value' }, value));
  }

  function render(f) {
    const y = f.year;
    const total = f.total || {};
    const byPlan = Array.isArray(f.byPlan) ? f.byPlan : [];
    const byOrg = Array.isArray(f.byOrganisation) ? f.byOrganisation : [];
    const count = (n) => Number(n || 0).toLocaleString(context.lang);
    const planColumns = [
      { label: t('项目', 'Plan'), key: 'plan', value: (r) => k.planName(r) },
      { label: t('参保人次', 'Enrolments'), key: 'enrolments', className: 'num', value: (r) => count(r.enrolments) },
      { label: t('赔付件数', 'Payouts'), key: 'payouts', className: 'num', value: (r) => count(r.payouts) },
      { label: t('赔付金额', 'Paid'), key: 'paid', className: 'num', value: (r) => k.money(r.paidFen) },
    ];
    const orgColumns = [
      { label: t('单位', 'Organisation'), key: 'org', value: (r) => k.verbatim(r.orgName) },   // as its union wrote it
      ...planColumns.slice(1),
    ];
    fill(body, 
      el('div', { class: 'ui-stats', id: 'figures-total', dataset: { year: y } },
        stat('enrolments', t(`${y} 年参保人次`, `Enrolments in ${y}`), count(total.enrolments)),
        stat('payouts', t('赔付件数', 'Claims paid'), count(total.payouts)),
        stat('paidFen', t('赔付金额', 'Amount paid'), k.money(total.paidFen))),
      el('section', { class: 'card ui-section', 'aria-labelledby': 'figures-by-plan-title' },
        el('div', { class: 'ui-toolbar' },
          el('h2', { id: 'figures-by-plan-title' }, t('按项目', 'By plan')), el('span', { class: 'spacer' }),
          k.exportButtons(`互助保障统计-${y}-按项目`, () => ({
            headers: ['项目编号', '项目名称', '参保人次', '赔付件数', '赔付金额(元)'],
            rows: byPlan.map((r) => [r.planCode, r.planNameZh, r.enrolments, r.payouts, fenToYuanText(r.paidFen)]),
          }), 'figures-by-plan', byPlan.length === 0)),
        k.table(planColumns, byPlan, { id: 'figures-by-plan', empty: t('该年度没有参保记录。', 'No enrolments in this year.'),
          rowAttrs: (r) => ({ dataset: { planCode: r.planCode } }) }),
        chart('chart-enrolments-by-plan', t('各项目参保人次', 'Enrolments by plan'),
          byPlan.map((r) => ({ label: k.planName(r), value: Number(r.enrolments || 0) })))),
      el('section', { class: 'card ui-section', 'aria-labelledby': 'figures-by-org-title' },
        el('div', { class: 'ui-toolbar' },
          el('h2', { id: 'figures-by-org-title' }, t('按单位', 'By organisation')), el('span', { class: 'spacer' }),
          k.exportButtons(`互助保障统计-${y}-按单位`, () => ({
            headers: ['单位', '参保人次', '赔付件数', '赔付金额(元)'],
            rows: byOrg.map((r) => [r.orgName, r.enrolments, r.payouts, fenToYuanText(r.paidFen)]),
          }), 'figures-by-org', byOrg.length === 0)),
        k.table(orgColumns, byOrg, { id: 'figures-by-org', empty: t('没有下级单位。', 'There are no organisations below yours.'),
          rowAttrs: (r) => ({ dataset: { orgId: r.orgId } }) }),
        chart('chart-paid-by-org', t('各单位赔付金额', 'Amount paid by organisation'),
          byOrg.map((r) => ({ label: r.orgName, value: Number(r.paidFen || 0) })), true, true)));
  }

  /** A bar chart through the page kit (Apache ECharts): one bar per row, names in the page's language. */
  function chart(id, title, rows, money = false, namesAsWritten = false) {
    if (rows.length === 0) return null;
    return k.chart({
      id, title, kind: 'bar', height: 300, verbatim: namesAsWritten,
      categories: rows.map((r) => r.label),
      series: [{ name: title, values: rows.map((r) => r.value), money }],
    });
  }

  load();
  return () => { alive = false; };
}

