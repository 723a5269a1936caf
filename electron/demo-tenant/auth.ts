import { randomBytes } from 'node:crypto';
import { contractScopes, type ContractScope } from '../../shared/cxone/schemas';
import { answer, apiError, type DemoAnswer } from './answers';
import type { DemoCredentials } from './public-types';

export interface DemoClient extends DemoCredentials {
  scopes: readonly ContractScope[];
}

export const readScopes: readonly ContractScope[] = ['outbound:campaign:read', 'outbound:dnc:read', 'outbound:contactlist:read', 'realtime:read'];

export function demoClients(seed: number): { full: DemoClient; limited: DemoClient } {
  return {
    full: { clientId: 'demo-console', clientSecret: `demo-console-secret-${seed}`, scopes: contractScopes },
    limited: { clientId: 'demo-readonly', clientSecret: `demo-readonly-secret-${seed}`, scopes: readScopes },
  };
}

export interface TokenRequest {
  contentType: string | undefined;
  authorization: string | undefined;
  rawBody: string;
}

interface Grant {
  clientId: string;
  scopes: ReadonlySet<string>;
  expiresAt: number;
  /** When the tenant stops honouring the token whatever `expires_in` said (a revocation); null = never. */
  revokedAt: number | null;
}

export type Authenticated = { ok: true; grant: Grant } | { ok: false; answer: DemoAnswer };

const unauthorized = (message: string): DemoAnswer => ({
  ...apiError(401, 'UNAUTHORIZED', message),
  headers: { 'WWW-Authenticate': 'Bearer realm="cxone-demo"' },
});

/** Client credentials from the form, or from HTTP Basic as OAuth 2 also allows. */
function credentialsOf(form: URLSearchParams, authorization: string | undefined): { id: string | null; secret: string | null } {
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  return { id: form.get('client_id'), secret: form.get('client_secret') };
}

export function createAuthority(options: { clients: DemoClient[]; ttlSeconds: () => number; revokeAfterSeconds?: () => number; now: () => number }) {
  const tokens = new Map<string, Grant>();

  const pruneExpired = () => {
    const now = options.now();
    for (const [token, grant] of tokens) if (grant.expiresAt <= now) tokens.delete(token);
  };

  return {
    issueToken(request: TokenRequest): DemoAnswer {
      const mediaType = request.contentType?.split(';')[0]?.trim().toLowerCase();
      if (mediaType !== 'application/x-www-form-urlencoded') {
        return apiError(400, 'UNSUPPORTED_CONTENT_TYPE', 'The token request must be form-encoded (application/x-www-form-urlencoded).');
      }
      const form = new URLSearchParams(request.rawBody);
      const grantType = form.get('grant_type');
      if (grantType !== 'client_credentials') {
        return apiError(400, 'UNSUPPORTED_GRANT_TYPE', 'grant_type must be client_credentials.', 'grant_type');
      }
      const { id, secret } = credentialsOf(form, request.authorization);
      const client = options.clients.find((candidate) => candidate.clientId === id && candidate.clientSecret === secret);
      if (!client) return apiError(401, 'INVALID_CLIENT', 'The client id or secret is not valid.');

      const requested = (form.get('scope') ?? '').split(' ').filter((scope) => scope !== '');
      const refused = requested.filter((scope) => !(client.scopes as readonly string[]).includes(scope));
      if (refused.length > 0) {
        return apiError(403, 'SCOPE_NOT_GRANTED', `Client ${client.clientId} may not request ${refused.join(', ')}.`, 'scope');
      }
      const scopes = requested.length > 0 ? [...new Set(requested)] : [...client.scopes];
      const ttlSeconds = options.ttlSeconds();
      if (tokens.size > 1000) pruneExpired();
      const token = randomBytes(24).toString('base64url');
      const revokeAfterSeconds = options.revokeAfterSeconds?.() ?? 0;
      tokens.set(token, {
        clientId: client.clientId,
        scopes: new Set(scopes),
        expiresAt: options.now() + ttlSeconds * 1000,
        revokedAt: revokeAfterSeconds > 0 ? options.now() + revokeAfterSeconds * 1000 : null,
      });
      return answer(200, { access_token: token, token_type: 'Bearer', expires_in: ttlSeconds, scope: scopes.join(' ') }, { 'Cache-Control': 'no-store' });
    },

    authenticate(authorization: string | undefined): Authenticated {
      if (!authorization?.startsWith('Bearer ')) return { ok: false, answer: unauthorized('A Bearer token is required.') };
      const token = authorization.slice(7).trim();
      const grant = tokens.get(token);
      if (!grant || (grant.revokedAt !== null && grant.revokedAt <= options.now())) {
        return { ok: false, answer: unauthorized('The token is not valid or was revoked.') };
      }
      if (grant.expiresAt <= options.now()) {
        tokens.delete(token);
        return { ok: false, answer: unauthorized('The token has expired.') };
      }
      return { ok: true, grant };
    },

    requireScope(grant: Grant, scope: ContractScope): DemoAnswer | null {
      if (grant.scopes.has(scope)) return null;
      return apiError(403, 'MISSING_SCOPE', `This call needs the scope ${scope}, which the token does not carry.`);
    },

    revokeAll(): void {
      tokens.clear();
    },
  };
}

export type Authority = ReturnType<typeof createAuthority>;
