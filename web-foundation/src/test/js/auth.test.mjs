import test from 'node:test';
import assert from 'node:assert/strict';
import { claimsOf, createSignIn, isSignInReturn, isSignOutReturn, parseTokenLink, returnTarget }
  from '../../main/resources/META-INF/resources/shared/auth.js';

function jwt(claims) {
  const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return part({ alg: 'RS256' }) + '.' + part(claims) + '.c2ln';
}

function memoryStorage() {
  const items = new Map();
  return {
    getItem: (k) => (items.has(k) ? items.get(k) : null), setItem: (k, v) => items.set(k, String(v)),
    removeItem: (k) => items.delete(k), items
  };
}

/** A page at href with the sign-in elements, the given /sign-in answer and a fake oidc-client-ts. */
function page(href, signIn, oidc = null) {
  const url = new URL(href);
  const location = { origin: url.origin, pathname: url.pathname, search: url.search, hash: url.hash };
  const addresses = [];
  const history = {
    replaceState: (s, t, to) => {
      addresses.push(to);
      const next = new URL(to, url.origin);
      Object.assign(location, { pathname: next.pathname, search: next.search, hash: next.hash });
    }
  };
  const elements = {};
  for (const id of ['sign-in', 'sign-in-oidc', 'sign-in-token', 'sign-in-start', 'sign-out', 'token-input',
    'token-save']) {
    elements[id] = { id, hidden: false, value: '', onclick: null };
  }
  const storage = memoryStorage();
  const posted = [];
  const auth = createSignIn({
    postForm: (action, fields) => posted.push({ action, fields }),
    fetch: async () => new Response(JSON.stringify(signIn), { status: 200 }),
    location, history, storage, document: { getElementById: (id) => elements[id] },
    loadOidc: async () => oidc
  });
  return { auth, location, addresses, elements, storage, posted };
}

/** oidc-client-ts as far as auth.js uses it, recording what it is asked. */
function fakeOidc({ user = null, callbackState = null, renew = null } = {}) {
  const calls = { redirects: [], silent: 0, removed: 0, signedOut: [], callbacks: 0, settings: null };
  let current = user;
  class UserManager {
    constructor(settings) {
      calls.settings = settings;
      this.events = { addSilentRenewError: () => {} };
      this.metadataService = { getEndSessionEndpoint: async () => 'http://kc/realms/monitor/protocol/openid-connect/logout' };
    }
    async getUser() { return current; }
    async signinRedirect(args) { calls.redirects.push(args); }
    async signinRedirectCallback() { calls.callbacks++; current = user; return { ...user, state: callbackState }; }
    async signinSilent() {
      calls.silent++;
      await new Promise(resolve => setTimeout(resolve, 5));
      current = renew ? renew() : current;
      if (!current) throw new Error('refused');
      return current;
    }
    async removeUser() { calls.removed++; current = null; }
    async signoutRedirect(args) { calls.signedOut.push(args); }
    async signoutRedirectCallback() { calls.signOutCallbacks = (calls.signOutCallbacks || 0) + 1; }
  }
  class WebStorageStateStore { constructor(o) { this.store = o.store; } }
  return { calls, oidc: { UserManager, WebStorageStateStore } };
}

const OIDC = { mode: 'oidc', authority: 'http://kc/realms/monitor', clientId: 'monitor-dashboard' };

test('a #token= link is read with its route, or the default one', () => {
  assert.deepEqual(parseTokenLink('#token=a.b.c&to=%2Fcard%2FGM0014%2F2017'), { token: 'a.b.c', to: '/card/GM0014/2017' });
  assert.deepEqual(parseTokenLink('#token=a.b.c', '/doel/1'), { token: 'a.b.c', to: '/doel/1' });
  assert.equal(parseTokenLink('#/national'), null);
  assert.equal(parseTokenLink(''), null);
});

test('the provider\'s answer is recognised, and the address to return to keeps the query and route only', () => {
  assert.equal(isSignInReturn('?state=s&code=c'), true);
  assert.equal(isSignInReturn('?state=s&error=access_denied'), true);
  assert.equal(isSignInReturn('?gemeente=GM0014'), false);
  assert.equal(returnTarget('?gemeente=GM0014&jaar=2018', '#/extra'), '?gemeente=GM0014&jaar=2018#/extra');
  assert.equal(returnTarget('', '#token=a.b.c'), '');
  assert.equal(returnTarget('?state=s&code=c', '#/doel/2'), '#/doel/2');
  assert.equal(isSignOutReturn('?state=s'), true);
  assert.equal(isSignOutReturn('?state=s&code=c'), false);
  assert.equal(returnTarget('?state=s', ''), '');
});

test('claims are read from the token, also with non-ASCII text; garbage gives none', () => {
  assert.deepEqual(claimsOf(jwt({ sub: 'jörg', municipality: 'GM0014' })), { sub: 'jörg', municipality: 'GM0014' });
  assert.deepEqual(claimsOf('not-a-token'), {});
  assert.deepEqual(claimsOf(null), {});
});

test('test-key mode: a #token= link signs in once and leaves the address without the token', async () => {
  const token = jwt({ sub: 'respondent', municipality: 'GM0014' });
  const { auth, location, addresses, storage } = page(
    'http://s:8081/vragenlijst/?gemeente=GM0014&jaar=2018#token=' + token, { mode: 'test-keys' });
  assert.equal(await auth.start(() => {}, { defaultRoute: '/doel/1' }), 'test-keys');
  assert.equal(auth.currentToken(), token);
  assert.equal(await auth.accessToken(), token);
  assert.equal(auth.claims().municipality, 'GM0014');
  assert.deepEqual(addresses, ['/vragenlijst/?gemeente=GM0014&jaar=2018#/doel/1']);
  assert.ok(!location.hash.includes('token'));
  await auth.forget();
  assert.equal(storage.getItem('monitor.token'), null);
});

