import type { DemoCredentials, DemoTenantHandle } from '../../../electron/demo-tenant/index';

/** Plain fetch against the tenant under test: what a request answered, parsed. */
export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export async function requestToken(tenant: DemoTenantHandle, credentials: DemoCredentials = tenant, scope?: string): Promise<Answer> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret });
  if (scope !== undefined) form.set('scope', scope);
  const response = await fetch(tenant.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  return read(response);
}

export async function tokenFor(tenant: DemoTenantHandle, credentials: DemoCredentials = tenant, scope?: string): Promise<string> {
  const answer = await requestToken(tenant, credentials, scope);
  if (answer.status !== 200) throw new Error(`token request answered ${answer.status}: ${answer.text}`);
  return (answer.body as { access_token: string }).access_token;
}

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

export interface ApiCaller {
  get(path: string): Promise<Answer>;
  post(path: string, body: unknown): Promise<Answer>;
  put(path: string, body: unknown): Promise<Answer>;
  patch(path: string, body: unknown): Promise<Answer>;
  send(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Answer>;
}

export function apiCaller(tenant: DemoTenantHandle, token: string | null): ApiCaller {
  const send = async (method: string, path: string, body?: unknown, signal?: AbortSignal) => {
    const headers: Record<string, string> = {};
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${tenant.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    return read(response);
  };
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    put: (path, body) => send('PUT', path, body),
    patch: (path, body) => send('PATCH', path, body),
    send,
  };
}

export async function connectedCaller(tenant: DemoTenantHandle, credentials: DemoCredentials = tenant): Promise<ApiCaller> {
  return apiCaller(tenant, await tokenFor(tenant, credentials));
}

export interface ErrorEntry {
  code: string;
  message: string;
  path?: string;
}

export function errorsOf(answer: Answer): ErrorEntry[] {
  const body = answer.body as { errors?: ErrorEntry[] } | undefined;
  if (!body?.errors) throw new Error(`answer ${answer.status} carries no error body: ${answer.text}`);
  return body.errors;
}

/** Polls `read` until `done` holds for its value or the deadline passes. */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached within ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
