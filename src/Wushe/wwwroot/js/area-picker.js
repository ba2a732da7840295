// The area cascader (_AreaPicker.cshtml): 省 / 市 / 县 / 乡镇 / 村社区, loaded level by level from the
// area page's picker handler (within the user's scope; the API takes bearer tokens only, not the page's cookie). Texts come from the element's data attributes, in the page's language.
(function () {
  const levelIndex = { Province: 0, City: 1, County: 2, Township: 3, Village: 4 };

  function prefix(code) { return code.endsWith('0000000000') ? code.slice(0, 2) : code.endsWith('00000000') ? code.slice(0, 4) : code.endsWith('000000') ? code.slice(0, 6) : code.endsWith('000') ? code.slice(0, 9) : code; }

  async function load(parent) {
    const r = await fetch('/Areas?handler=Picker' + (parent ? '&parent=' + encodeURIComponent(parent) : ''), { credentials: 'same-origin' });
    return r.ok ? r.json() : [];
  }

  function init(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = 'yes';
    const hidden = root.querySelector('input[type=hidden]');
    const levels = root.querySelector('.levels');
    const chosen = root.querySelector('.chosen');
    const labels = JSON.parse(root.dataset.levels);
    const choose = JSON.parse(root.dataset.choose);
    const level = (n) => levelIndex[n.level] ?? Math.min(levels.children.length, labels.length - 1);

    function select(nodes, depth) {
      while (levels.children.length > depth) levels.lastChild.remove();
      if (!nodes.length) return null;
      const s = document.createElement('select');
      s.className = ('form-select form-select-sm w-auto ' + (root.dataset.selectClass || '')).trim();
      s.setAttribute('aria-label', labels[level(nodes[0])]);
      const first = document.createElement('option');
      first.value = '';
      first.textContent = choose[level(nodes[0])];
      s.appendChild(first);
      for (const n of nodes) {
        const o = document.createElement('option');
        o.value = n.code;
        o.dataset.children = String(n.hasChildren);
        o.textContent = n.name;
        s.appendChild(o);
      }
      s.addEventListener('change', async () => {
        const opt = s.selectedOptions[0];
        hidden.value = s.value || (depth > 0 ? levels.children[depth - 1].value : '');
        chosen.textContent = s.value ? s.value : '';
        while (levels.children.length > depth + 1) levels.lastChild.remove();
        if (s.value && opt.dataset.children === 'true') select(await load(s.value), depth + 1);
      });
      levels.appendChild(s);
      return s;
    }

    (async function start() {
      const value = root.dataset.value;
      let s = select(await load(null), 0);
      if (!value) return;
      // Walk down to the current value, level by level.
      let depth = 0;
      while (s) {
        const exact = [...s.options].find(o => o.value === value);
        const opt = exact || [...s.options].filter(o => o.value && value.startsWith(prefix(o.value))).sort((a, b) => prefix(b.value).length - prefix(a.value).length)[0];
        if (!opt) break;
        s.value = opt.value; hidden.value = opt.value; chosen.textContent = opt.value;
        if (opt.dataset.children !== 'true') break;
        // Offer the next level below the current value too, so the user can go deeper.
        s = select(await load(opt.value), ++depth);
        if (opt.value === value) break;
      }
    })();
  }

  document.querySelectorAll('.area-picker').forEach(init);
  document.addEventListener('htmx:afterSwap', (e) => e.target.querySelectorAll('.area-picker').forEach(init));
})();