test('test-key mode: a pasted token is taken and the page rerendered; signing out forgets it', async () => {
  const { auth, elements } = page('http://s:8081/vragenlijst/', { mode: 'test-keys' });
  let renders = 0;
  await auth.start(() => { renders++; });
  auth.showSignIn(true);
  assert.equal(elements['sign-in-token'].hidden, false);
  assert.equal(elements['sign-in-oidc'].hidden, true);
  elements['token-input'].value = '  pasted  ';
  elements['token-save'].onclick();
  assert.equal(auth.currentToken(), 'pasted');
  assert.equal(renders, 1);
  await elements['sign-out'].onclick();
  assert.equal(auth.currentToken(), null);
  assert.equal(renders, 2);
});

test('oidc: the sign-in asks for a code (PKCE by the library) and remembers the query and route, never a token', async () => {
  const { calls, oidc } = fakeOidc();
  const { auth, elements } = page('http://s:8081/vragenlijst/?gemeente=GM0014&jaar=2018#/extra', OIDC, oidc);
  assert.equal(await auth.start(() => {}), 'oidc');
  assert.equal(calls.settings.response_type, 'code');
  assert.equal(calls.settings.redirect_uri, 'http://s:8081/vragenlijst/');
  assert.equal(calls.settings.client_id, 'monitor-dashboard');
  assert.equal(auth.currentToken(), null);
  auth.showSignIn(true);
  assert.equal(elements['sign-in-oidc'].hidden, false);
  assert.equal(elements['sign-in-token'].hidden, true);
  await elements['sign-in-start'].onclick();
  assert.deepEqual(calls.redirects, [{ state: { to: '?gemeente=GM0014&jaar=2018#/extra' } }]);
});

test('oidc: the provider\'s answer is exchanged and the address becomes the one asked for, without code or state', async () => {
  const user = { access_token: jwt({ sub: 'r', municipality: 'GM0014' }), id_token: 'id', expires_in: 300, expired: false };
  const { calls, oidc } = fakeOidc({ user, callbackState: { to: '?gemeente=GM0014&jaar=2018#/doel/1' } });
  const { auth, addresses } = page('http://s:8081/vragenlijst/?state=s1&code=c1&session_state=x', OIDC, oidc);
  await auth.start(() => {});
  assert.equal(calls.callbacks, 1);
  assert.deepEqual(addresses, ['/vragenlijst/?gemeente=GM0014&jaar=2018#/doel/1']);
  assert.equal(auth.currentToken(), user.access_token);
  assert.equal(auth.claims().municipality, 'GM0014');
});

test('oidc: a #token= link is dropped from the address and does not sign in', async () => {
  const { oidc } = fakeOidc();
  const { auth, addresses } = page('http://s:8083/dashboard/#token=a.b.c', OIDC, oidc);
  await auth.start(() => {});
  assert.deepEqual(addresses, ['/dashboard/']);
  assert.equal(auth.currentToken(), null);
});

test('oidc: a token about to expire is refreshed once for the requests made together', async () => {
  const old = { access_token: 'old', expires_in: 5, expired: false };
  const fresh = { access_token: 'fresh', expires_in: 300, expired: false };
  const { calls, oidc } = fakeOidc({ user: old, renew: () => fresh });
  const { auth } = page('http://s:8083/dashboard/', OIDC, oidc);
  await auth.start(() => {});
  const tokens = await Promise.all([auth.accessToken(), auth.accessToken(), auth.accessToken()]);
  assert.deepEqual(tokens, ['fresh', 'fresh', 'fresh']);
  assert.equal(calls.silent, 1);
  assert.equal(await auth.accessToken(), 'fresh');
  assert.equal(calls.silent, 1);
});

test('oidc: a refused refresh forgets the user; signing out posts the id token to the provider, never in an address', async () => {
  const old = { access_token: 'old', id_token: 'id-1', expires_in: 5, expired: false };
  const refused = fakeOidc({ user: old, renew: () => null });
  const first = page('http://s:8083/dashboard/', OIDC, refused.oidc);
  await first.auth.start(() => {});
  assert.equal(await first.auth.accessToken(), null);
  assert.equal(refused.calls.removed, 1);

  const signedIn = fakeOidc({ user: { ...old, expires_in: 300 } });
  const second = page('http://s:8083/dashboard/', OIDC, signedIn.oidc);
  await second.auth.start(() => {});
  await second.elements['sign-out'].onclick();
  assert.deepEqual(signedIn.calls.signedOut, [], 'no redirect with the id token in its address');
  assert.deepEqual(second.posted, [{ action: 'http://kc/realms/monitor/protocol/openid-connect/logout',
    fields: { id_token_hint: 'id-1', client_id: 'monitor-dashboard', post_logout_redirect_uri: 'http://s:8083/dashboard/' } }]);
  assert.equal(signedIn.calls.removed, 1);
  assert.equal(second.auth.currentToken(), null);
  assert.deepEqual(second.addresses, []);
});

test('oidc: back from signing out, the provider\'s state is completed and removed from the address', async () => {
  const { calls, oidc } = fakeOidc();
  const { auth, addresses } = page('http://s:8081/vragenlijst/?state=so1', OIDC, oidc);
  await auth.start(() => {});
  assert.equal(calls.signOutCallbacks, 1);
  assert.deepEqual(addresses, ['/vragenlijst/']);
  assert.equal(auth.currentToken(), null);
});
