// ${nameEn} (${nameZh}): the entries of the caller's part of the union tree, on the portal's page kit
// (/js/page-kit.js): a create form with field errors, the list with a status badge, "done", the figures.
// One kit per mount, problems through k.problem, text as text (never innerHTML).
import { el, fill, baseKit, field, fmtDateTime } from '/js/page-kit.js';

/** Entry statuses: [中文, English, badge tone]; the API sends the code. */
export const STATUSES = { OPEN: ['待办', 'Open', 'warn'], DONE: ['已办结', 'Done', 'ok'] };

const API = '/api/${moduleId}';

export function mount(element, context) {
  const k = baseKit(context, { statuses: STATUSES });
  const t = k.t;
  const input = el('input', { name: 'title', required: true, maxlength: 200, autocomplete: 'off' });
  const form = el('form', { id: '${moduleId}-create', class: 'ui-form', novalidate: true },
    field(t('标题', 'Title'), input),
    el('div', { class: 'ui-form-actions' }, el('button', { type: 'submit', class: 'button primary' }, t('登记', 'Create'))));
  const message = el('div', { 'aria-live': 'polite' });
  const list = el('div', { id: '${moduleId}-list' }, el('p', { class: 'loading muted' }, t('正在加载…', 'Loading…')));
  const figures = el('div', { id: '${moduleId}-figures' });
  fill(element, el('section', { dataset: { testid: '${moduleId}-entries' } },
    el('h2', {}, t('${nameZh}', '${nameEn}')), form, message, list, figures));

  let alive = true;
  const show = (error) => { if (alive) fill(message, k.problem(error, { form, labels: { title: t('标题', 'Title') } })); };

  async function markDone(entry) {
    try {
      await context.api(API + '/entries/' + encodeURIComponent(entry.id) + '/done', { method: 'POST' });
      await refresh();
    } catch (e) {
      show(e);
    }
  }

  async function refresh() {
    try {
      const entries = await context.api(API + '/entries');
      const counts = await context.api(API + '/figures');
      if (!alive) return;
      fill(list, k.table([
        { label: t('标题', 'Title'), key: 'title', value: (e) => e.title },
        { label: t('状态', 'Status'), key: 'status', value: (e) => k.badge(e.status) },
        { label: t('登记', 'Created'), key: 'created', className: 'nowrap', value: (e) => fmtDateTime(e.createdAt) + ' ' + e.createdBy },
        { label: '', key: 'actions', value: (e) => (e.status === 'OPEN'
          ? el('button', { type: 'button', class: 'button', onclick: () => markDone(e) }, t('办结', 'Done'))
          : null) },
      ], entries, { id: '${moduleId}-table', empty: t('暂无事项', 'No entries yet'), rowAttrs: (e) => ({ dataset: { id: String(e.id) } }) }));
      fill(figures, k.table([
        { label: t('组织', 'Organisation'), key: 'org', value: (f) => f.orgName },
        { label: t('待办', 'Open'), key: 'open', className: 'num', value: (f) => String(f.open) },
        { label: t('已办结', 'Done'), key: 'done', className: 'num', value: (f) => String(f.done) },
      ], [counts.total, ...counts.children], { id: '${moduleId}-figures-table' }));
    } catch (e) {
      show(e);
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    k.clearErrors(form);
    fill(message);
    try {
      await context.api(API + '/entries', { method: 'POST', body: { title: input.value } });
      input.value = '';
      await refresh();
    } catch (e) {
      show(e);
    }
  });

  refresh();
  return () => { alive = false; };
}
