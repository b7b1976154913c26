// The demo's use of vizgate-embed: two views on one page, each signed in with a token of its own (one jti each),
// both for the user picked above, whose platform grants a Region the stand-in's dashboard filters on.
import { embedTableau } from '/embed/vizgate-embed.js';

const body = document.body;
const tableau = body.dataset.tableau;
const select = document.getElementById('user');
const status = document.getElementById('status');

async function proof() {
  const r = await fetch('/demo/assertion', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: select.value }) });
  const data = await r.json();
  if (!r.ok) { throw new Error(data.detail || r.status); }
  return data.assertion;
}

document.getElementById('two-views-button').addEventListener('click', async () => {
  try {
    status.textContent = 'Embedding two views…';
    const views = [['viz-overview', '/t/demo/views/Superstore/Overview'], ['viz-by-month', '/t/demo/views/Superstore/ByMonth']];
    const embedded = [];
    for (const [id, path] of views) {
      embedded.push(await embedTableau(document.getElementById(id), { src: tableau + path, proof }));
    }
    status.textContent = 'Two views embedded for ' + select.value + ' with tokens ' + embedded.map(e => e.jti).join(' and ') + '.';
  } catch (e) { status.textContent = 'Failed: ' + e.message; }
});
