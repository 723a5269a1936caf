import { ConsoleFailure, consoleError, type ConsoleError } from '../../../shared/errors';
import { knownSecrets } from '../../security/known-secrets';
import type { AttemptPipeline } from '../contract/attempt-fetch';
import type { TokenSource } from '../contract/token-source';
import type { RetryPolicyOptions } from '../retry-policy';
import { accessKeyTokenPath, assumedTokenLifetimeSeconds } from './assumptions';
import { adminTokenResponseSchema, idTokenClaimsSchema, openIdConfigurationSchema, type IdTokenClaims } from './admin-schemas';
import { unauthenticatedJson } from './unauthenticated-request';

export interface ApplicationCredentials {
  clientId: string;
  clientSecret: () => Promise<string>;
}

export interface AccessKeyTokenOptions {
  issuer: string;
  accessKeyId: string;
  accessKeySecret: () => Promise<string>;
  /** With an application registration: the password grant at the discovered token endpoint; without: the access-key endpoint. */
  application?: ApplicationCredentials;
  pipeline: AttemptPipeline;
  retry?: RetryPolicyOptions;
}

export interface AccessKeyTokenSource extends TokenSource {
  /** The claims of the latest `id_token` (signing in first if needed): where the tenant id comes from. */
  claims(signal?: AbortSignal): Promise<IdTokenClaims>;
}

interface SignedIn {
  token: string;
  claims: IdTokenClaims;
  freshUntil: number;
}

const refreshMarginMs = (lifetimeMs: number) => Math.min(60_000, lifetimeMs / 2);

function claimsOf(idToken: string): IdTokenClaims {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    payload = null;
  }
  const parsed = idTokenClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    throw new ConsoleFailure(
      consoleError('invalid_response', 'The id_token the tenant issued carries no tenantId claim, so the API host cannot be discovered; check the issuer.', {
        target: 'id_token',
      }),
    );
  }
  return parsed.data;
}

/** Access-key sign-in, cached until shortly before the token expires; one request for every concurrent caller. */
export function createAccessKeyTokenSource(options: AccessKeyTokenOptions): AccessKeyTokenSource {
  const { pipeline, issuer, accessKeyId } = options;
  let cached: SignedIn | null = null;
  let pending: Promise<SignedIn> | null = null;
  let tokenEndpoint: string | null = null;
  const known: string[] = [];

  const remember = (secret: string) => {
    known.push(secret);
    knownSecrets.remember(secret);
  };

  const discoverTokenEndpoint = async (): Promise<string> => {
    tokenEndpoint ??= (
      await unauthenticatedJson({
        url: `${issuer}/.well-known/openid-configuration`,
        operation: { name: 'discover the token endpoint', method: 'GET', path: '/.well-known/openid-configuration' },
        schema: openIdConfigurationSchema,
        pipeline,
        ...(options.retry ? { retry: options.retry } : {}),
        explain: (error) =>
          error.response.status === 404
            ? consoleError(
                'configuration',
                `There is no OpenID configuration at ${issuer}; check the issuer (https://cxone.niceincontact.com, or the government cloud).`,
                {
                  status: 404,
                  target: 'issuer',
                },
              )
            : undefined,
      })
    ).token_endpoint;
    return tokenEndpoint;
  };

  const refusal = (status: number, code: string | undefined, usedApplication: boolean) => {
    if (status === 401 && code === 'invalid_client') {
      return consoleError(
        'authentication',
        `The tenant did not accept the application client id ${options.application?.clientId ?? ''} and its secret; check them in Settings.`,
        {
          status,
          code,
        },
      );
    }
    if (status === 401 || status === 400) {
      return consoleError(
        'authentication',
        `The tenant did not accept access key ${accessKeyId} and its secret when signing in; check the access key in Settings.`,
        {
          status,
          ...(code ? { code } : {}),
        },
      );
    }
    if (status === 404 || status === 405) {
      const where = usedApplication ? 'the discovered token endpoint' : `${issuer}${accessKeyTokenPath}`;
      return consoleError('configuration', `There is no token endpoint at ${where} (HTTP ${status}); check the issuer.`, { status, target: 'issuer' });
    }
    return undefined;
  };

  const signIn = async (): Promise<SignedIn> => {
    const secret = await options.accessKeySecret();
    remember(secret);
    const application = options.application;
    const appSecret = application ? await application.clientSecret() : null;
    if (appSecret) remember(appSecret);
    const common = { schema: adminTokenResponseSchema, pipeline, ...(options.retry ? { retry: options.retry } : {}), secrets: [...known] };
    const explain = (error: { response: Response }, described: ConsoleError) => refusal(error.response.status, described.code, application !== undefined);
    const passwordGrantUrl = application && appSecret !== null ? await discoverTokenEndpoint() : null;
    const answer =
      application && appSecret !== null && passwordGrantUrl !== null
        ? await unauthenticatedJson({
            ...common,
            url: passwordGrantUrl,
            operation: { name: 'sign in to the tenant', method: 'POST', path: new URL(passwordGrantUrl).pathname },
            init: {
              body: new URLSearchParams({ grant_type: 'password', username: accessKeyId, password: secret }),
              headers: { authorization: `Basic ${Buffer.from(`${application.clientId}:${appSecret}`).toString('base64')}` },
            },
            explain,
          })
        : await unauthenticatedJson({
            ...common,
            url: `${issuer}${accessKeyTokenPath}`,
            operation: { name: 'sign in to the tenant', method: 'POST', path: accessKeyTokenPath },
            init: { json: { accessKeyId, accessKeySecret: secret } },
            explain,
          });
    remember(answer.access_token);
    const lifetimeMs = (answer.expires_in ?? assumedTokenLifetimeSeconds) * 1000;
    cached = { token: answer.access_token, claims: claimsOf(answer.id_token), freshUntil: pipeline.clock.now() + lifetimeMs - refreshMarginMs(lifetimeMs) };
    return cached;
  };

  const fresh = (signal?: AbortSignal): Promise<SignedIn> => {
    if (cached && pipeline.clock.now() < cached.freshUntil) return Promise.resolve(cached);
    pending ??= signIn().finally(() => {
      pending = null;
    });
    const shared = pending;
    shared.catch(() => undefined);
    if (!signal) return shared;
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    return Promise.race([shared, new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }))]);
  };

  return {
    get: async (signal) => (await fresh(signal)).token,
    claims: async (signal) => (await fresh(signal)).claims,
    invalidate(token) {
      if (cached && cached.token === token) cached = null;
    },
    secrets: () => [...known],
  };
}
