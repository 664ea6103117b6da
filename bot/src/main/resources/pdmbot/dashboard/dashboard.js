// pdm-bot's dashboard: polls the state the server renders and swaps the content in when it changed.
// No library, no build step; served from the bot's jar with a Content-Security-Policy that allows only this file.
(function () {
  'use strict';
  var body = document.body;
  var content = document.getElementById('content');
  var updated = document.getElementById('updated');
  var live = document.getElementById('live');
  var token = new URLSearchParams(window.location.search).get('token');
  var version = body.dataset.version;
  var every = Number(body.dataset.poll) || 2000;

  function poll() {
    var headers = { 'Accept': 'application/json' };
    if (token) headers['Authorization'] = 'Bearer ' + token;
    fetch(body.dataset.state, { headers: headers, cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (state) {
        // the server escapes every text it puts in state.html; the page's policy forbids inline script besides
        if (state.version !== version) {
          content.innerHTML = state.html;
          version = state.version;
          body.dataset.version = version;
        }
        updated.textContent = state.updated;
        live.textContent = 'live';
        live.className = 'live';
      })
      .catch(function (error) {
        live.textContent = 'not updating (' + error.message + ')';
        live.className = 'live offline';
      })
      .finally(function () {
        window.setTimeout(poll, every);
      });
  }

  window.setTimeout(poll, every);
}());
