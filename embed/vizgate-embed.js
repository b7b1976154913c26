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

/** Seconds before a session ends at which to renew it: a fifth of the session, at least one second, at most a minute. */
function renewalLead(sessionSeconds, renewBeforeSeconds) {
  if (renewBeforeSeconds !== undefined) { return renewBeforeSeconds; }
  return Math.max(1, Math.min(60, Math.floor(sessionSeconds / 5)));
}

/** Calls the gateway for the proven user; a refusal becomes a `vizgate:error` event with its cause and fix. */
async function callGateway(gateway, path, proof, container) {
  const credential = await proof();
  let response;
  let body;
  try {
    response = await fetch(gateway + path, {
      method: 'POST',
      headers: { 'Authorization': 'Bearer ' + credential, 'Content-Type': 'application/json' },
      body: '{}',
      credentials: 'omit'
    });
    body = await response.json();
  } catch (e) {
    const error = { source: 'gateway', cause: 'the gateway could not be reached or did not answer JSON', fix: 'check the gateway URL and that it is running' };
    emit(container, 'vizgate:error', error);
    throw Object.assign(new Error(error.cause), error);
  }
  if (!response.ok) {
    const error = { source: 'gateway', status: response.status, type: body.type, cause: body.title, fix: body.detail };
    emit(container, 'vizgate:error', error);
    throw Object.assign(new Error(body.detail || ('the gateway answered ' + response.status)), error);
  }
  return body;
}

const catalogues = new Map();
/** Tableau's rejection codes with their causes and fixes, as the gateway serves them (fetched once per gateway and page). */
function tableauErrors(gateway) {
  if (!catalogues.has(gateway)) {
    catalogues.set(gateway, fetch(gateway + '/v1/tableau/errors', { credentials: 'omit' })
      .then(r => (r.ok ? r.json() : { errors: [] }))
      .then(b => new Map((b.errors || []).map(e => [e.code, e])))
      .catch(() => new Map()));
  }
  return catalogues.get(gateway);
}

/**
 * The Tableau code inside a `vizloaderror`: the Embedding API reports a failed sign-in as `auth-failed` with a message
 * holding the sign-in response, `{"statusCode":401,"errorMessage":"{\"result\":{\"errors\":[{\"code\":…}]}}"}`.
 */
function tableauCodeOf(detail) {
  try {
    const outer = JSON.parse(detail._message || detail.message || '{}');
    const inner = JSON.parse(outer.errorMessage || '{}');
    const first = ((inner.result || {}).errors || [])[0];
    return first ? Number(first.code) : undefined;
  } catch (e) {
    return undefined;
  }
}

/**
 * Embeds one Tableau view in `container` as a `<tableau-viz>` (the Embedding API v3 web component must be loaded),
 * signed in with a token minted for it alone. With `sessionSeconds` (your site's session lifetime) it mints a new
 * token and re-renders before the Tableau session ends, so a long-lived page never shows "Sign in". Resolves with a
 * handle: the element, the token's jti and expiry, the renewal count, `renew()` and `stop()`.
 */
export async function embedTableau(container, options) {
  const { src, proof, gateway = '', sessionSeconds, renewBeforeSeconds, width, height } = options || {};
  if (!container || !src || typeof proof !== 'function') {
    throw new TypeError('embedTableau(container, { src, proof }) needs a container, the view URL and a proof callback');
  }
  if (sessionSeconds !== undefined && !(sessionSeconds > 0)) {
    throw new TypeError('sessionSeconds must be a positive number of seconds');
  }
  const handle = { viz: null, jti: null, expiresAt: null, renewals: 0, renew: null, stop: null };
  let timer;
  async function render() {
    const issued = await callGateway(gateway, '/v1/tableau/token', proof, container);
    const claims = claimsOf(issued.token);
    const viz = document.createElement('tableau-viz');
    viz.setAttribute('src', src);
    viz.setAttribute('token', issued.token);
    if (width) { viz.setAttribute('width', width); }
    if (height) { viz.setAttribute('height', height); }
    viz.addEventListener('vizloaderror', async e => {
      const d = e.detail || {};
      const code = tableauCodeOf(d);
      const known = code === undefined ? undefined : (await tableauErrors(gateway)).get(code);
      emit(container, 'vizgate:error', {
        source: 'tableau', code: code === undefined ? (d._errorCode || d.errorCode) : code,
        name: known && known.name, cause: known ? known.cause : (d._message || d.message), fix: known && known.fix
      });
    });
    handle.viz = viz;
    handle.jti = claims.jti;
    handle.expiresAt = issued.expiresAt;
    container.dataset.vizgateJti = claims.jti;
    container.replaceChildren(viz);
    emit(container, 'vizgate:embedded', { jti: claims.jti, user: claims.sub, expiresAt: issued.expiresAt, renewals: handle.renewals });
    schedule();
    return handle;
  }
  function schedule() {
    clearTimeout(timer);
    if (sessionSeconds === undefined) { return; }
    const lead = renewalLead(sessionSeconds, renewBeforeSeconds);
    timer = setTimeout(async () => {
      try {
        await render();
        handle.renewals += 1;
        emit(container, 'vizgate:renewed', { jti: handle.jti, renewals: handle.renewals });
      } catch (e) {
        // The refusal was already reported as vizgate:error; the page decides what to do next.
      }
    }, Math.max(1, sessionSeconds - lead) * 1000);
  }
  handle.renew = render;
  handle.stop = () => clearTimeout(timer);
  return render();
}

