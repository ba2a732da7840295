// A date or number the browser cannot read (2026-02-30 typed into a date box, letters in a number box)
// reaches the server as an empty value: it would be saved empty or reported as missing. Name it
// instead, on leaving the field and on submit, and keep the form from being sent (DONE.md 3).
(function () {
  const english = () => document.documentElement.lang === 'en';

  function labelOf(el) {
    if (el.dataset.label) return el.dataset.label;
    const label = el.id ? document.querySelector('label[for="' + CSS.escape(el.id) + '"]') : null;
    const text = (label ? label.textContent : el.getAttribute('aria-label') || el.name || '').trim();
    return text.replace(/[*＊]$/, '').trim();
  }

  function feedbackOf(el) {
    let fb = el.parentElement.querySelector('.client-feedback');
    if (!fb) {
      fb = document.createElement('div');
      fb.className = 'text-danger small client-feedback';
      el.insertAdjacentElement('afterend', fb);
    }
    return fb;
  }

  // Returns true when the field holds something the browser could not read.
  function check(el) {
    if (!(el instanceof HTMLInputElement) || !el.validity) return false;
    const bad = el.validity.badInput;
    if (bad) {
      el.classList.add('is-invalid');
      feedbackOf(el).textContent = english() ? labelOf(el) + ' is not valid' : labelOf(el) + '格式不正确';
    } else if (el.dataset.unreadable === 'yes') {
      el.classList.remove('is-invalid');
      feedbackOf(el).textContent = '';
    }
    el.dataset.unreadable = bad ? 'yes' : '';
    return bad;
  }

  document.addEventListener('focusout', (e) => { if (e.target.matches && e.target.matches('input[type=date], input[type=number], input[type=datetime-local], input[type=time]')) check(e.target); });

  // Capture phase: runs before the confirm dialog and the double-submit guard, and stops them for a form that cannot be sent.
  document.addEventListener('submit', (e) => {
    const fields = [...e.target.querySelectorAll('input[type=date], input[type=number], input[type=datetime-local], input[type=time]')];
    const bad = fields.filter(check);
    if (bad.length === 0) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    bad[0].focus();
  }, true);
})();
