// Fixture module: a member's own page (test-only), on the page kit.
import { el, fill, baseKit } from '/js/page-kit.js';

export function mount(element, context) {
  const k = baseKit(context);
  const who = context.user ? context.user.displayName || context.user.username : '';
  fill(element, el('section', { dataset: { testid: 'fixture-mine' } },
    el('h2', {}, k.t('我的测试', 'My fixture')), el('p', {}, who)));
}
