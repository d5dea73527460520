// Fixture module: list and create items (test-only page).
export function mount(element, context) {
  const t = context.t;
  element.innerHTML = '';
  const section = document.createElement('section');
  section.className = 'fixture-items';
  section.dataset.testid = 'fixture-items';
  const heading = document.createElement('h2');
  heading.textContent = t('测试事项', 'Fixture items');
  const form = document.createElement('form');
  form.id = 'fixture-create';
  const input = document.createElement('input');
  input.name = 'title';
  input.required = true;
  input.maxLength = 200;
  input.placeholder = t('标题', 'Title');
  const button = document.createElement('button');
  button.type = 'submit';
  button.textContent = t('新建', 'Create');
  const message = document.createElement('p');
  message.className = 'fixture-message';
  form.append(input, button);
  const list = document.createElement('ul');
  list.id = 'fixture-list';
  section.append(heading, form, message, list);
  element.append(section);

  let alive = true;
  async function refresh() {
    try {
      const items = await context.api('/api/fixture/items');
      if (!alive) return;
      list.replaceChildren(...items.map((item) => {
        const li = document.createElement('li');
        li.dataset.id = String(item.id);
        li.textContent = item.title;
        return li;
      }));
      if (items.length === 0) {
        message.textContent = t('暂无事项', 'No items yet');
      }
    } catch (e) {
      if (alive) message.textContent = (e.problem && e.problem.detail) || e.message;
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await context.api('/api/fixture/items', { method: 'POST', body: { title: input.value } });
      input.value = '';
      message.textContent = '';
      await refresh();
    } catch (e) {
      message.textContent = (e.problem && e.problem.detail) || e.message;
    }
  });

  refresh();
  return () => { alive = false; };
}
