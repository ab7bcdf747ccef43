// Full-text search of the corpus, offline: CORPUS (search.js) holds every unit's text; a
// phrase is found as written (case aside, runs of spaces as one), in either language.
(function () {
  var q = document.getElementById('q'), hits = document.getElementById('hits');
  var status = document.getElementById('status'), limit = 200;
  function label(id) { return id.replace(/^(zh|en)-p(\d+)$/, '$1 ¶$2').replace(/^(zh|en)-h(\d+)$/, '$1 §$2').replace('-', ' '); }
  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  function run() {
    var needle = q.value.toLowerCase().replace(/\s+/g, ' ').trim(), found = [], t0 = performance.now();
    hits.innerHTML = '';
    if (!needle) { status.textContent = ''; return; }
    CORPUS.forEach(function (ed) {
      ed.units.forEach(function (u) {
        var at = u[1].toLowerCase().indexOf(needle);
        if (at >= 0) found.push([ed, u, at]);
      });
    });
    found.slice(0, limit).forEach(function (h) {
      var ed = h[0], text = h[1][1], at = h[2], from = Math.max(0, at - 60);
      var li = document.createElement('li');
      li.innerHTML = '<a href="' + esc(ed.id) + '.html#' + esc(h[1][0]) + '">' + esc(ed.zh) +
        (ed.en ? ' · ' + esc(ed.en) : '') + '</a> <span class="where">' + esc(ed.date) + ', ' + esc(label(h[1][0])) +
        '</span><br>' + (from ? '…' : '') + esc(text.slice(from, at)) + '<mark>' +
        esc(text.slice(at, at + needle.length)) + '</mark>' + esc(text.slice(at + needle.length, at + needle.length + 80)) + '…';
      hits.appendChild(li);
    });
    status.textContent = found.length + ' found' + (found.length > limit ? ', the first ' + limit + ' shown' : '') +
      ' (' + (performance.now() - t0).toFixed(1) + ' ms)';
  }
  q.addEventListener('input', run);
  if (location.hash.length > 1) { q.value = decodeURIComponent(location.hash.slice(1)); run(); }
})();
