// The demo page: the stand-in platform's login proves a user, and vizgate-embed does the rest — a token per Tableau
// view, a frontdoor URL for Tableau Next through Salesforce's own SDK, renewal before sessions end, and failures
// shown with their cause and fix instead of a blank frame.
import { embedTableau, embedTableauNext } from '/embed/vizgate-embed.js';

const body = document.body;
const select = document.getElementById('user');
const status = document.getElementById('status');
const shortSession = document.getElementById('short-session');
const signInFails = document.getElementById('sign-in-fails');
body.dataset.users.split(',').forEach(u => select.append(new Option(u, u)));

let sessionSeconds;
// Each product's embeds stop on their own: embedding Tableau Next again leaves the Tableau views renewing, and back.
const handles = { tableau: [], next: [] };

/** The stand-in for the platform's own backend: it signs a one-minute assertion for the user picked above. */
async function proof() {
  const r = await fetch('/demo/assertion', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: select.value }) });
  const data = await r.json();
  if (!r.ok) { throw new Error(data.detail || r.status); }
  return data.assertion;
}

async function applySwitches() {
  const r = await fetch('/demo/switches', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ shortSession: shortSession.checked, signInFails: signInFails.checked }) });
  sessionSeconds = (await r.json()).sessionSeconds;
  return sessionSeconds;
}

function decode(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(part + '==='.slice((part.length + 3) % 4)));
}

