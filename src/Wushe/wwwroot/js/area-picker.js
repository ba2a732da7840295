// The area cascader (UI.md: 省 / 市 / 县 / 乡镇 / 村社区, any level selectable, loaded level by level
// from the area page's picker handler within the user's scope: the API takes bearer tokens only, not
// the page's cookie). Markup: Features/Shared/_AreaPicker.cshtml. Every
// .area-picker on the page starts by itself; rows added later call AreaPicker.init(element).
(function () {
  const levelIndex = { Province: 0, City: 1, County: 2, Township: 3, Village: 4 };

  // The part of a 12-digit code that every code below it starts with (cut at its level).
  function prefix(code) {
    if (code.endsWith('0000000000')) return code.slice(0, 2);
    if (code.endsWith('00000000')) return code.slice(0, 4);
    if (code.endsWith('000000')) return code.slice(0, 6);
    if (code.endsWith('000')) return code.slice(0, 9);
    return code;
  }

  // A picker may name its own source (data-source: the residents' public page lists public division names).
  async function load(parent, source) {
    const r = await fetch((source || '/Areas?handler=Picker') + (parent ? '&parent=' + encodeURIComponent(parent) : ''), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    return r.ok ? r.json() : [];
  }

  function init(root) {
    if (!root || root.dataset.ready === 'true') return;
    root.dataset.ready = 'true';
    const hidden = root.querySelector('input[type=hidden]');
    const levels = root.querySelector('.levels');
    const chosen = root.querySelector('.chosen');
    const labels = JSON.parse(root.dataset.labels || '[]');
    const choose = JSON.parse(root.dataset.choose || '[]');
    const css = root.dataset.css || '';
    const labelOf = (n) => labels[levelIndex[n.level]] || '';

    // The chosen area as a path of names: 贵州省 / 毕节市 / 七星关区.
    function describe() {
      const names = [...levels.querySelectorAll('select')].map(s => s.value ? s.selectedOptions[0].textContent : '').filter(Boolean);
      chosen.textContent = names.join(' / ');
    }

    function select(nodes, depth) {
      while (levels.children.length > depth) levels.lastChild.remove();
      if (!nodes.length) return null;
      const s = document.createElement('select');
      s.className = ('form-select form-select-sm w-auto ' + css).trim();
      s.setAttribute('aria-label', (root.dataset.field ? root.dataset.field + ' · ' : '') + labelOf(nodes[0]));
      const empty = document.createElement('option');
      empty.value = '';
      empty.textContent = choose[levelIndex[nodes[0].level]] || '';
      s.appendChild(empty);
      for (const n of nodes) {
        const o = document.createElement('option');
        o.value = n.code;
        o.textContent = n.name;
        o.dataset.children = String(n.hasChildren);
        s.appendChild(o);
      }
      s.addEventListener('change', async () => {
        const opt = s.selectedOptions[0];
        hidden.value = s.value || (depth > 0 ? levels.children[depth - 1].value : '');
        while (levels.children.length > depth + 1) levels.lastChild.remove();
        describe();
        hidden.dispatchEvent(new Event('change', { bubbles: true }));
        if (s.value && opt.dataset.children === 'true') select(await load(s.value, root.dataset.source), depth + 1);
      });
      levels.appendChild(s);
      return s;
    }

    (async function start() {
      const value = hidden.value;
      let s = select(await load(null, root.dataset.source), 0);
      // Walk down to the current value, level by level, and offer the level below it.
      let depth = 0;
      while (s && value) {
        const exact = [...s.options].find(o => o.value === value);
        const opt = exact || [...s.options].filter(o => o.value && value.startsWith(prefix(o.value))).sort((a, b) => prefix(b.value).length - prefix(a.value).length)[0];
        if (!opt) break;
        s.value = opt.value;
        if (opt.dataset.children !== 'true') break;
        s = select(await load(opt.value, root.dataset.source), ++depth);
        if (opt.value === value) break;
      }
      describe();
    })();
  }

  window.AreaPicker = { init, initAll: (scope) => (scope || document).querySelectorAll('.area-picker').forEach(init) };
  window.AreaPicker.initAll();
  document.addEventListener('htmx:afterSwap', (e) => window.AreaPicker.initAll(e.target));
})();
