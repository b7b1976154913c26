// embedTableauNext against stand-ins of the analytics embedding SDK's documented interfaces (2.0.0's exports and the
// v2.1 reference's getSessionExpiry/reAuthenticateSession) and of the gateway, under Node's own test runner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedTableauNext } from '../vizgate-embed.js';

const ORG = 'https://acme.lightning.force.com';

/** The gateway: each call answers a new single-use frontdoor URL, or the refusal given. */
function gateway(refusal) {
  let issued = 0;
  globalThis.fetch = async (url, init) => {
    assert.equal(url, '/v1/tableau-next/frontdoor');
    assert.equal(init.headers.Authorization, 'Bearer proof-of-alice');
    if (refusal) { return { ok: false, status: refusal.status, json: async () => refusal }; }
    issued += 1;
    return { ok: true, status: 200, json: async () => ({ frontdoorUrl: 'https://acme.my.salesforce.com/secur/frontdoor.jsp?otp=' + issued, orgUrl: ORG }) };
  };
  return () => issued;
}

function sdk20(log, status = 'SUCCESS') {
  class AnalyticsDashboard { constructor(props) { log.push(['component', props.idOrApiName, props.orgUrl]); } render() { return Promise.resolve('ok'); } }
  return {
    initializeAnalyticsSdk: async c => { log.push(['init', c.authCredential, c.orgUrl]); return { status, orgStates: new Map([[ORG, { state: 'X', reason: 'no session' }]]) }; },
    retryOrAddOrgs: async configs => { log.push(['retry', configs[0].authCredential, configs[0].orgUrl]); return { status: 'SUCCESS' }; },
    AnalyticsDashboard, AnalyticsVisualization: AnalyticsDashboard, AnalyticsMetric: AnalyticsDashboard
  };
}

const proof = async () => 'proof-of-alice';
const component = { type: 'dashboard', idOrApiName: 'Sales_Pipeline' };
const events = target => { const seen = []; for (const t of ['vizgate:embedded', 'vizgate:renewed', 'vizgate:error']) { target.addEventListener(t, e => seen.push([t, e.detail])); } return seen; };

test('sdk 2.0: the frontdoor URL becomes the authCredential, and retryOrAddOrgs re-authenticates before the session ends', async () => {
  const issued = gateway();
  const log = [];
  const container = new EventTarget();
  const seen = events(container);
  const handle = await embedTableauNext(container, { sdk: sdk20(log), proof, component, orgUrl: ORG, sessionSeconds: 2, renewBeforeSeconds: 1 });
  assert.deepEqual(log.slice(0, 2), [['init', 'https://acme.my.salesforce.com/secur/frontdoor.jsp?otp=1', ORG], ['component', 'Sales_Pipeline', ORG]]);
  assert.equal(handle.via, 'retryOrAddOrgs');
  await new Promise(r => setTimeout(r, 1800));
  handle.stop();
  assert.deepEqual(log[2], ['retry', 'https://acme.my.salesforce.com/secur/frontdoor.jsp?otp=2', ORG]);
  assert.equal(issued(), 2);
  assert.equal(handle.renewals, 1);
  assert.deepEqual(seen.map(s => s[0]), ['vizgate:embedded', 'vizgate:renewed']);
});

test('sdk 2.1: getSessionExpiry is watched, and reAuthenticateSession gets a fresh frontdoor URL before it runs out', async () => {
  gateway();
  const log = [];
  const sdk = sdk20(log);
  let left = 100;
  sdk.getSessionExpiry = async orgUrl => { assert.equal(orgUrl, ORG); left -= 60; return left; };
  sdk.reAuthenticateSession = async (orgUrl, credential) => { log.push(['reauth', credential, orgUrl]); left = 100; };
  const container = new EventTarget();
  const handle = await embedTableauNext(container, { sdk, proof, component, orgUrl: ORG, renewBeforeSeconds: 1, pollSeconds: 0.05 });
  assert.equal(handle.via, 'reAuthenticateSession');
  await new Promise(r => setTimeout(r, 400));
  handle.stop();
  assert.deepEqual(log.find(l => l[0] === 'reauth'), ['reauth', 'https://acme.my.salesforce.com/secur/frontdoor.jsp?otp=2', ORG]);
  assert.ok(!log.some(l => l[0] === 'retry'), 'with 2.1 the session is re-authenticated, not re-initialised');
  assert.ok(handle.renewals >= 1);
});

test('a failed sign-in is a vizgate:error with the org state reason, not a blank frame', async () => {
  gateway();
  const container = new EventTarget();
  const seen = events(container);
  await assert.rejects(embedTableauNext(container, { sdk: sdk20([], 'FAILURE'), proof, component, orgUrl: ORG }), /Sign-in to Salesforce failed: no session/);
  assert.equal(seen[0][0], 'vizgate:error');
  assert.equal(seen[0][1].source, 'salesforce');
  assert.match(seen[0][1].fix, /Lightning URL/);
});

test('a gateway refusal carries its cause and fix', async () => {
  gateway({ status: 403, type: 'https://vizgate.dev/problems/forbidden', title: 'not allowed', detail: 'ask your admin' });
  const container = new EventTarget();
  const seen = events(container);
  await assert.rejects(embedTableauNext(container, { sdk: sdk20([]), proof, component, orgUrl: ORG }));
  assert.deepEqual([seen[0][1].status, seen[0][1].cause, seen[0][1].fix], [403, 'not allowed', 'ask your admin']);
});

test('without the SDK or a component it refuses at once', async () => {
  await assert.rejects(embedTableauNext(new EventTarget(), { proof, component }), TypeError);
  await assert.rejects(embedTableauNext(new EventTarget(), { sdk: sdk20([]), proof, component: { type: 'pie' } }), TypeError);
});
