// Sign-in for the dashboard, in the mode the services name (GET /sign-in, rest-support's SignInResource):
//  - oidc: at the identity provider (Keycloak, realm monitor) by Authorization Code + PKCE, with oidc-client-ts
//    (vendored in vendor/oidc-client-ts: no CDN). The user is kept in sessionStorage for this tab, the access token
//    is refreshed with the refresh token before it expires (and when a request finds it expired), and signing out
//    ends the session at the provider too. A #token= link is ignored in this mode.
//  - test-keys (the local run and tests without an identity provider): a token signed with the project's test key,
//    pasted into the sign-in box or passed once as #token=<jwt>[&to=<route>] (the local run prints such links).

const TOKEN_KEY = 'monitor.token';
const LIBRARY = 'vendor/oidc-client-ts/oidc-client-ts.min.js';
// Refresh a token that has less than this left, so that it does not expire on its way to the service.
const MARGIN_SECONDS = 30;

let mode = 'test-keys';
let manager = null;
let user = null;
let rerender = () => {};

const section = () => document.getElementById('sign-in');

/**
 * Finds out how to sign in, completes a return from the provider (restoring the route asked for), and wires the
 * sign-in and sign-out buttons; {@code onChange} runs when a pasted token was taken or the user signed out here.
 */
export async function startSignIn(onChange) {
  rerender = onChange;
  const settings = await signInSettings();
  mode = settings.mode;
  document.getElementById('sign-out').onclick = signOut;
  if (mode === 'oidc') {
    await startOidc(settings);
  } else {
    takeTokenFromUrl();
    document.getElementById('token-save').onclick = takePastedToken;
  }
}

async function signInSettings() {
  try {
    const response = await fetch('/sign-in', { headers: { Accept: 'application/json' } });
    if (response.ok) {
      return await response.json();
    }
  } catch (ignored) { /* answered below */ }
  return { mode: 'test-keys' };
}

async function startOidc(settings) {
  await loadLibrary();
  const here = location.origin + location.pathname;
  manager = new oidc.UserManager({
    authority: settings.authority,
    client_id: settings.clientId,
    redirect_uri: here,
    post_logout_redirect_uri: here,
    response_type: 'code',
    scope: 'openid',
    automaticSilentRenew: true,
    userStore: new oidc.WebStorageStateStore({ store: window.sessionStorage })
  });
  manager.events.addSilentRenewError(() => manager.removeUser());
  document.getElementById('sign-in-start').onclick = () =>
    manager.signinRedirect({ state: { to: location.hash.startsWith('#/') ? location.hash : '' } });
  const query = new URLSearchParams(location.search);
  if (query.has('state') && (query.has('code') || query.has('error'))) {
    let to = '';
    try {
      const signedIn = await manager.signinRedirectCallback();
      to = (signedIn.state && signedIn.state.to) || '';
    } catch (e) {
      console.warn('Sign-in did not complete', e);
    }
    history.replaceState(null, '', location.pathname + to);
  } else if (location.hash.startsWith('#token=')) {
    history.replaceState(null, '', location.pathname);
  }
  user = await manager.getUser();
}

function loadLibrary() {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = LIBRARY;
    script.onload = resolve;
    script.onerror = () => reject(new Error('Cannot load ' + LIBRARY));
    document.head.appendChild(script);
  });
}

function takeTokenFromUrl() {
  const match = location.hash.match(/^#token=([^&]+)(?:&to=(.*))?$/);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    const to = match[2] ? decodeURIComponent(match[2]) : '/';
    history.replaceState(null, '', location.pathname + location.search + '#' + to);
  }
}

function takePastedToken() {
  const pasted = document.getElementById('token-input').value.trim();
  if (pasted) {
    sessionStorage.setItem(TOKEN_KEY, pasted);
    rerender(); // on the page asked for (e.g. the card an e-mail links to), or the landing page
  }
}

/** The access token as it is now (null: not signed in); {@link accessToken} for one to send. */
export function currentToken() {
  return mode === 'oidc' ? (user && !user.expired ? user.access_token : null) : sessionStorage.getItem(TOKEN_KEY);
}

/** The refresh in flight, shared by the requests that ask for a token meanwhile. */
let renewal = null;

/**
 * An access token to send now: refreshed first when it expires within the margin (oidc). Requests made together
 * share one refresh: the identity provider rotates refresh tokens and refuses a second use of the same one.
 */
export async function accessToken() {
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

/** The claims of the access token (roles in groups, municipality, region). */
export function claims() {
  try {
    const payload = currentToken().split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(payload))));
  } catch (e) {
    return {};
  }
}

/** The service refused the token (401): forget it, so that the user signs in again. */
export async function forget() {
  if (mode === 'oidc') {
    await manager.removeUser();
    user = null;
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

/** Shows the sign-in of this mode (a button to the provider, or the token box), or the sign-out button. */
export function showSignIn(visible) {
  section().hidden = !visible;
  document.getElementById('sign-in-oidc').hidden = mode !== 'oidc';
  document.getElementById('sign-in-token').hidden = mode === 'oidc';
  document.getElementById('sign-out').hidden = visible;
}

async function signOut() {
  if (mode === 'oidc') {
    const signedIn = await manager.getUser();
    if (signedIn) {
      await manager.signoutRedirect({ id_token_hint: signedIn.id_token });
      return;
    }
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
  history.replaceState(null, '', location.pathname);
  rerender();
}
