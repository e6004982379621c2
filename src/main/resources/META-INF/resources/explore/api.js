// Talks to the service that served the page: GraphQL at /graphql and exports at /export/*, the signed-in
// user's bearer token in the Authorization header. Same origin only, so no CORS and no third-party host.

const TOKEN_KEY = 'partnergraph.explorer.token';

// sessionStorage, not localStorage: a pasted token should not outlive the tab it was pasted into.
export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value.trim());
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

function headers(extra) {
  const h = { ...extra };
  if (token()) {
    h.Authorization = `Bearer ${token()}`;
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
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: headers({ 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' }),
    body: JSON.stringify({ query, variables }),
  });
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
  const response = await fetch(path, { headers: headers({}) });
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
