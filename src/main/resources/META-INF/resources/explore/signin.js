// Redirect sign-in: the OAuth 2.0 Authorization Code flow with PKCE (RFC 7636, S256), run by this page as a
// public client of the issuer whose tokens the API takes (no client secret: a page cannot keep one). The
// service stays a bearer-token API: it never sees the code, only the access token the page sends it.
// /explore/config.json says whether it is on; the page reads the issuer's endpoints from its discovery
// document. What the flow needs across the round trip (state, verifier, the view to come back to) waits in
// this tab's sessionStorage, and is used once.
import { setToken } from './api.js';

const PENDING_KEY = 'partnergraph.explorer.sign-in';

export const STATE_MISMATCH = 'Sign-in refused: the answer did not belong to a sign-in started in this tab '
  + '(its state did not match). You are still anonymous; use Sign in to try again.';

/** How this deployment signs users in: { redirectSignIn, issuer, clientId, scopes }. */
export async function loadConfig() {
  try {
    const response = await fetch('/explore/config.json');
    return response.ok ? await response.json() : { redirectSignIn: false };
  } catch {
    return { redirectSignIn: false };
  }
}

function redirectUri() {
  // A fixed address the identity provider has registered; the view (?focus=) travels in sessionStorage.
  return `${location.origin}/explore`;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(size) {
  return base64url(crypto.getRandomValues(new Uint8Array(size)));
}

async function discover(config) {
  let response;
  try {
    response = await fetch(`${config.issuer}/.well-known/openid-configuration`);
  } catch {
    throw new Error(`Sign-in is unavailable: the identity provider (${config.issuer}) could not be reached from this page.`);
  }
  const metadata = response.ok ? await response.json().catch(() => null) : null;
  if (!metadata || !metadata.authorization_endpoint || !metadata.token_endpoint) {
    throw new Error(`Sign-in is unavailable: the identity provider (${config.issuer}) answered ${response.status} without its endpoints.`);
  }
  return metadata;
}

/** Sends the browser to the identity provider; it comes back to /explore with ?code=…&state=… or ?error=…. */
export async function startSignIn(config, focus) {
  if (!crypto.subtle) {
    throw new Error('Sign-in needs a secure page (served over HTTPS, or from localhost): this browser offers no SHA-256 here.');
  }
  const metadata = await discover(config);
  const state = random(16);
  const verifier = random(32);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ state, verifier, focus: focus || null,
    tokenEndpoint: metadata.token_endpoint }));
  const url = new URL(metadata.authorization_endpoint);
  Object.entries({ response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(),
    scope: config.scopes, state, code_challenge: challenge, code_challenge_method: 'S256' })
    .forEach(([name, value]) => url.searchParams.set(name, value));
  location.assign(url.toString());
}

function errorText(params) {
  const error = params.get('error');
  const description = params.get('error_description');
  const what = error === 'access_denied' ? 'Sign-in was cancelled or refused at the identity provider'
    : `Sign-in failed at the identity provider (${error})`;
  return `${what}${description ? `: ${description}` : ''}. You are still anonymous.`;
}

/**
 * On the way back from the identity provider: checks the state, exchanges the code for tokens with the
 * verifier, and removes code and state from the address (keeping ?focus=). Resolves to null when this load
 * is no return from a sign-in, else to { focus, error } (error null when signed in).
 */
export async function completeSignIn(config) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) {
    return null;
  }
  let pending = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING_KEY));
  } catch {
    pending = null;
  }
  sessionStorage.removeItem(PENDING_KEY);
  const focus = (pending && pending.focus) || params.get('focus');
  // The code must not stay in the address bar, the history or a link someone copies.
  history.replaceState(null, '', focus ? `/explore?focus=${encodeURIComponent(focus)}` : '/explore');

  if (!pending || !params.get('state') || params.get('state') !== pending.state) {
    return { focus, error: STATE_MISMATCH };
  }
  if (params.has('error')) {
    return { focus, error: errorText(params) };
  }
  let response;
  try {
    response = await fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'),
        redirect_uri: redirectUri(), client_id: config.clientId, code_verifier: pending.verifier }),
    });
  } catch {
    return { focus, error: `Sign-in failed: the identity provider's token endpoint could not be read from this page `
      + `(it must allow this page's origin, ${location.origin}, for CORS). You are still anonymous.` };
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    return { focus, error: `Sign-in failed: the identity provider did not issue a token (HTTP ${response.status}`
      + `${body.error ? `, ${body.error}` : ''}). You are still anonymous.` };
  }
  const expiresIn = Number(body.expires_in);
  setToken(body.access_token, expiresIn > 0 ? Date.now() + expiresIn * 1000 : 0);
  return { focus, error: null };
}
