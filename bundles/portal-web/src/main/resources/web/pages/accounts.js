// 账号管理 / Accounts (platform and district administrators): the users of the caller's part of the union tree,
// and a password reset: the administrator sets a temporary password, the user must change it at the next sign-in
// and their open sessions end.
import { el, fill, baseKit, field, verbatim } from '/js/page-kit.js';

const ROLE_NAMES = {
  PLATFORM_ADMIN: ['平台管理员', 'Platform administrator'], DISTRICT_ADMIN: ['区级管理员', 'District administrator'],
  UNION_OPERATOR: ['基层工会经办人', 'Union operator'], REVIEWER: ['评委/审核人', 'Reviewer'], MEMBER: ['会员', 'Member'],
};

export function mount(root, context) {
  const k = baseKit(context);
  const { t } = k;
  let alive = true;
  const listSlot = el('div', { id: 'accounts-list-slot' }, el('p', { class: 'loading' }, t('加载中…', 'Loading…')));
  const resetSlot = el('div', { id: 'accounts-reset-slot' });
  fill(root, el('div', { class: 'ui-page' },
    el('header', {}, el('h1', {}, t('账号管理', 'Accounts')),
      el('p', { class: 'muted' }, t('本单位及下级工会的用户。重置密码后，该用户下次登录时必须设置新密码。',
        'The users of your organisation and the unions below it. After a reset the user must choose a new password at the next sign-in.'))),
    resetSlot, listSlot));

  async function load() {
    try {
      const users = await context.api('/api/portal/users');
      if (!alive) return;
      fill(listSlot, k.table([
        { label: t('姓名', 'Name'), key: 'name', value: (u) => verbatim(u.displayName || u.username) },
        { label: t('用户名', 'User name'), key: 'username', value: (u) => verbatim(u.username) },
        { label: t('所属组织', 'Organisation'), key: 'org', value: (u) => verbatim(u.orgName) },
        { label: t('角色', 'Roles'), key: 'roles', value: (u) => (u.roles || []).map((r) => k.pick(ROLE_NAMES[r], r)).join(t('、', ', ')) },
        { label: t('操作', 'Action'), key: 'action', value: (u) => (u.id === context.user.id ? '' : el('button', {
          type: 'button', class: 'button', dataset: { userId: u.id }, onclick: () => showReset(u),
        }, t('重置密码', 'Reset password'))) },
      ], users, { id: 'accounts-table', rowAttrs: (u) => ({ dataset: { userId: u.id, username: u.username } }) }));
    } catch (e) {
      if (alive) fill(listSlot, k.problem(e, { id: 'accounts-load-error' }));
    }
  }

  function showReset(user) {
    const password = el('input', { name: 'password', type: 'text', autocomplete: 'off', spellcheck: 'false' });
    const message = el('div', {});
    const form = el('form', { id: 'reset-form', class: 'ui-form card', novalidate: true, dataset: { userId: user.id } },
      el('h2', { class: 'ui-wide' }, t('重置 ', 'Reset the password of '), verbatim(user.displayName || user.username), context.lang === 'en' ? null : ' 的密码'),
      field(t('临时密码', 'Temporary password'), password, { hint: t('至少 8 个字符，不能是常见密码。请当面或电话告知本人。',
        'At least 8 characters, not a common password. Tell it to the person directly.') }),
      message,
      el('div', { class: 'ui-form-actions' },
        el('button', { type: 'submit', class: 'button primary', id: 'reset-submit' }, t('重置密码', 'Reset password')),
        el('button', { type: 'button', class: 'button', onclick: () => fill(resetSlot) }, t('取消', 'Cancel'))));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      fill(message);
      if (!k.checkForm(form, [['password', [...password.value].length >= 8, t('临时密码至少需要 8 个字符。', 'The temporary password needs at least 8 characters.')]])) return;
      try {
        await context.api(`/api/accounts/users/${encodeURIComponent(user.id)}/password-reset`, { method: 'POST', body: { password: password.value } });
        if (!alive) return;
        fill(resetSlot, el('p', { class: 'notice info', role: 'status', id: 'reset-done' },
          t(`已重置 ${user.displayName || user.username} 的密码，其登录已失效；下次登录时须设置新密码。`,
            `The password of ${user.displayName || user.username} is reset and their sessions ended; they must choose a new one at the next sign-in.`)));
      } catch (e) {
        if (alive) fill(message, k.problem(e, { form, id: 'reset-error' }));
      }
    });
    fill(resetSlot, form);
    password.focus();
  }

  load();
  return () => { alive = false; };
}
