// The conflict policy editor: a column of line numbers beside the text (which never wraps, so a
// number always faces its line), and, when the server found a problem, the cursor on that line.
(function () {
  var area = document.getElementById('policy-text');
  if (!area) {
    return;
  }
  var gutter = document.createElement('div');
  gutter.className = 'gutter';
  gutter.setAttribute('aria-hidden', 'true');
  area.parentNode.insertBefore(gutter, area);
  var error = document.getElementById('policy-error');
  var errorLine = error ? parseInt(error.getAttribute('data-line'), 10) : NaN;

  function draw() {
    var count = area.value.split('\n').length;
    var html = [];
    for (var i = 1; i <= count; i++) {
      html.push(i === errorLine ? '<span class="error-line">' + i + '</span>' : String(i));
    }
    gutter.innerHTML = html.join('\n');
    gutter.scrollTop = area.scrollTop;
  }

  function goTo(line) {
    var lines = area.value.split('\n');
    var start = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) {
      start += lines[i].length + 1;
    }
    var end = start + (lines[line - 1] || '').length;
    area.focus();
    area.setSelectionRange(start, end);
    // Scroll the line into view: the text area's own scrolling, by line height.
    var height = parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (line - 3) * height);
    gutter.scrollTop = area.scrollTop;
  }

  area.addEventListener('input', draw);
  area.addEventListener('scroll', function () { gutter.scrollTop = area.scrollTop; });
  draw();
  document.querySelectorAll('.go-to-line').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      goTo(parseInt(link.getAttribute('data-line'), 10));
    });
  });
  if (!isNaN(errorLine)) {
    goTo(errorLine);
  } else {
    var preview = document.getElementById('policy-preview');
    if (preview) {
      preview.focus();
    }
  }
})();
