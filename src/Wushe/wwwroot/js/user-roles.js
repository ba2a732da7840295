// The role rows of the user form (Admin/Users/Edit): add, remove, renumber; roles without an area of their own lock the area field.
(function () {
  const table = document.getElementById('role-rows');
  const body = table.querySelector('tbody');
  const selfService = table.dataset.selfService.split(',');
  const followsHome = table.dataset.followsHome, nationwide = table.dataset.nationwide, placeholder = table.dataset.areaPlaceholder;
  // Volunteer, donor and merchant take the home area, the platform admin the whole country: no area to type.
  function sync(row) {
    const role = row.querySelector('.role-select').value;
    const area = row.querySelector('.role-area');
    const fixed = selfService.includes(role) ? followsHome : role === 'PlatformAdmin' ? nationwide : null;
    area.disabled = !!fixed;
    area.placeholder = fixed || placeholder;
    if (fixed) area.value = '';
  }
  function renumber() {
    body.querySelectorAll('tr.role-row').forEach((row, i) => {
      row.querySelector('.role-select').name = 'Input.Roles[' + i + '].Role';
      row.querySelector('.role-area').name = 'Input.Roles[' + i + '].AreaCode';
    });
  }
  body.querySelectorAll('tr.role-row').forEach(sync);
  body.addEventListener('change', e => { if (e.target.matches('.role-select')) sync(e.target.closest('tr')); });
  body.addEventListener('click', e => {
    if (!e.target.closest('.role-remove')) return;
    e.target.closest('tr').remove();
    renumber();
  });
  document.getElementById('role-add').addEventListener('click', () => {
    body.appendChild(document.getElementById('role-template').content.cloneNode(true));
    renumber();
    sync(body.lastElementChild);
  });
  document.getElementById('user-form').addEventListener('submit', renumber, true);
})();
