// Fixture module: the administrator's page: the figures of the caller's subtree (GET /api/fixture/figures).
import { el, fill, baseKit } from '/js/page-kit.js';

export function mount(element, context) {
  const k = baseKit(context);
  const t = k.t;
  const body = el('div', { id: 'fixture-figures' }, el('p', { class: 'loading muted' }, t('正在加载…', 'Loading…')));
  fill(element, el('section', { dataset: { testid: 'fixture-admin' } }, el('h2', {}, t('测试管理', 'Fixture admin')), body));

  let alive = true;
  const line = (label) => [
    { label, key: 'org', value: (f) => f.orgName },
    { label: t('待办', 'Open'), key: 'open', className: 'num', value: (f) => String(f.open) },
    { label: t('已办结', 'Done'), key: 'done', className: 'num', value: (f) => String(f.done) },
    { label: t('合计', 'Total'), key: 'total', className: 'num', value: (f) => String(f.total) },
  ];
  context.api('/api/fixture/figures').then((figures) => {
    if (!alive) return;
    fill(body,
      k.table(line(t('本级合计', 'Whole subtree')), [figures.total], { id: 'fixture-figures-total' }),
      k.table(line(t('下级组织', 'Organisations below')), figures.children, { id: 'fixture-figures-children' }));
  }).catch((e) => { if (alive) fill(body, k.problem(e)); });
  return () => { alive = false; };
}
