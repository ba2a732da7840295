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
    // "{selected}" in a message names the option chosen in the form's list (删除照片 2).
    const select = form.querySelector('select');
    const message = ((submitter && submitter.dataset.confirm) || form.dataset.confirm || '')
      .replace('{selected}', select && select.selectedIndex >= 0 ? select.options[select.selectedIndex].text : '');
    if (message && form.dataset.confirmed !== 'yes') {
      e.preventDefault();
      pending = { form, submitter };
      dialogEl.querySelector('.confirm-text').textContent = message;
      bootstrap.Modal.getOrCreateInstance(dialogEl).show();
      return;
    }
    if (form.dataset.submitting === 'yes') { e.preventDefault(); alert(document.body.dataset.busy); return; }
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

// Behaviour declared in markup (no inline handlers: the Content-Security-Policy allows no inline script).
(function () {
  // <select data-submit-on-change>: submits its form when changed (page size).
  // <select data-navigate="/path?x={value}">: goes to the address with the chosen value ("{value}" alone: the value is the address).
  document.addEventListener('change', (e) => {
    const el = e.target;
    if (!(el instanceof HTMLSelectElement)) return;
    if (el.hasAttribute('data-submit-on-change') && el.form) el.form.submit();
    const target = el.dataset.navigate;
    if (target) location.href = target === '{value}' ? el.value : target.replace('{value}', encodeURIComponent(el.value));
  });

  // <button data-print>: prints the page (the print stylesheet keeps the list alone).
  document.addEventListener('click', (e) => { if (e.target.closest('[data-print]')) window.print(); });

  // <button data-copy="#id" data-copied="已复制">: copies the element's text (a narrative) or an input's value (a link) and says so on the button.
  document.addEventListener('click', async (e) => {
    const button = e.target.closest('[data-copy]');
    if (!button) return;
    const source = document.querySelector(button.dataset.copy);
    if (!source) return;
    try {
      await navigator.clipboard.writeText((source.tagName === 'INPUT' ? source.value : source.innerText).trim());
    } catch {
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      document.execCommand('copy');
    }
    const label = button.textContent;
    button.textContent = button.dataset.copied || label;
    setTimeout(() => { button.textContent = label; }, 2000);
  });

  // The area tree: a node's toggle opens and closes it (htmx loads its children the first time);
  // 展开全部 / 收起全部 open every loaded node or close them all.
  function setOpen(li, open) {
    const children = li.querySelector(':scope > .children');
    const toggle = li.querySelector(':scope > button.toggle');
    li.classList.toggle('open', open);
    if (children) children.hidden = !open;
    if (toggle) { toggle.textContent = open ? '▾' : '▸'; toggle.setAttribute('aria-expanded', String(open)); }
  }
  document.addEventListener('click', (e) => {
    const toggle = e.target.closest('.tree li > button.toggle');
    if (toggle) { const li = toggle.closest('li'); setOpen(li, !li.classList.contains('open')); return; }
    const all = e.target.closest('[data-tree]');
    if (!all) return;
    const tree = all.closest('.tree-panel')?.querySelector('.tree') || document.getElementById('area-tree');
    tree.querySelectorAll('li').forEach(li => {
      const children = li.querySelector(':scope > .children');
      if (all.dataset.tree === 'collapse') setOpen(li, false);
      else if (children && children.innerHTML.trim()) setOpen(li, true);
    });
  });

  // Fields that matter only when a box is ticked (data-shown-by="the box's id"): shown with it, hidden without it; or only for one choice
  // of a select (data-shown-by="the select's id" data-shown-for="the value", or several separated by spaces).
  function showDependents(box) {
    document.querySelectorAll('[data-shown-by="' + CSS.escape(box.id) + '"]').forEach(el => {
      el.hidden = el.dataset.shownFor !== undefined ? !el.dataset.shownFor.split(' ').includes(box.value) : !box.checked;
    });
  }
  document.querySelectorAll('[data-shown-by]').forEach(el => { const box = document.getElementById(el.dataset.shownBy); if (box) showDependents(box); });
  document.addEventListener('change', (e) => { if (e.target.id && (e.target.type === 'checkbox' || e.target.tagName === 'SELECT')) showDependents(e.target); });

  // 添加一行: shows the next hidden row of a repeated group (data-more-rows="the rows' selector", within the button's card) and
  // puts the cursor in it; the button hides itself when no hidden row is left (the form holds as many rows as the API takes).
  document.addEventListener('click', (e) => {
    const more = e.target.closest('[data-more-rows]');
    if (!more) return;
    const scope = more.closest('.card') || document;
    const next = scope.querySelector(more.dataset.moreRows + '[hidden]');
    if (next) { next.hidden = false; next.querySelector('input, select')?.focus(); }
    if (!scope.querySelector(more.dataset.moreRows + '[hidden]')) more.hidden = true;
  });

  // A table too wide for the screen scrolls sideways inside its frame: let the keyboard reach it (WCAG 2.1.1).
  function focusableScrollers() {
    document.querySelectorAll('.table-responsive').forEach(t => {
      if (t.scrollWidth > t.clientWidth) t.setAttribute('tabindex', '0'); else t.removeAttribute('tabindex');
    });
  }
  focusableScrollers();
  window.addEventListener('resize', focusableScrollers);
  document.addEventListener('htmx:afterSettle', focusableScrollers);
})();
