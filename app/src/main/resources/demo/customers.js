// The many-customers page: a customer's portal signs its user in through the platform's login, which names the
// user's customer in the assertion it signs. The gateway decides the tenant from that proof alone, and signs with the
// customer's own connected app for the customer's own site.
import { embedTableau } from '/embed/vizgate-embed.js';

const body = document.body;
const customers = JSON.parse(body.dataset.customers);
const customerSelect = document.getElementById('customer');
const userSelect = document.getElementById('user');
const status = document.getElementById('status');
let handle;

customers.forEach(c => customerSelect.append(new Option(c.name, c.tenant)));

function customer() {
  return customers.find(c => c.tenant === customerSelect.value);
}

function showUsers() {
  userSelect.replaceChildren(...customer().users.map(u => new Option(u, u)));
  document.getElementById('viz-title').textContent = customer().name + ' — Overview';
}
customerSelect.addEventListener('change', showUsers);
showUsers();

/** The stand-in for the platform's own backend: it signs a one-minute assertion for the user picked above. */
async function proof() {
  const r = await fetch('/demo/assertion', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: userSelect.value }) });
  const data = await r.json();
  if (!r.ok) { throw new Error(data.detail || r.status); }
  return data.assertion;
}
// For the browser test, and for anyone curious: what this page's own proof gets from another customer's path.
window.vizgateProof = proof;

const container = document.getElementById('viz');
container.addEventListener('vizgate:error', e => {
  document.getElementById('error-panel').hidden = false;
  document.getElementById('error-code').textContent = [e.detail.code, e.detail.name].filter(Boolean).join(' ') || e.detail.type || 'error';
  document.getElementById('error-cause').textContent = e.detail.cause || e.detail.message || '';
  document.getElementById('error-fix').textContent = e.detail.fix || '';
  status.textContent = 'Sign-in failed: ' + (e.detail.cause || e.detail.message || 'see the panel') + '.';
});

document.getElementById('embed-button').addEventListener('click', async () => {
  if (handle && handle.stop) { handle.stop(); }
  document.getElementById('error-panel').hidden = true;
  try {
    if (!customElements.get('tableau-viz')) {
      status.textContent = 'This build has no Embedding API (npm was not on the PATH when it was built).';
      return;
    }
    const c = customer();
    status.textContent = 'Embedding ' + c.name + '\'s view…';
    handle = await embedTableau(container, { src: body.dataset.tableau + '/t/' + c.site + '/views/Superstore/Overview', proof,
      width: '100%', height: '100%' });
    document.getElementById('viz-token').textContent = 'Token jti ' + handle.jti + ', expires ' + new Date(handle.expiresAt).toLocaleString();
    if (!document.getElementById('error-panel').hidden) { return; }
    status.textContent = 'Embedded ' + c.name + '\'s view for ' + userSelect.value + '.';
  } catch (e) {
    if (!e.cause) { status.textContent = 'Failed: ' + e.message; }
  }
});
