// Respectful-language hints while staff write about a person: every textarea marked
// data-hints="<check address>" gets the helper's suggestions below it, in the page's language, as
// the person types. Suggestions only: nothing is ever refused because of them.
(function () {
  document.querySelectorAll('textarea[data-hints]').forEach(function (area) {
    var form = area.form;
    var token = form ? form.querySelector('input[name="_csrf"]') : null;
    if (!token || !area.id) {
      return;
    }
    var slot = document.createElement('div');
    slot.id = area.id + '-hints';
    slot.className = 'language-hints-slot';
    slot.setAttribute('aria-live', 'polite');
    area.insertAdjacentElement('afterend', slot);
    var described = area.getAttribute('aria-describedby');
    area.setAttribute('aria-describedby', (described ? described + ' ' : '') + slot.id);
    var timer;
    area.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var body = new URLSearchParams();
        body.set('note', area.value);
        body.set('_csrf', token.value);
        fetch(area.getAttribute('data-hints'), { method: 'POST', body: body, credentials: 'same-origin' })
          .then(function (response) { return response.ok ? response.text() : ''; })
          .then(function (html) { slot.innerHTML = html; })
          .catch(function () { slot.innerHTML = ''; });
      }, 400);
    });
  });
})();
