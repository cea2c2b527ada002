// Sign-in for the browser apps (the dashboard, the questionnaire), in the mode the services name (GET /sign-in,
// rest-support's SignInResource):
//  - oidc: at the identity provider (Keycloak, realm monitor) by Authorization Code + PKCE, with oidc-client-ts
//    (vendored in /shared/vendor/oidc-client-ts: no CDN). The user is kept in sessionStorage for this tab, the access
//    token is refreshed with the refresh token before it expires (and when a request finds it expired), and signing
//    out ends the session at the provider too. No token is ever put in a URL: the provider returns a one-time code
//    (and state) in the query, which is exchanged and removed from the address at once; signing out posts the id
//    token to the provider's end-session endpoint in a form (the library's redirect would put it in the address);
//    a #token= link is ignored.
//  - test-keys (the local run and tests without an identity provider): a token signed with the project's test key,
//    pasted into the sign-in box or passed once as #token=<jwt>[&to=<route>] (the local run prints such links).
//
// The page provides these elements (ids): sign-in (the section), sign-in-oidc with the button sign-in-start,
// sign-in-token with token-input and token-save, and sign-out.

const TOKEN_KEY = 'monitor.token';
/** Where the library is served: web-foundation's jar, at /shared/ of every service that depends on it. */
export const LIBRARY = '/shared/vendor/oidc-client-ts/oidc-client-ts.min.js';
/** Refresh a token that has less than this left (seconds), so that it does not expire on its way to the service. */
export const MARGIN_SECONDS = 30;

/** A #token=<jwt>[&to=<route>] link of the test-key mode: the token and the route, or null. */
export function parseTokenLink(hash, defaultRoute = '/') {
  const match = (hash || '').match(/^#token=([^&]+)(?:&to=(.*))?$/);
  return match ? { token: decodeURIComponent(match[1]), to: match[2] ? decodeURIComponent(match[2]) : defaultRoute }
    : null;
}

/** Whether the address is the provider's answer to a sign-in (a code or an error, with the state). */
export function isSignInReturn(search) {
  const query = new URLSearchParams(search || '');
  return query.has('state') && (query.has('code') || query.has('error'));
}

/** Whether the address is the provider's return after signing out (its state, no code or error). */
export function isSignOutReturn(search) {
  const query = new URLSearchParams(search || '');
  return query.has('state') && !query.has('code') && !query.has('error');
}

/**
 * The part of the address to come back to after signing in: the query (e.g. ?gemeente=GM0014&jaar=2018) and a route
 * fragment (#/…); never a #token= fragment or the provider's answer.
 */
export function returnTarget(search, hash) {
  const query = isSignInReturn(search) || isSignOutReturn(search) ? '' : (search || '');
  return query + ((hash || '').startsWith('#/') ? hash : '');
}

/** The claims of a JWT (roles in groups, municipality, region); {} when it is none. */
export function claimsOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(payload), c => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return {};
  }
}

/**
 * A sign-in over the given surroundings (the browser's by default; the unit tests pass their own):
 * {@code fetch}, {@code location}, {@code history}, {@code storage} (sessionStorage), {@code document},
 * {@code loadOidc} (resolves to the oidc-client-ts namespace), {@code postForm(action, fields)} (navigates by a POST).
 */
