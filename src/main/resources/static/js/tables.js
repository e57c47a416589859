// On a phone each table row becomes a card (see mutuality.css); this gives every cell the name of
// its column, read from the table's header, so a card still says what each value is.
(function () {
  document.querySelectorAll('main table').forEach(function (table) {
    var names = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.trim();
    });
    if (names.length === 0) {
      return;
    }
    table.querySelectorAll('tbody tr').forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (!cell.hasAttribute('data-label') && names[i]) {
          cell.setAttribute('data-label', names[i]);
        }
      });
    });
  });
})();
