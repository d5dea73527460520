// Fixture module: the items of the caller's part of the union tree, on the portal's page kit
// (`/js/page-kit.js`): a create form with field errors, the list with a status badge, "done", and an
// item's files (the page kit's documentsBox on /api/fixture/items/{id}/files, kept by the portal's attachments).
// The shapes a module page copies: one kit per mount, problems through k.problem, text as text.
import { el, fill, baseKit, field, fmtDateTime } from '/js/page-kit.js';

/** Item statuses: [中文, English, badge tone]; the API sends the code. */
export const STATUSES = { OPEN: ['待办', 'Open', 'warn'], DONE: ['已办结', 'Done', 'ok'] };

export function mount(element, context) {
  const k = baseKit(context, { statuses: STATUSES });
  const t = k.t;
  const input = el('input', { name: 'title', required: true, maxlength: 200, autocomplete: 'off' });
  const form = el('form', { id: 'fixture-create', class: 'ui-form', novalidate: true },
    field(t('标题', 'Title'), input),
    el('div', { class: 'ui-form-actions' }, el('button', { type: 'submit', class: 'button primary' }, t('新建', 'Create'))));
  const message = el('div', { class: 'fixture-message', 'aria-live': 'polite' });
  const list = el('div', { id: 'fixture-list' }, el('p', { class: 'loading muted' }, t('正在加载…', 'Loading…')));
  const files = el('div', { id: 'fixture-files' });
  fill(element, el('section', { class: 'fixture-items', dataset: { testid: 'fixture-items' } },
    el('h2', {}, t('测试事项', 'Fixture items')), form, message, list, files));

  let alive = true;
  const show = (error) => { if (alive) fill(message, k.problem(error, { form, labels: { title: t('标题', 'Title') } })); };

  async function markDone(item) {
    try {
      await context.api(`/api/fixture/items/${encodeURIComponent(item.id)}/done`, { method: 'POST' });
      await refresh();
    } catch (e) {
      show(e);
    }
  }

  function showFiles(item) {
    fill(files, el('h3', {}, t(`附件：${item.title}`, `Files: ${item.title}`)),
      k.documentsBox(`/api/fixture/items/${encodeURIComponent(item.id)}/files`, {
        id: 'fixture-item-files', canUpload: item.status === 'OPEN', dataset: { itemId: String(item.id) },
      }));
  }

  async function refresh() {
    try {
      const items = await context.api('/api/fixture/items');
      if (!alive) return;
      fill(list, k.table([
        { label: t('标题', 'Title'), key: 'title', value: (i) => i.title },
        { label: t('状态', 'Status'), key: 'status', value: (i) => k.badge(i.status) },
        { label: t('创建', 'Created'), key: 'created', className: 'nowrap', value: (i) => `${fmtDateTime(i.createdAt)} ${i.createdBy}` },
        { label: '', key: 'actions', value: (i) => [
          el('button', { type: 'button', class: 'button fixture-files', onclick: () => showFiles(i) }, t('附件', 'Files')),
          i.status === 'OPEN'
            ? el('button', { type: 'button', class: 'button fixture-done', onclick: () => markDone(i) }, t('办结', 'Done'))
            : null] },
      ], items, { id: 'fixture-table', empty: t('暂无事项', 'No items yet'), rowAttrs: (i) => ({ dataset: { id: String(i.id) } }) }));
    } catch (e) {
      show(e);
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    k.clearErrors(form);
    fill(message);
    try {
      await context.api('/api/fixture/items', { method: 'POST', body: { title: input.value } });
      input.value = '';
      await refresh();
    } catch (e) {
      show(e);
    }
  });

  refresh();
  return () => { alive = false; };
}
