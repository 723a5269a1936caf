import ky, { HTTPError } from 'ky';
import { contractScopes, tokenResponseSchema } from '../../../shared/cxone/schemas';
import { ConsoleFailure, consoleError, type ConsoleError } from '../../../shared/errors';
import { knownSecrets, redactValue } from '../../security/known-secrets';
import type { TenantOperation } from '../operation';
import type { SavedTokenStore } from '../saved-token';
import { kyRetryOptions, type RetryPolicyOptions } from '../retry-policy';
import { attemptFetch, newCallState, type AttemptPipeline } from './attempt-fetch';
import { invalidResponse, schemaMismatch, toTenantError } from './failures';

export interface TokenSource {
  /** A bearer token: the cached (or saved) one while fresh, else one shared request for every caller. */
  get(signal?: AbortSignal): Promise<string>;
  /** Forget `token` if it is still the cached one (it was refused). */
  invalidate(token: string | null): void;
  /** Values that must never appear in a log: the secret once read, the cached token. */
  secrets(): string[];
}

export interface TokenSourceOptions {
  tokenUrl: string;
  clientId: string;
  secret: () => Promise<string>;
  scopes?: readonly string[];
  pipeline: AttemptPipeline;
  retry?: RetryPolicyOptions;
  /** Keeps the token for the next process (the command line); read once, before the first token request. */
  saved?: SavedTokenStore;
}

/** The contract's margin is 60 s; a lifetime that short (test tenants) keeps half of it. */
const refreshMarginMs = (lifetimeMs: number) => Math.min(60_000, lifetimeMs / 2);

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** §1: client-credentials token, form-encoded, cached until shortly before it expires. */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const { pipeline, clientId, tokenUrl } = options;
  const scopes = options.scopes ?? contractScopes;
  const operation: TenantOperation = { name: 'sign in to the tenant', method: 'POST', path: new URL(tokenUrl).pathname };
  let cached: { token: string; freshUntil: number } | null = null;
  let pending: Promise<string> | null = null;
  let knownSecret: string | null = null;
  let savedRead = false;

  const explainRefusal = async (error: HTTPError): Promise<ConsoleError> => {
    const status = error.response.status;
    const described = await toTenantError(error, operation, new URL(tokenUrl).host);
    if (status === 401 || status === 400) {
      return consoleError(
        'authentication',
        `The tenant did not accept client id ${clientId} and its secret when signing in (HTTP ${status}); check the client id and secret.`,
        {
          status,
          target: described.target,
          ...(described.code ? { code: described.code } : {}),
        },
      );
    }
    if (status === 403) {
      const refused = scopes.filter((scope) => described.details?.some((detail) => detail.message.includes(scope)));
      const named = refused.length > 0 ? refused.join(', ') : `one of ${scopes.join(', ')}`;
      return consoleError(
        'permission',
        `The tenant will not grant client ${clientId} the scope ${named}; ask your CXone administrator to add it to the API client.`,
        {
          status,
          target: described.target,
          ...(described.details ? { details: described.details } : {}),
        },
      );
    }
    if (status === 404 || status === 405) {
      return consoleError('configuration', `There is no token endpoint at ${tokenUrl} (HTTP ${status}); check the token URL.`, {
        status,
        target: described.target,
      });
    }
    return described;
  };

  const readSecret = async (): Promise<string> => {
    const secret = await options.secret();
    knownSecret = secret;
    knownSecrets.remember(secret);
    return secret;
  };

  /** The token an earlier process saved, while it is fresh; only ever tried once. */
  const savedToken = async (): Promise<string | null> => {
    if (!options.saved || savedRead) return null;
    savedRead = true;
    const saved = options.saved.read(await readSecret());
    if (!saved || pipeline.clock.now() >= saved.freshUntil) return null;
    knownSecrets.remember(saved.token);
    cached = saved;
    return saved.token;
  };

  const requestToken = async (): Promise<string> => {
    const secret = await readSecret();
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
    if (scopes.length > 0) body.set('scope', scopes.join(' '));
    let text: string;
    try {
      text = await ky
        .post(tokenUrl, {
          body,
          timeout: false,
          fetch: attemptFetch(pipeline, newCallState()),
          // Asking for a second token is harmless, so the token request retries like a GET.
          retry: kyRetryOptions('idempotent', options.retry),
        })
        .text();
    } catch (thrown) {
      const error = thrown instanceof HTTPError ? await explainRefusal(thrown) : await toTenantError(thrown, operation, new URL(tokenUrl).host);
      // A token endpoint that echoes the form back would otherwise hand the secret to every screen.
      throw new ConsoleFailure(redactValue(error, [secret]));
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ConsoleFailure(invalidResponse(operation, 'the body is not JSON'));
    }
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) throw new ConsoleFailure(schemaMismatch(operation, parsed.error));
    knownSecrets.remember(parsed.data.access_token);
    const lifetimeMs = parsed.data.expires_in * 1000;
    cached = { token: parsed.data.access_token, freshUntil: pipeline.clock.now() + lifetimeMs - refreshMarginMs(lifetimeMs) };
    options.saved?.write(secret, cached);
    return parsed.data.access_token;
  };

  return {
    get(signal) {
      if (cached && pipeline.clock.now() < cached.freshUntil) return Promise.resolve(cached.token);
      // One request for every concurrent caller; a caller that gives up does not cancel it for the others.
      pending ??= (async () => (await savedToken()) ?? requestToken())().finally(() => {
        pending = null;
      });
      pending.catch(() => undefined);
      return raceAbort(pending, signal);
    },
    invalidate(token) {
      if (!cached || cached.token !== token) return;
      cached = null;
      options.saved?.forget();
    },
    secrets() {
      return [knownSecret, cached?.token].filter((value): value is string => typeof value === 'string');
    },
  };
}
