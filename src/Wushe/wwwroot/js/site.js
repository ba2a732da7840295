// Menu toggle, confirm dialogs (系统提示), no double submits, toasts that fade.
(function () {
  const toggle = document.getElementById('menu-toggle');
  if (toggle) toggle.addEventListener('click', () => {
    if (window.innerWidth < 768) { document.body.classList.toggle('menu-open'); return; }
    const collapsed = document.body.classList.toggle('menu-collapsed');
    document.cookie = 'wushe.menu=' + (collapsed ? 'collapsed' : '') + ';path=/;max-age=31536000;samesite=lax';
  });

  const dialogEl = document.getElementById('confirm-dialog');
  let pending = null;
  document.addEventListener('submit', (e) => {
    const form = e.target;
    const submitter = e.submitter;
    const message = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
    if (message && form.dataset.confirmed !== 'yes') {
      e.preventDefault();
      pending = { form, submitter };
      dialogEl.querySelector('.confirm-text').textContent = message;
      bootstrap.Modal.getOrCreateInstance(dialogEl).show();
      return;
    }
    if (form.dataset.submitting === 'yes') { e.preventDefault(); alert(window.wushe.busy); return; }
    form.dataset.submitting = 'yes';
    setTimeout(() => { form.dataset.submitting = ''; }, 8000);
  });
  if (dialogEl) dialogEl.querySelector('.confirm-ok').addEventListener('click', () => {
    if (!pending) return;
    const { form, submitter } = pending;
    pending = null;
    form.dataset.confirmed = 'yes';
    bootstrap.Modal.getOrCreateInstance(dialogEl).hide();
    if (submitter && submitter.name) {
      const h = document.createElement('input');
      h.type = 'hidden'; h.name = submitter.name; h.value = submitter.value;
      form.appendChild(h);
    }
    if (submitter && submitter.formAction && submitter.getAttribute('formaction')) form.action = submitter.formAction;
    form.submit();
  });

  // The area tree opens down to the selected area: bring it into view inside its panel.
  const selectedNode = document.querySelector('.tree .node.selected');
  if (selectedNode) {
    const panel = selectedNode.closest('.tree-panel');
    if (panel) panel.scrollTop = Math.max(0, selectedNode.offsetTop - panel.clientHeight / 2);
  }

  document.querySelectorAll('.toast[data-autohide]').forEach(t => setTimeout(() => t.classList.remove('show'), 3000));

  // Toolbar buttons that need a selection: 修改 (exactly one), 删除 (at least one).
  document.querySelectorAll('[data-select-all]').forEach(all => all.addEventListener('change', () => {
    document.querySelectorAll('input[name="' + all.dataset.selectAll + '"]').forEach(c => { c.checked = all.checked; });
    document.dispatchEvent(new Event('selection'));
  }));
  document.addEventListener('change', (e) => { if (e.target.matches('input.row-select')) document.dispatchEvent(new Event('selection')); });
  document.addEventListener('selection', () => {
    const n = document.querySelectorAll('input.row-select:checked').length;
    document.querySelectorAll('[data-needs="one"]').forEach(b => { b.disabled = n !== 1; });
    document.querySelectorAll('[data-needs="some"]').forEach(b => { b.disabled = n < 1; });
  });
  document.dispatchEvent(new Event('selection'));

  // Validate on leaving a field: required fields say so by name.
  document.addEventListener('focusout', (e) => {
    const el = e.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) return;
    if (!el.form || !el.dataset.label) return;
    const fb = el.parentElement.querySelector('.client-feedback');
    let msg = '';
    if (el.required && !el.value.trim()) msg = document.documentElement.lang === 'en' ? el.dataset.label + ' is required' : el.dataset.label + '不能为空';
    else if (el.pattern && el.value && !new RegExp('^(?:' + el.pattern + ')$').test(el.value)) msg = el.dataset.patternMessage || '';
    el.classList.toggle('is-invalid', !!msg);
    if (fb) fb.textContent = msg;
  });
})();
