// 通知公告 / Notices (platform and district administrators): publish a notice to the organisation's subtree,
// see those published in it, withdraw one. Everyone reads the notices that reach them on the home page.
import { el, fill, baseKit, field, fmtDateTime, verbatim, confirmDialog } from '/js/page-kit.js';

const API = '/api/notices';

export function mount(root, context) {
  const k = baseKit(context);
  const { t } = k;
  let alive = true;
  const title = el('input', { name: 'title', maxlength: 200, autocomplete: 'off' });
  const body = el('textarea', { name: 'body', rows: 5, maxlength: 4000 });
  const message = el('div', { id: 'notices-message' });
  const listSlot = el('div', { id: 'notices-list-slot' }, el('p', { class: 'loading' }, t('加载中…', 'Loading…')));
  const form = el('form', { id: 'notice-form', class: 'ui-form card', novalidate: true, onsubmit: publish },
    field(t('标题', 'Title'), title, { wide: true }),
    field(t('内容', 'Text'), body, { wide: true, hint: t('发布后，本单位及下级工会的所有用户都会在首页看到。',
      'Everyone in your organisation and the unions below it sees it on their home page.') }),
    el('div', { class: 'ui-form-actions' }, el('button', { type: 'submit', class: 'button primary', id: 'notice-publish' }, t('发布', 'Publish'))));

  fill(root, el('div', { class: 'ui-page' },
    el('header', {}, el('h1', {}, t('通知公告', 'Notices')),
      el('p', { class: 'muted' }, t('向本单位及下级工会发布通知。', 'Publish notices to your organisation and the unions below it.'))),
    form, message, el('section', { class: 'ui-section' }, el('h2', {}, t('已发布的通知', 'Published notices')), listSlot)));

  async function load() {
    try {
      const notices = await context.api(`${API}/managed`);
      if (!alive) return;
      fill(listSlot, k.table([
        { label: t('标题', 'Title'), key: 'title', value: (n) => verbatim(n.title) },
        { label: t('发布单位', 'Published by'), key: 'org', value: (n) => [verbatim(n.orgName), ' · ', verbatim(n.publishedByName)] },
        { label: t('发布时间', 'Published'), key: 'at', className: 'nowrap', value: (n) => fmtDateTime(n.publishedAt) },
        { label: t('状态', 'Status'), key: 'status', value: (n) => (n.withdrawnAt ? t('已撤回', 'Withdrawn') : t('已发布', 'Published')) },
        { label: t('操作', 'Action'), key: 'action', value: (n) => (n.withdrawnAt ? '' : el('button', {
          type: 'button', class: 'button', dataset: { noticeId: n.id }, onclick: () => withdraw(n),
        }, t('撤回', 'Withdraw'))) },
      ], notices, { id: 'notices-table', empty: t('还没有发布过通知。', 'No notices yet.'), rowAttrs: (n) => ({ dataset: { noticeId: n.id } }) }));
    } catch (e) {
      if (alive) fill(listSlot, k.problem(e, { id: 'notices-load-error' }));
    }
  }

  async function publish(event) {
    event.preventDefault();
    fill(message);
    if (!k.checkForm(form, [
      ['title', title.value.trim() !== '', t('请填写标题。', 'Enter a title.')],
      ['body', body.value.trim() !== '', t('请填写内容。', 'Enter the text.')],
    ])) return;
    try {
      await context.api(API, { method: 'POST', body: { title: title.value, body: body.value } });
      if (!alive) return;
      form.reset();
      fill(message, el('p', { class: 'notice info', role: 'status', id: 'notice-published' }, t('通知已发布。', 'The notice is published.')));
      load();
    } catch (e) {
      if (alive) fill(message, k.problem(e, { form, id: 'notice-error', labels: { title: t('标题', 'Title'), body: t('内容', 'Text') } }));
    }
  }

  async function withdraw(notice) {
    // the title as its writer wrote it (ui-verbatim) inside the page's question
    if (!await confirmDialog(t, { title: t('撤回通知', 'Withdraw a notice'), message: [t('撤回通知“', 'Withdraw “'), verbatim(notice.title),
      t('”？撤回后用户将不再看到它。', '”? People will no longer see it.')], confirmLabel: t('撤回', 'Withdraw'), danger: true })) return;
    try {
      await context.api(`${API}/${encodeURIComponent(notice.id)}`, { method: 'DELETE' });
      if (alive) load();
    } catch (e) {
      if (alive) fill(message, k.problem(e, { id: 'notice-error' }));
    }
  }

  load();
  return () => { alive = false; };
}
