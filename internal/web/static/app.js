// Truce pages: small enhancements. Every page works without them.
(function () {
  'use strict';
  var root = document.documentElement;

  // Forms marked data-autosubmit reload as soon as a list changes; their
  // submit button stays for keyboards and for pages without script.
  document.querySelectorAll('form[data-autosubmit]').forEach(function (form) {
    form.addEventListener('change', function (e) {
      if (e.target.tagName === 'SELECT' || e.target.type === 'date') {
        if (typeof form.requestSubmit === 'function') { form.requestSubmit(); } else { form.submit(); }
      }
    });
  });

  // Times are written in Kyiv time. Where the reader's clock is not Kyiv's,
  // show the reader's own time and keep Kyiv's beside it.
  var zone = '';
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { zone = ''; }
  if (zone && zone !== 'Europe/Kyiv' && zone !== 'Europe/Kiev') {
    var locale = root.getAttribute('data-locale') || root.lang;
    var kyivLabel = root.getAttribute('data-kyiv') || 'Kyiv';
    var local = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    var kyivClock = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Kyiv', hour: '2-digit', minute: '2-digit' });
    document.querySelectorAll('time[data-local]').forEach(function (el) {
      var d = new Date(el.getAttribute('datetime'));
      if (isNaN(d)) { return; }
      el.title = el.textContent;
      el.textContent = local.format(d) + ' ';
      var k = document.createElement('span');
      k.className = 'kyiv';
      k.textContent = '(' + kyivLabel + ' ' + kyivClock.format(d) + ')';
      el.appendChild(k);
    });
  }

  document.querySelectorAll('[data-print]').forEach(function (b) {
    b.addEventListener('click', function () { window.print(); });
  });

  var errors = document.getElementById('form-errors');
  if (errors) {
    var first = document.querySelector('[aria-invalid="true"]');
    (first || errors).focus();
  }
})();
