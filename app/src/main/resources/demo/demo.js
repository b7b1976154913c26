// The demo page: prove a user (the stand-in platform login), ask the gateway for a token or a frontdoor URL,
// and load what the Embedding API v3 library would load for <tableau-viz token=…>: the site's
// /vizportal/api/web/v1/auth/embed/target?token=…&target=<view> (EmbeddingUrlBuilder.setToken in @tableau/embedding-api).
(function () {
  const body = document.body;
  const users = body.dataset.users.split(',');
  const tableau = body.dataset.tableau;
  const select = document.getElementById('user');
  users.forEach(u => { const o = document.createElement('option'); o.value = u; o.textContent = u; select.appendChild(o); });
  const status = document.getElementById('status');

  async function json(path, init) {
    const r = await fetch(path, init);
    const data = await r.json();
    if (!r.ok) { throw new Error((data.title || r.status) + ': ' + (data.detail || '')); }
    return data;
  }

  async function proof() {
    const a = await json('/demo/assertion', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: select.value }) });
    return a.assertion;
  }

  function decode(token) {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part + '==='.slice((part.length + 3) % 4)));
  }

  document.getElementById('tableau-button').addEventListener('click', async () => {
    try {
      status.textContent = 'Asking the gateway for a Tableau token…';
      const assertion = await proof();
      const t = await json('/v1/tableau/token', { method: 'POST', headers: { 'Authorization': 'Bearer ' + assertion } });
      document.getElementById('claims').textContent = JSON.stringify(decode(t.token), null, 2);
      const view = document.getElementById('tableau-view');
      if (window.customElements && customElements.get('tableau-viz')) {
        // The real Embedding API v3 web component (bundled from @tableau/embedding-api): it loads the site's
        // embed URL with the token in its own iframe, as it would against Tableau.
        const viz = document.createElement('tableau-viz');
        viz.id = 'tableau-viz';
        viz.setAttribute('src', tableau + '/t/demo/views/Superstore/Overview');
        viz.setAttribute('token', t.token);
        viz.addEventListener('vizloaderror', e => {
          const d = e.detail || {};
          status.textContent = 'The view did not load: ' + (d._errorCode || d.errorCode || '') + ' ' + (d._message || d.message || JSON.stringify(d));
        });
        view.replaceChildren(viz);
      } else {
        // Without npm at build time: load what the library would load for <tableau-viz token=…>.
        const target = '/t/demo/views/Superstore/Overview?:embed=y';
        document.getElementById('tableau-frame').src = tableau + '/vizportal/api/web/v1/auth/embed/target?token='
          + encodeURIComponent(t.token) + '&target=' + encodeURIComponent(target);
      }
      status.textContent = 'Token issued for ' + select.value + ' (kid ' + t.kid + ', expires ' + t.expiresAt + ').';
    } catch (e) { status.textContent = 'Failed: ' + e.message; }
  });

  document.getElementById('next-button').addEventListener('click', async () => {
    try {
      status.textContent = 'Asking the gateway for a frontdoor URL…';
      const assertion = await proof();
      const f = await json('/v1/tableau-next/frontdoor', { method: 'POST', headers: { 'Authorization': 'Bearer ' + assertion } });
      document.getElementById('next-info').textContent = 'orgUrl: ' + f.orgUrl + '\n(the frontdoor URL itself is not shown: it is a one-time credential)';
      document.getElementById('next-frame').src = f.frontdoorUrl;
      status.textContent = 'Frontdoor URL issued for ' + select.value + '.';
    } catch (e) { status.textContent = 'Failed: ' + e.message; }
  });
})();
