// On a phone the header's menu folds behind a "Menu" button; without scripts it stays open.
(function () {
  var button = document.querySelector('.menu-button');
  var menu = document.getElementById('site-menu');
  if (!button || !menu) {
    return;
  }
  var phone = window.matchMedia('(max-width: 40rem)');
  function setOpen(open) {
    button.setAttribute('aria-expanded', String(open));
    menu.classList.toggle('collapsed', !open);
  }
  function fit() {
    button.hidden = !phone.matches;
    setOpen(!phone.matches);
  }
  button.addEventListener('click', function () {
    setOpen(button.getAttribute('aria-expanded') !== 'true');
  });
  menu.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && phone.matches) {
      setOpen(false);
      button.focus();
    }
  });
  phone.addEventListener('change', fit);
  fit();
})();
