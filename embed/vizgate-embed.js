// vizgate-embed: the browser side of Vizgate, with no dependencies. The page supplies `proof` (a platform assertion or
// its identity provider's access token); this module never sees a secret and never puts a token in a URL it controls.
// One token signs in one viz (each jti is used once), so every viz gets its own token from the gateway.

/** Reads a JWT's payload without trusting it: only to show and to tell tokens apart (jti), never to decide anything. */
function claimsOf(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(part + '==='.slice((part.length + 3) % 4)));
}

function emit(target, type, detail) {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
}

/** Asks the gateway for a token for the proven user; a refusal becomes a `vizgate:error` event with its cause and fix. */
async function mint(gateway, proof, container) {
  const credential = await proof();
  const response = await fetch(gateway + '/v1/tableau/token', {
    method: 'POST',
    headers: { 'Authorization': 'Bearer ' + credential, 'Content-Type': 'application/json' },
    body: '{}',
    credentials: 'omit'
  });
  const body = await response.json();
  if (!response.ok) {
    const error = { source: 'gateway', status: response.status, type: body.type, cause: body.title, fix: body.detail };
    emit(container, 'vizgate:error', error);
    throw Object.assign(new Error(body.detail || ('the gateway answered ' + response.status)), error);
  }
  return body;
}

/**
 * Embeds one Tableau view in `container` as a `<tableau-viz>` (the Embedding API v3 web component must be loaded),
 * signed in with a token minted for it alone. Resolves with a handle: the element, the token's jti and expiry, and
 * `renew()`, which mints a fresh token and re-renders the view.
 */
export async function embedTableau(container, options) {
  const { src, proof, gateway = '' } = options || {};
  if (!container || !src || typeof proof !== 'function') {
    throw new TypeError('embedTableau(container, { src, proof }) needs a container, the view URL and a proof callback');
  }
  const handle = { viz: null, jti: null, expiresAt: null, renew: null };
  async function render() {
    const issued = await mint(gateway, proof, container);
    const claims = claimsOf(issued.token);
    const viz = document.createElement('tableau-viz');
    viz.setAttribute('src', src);
    viz.setAttribute('token', issued.token);
    viz.addEventListener('vizloaderror', e => {
      const d = e.detail || {};
      emit(container, 'vizgate:error', { source: 'tableau', code: d._errorCode || d.errorCode, message: d._message || d.message });
    });
    handle.viz = viz;
    handle.jti = claims.jti;
    handle.expiresAt = issued.expiresAt;
    container.dataset.vizgateJti = claims.jti;
    container.replaceChildren(viz);
    emit(container, 'vizgate:embedded', { jti: claims.jti, user: claims.sub, expiresAt: issued.expiresAt });
    return handle;
  }
  handle.renew = render;
  return render();
}
