// The colour rows of the card-scheme form (Features/Households/Settings.cshtml): add and remove rows, numbered
// Scheme.Colours[i].Field without gaps. Every rule is the server's; this only shapes the form.
(function () {
  const table = document.getElementById('colour-rows');
  if (!table) return;
  const body = table.querySelector('tbody');
  const template = document.getElementById('colour-row-template');
  const add = document.getElementById('colour-add');
  const max = parseInt(table.dataset.max || '7', 10);

  function renumber() {
    const rows = body.querySelectorAll('tr.colour-row');
    rows.forEach((row, i) => {
      row.querySelector('.row-no').textContent = String(i + 1);
      row.querySelectorAll('[data-field]').forEach(input => { input.name = 'Scheme.Colours[' + i + '].' + input.dataset.field; });
    });
    add.disabled = rows.length >= max;
  }

  add.addEventListener('click', () => {
    body.appendChild(template.content.cloneNode(true));
    renumber();
    const rows = body.querySelectorAll('tr.colour-row');
    rows[rows.length - 1].querySelector('input').focus();
  });
  body.addEventListener('click', e => {
    if (!e.target.closest('.colour-remove')) return;
    e.target.closest('tr').remove();
    renumber();
  });
  renumber();
})();