const COMPONENTS = { dashboard: 'AnalyticsDashboard', visualization: 'AnalyticsVisualization', metric: 'AnalyticsMetric' };

/**
 * Embeds a Tableau Next component through Salesforce's analytics embedding SDK (`sdk`: the module object of
 * `@salesforce/analytics-embedding-sdk`), signed in with a single-use frontdoor URL from the gateway. It keeps the
 * session alive without a reload: with SDK 2.1's `getSessionExpiry(orgUrl)` it watches the time left and calls
 * `reAuthenticateSession(orgUrl, <fresh frontdoor URL>)` before the session lapses; with SDK 2.0, which has neither,
 * it re-authenticates through `retryOrAddOrgs([{ orgUrl, authCredential: <fresh frontdoor URL> }])` on a timer from
 * `sessionSeconds` (your org's session timeout).
 */
export async function embedTableauNext(container, options) {
  const { sdk, proof, gateway = '', component = {}, sessionSeconds, renewBeforeSeconds, pollSeconds = 30, initTimeoutSeconds = 30 } = options || {};
  if (!container || typeof proof !== 'function' || !sdk || typeof sdk.initializeAnalyticsSdk !== 'function') {
    throw new TypeError('embedTableauNext(container, { sdk, proof, component }) needs a container, the SDK module and a proof callback');
  }
  const type = component.type || 'dashboard';
  if (!COMPONENTS[type] || !component.idOrApiName) {
    throw new TypeError('component needs a type (dashboard, visualization or metric) and an idOrApiName');
  }
  const v21 = typeof sdk.getSessionExpiry === 'function' && typeof sdk.reAuthenticateSession === 'function';
  let orgUrl = options.orgUrl;
  const handle = { orgUrl: null, component: null, renewals: 0, via: v21 ? 'reAuthenticateSession' : 'retryOrAddOrgs', renew: null, stop: null };
  let timer;

  async function frontdoor() {
    const opened = await callGateway(gateway, '/v1/tableau-next/frontdoor', proof, container);
    orgUrl = orgUrl || opened.orgUrl;
    return opened.frontdoorUrl;
  }
  function failed(cause, fix, extra) {
    const error = Object.assign({ source: 'salesforce', cause, fix }, extra || {});
    emit(container, 'vizgate:error', error);
    return Object.assign(new Error(cause), error);
  }
  function withTimeout(promise, what) {
    let t;
    const limit = new Promise((_, reject) => {
      t = setTimeout(() => reject(failed(what + ' did not finish in ' + initTimeoutSeconds + ' s',
        'check that the frontdoor URL opens a session (the ECA needs the web scope) and that orgUrl is the org\'s Lightning URL')), initTimeoutSeconds * 1000);
    });
    return Promise.race([promise, limit]).finally(() => clearTimeout(t));
  }
  function check(result, what) {
    const status = result && result.status;
    if (status === 'SUCCESS' || status === 'PARTIAL_SUCCESS' || (sdk.Status && status === sdk.Status.SUCCESS)) { return; }
    const state = result && result.orgStates && result.orgStates.get ? result.orgStates.get(orgUrl) : undefined;
    throw failed(what + ' failed' + (state && state.reason ? ': ' + state.reason : ''),
      'check the org\'s Lightning URL and the External Client App\'s scopes (web, refresh_token)', { state: state && state.state });
  }
  async function renew() {
    const credential = await frontdoor();
    if (v21) {
      await withTimeout(Promise.resolve(sdk.reAuthenticateSession(orgUrl, credential)), 'reAuthenticateSession');
    } else {
      check(await withTimeout(sdk.retryOrAddOrgs([{ orgUrl, authCredential: credential }]), 'retryOrAddOrgs'), 'Re-authentication');
    }
    handle.renewals += 1;
    emit(container, 'vizgate:renewed', { renewals: handle.renewals, via: handle.via, orgUrl });
  }
  function schedule() {
    clearTimeout(timer);
    if (v21) {
      timer = setTimeout(async () => {
        try {
          const left = await sdk.getSessionExpiry(orgUrl);
          const lead = renewalLead(sessionSeconds || 300, renewBeforeSeconds);
          if (typeof left === 'number' && left <= lead + pollSeconds) { await renew(); }
        } catch (e) { /* reported as vizgate:error */ }
        schedule();
      }, pollSeconds * 1000);
    } else if (sessionSeconds !== undefined) {
      const lead = renewalLead(sessionSeconds, renewBeforeSeconds);
      timer = setTimeout(async () => {
        try { await renew(); } catch (e) { /* reported as vizgate:error */ }
        schedule();
      }, Math.max(1, sessionSeconds - lead) * 1000);
    }
  }

  const credential = await frontdoor();
  if (!orgUrl) {
    throw failed('no orgUrl: the gateway did not name one', 'pass orgUrl, the org\'s Lightning URL (https://<mydomain>.lightning.force.com)');
  }
  check(await withTimeout(sdk.initializeAnalyticsSdk({ authCredential: credential, orgUrl }), 'initializeAnalyticsSdk'), 'Sign-in to Salesforce');
  const made = new sdk[COMPONENTS[type]]({ parentIdOrElement: container, idOrApiName: component.idOrApiName, orgUrl,
    height: component.height, width: component.width });
  await withTimeout(made.render(), 'Rendering ' + component.idOrApiName);
  handle.orgUrl = orgUrl;
  handle.component = made;
  handle.renew = renew;
  handle.stop = () => clearTimeout(timer);
  emit(container, 'vizgate:embedded', { orgUrl, component: component.idOrApiName, renewals: 0 });
  schedule();
  return handle;
}
