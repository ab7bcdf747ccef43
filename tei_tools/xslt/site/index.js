// The corpus index: sort by a column (click its heading), filter by words and by kind.
(function () {
  var body = document.querySelector('#editions tbody'), rows = Array.from(body.rows);
  var filter = document.getElementById('filter'), kind = document.getElementById('kind');
  function show() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
    rows.forEach(function (r) {
      var text = r.textContent.toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; }) &&
               (!kind.value || r.dataset.kind === kind.value);
      r.hidden = !ok; shown += ok;
    });
    document.getElementById('count').textContent = shown + ' of ' + rows.length;
  }
  document.querySelectorAll('th[data-key]').forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var up = th.getAttribute('aria-sort') !== 'ascending', key = th.dataset.key;
      document.querySelectorAll('th[data-key]').forEach(function (o) { o.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      rows.sort(function (a, b) {
        var x = a.dataset[key] + a.dataset.date, y = b.dataset[key] + b.dataset.date;
        return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  filter.addEventListener('input', show); kind.addEventListener('change', show); show();
})();
