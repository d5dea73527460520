// 帮扶统计 / Hardship-aid figures (district and platform administrators): households on file by
// organisation, payments by item and period, the medical safety net; each table as CSV and XLSX.

// lib.js is loaded with this page's own query (the shell adds ?v=<n> after a module update),
// so that new page code never runs with an old copy of the helpers.
const {
  el, fill, kit, ensureStyles, fenToYuanText, today, API, ITEMS,
} = await import(`./lib.js${new URL(import.meta.url).search}`);

export function mount(root, context) {
  ensureStyles();
  const k = kit(context);
  const { t } = k;
  let alive = true;
  let seq = 0;

  const thisYear = Number(today().slice(0, 4));
  const year = el('select', { id: 'ha-figures-year', name: 'year', onchange: () => load() },
    Array.from({ length: 9 }, (_, i) => thisYear + 1 - i).map((y) => el('option', { value: y }, t(`${y} 年`, String(y)))));
  year.value = String(thisYear);
  const body = el('div', { id: 'ha-figures-body', class: 'ui-page' });

  fill(root, el('div', { class: 'ui-page', 'data-testid': 'ha-figures' },
    el('header', {},
      el('h1', {}, t('帮扶统计', 'Hardship-aid figures')),
      el('p', { class: 'muted' }, t('在档户数为当前在档的家庭，各单位含其下属单位；发放金额为所选年度内发放日、已审批或已发放的明细；医疗兜底为该年度的兜底救助。',
        'Households are those on file now, each organisation including the unions below it; payments are approved and paid lines due in the year; the safety net counts the year’s awards.'))),
    el('div', { class: 'ui-toolbar' }, el('label', { for: 'ha-figures-year' }, t('年度', 'Year')), year),
    body));

  async function load() {
    const mine = ++seq;
    fill(body, el('p', { class: 'loading' }, t('加载中…', 'Loading…')));
    try {
      const figures = await context.api(`${API}/figures?year=${encodeURIComponent(year.value)}`);
      if (alive && mine === seq) render(figures || {});
    } catch (e) {
      if (alive && mine === seq) fill(body, k.fail(e, 'ha-figures-problem'));
    }
  }

  const count = (n) => Number(n || 0).toLocaleString(context.lang);
  const stat = (key, label, value) => el('div', { class: 'card ui-stat', dataset: { stat: key } },
    el('span', { class: 'muted' }, label), el('span', { class: 'value' }, value));

  function render(f) {
    const y = f.year ?? year.value;
    const totals = f.totals || {};
    const households = Array.isArray(f.households) ? f.households : [];
    const payments = Array.isArray(f.payments) ? f.payments : [];
    const net = f.safetyNet || {};
    const top = households.length ? Math.min(...households.map((h) => Number(h.depth || 0))) : 0;
    const itemOrder = Object.keys(ITEMS);
    const sortedPayments = [...payments].sort((a, b) => (itemOrder.indexOf(a.item) - itemOrder.indexOf(b.item))
      || String(a.period).localeCompare(String(b.period)));
    const byItem = itemOrder.map((item) => {
      const rows = payments.filter((p) => p.item === item);
      return { item, count: rows.reduce((n, p) => n + Number(p.count || 0), 0), fen: rows.reduce((n, p) => n + Number(p.totalFen || 0), 0) };
    }).filter((r) => r.count > 0 || r.fen > 0);
    // the chart: the organisations one level below the top (the districts for the city), else all
    const children = households.filter((h) => Number(h.depth || 0) === top + 1);
    const chartOrgs = (children.length ? children : households).slice(0, 25);

    fill(body,
      el('div', { class: 'ui-stats', id: 'ha-figures-total', dataset: { year: y } },
        stat('households', t('在档户数', 'Households on file'), count(totals.households)),
        stat('special', t('其中特困', 'of which special hardship'), count(totals.special)),
        stat('paidFen', t(`${y} 年发放金额`, `Paid in ${y}`), k.money(totals.paidFen)),
        stat('safetyNet', t(`${y} 年医疗兜底`, `Safety net ${y}`), `${k.money(net.totalFen)} · ${t(`${count(net.count)} 户次`, `${count(net.count)} award(s)`)}`)),

      el('section', { class: 'card ui-section', 'aria-labelledby': 'ha-figures-households-title' },
        el('div', { class: 'ui-toolbar' },
          el('h2', { id: 'ha-figures-households-title' }, t('各单位在档户数', 'Households on file by organisation')), el('span', { class: 'spacer' }),
          k.exportButtons(`帮扶统计-${y}-在档户数`, () => ({
            headers: ['单位', '层级', '困难', '特困', '合计'],
            rows: households.map((h) => [h.orgName, Number(h.depth || 0) - top, h.hardship, h.special, h.total]),
          }), 'ha-figures-households', households.length === 0)),
        k.table([
          { label: t('单位', 'Organisation'), key: 'org', value: (h) => indented(el('span', { class: 'ha-org ui-verbatim' }, h.orgName), Math.max(0, Number(h.depth || 0) - top)) },
          { label: t('困难', 'Hardship'), key: 'hardship', className: 'num', value: (h) => count(h.hardship) },
          { label: t('特困', 'Special'), key: 'special', className: 'num', value: (h) => count(h.special) },
          { label: t('合计', 'Total'), key: 'total', className: 'num', value: (h) => el('strong', {}, count(h.total)) },
        ], households, { id: 'ha-figures-households', empty: t('没有在档家庭。', 'No households on file.'),
          rowAttrs: (h) => ({ dataset: { orgId: h.orgId, depth: h.depth } }) }),
        chartOrgs.some((h) => Number(h.total || 0) > 0) ? k.chart({
          id: 'ha-chart-households', title: t('在档户数（特困 / 困难）', 'Households on file (special / hardship)'), kind: 'bar', stack: true,
          categories: chartOrgs.map((h) => h.orgName), verbatim: true,
          series: [{ name: t('特困', 'Special'), values: chartOrgs.map((h) => Number(h.special || 0)) },
            { name: t('困难', 'Hardship'), values: chartOrgs.map((h) => Number(h.hardship || 0)) }],
        }) : null),

      el('section', { class: 'card ui-section', 'aria-labelledby': 'ha-figures-payments-title' },
        el('div', { class: 'ui-toolbar' },
          el('h2', { id: 'ha-figures-payments-title' }, t('按项目和期间的发放', 'Payments by item and period')), el('span', { class: 'spacer' }),
          k.exportButtons(`帮扶统计-${y}-发放`, () => ({
            headers: ['救助项目', '项目代码', '期间', '笔数', '金额(元)'],
            rows: sortedPayments.map((p) => [k.itemLabel(p.item), p.item, p.period, p.count, fenToYuanText(p.totalFen)]),
          }), 'ha-figures-payments', payments.length === 0)),
        k.table([
          { label: t('救助项目', 'Item'), key: 'item', value: (p) => k.itemLabel(p.item) },
          { label: t('期间', 'Period'), key: 'period', className: 'nowrap', value: (p) => p.period || '' },
          { label: t('笔数', 'Lines'), key: 'count', className: 'num', value: (p) => count(p.count) },
          { label: t('金额', 'Amount'), key: 'amount', className: 'num', value: (p) => k.money(p.totalFen) },
        ], sortedPayments, { id: 'ha-figures-payments', empty: t('该年度没有发放。', 'Nothing paid in this year.'),
          rowAttrs: (p) => ({ dataset: { item: p.item, period: p.period } }) }),
        byItem.some((r) => r.fen) ? k.chart({
          id: 'ha-chart-payments', title: t('各项目发放金额', 'Amount paid by item'), kind: 'bar',
          categories: byItem.map((r) => k.itemLabel(r.item)),
          series: [{ name: t('发放金额', 'Amount paid'), values: byItem.map((r) => r.fen), money: true }],
        }) : null),

      el('section', { class: 'card ui-section', 'aria-labelledby': 'ha-figures-net-title' },
        el('div', { class: 'ui-toolbar' },
          el('h2', { id: 'ha-figures-net-title' }, t('医疗兜底', 'Medical safety net')), el('span', { class: 'spacer' }),
          k.exportButtons(`帮扶统计-${y}-医疗兜底`, () => ({
            headers: ['年度', '兜底户次', '兜底金额(元)'],
            rows: [[y, net.count ?? 0, fenToYuanText(net.totalFen ?? 0)]],
          }), 'ha-figures-safety-net')),
        k.table([
          { label: t('年度', 'Year'), key: 'year', value: () => String(y) },
          { label: t('兜底户次', 'Awards'), key: 'count', className: 'num', value: () => count(net.count) },
          { label: t('兜底金额', 'Amount'), key: 'amount', className: 'num', value: () => k.money(net.totalFen ?? 0) },
        ], [net], { id: 'ha-figures-safety-net' })));
  }

  load();
  return () => { alive = false; };
}

// The depth goes in through the style object: a style attribute would be inline style, which the portal's
// Content-Security-Policy refuses.
function indented(span, depth) {
  span.style.setProperty('--ha-depth', String(depth));
  return span;
}
