// The report page's one script, inlined: the document table, built from the JSON the page
// carries, sorted by its header buttons, filtered by text and by language, each row opening the
// document's text with its boilerplate lines dimmed. Every string reaches the page through
// textContent, never as markup. Written as plain ES2020, with no template literals, so that it
// can sit in this TypeScript string as it is.

/** The page's script. */
export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var KEYS = ['id', 'date', 'lang', 'source', 'title', 'words', 'flags'];
  var rows = data.rows.map(function (r, i) {
    return { seq: i, id: r[0], date: r[1], lang: r[2], source: r[3], title: r[4], words: r[5], flags: r[6],
      text: r[7], cut: r[8], boilerplate: r[9], terms: r[10], el: null };
  });
  var langNames = data.languages;
  var tbody = document.querySelector('#documents tbody');
  var filter = document.getElementById('doc-filter');
  var langSelect = document.getElementById('doc-lang');
  var status = document.getElementById('doc-count');
  var dialog = document.getElementById('doc-dialog');
  var sortKey = null;
  var sortDir = 1;
  var opener = null;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function rowElement(r) {
    if (r.el) return r.el;
    var tr = el('tr');
    tr.tabIndex = 0;
    tr.dataset.seq = String(r.seq);
    tr.appendChild(el('td', 'id', r.id));
    tr.appendChild(el('td', '', r.date === null ? '' : r.date));
    tr.appendChild(el('td', '', r.lang));
    var source = el('td', '', r.source === null ? '' : r.source);
    source.dir = 'auto';
    tr.appendChild(source);
    var title = el('td', 'title', r.title === null ? '' : r.title);
    if (r.title !== null) title.title = r.title;
    title.dir = 'auto';
    tr.appendChild(title);
    tr.appendChild(el('td', 'n', r.words.toLocaleString('en-US')));
    var flags = el('td');
    r.flags.forEach(function (f) { flags.appendChild(el('span', 'flag', f)); });
    tr.appendChild(flags);
    r.el = tr;
    return tr;
  }

  function compare(a, b) {
    if (sortKey === null) return a.seq - b.seq;
    var x = a[sortKey];
    var y = b[sortKey];
    if (sortKey === 'flags') { x = x.join(' '); y = y.join(' '); }
    // Missing values last, whatever the direction; ties keep corpus order.
    if (x === null || x === '') return y === null || y === '' ? a.seq - b.seq : 1;
    if (y === null || y === '') return -1;
    var c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
    return c !== 0 ? c * sortDir : a.seq - b.seq;
  }

  function matches(r, query, lang) {
    if (lang !== '' && r.lang !== lang) return false;
    if (query === '') return true;
    var hay = [r.id, r.date, r.source, r.title, r.flags.join(' ')].join('\\u0000').toLowerCase();
    return hay.indexOf(query) >= 0;
  }

  function render() {
    var query = filter.value.trim().toLowerCase();
    var lang = langSelect.value;
    var shown = rows.filter(function (r) { return matches(r, query, lang); });
    shown.sort(compare);
    var fragment = document.createDocumentFragment();
    shown.forEach(function (r) { fragment.appendChild(rowElement(r)); });
    tbody.replaceChildren(fragment);
    status.textContent = shown.length.toLocaleString('en-US') + ' of ' + rows.length.toLocaleString('en-US') + ' documents shown';
  }

  function sortBy(key, th) {
    sortDir = sortKey === key ? -sortDir : 1;
    sortKey = key;
    document.querySelectorAll('#documents thead th').forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', sortDir === 1 ? 'ascending' : 'descending');
    render();
  }

  function field(list, name, value) {
    list.appendChild(el('dt', '', name));
    var dd = el('dd', '', value === null || value === '' ? '—' : value);
    dd.dir = 'auto';
    list.appendChild(dd);
  }

  function open(r, from) {
    opener = from;
    document.getElementById('doc-dialog-title').textContent = r.title === null ? r.id : r.title;
    var body = dialog.querySelector('.dialog-body');
    body.replaceChildren();
    var list = el('dl');
    field(list, 'id', r.id);
    field(list, 'date', r.date);
    field(list, 'language', langNames[r.lang] ? langNames[r.lang] + ' (' + r.lang + ')' : r.lang);
    field(list, 'source', r.source);
    field(list, 'words', r.words.toLocaleString('en-US'));
    field(list, 'flags', r.flags.join(', '));
    field(list, 'distinctive terms', r.terms);
    body.appendChild(list);
    if (r.text === null) {
      body.appendChild(el('p', 'note', 'The text could not be read again when the report was made.'));
    } else {
      var kinds = {};
      r.boilerplate.forEach(function (b) { kinds[b[0]] = b[1]; });
      var text = el('div', 'text');
      text.setAttribute('aria-label', 'text; boilerplate lines are dimmed and labelled');
      r.text.split('\\n').forEach(function (line, i) {
        var kind = kinds[i + 1];
        var span = el('span', kind ? 'line cut' : 'line');
        // Each line in its own direction: an Arabic or Hebrew document reads right to left.
        span.dir = 'auto';
        if (kind) {
          var label = el('span', 'kind', kind);
          // Its own direction, which the line's dir=auto passes over: the label does not decide it.
          label.dir = 'ltr';
          span.appendChild(label);
        }
        span.appendChild(document.createTextNode(line));
        text.appendChild(span);
      });
      body.appendChild(text);
      if (r.cut) body.appendChild(el('p', 'more', 'The text is cut here (' + data.textCap.toLocaleString('en-US') + ' bytes a document at most); corpus show ' + r.id + ' gives it whole.'));
    }
    dialog.showModal();
    dialog.querySelector('.close').focus();
  }

  dialog.addEventListener('close', function () { if (opener) opener.focus(); });
  dialog.querySelector('.close').addEventListener('click', function () { dialog.close(); });

  tbody.addEventListener('click', function (e) {
    var tr = e.target.closest('tr');
    if (tr) open(rows[Number(tr.dataset.seq)], tr);
  });
  tbody.addEventListener('keydown', function (e) {
    var tr = e.target.closest('tr');
    if (!tr) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(rows[Number(tr.dataset.seq)], tr);
    } else if (e.key === 'ArrowDown' && tr.nextElementSibling) {
      e.preventDefault();
      tr.nextElementSibling.focus();
    } else if (e.key === 'ArrowUp' && tr.previousElementSibling) {
      e.preventDefault();
      tr.previousElementSibling.focus();
    }
  });
  document.querySelectorAll('#documents thead th').forEach(function (th, i) {
    th.querySelector('button').addEventListener('click', function () { sortBy(KEYS[i], th); });
  });
  filter.addEventListener('input', render);
  langSelect.addEventListener('change', render);
  render();
})();
`;
