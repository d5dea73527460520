// Fixture module: an administrator's page (test-only).
export function mount(element, context) {
  element.innerHTML = '';
  const section = document.createElement('section');
  section.dataset.testid = 'fixture-admin';
  const heading = document.createElement('h2');
  heading.textContent = context.t('测试管理', 'Fixture admin');
  section.append(heading);
  element.append(section);
}