export function createSignIn(env) {
  const { fetch, location, history, storage, document } = env;
  let mode = 'test-keys';
  let manager = null;
  let clientId = null;
  let here = null;
  let user = null;
  let rerender = () => {};
  let defaultRoute = '/';
  /** The refresh in flight, shared by the requests that ask for a token meanwhile. */
  let renewal = null;
  const byId = (id) => document.getElementById(id);

  async function settings() {
    try {
      const response = await fetch('/sign-in', { headers: { Accept: 'application/json' } });
      if (response.ok) {
        return await response.json();
      }
    } catch (ignored) { /* answered below */ }
    return { mode: 'test-keys' };
  }

  /**
   * Finds out how to sign in, completes a return from the provider (restoring the address asked for), and wires the
   * sign-in and sign-out buttons; {@code onChange} runs when a pasted token was taken or the user signed out here.
   * {@code options.defaultRoute}: the route a #token= link without &to= opens.
   */
  async function start(onChange, options = {}) {
    rerender = onChange || (() => {});
    defaultRoute = options.defaultRoute || '/';
    const found = await settings();
    mode = found.mode === 'oidc' ? 'oidc' : 'test-keys';
    const signOutButton = byId('sign-out');
    if (signOutButton) signOutButton.onclick = signOut;
    if (mode === 'oidc') {
      await startOidc(found);
    } else {
      takeTokenFromUrl();
      byId('token-save').onclick = takePastedToken;
    }
    return mode;
  }

  async function startOidc(found) {
    const oidc = await env.loadOidc();
    here = location.origin + location.pathname;
    clientId = found.clientId;
    manager = new oidc.UserManager({
      authority: found.authority,
      client_id: found.clientId,
      redirect_uri: here,
      post_logout_redirect_uri: here,
      response_type: 'code',
      scope: 'openid',
      automaticSilentRenew: true,
      userStore: new oidc.WebStorageStateStore({ store: storage })
    });
    manager.events.addSilentRenewError(() => manager.removeUser());
    byId('sign-in-start').onclick = () =>
      manager.signinRedirect({ state: { to: returnTarget(location.search, location.hash) } });
    if (isSignInReturn(location.search)) {
      let to = '';
      try {
        const signedIn = await manager.signinRedirectCallback();
        to = (signedIn.state && signedIn.state.to) || '';
      } catch (e) {
        console.warn('Sign-in did not complete', e);
      }
      history.replaceState(null, '', location.pathname + to);
    } else if (isSignOutReturn(location.search)) {
      try {
        await manager.signoutRedirectCallback();
      } catch (e) {
        console.warn('Sign-out did not complete', e);
      }
      history.replaceState(null, '', location.pathname);
    } else if ((location.hash || '').startsWith('#token=')) {
      history.replaceState(null, '', location.pathname + location.search);
    }
    user = await manager.getUser();
  }

  function takeTokenFromUrl() {
    const link = parseTokenLink(location.hash, defaultRoute);
    if (link) {
      storage.setItem(TOKEN_KEY, link.token);
      history.replaceState(null, '', location.pathname + location.search + '#' + link.to);
    }
  }

  function takePastedToken() {
    const pasted = byId('token-input').value.trim();
    if (pasted) {
      storage.setItem(TOKEN_KEY, pasted);
      rerender(); // on the page asked for (e.g. the card an e-mail links to), or the landing page
    }
  }

  /** The access token as it is now (null: not signed in); {@link accessToken} for one to send. */
  function currentToken() {
    return mode === 'oidc' ? (user && !user.expired ? user.access_token : null) : storage.getItem(TOKEN_KEY);
  }

  /**
   * An access token to send now: refreshed first when it expires within the margin (oidc). Requests made together
   * share one refresh: the identity provider rotates refresh tokens and refuses a second use of the same one.
   */
  async function accessToken() {
    if (mode !== 'oidc') {
      return currentToken();
    }
    user = await manager.getUser();
    if (user && user.expires_in !== undefined && user.expires_in < MARGIN_SECONDS) {
      try {
        renewal = renewal || manager.signinSilent().finally(() => { renewal = null; });
        user = await renewal;
      } catch (e) {
        await manager.removeUser();
        user = null;
      }
    }
    return user ? user.access_token : null;
  }

  /** The service refused the token (401): forget it, so that the user signs in again. */
  async function forget() {
    if (mode === 'oidc') {
      await manager.removeUser();
      user = null;
    } else {
      storage.removeItem(TOKEN_KEY);
    }
  }

  /** Shows the sign-in of this mode (a button to the provider, or the token box), or the sign-out button. */
  function showSignIn(visible) {
    byId('sign-in').hidden = !visible;
    byId('sign-in-oidc').hidden = mode !== 'oidc';
    byId('sign-in-token').hidden = mode === 'oidc';
    const signOutButton = byId('sign-out');
    if (signOutButton) signOutButton.hidden = visible;
  }

  /**
   * Signs out: at the provider (which comes back to this page, signed out), or forgets the pasted token. The id token
   * (so that the provider ends the session without asking) is posted, never put in the address.
   */
  async function signOut() {
    if (mode === 'oidc') {
      const signedIn = await manager.getUser();
      if (signedIn) {
        const endSession = await manager.metadataService.getEndSessionEndpoint();
        await manager.removeUser();
        user = null;
        env.postForm(endSession, { id_token_hint: signedIn.id_token, client_id: clientId,
          post_logout_redirect_uri: here });
        return;
      }
    } else {
      storage.removeItem(TOKEN_KEY);
    }
    history.replaceState(null, '', location.pathname);
    rerender();
  }

  return {
    start, accessToken, currentToken, forget, showSignIn, signOut,
    claims: () => claimsOf(currentToken()),
    mode: () => mode
  };
}

/** Loads the vendored library once (a classic script that defines the global oidc). */
function loadLibrary() {
  if (window.oidc) return Promise.resolve(window.oidc);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = LIBRARY;
    script.onload = () => resolve(window.oidc);
    script.onerror = () => reject(new Error('Cannot load ' + LIBRARY));
    document.head.appendChild(script);
  });
}

/** Navigates by POSTing the fields to {@code action} (a hidden form; the page's form-action allows the provider). */
function postForm(action, fields) {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = action;
  form.hidden = true;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}

const browser = typeof window === 'undefined' ? null : createSignIn({
  fetch: (...args) => window.fetch(...args), location: window.location, history: window.history,
  storage: window.sessionStorage, document: window.document, loadOidc: loadLibrary, postForm
});

/** The page's sign-in (see {@link createSignIn}). */
export const startSignIn = (onChange, options) => browser.start(onChange, options);
export const accessToken = () => browser.accessToken();
export const currentToken = () => browser.currentToken();
export const claims = () => browser.claims();
export const forget = () => browser.forget();
export const showSignIn = (visible) => browser.showSignIn(visible);
export const signOut = () => browser.signOut();
export const signInMode = () => browser.mode();
