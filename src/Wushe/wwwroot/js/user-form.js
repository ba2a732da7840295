// The role rows of the user form (Features/Admin/Users/Edit.cshtml): add and remove rows, an area
// cascader per row, the level each role takes shown under it; volunteer, donor and merchant take the
// home area and the platform admin the whole country, so those rows choose no area; organization staff choose
// their organization instead (its registering area is the role's area).
(function () {
  const table = document.getElementById('role-rows');
  if (!table) return;
  const body = table.querySelector('tbody');
  const selfService = (table.dataset.selfService || '').split(',');
  const levels = JSON.parse(table.dataset.levels || '{}');

  function sync(row) {
    const role = row.querySelector('.role-select').value;
    const picker = row.querySelector('.area-picker');
    const hidden = picker.querySelector('input[type=hidden]');
    const fixed = row.querySelector('.role-area-fixed');
    const text = selfService.includes(role) ? table.dataset.followsHome : role === 'PlatformAdmin' ? table.dataset.nationwide : null;
    const organization = row.querySelector('.role-organization');
    const forOrganization = role === 'OrganizationStaff';
    organization.hidden = !forOrganization;
    organization.querySelector('select').disabled = !forOrganization;
    picker.hidden = !!text || forOrganization;
    hidden.disabled = !!text || forOrganization;
    fixed.hidden = !text;
    fixed.textContent = text || '';
    row.querySelector('.role-levels').textContent = text || forOrganization ? '' : (levels[role] || '');
  }

  function renumber() {
    body.querySelectorAll('tr.role-row').forEach((row, i) => {
      row.querySelector('.role-select').name = 'Input.Roles[' + i + '].Role';
      row.querySelector('.role-organization select').name = 'Input.Roles[' + i + '].OrganizationId';
      const picker = row.querySelector('.area-picker');
      picker.dataset.name = 'Input.Roles[' + i + '].AreaCode';
      const hidden = picker.querySelector('input[type=hidden]');
      hidden.name = 'Input.Roles[' + i + '].AreaCode';
      hidden.id = 'Input_Roles_' + i + '__AreaCode';
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
    const row = body.lastElementChild;
    renumber();
    window.AreaPicker.init(row.querySelector('.area-picker'));
    sync(row);
  });
  document.getElementById('user-form').addEventListener('submit', renumber, true);
})();
