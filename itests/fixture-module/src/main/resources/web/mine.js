// Fixture module: a member's own page (test-only).
export function mount(element, context) {
  element.innerHTML = '';
  const section = document.createElement('section');
  section.dataset.testid = 'fixture-mine';
  const heading = document.createElement('h2');
  heading.textContent = context.t('我的测试', 'My fixture');
  const who = document.createElement('p');
  who.textContent = context.user ? context.user.displayName || context.user.username : '';
  section.append(heading, who);
  element.append(section);
}
