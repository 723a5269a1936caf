import { randomBytes } from 'node:crypto';
import { createPrng, deriveSeed } from '../demo-tenant/prng';
import { adminError, answer, authError, type DemoAnswer } from './answers';

export const tokenPath = '/auth/token';
export const accessKeyTokenPath = '/authentication/v1/token/access-key';
export const openIdConfigurationPath = '/.well-known/openid-configuration';
export const cxoneConfigurationPath = '/.well-known/cxone-configuration';

export interface AdminIdentity {
  tenantId: string;
  icBUId: number;
  icClusterId: string;
  accessKeyId: string;
  accessKeySecret: string;
  application: { clientId: string; clientSecret: string };
}

/** Credentials and tenant ids derived from the seed, so a demo tenant is the same for a seed. */
export function adminIdentityOf(seed: number): AdminIdentity {
  const prng = createPrng(deriveSeed(seed, 11));
  const hex = (length: number) => Array.from({ length }, () => prng.int(0, 15).toString(16)).join('');
  return {
    tenantId: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
    icBUId: prng.int(4_500_000, 4_599_999),
    icClusterId: 'C32',
    accessKeyId: `AK${hex(30).toUpperCase()}`,
    accessKeySecret: hex(48),
    application: { clientId: `demo-app@${hex(6)}.example`, clientSecret: hex(40) },
  };
}

const base64Url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface TokenRequestParts {
  contentType: string | undefined;
  authorization: string | undefined;
  rawBody: string;
}

/** Access tokens, the two token flows of the public facts, and bearer checks. */
export function createAdminAuthority(options: { identity: AdminIdentity; issuer: () => string; ttlSeconds: () => number; now: () => number }) {
  const { identity } = options;
  const tokens = new Map<string, number>();

  const issue = (audience: string): DemoAnswer => {
    const ttl = options.ttlSeconds();
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, options.now() + ttl * 1000);
    const issuedAt = Math.floor(options.now() / 1000);
    const claims = {
      iss: options.issuer(),
      sub: `user:${identity.accessKeyId.slice(2, 10).toLowerCase()}`,
      aud: audience,
      iat: issuedAt,
      exp: issuedAt + ttl,
      name: 'demo.supervisor@example.com',
      tenantId: identity.tenantId,
      icBUId: identity.icBUId,
      icClusterId: identity.icClusterId,
    };
    const idToken = `${base64Url({ alg: 'RS256', typ: 'JWT' })}.${base64Url(claims)}.${randomBytes(32).toString('base64url')}`;
    return answer(200, {
      access_token: token,
      token_type: 'Bearer',
      expires_in: ttl,
      refresh_token: randomBytes(24).toString('base64url'),
      id_token: idToken,
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    });
  };

  const basicCredentials = (header: string | undefined): { id: string; secret: string } | null => {
    if (!header?.startsWith('Basic ')) return null;
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? null : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  };

  return {
    openIdConfiguration(): DemoAnswer {
      const issuer = options.issuer();
      return answer(200, {
        issuer,
        token_endpoint: `${issuer}${tokenPath}`,
        authorization_endpoint: `${issuer}/auth/authorize`,
        jwks_uri: `${issuer}/.well-known/jwks`,
        grant_types_supported: ['password', 'refresh_token', 'authorization_code'],
        response_types_supported: ['code'],
      });
    },
    cxoneConfiguration(query: URLSearchParams): DemoAnswer {
      const tenantId = query.get('tenantId');
      if (!tenantId) return authError(400, 'invalid_request', 'tenantId is required.');
      if (tenantId !== identity.tenantId) return authError(404, 'invalid_tenant', `No tenant ${tenantId}.`);
      const issuer = options.issuer();
      return answer(200, {
        tenantId,
        area: 'na1',
        api_endpoint: issuer,
        ui_endpoint: `${issuer}/ui`,
        auth_endpoint: issuer,
        private: false,
      });
    },
    /** `POST /auth/token`: the password grant with the access key, app credentials in Basic auth. */
    passwordGrant(request: TokenRequestParts): DemoAnswer {
      if (!request.contentType?.startsWith('application/x-www-form-urlencoded')) {
        return authError(400, 'invalid_request', 'The token request must be form-encoded.');
      }
      const client = basicCredentials(request.authorization);
      if (!client || client.id !== identity.application.clientId || client.secret !== identity.application.clientSecret) {
        return authError(401, 'invalid_client', 'The application credentials are not valid.');
      }
      const form = new URLSearchParams(request.rawBody);
      if (form.get('grant_type') !== 'password') {
        return authError(400, 'unsupported_grant_type', `Grant type ${form.get('grant_type') ?? '(none)'} is not supported.`);
      }
      if (form.get('username') !== identity.accessKeyId || form.get('password') !== identity.accessKeySecret) {
        return authError(401, 'invalid_grant', 'The access key is not valid.');
      }
      return issue(client.id);
    },
    /** `POST /authentication/v1/token/access-key`: the flow without an application registration. */
    accessKeyGrant(body: unknown): DemoAnswer {
      const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      if (typeof fields.accessKeyId !== 'string' || typeof fields.accessKeySecret !== 'string') {
        return authError(400, 'invalid_request', 'accessKeyId and accessKeySecret are required.');
      }
      if (fields.accessKeyId !== identity.accessKeyId || fields.accessKeySecret !== identity.accessKeySecret) {
        return authError(401, 'invalid_grant', 'The access key is not valid.');
      }
      return issue('access-key');
    },
    /** null when the bearer token is good, else the 401. */
    refuseBearer(header: string | undefined): DemoAnswer | null {
      const token = header?.startsWith('Bearer ') ? header.slice(7) : null;
      const expiresAt = token ? tokens.get(token) : undefined;
      if (expiresAt === undefined) return adminError(401, 'Unauthorized', 'The access token is missing or not valid.');
      if (expiresAt <= options.now()) return adminError(401, 'Unauthorized', 'The access token has expired.');
      return null;
    },
    revokeAll(): void {
      tokens.clear();
    },
  };
}

export type AdminAuthority = ReturnType<typeof createAdminAuthority>;
