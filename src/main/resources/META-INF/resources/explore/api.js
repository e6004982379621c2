// Talks to the service that served the page: GraphQL at /graphql and exports at /export/*, the signed-in
// user's bearer token in the Authorization header. Same origin only, so no CORS and no third-party host.

const TOKEN_KEY = 'partnergraph.explorer.token';
const EXPIRES_KEY = 'partnergraph.explorer.token-expires';
const signOutListeners = [];

export const EXPIRED = 'Your sign-in has expired: you are signed out and see public data only. Sign in again for the analyst views.';
export const REJECTED = 'The service did not accept your sign-in (expired or revoked): you are signed out and see public data only. Sign in again for the analyst views.';

/** What the token says about itself; only for display and its expiry: the service checks the token. */
export function claims(value) {
  try {
    const part = value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

// sessionStorage, not localStorage: a token should not outlive the tab it was obtained in.
export function token() {
  const value = sessionStorage.getItem(TOKEN_KEY);
  const expires = Number(sessionStorage.getItem(EXPIRES_KEY));
  if (value && expires && Date.now() >= expires) {
    signOut(EXPIRED);
    return null;
  }
  return value;
}

/** Keeps a token until expiresAt (ms), or until its own exp claim when the sign-in did not say. */
export function setToken(value, expiresAt) {
  if (!value) {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(EXPIRES_KEY);
    return;
  }
  const trimmed = value.trim();
  const exp = claims(trimmed)?.exp;
  sessionStorage.setItem(TOKEN_KEY, trimmed);
  const until = expiresAt || (typeof exp === 'number' ? exp * 1000 : 0);
  if (until) {
    sessionStorage.setItem(EXPIRES_KEY, String(until));
  } else {
    sessionStorage.removeItem(EXPIRES_KEY);
  }
}

/** Called with the reason whenever the page signs the user out on its own (expiry, a 401). */
export function onSignOut(listener) {
  signOutListeners.push(listener);
}

export function signOut(reason) {
  setToken(null);
  signOutListeners.forEach((listener) => listener(reason));
}

function headers(extra, bearer) {
  const h = { ...extra };
  if (bearer) {
    h.Authorization = `Bearer ${bearer}`;
  }
  return h;
}

/** An error the API answered with, carrying its extensions.code (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND …). */
export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/** Runs a GraphQL document; resolves to data, rejects with the first error so callers show one clear message. */
export async function graphql(query, variables = {}) {
  const send = (bearer) => fetch('/graphql', {
    method: 'POST',
    headers: headers({ 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' }, bearer),
    body: JSON.stringify({ query, variables }),
  });
  const bearer = token();
  let response = await send(bearer);
  // The service refuses a token it no longer accepts (HTTP 401, before any field runs): sign out, say so,
  // and ask again anonymously, so public data keeps working.
  if (response.status === 401 && bearer) {
    await response.text();
    signOut(REJECTED);
    response = await send(null);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The service answered ${response.status} without JSON.`, 'INTERNAL');
  }
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions && first.extensions.code);
  }
  return body.data;
}

/**
 * Downloads an export with the token: a plain link cannot carry the Authorization header, so the file is
 * fetched and handed to the browser as a blob.
 */
export async function download(path, fileName) {
  const bearer = token();
  const response = await fetch(path, { headers: headers({}, bearer) });
  if (response.status === 401 && bearer) {
    signOut(REJECTED);
    throw new ApiError(REJECTED, 'UNAUTHENTICATED');
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    const first = (body.errors || [])[0] || {};
    throw new ApiError(first.message || `HTTP ${response.status}`, first.extensions && first.extensions.code);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
