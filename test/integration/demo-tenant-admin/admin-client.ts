import type { AdminApiDemoTenantHandle } from '../../../electron/demo-tenant-admin/index';

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** Raw HTTP against the simulated Admin API tenant, the way a real client would speak to it. */
export function adminClient(tenant: AdminApiDemoTenantHandle) {
  const apiBase = `${tenant.issuer}/inContactAPI/services/v${tenant.apiVersion}`;
  return {
    apiBase,
    async get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
      return answerOf(await fetch(url, { headers }));
    },
    async post(url: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
      return answerOf(await fetch(url, { method: 'POST', ...init }));
    },
    async accessKeyToken(): Promise<string> {
      const answer = await answerOf(
        await fetch(`${tenant.issuer}/authentication/v1/token/access-key`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ accessKeyId: tenant.accessKeyId, accessKeySecret: tenant.accessKeySecret }),
        }),
      );
      if (answer.status !== 200) throw new Error(`token request answered ${answer.status}`);
      return answer.body.access_token as string;
    },
    async api(method: string, path: string, token: string, body?: unknown): Promise<Answer> {
      const response = await fetch(`${apiBase}${path}`, {
        method,
        headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return answerOf(response);
    },
  };
}

export const claimsOf = (idToken: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
