// The workbench's only way to the platform: the gateway's public /api/**, with the browser's session (the gateway
// relays the user's token to the services). Every change carries the session's CSRF token and an Idempotency-Key.

let csrf = null;

/** The session's CSRF token, as /workbench/session tells it: {headerName, token}. */
export function useCsrf(token) {
  csrf = token;
}

/** A refusal or failure, with the problem+json the platform answered (type shortened to its last segment). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.type = shortType(problem.type, status);
  }
}

function shortType(type, status) {
  if (type && type !== 'about:blank') {
    const cut = Math.max(type.lastIndexOf(':'), type.lastIndexOf('/'));
    return type.substring(cut + 1);
  }
  return { 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found', 429: 'rate-limited', 503: 'unavailable' }[status]
    || `http-${status}`;
}

/** A fresh Idempotency-Key: random, and within the 100 characters of letters, digits and . _ : - the API takes. */
export function newKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return 'wb-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function url(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') {
      query.set(k, v);
    }
  }
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

async function answer(response) {
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json().catch(() => ({})) : {};
  if (!response.ok) {
    throw new ApiError(response.status, body || {});
  }
  return body;
}

/** GET a JSON resource. */
export async function get(path, params) {
  let response;
  try {
    response = await fetch(url(path, params), { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { type: 'network', detail: String(e) });
  }
  return answer(response);
}

/**
 * Sends a command (POST or PUT) with its JSON body, the session's CSRF token and the given Idempotency-Key: the same
 * key with the same body has one effect, however often it is sent.
 */
export async function send(method, path, body, key) {
  const headers = { Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': key };
  if (csrf) {
    headers[csrf.headerName] = csrf.token;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { type: 'network', detail: String(e) });
  }
  return answer(response);
}

/** Every item of a paged list ({items, page, size, total}) or of a plain array answer, page by page up to a limit. */
export async function all(path, params, limit = 500) {
  const items = [];
  for (let page = 0; items.length < limit; page += 1) {
    const answered = await get(path, { ...params, page, size: 100 });
    if (Array.isArray(answered)) {
      return answered;
    }
    items.push(...answered.items);
    if (answered.items.length === 0 || items.length >= answered.total) {
      break;
    }
  }
  return items;
}