/** The decoded claims, with exp, iat and nbf shown as dates in the browser's time zone. */
function showClaims(token) {
  const table = document.getElementById('claims');
  table.replaceChildren();
  for (const [name, value] of Object.entries(decode(token))) {
    const row = table.insertRow();
    const th = document.createElement('th');
    th.textContent = name;
    row.append(th);
    const cell = row.insertCell();
    cell.dataset.claim = name;
    if (['exp', 'iat', 'nbf'].includes(name) && typeof value === 'number') {
      const time = document.createElement('time');
      time.dateTime = new Date(value * 1000).toISOString();
      time.textContent = new Date(value * 1000).toLocaleString();
      const raw = document.createElement('span');
      raw.className = 'raw';
      raw.textContent = String(value);
      cell.append(time, raw);
    } else {
      cell.textContent = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
}

function showError(detail) {
  document.getElementById('error-panel').hidden = false;
  document.getElementById('error-code').textContent = [detail.code, detail.name].filter(Boolean).join(' ') || detail.type || 'error';
  document.getElementById('error-cause').textContent = detail.cause || detail.message || '';
  document.getElementById('error-fix').textContent = detail.fix || '';
  status.textContent = 'Sign-in failed: ' + (detail.cause || detail.message || 'see the panel below') + '.';
}

function stop(group) {
  while (group.length) { const h = group.pop(); if (h && h.stop) { h.stop(); } }
  document.getElementById('error-panel').hidden = true;
}

for (const id of ['viz-overview', 'viz-by-month', 'next-dashboard']) {
  const container = document.getElementById(id);
  container.addEventListener('vizgate:error', e => {
    showError(e.detail);
    // In the frame itself too: where the failure would otherwise be a blank frame.
    const alert = document.createElement('div');
    alert.className = 'viz-error';
    alert.setAttribute('role', 'alert');
    const title = document.createElement('strong');
    title.textContent = 'Sign-in failed';
    const code = document.createElement('span');
    code.className = 'code';
    code.textContent = [e.detail.code, e.detail.name].filter(Boolean).join(' ');
    const cause = document.createElement('span');
    cause.textContent = e.detail.cause || e.detail.message || '';
    alert.append(title, code, cause);
    container.replaceChildren(alert);
  });
  container.addEventListener('vizgate:renewed', e => {
    const badge = document.getElementById(id === 'next-dashboard' ? 'next-renewals' : id + '-renewals');
    badge.textContent = (id === 'next-dashboard' ? 're-authenticated ' : 'renewed ') + e.detail.renewals + '×';
    badge.dataset.renewals = e.detail.renewals;
    if (id === 'viz-overview') { showClaims(handles.tableau.find(h => h.viz && h.viz.parentNode === container).viz.getAttribute('token')); }
    if (e.detail.jti) { document.getElementById(id + '-token').textContent = 'Token jti ' + e.detail.jti; }
    status.textContent = 'Session renewed without a reload (' + (e.detail.via || 'new token') + ').';
  });
}

shortSession.addEventListener('change', async () => {
  await applySwitches();
  status.textContent = shortSession.checked ? 'Short session on: sessions now last ' + sessionSeconds + ' s. Embed again to see them renewed.'
    : 'Short session off.';
});
signInFails.addEventListener('change', async () => {
  await applySwitches();
  status.textContent = signInFails.checked ? 'The Connected App is now disabled: the next sign-in fails.' : 'The Connected App is enabled again.';
});

document.getElementById('two-views-button').addEventListener('click', async () => {
  stop(handles.tableau);
  try {
    if (!customElements.get('tableau-viz')) {
      status.textContent = 'This build has no Embedding API (npm was not on the PATH when it was built).';
      return;
    }
    status.textContent = 'Embedding two views…';
    const tableau = body.dataset.tableau;
    const views = [['viz-overview', '/t/demo/views/Superstore/Overview'], ['viz-by-month', '/t/demo/views/Superstore/ByMonth']];
    for (const [id, path] of views) {
      const container = document.getElementById(id);
      const handle = await embedTableau(container, { src: tableau + path, proof, sessionSeconds, width: '100%', height: '100%' });
      handles.tableau.push(handle);
      document.getElementById(id + '-token').textContent = 'Token jti ' + handle.jti + ', expires ' + new Date(handle.expiresAt).toLocaleString();
      document.getElementById(id + '-renewals').textContent = 'renewed 0×';
    }
    showClaims(handles.tableau[0].viz.getAttribute('token'));
    if (!document.getElementById('error-panel').hidden) { return; }
    status.textContent = 'Two views embedded for ' + select.value + ' with tokens ' + handles.tableau.map(h => h.jti).join(' and ') + '.';
  } catch (e) {
    if (!e.cause) { status.textContent = 'Failed: ' + e.message; }
  }
});

document.getElementById('next-button').addEventListener('click', async () => {
  stop(handles.next);
  const container = document.getElementById('next-dashboard');
  try {
    if (body.dataset.analyticsSdk !== 'true') {
      status.textContent = 'This build has no analytics embedding SDK (npm was not on the PATH when it was built).';
      return;
    }
    status.textContent = 'Signing in to Tableau Next…';
    const sdk = await import('/demo/analytics-embedding-sdk.js');
    const handle = await embedTableauNext(container, { sdk, proof, orgUrl: body.dataset.salesforce, sessionSeconds,
      component: { type: 'dashboard', idOrApiName: 'Sales_Pipeline' } });
    handles.next.push(handle);
    document.getElementById('next-renewals').textContent = 're-authenticated 0×';
    status.textContent = 'Tableau Next embedded for ' + select.value + ' through the analytics embedding SDK.';
  } catch (e) {
    if (!e.cause) { status.textContent = 'Failed: ' + e.message; }
  }
});

// The audit trail of this page's session: every record written since the page opened, as the security team reads it.
const opened = new Date().toISOString();

/** What a record says besides who and when: the token's jti, the refusal's reason, the sign-in's outcome, the step. */
function auditDetail(r) {
  return [r.jti && 'jti ' + r.jti, r.kid && 'kid ' + r.kid, r.reason, r.outcome, r.step, r.change, r.detail,
    r.attributes && 'attributes ' + Object.keys(r.attributes).join(', ')].filter(Boolean).join(' · ');
}

async function showAudit() {
  const r = await fetch('/demo/audit?since=' + encodeURIComponent(opened));
  const records = (await r.json()).records || [];
  const table = document.getElementById('audit');
  table.replaceChildren();
  const head = table.insertRow();
  for (const name of ['#', 'time', 'event', 'caller', 'user', 'detail']) {
    const th = document.createElement('th');
    th.textContent = name;
    head.append(th);
  }
  for (const record of records) {
    const row = table.insertRow();
    row.dataset.event = record.event;
    const user = record.user || '';
    const cells = [record.seq, new Date(record.time).toLocaleTimeString(), record.event, record.caller + ' (' + record.callerKind + ')',
      user.startsWith('hmac-sha256:') ? user.slice(0, 24) + '…' : user, auditDetail(record)];
    cells.forEach((text, i) => {
      const cell = row.insertCell();
      cell.textContent = text === undefined ? '' : String(text);
      if (i === 4) { cell.dataset.user = user; cell.title = user; }
    });
  }
  if (!records.length) {
    table.insertRow().insertCell().textContent = 'No decision recorded since this page opened.';
  }
  status.textContent = records.length + ' audit record(s) from this session.';
}

document.getElementById('audit-button').addEventListener('click', () => showAudit().catch(e => { status.textContent = 'Failed: ' + e.message; }));

applySwitches();
