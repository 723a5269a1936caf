import ky, { type AfterResponseHook } from 'ky';
import type { z } from 'zod';
import { ConsoleFailure, consoleError, type ConsoleError } from '../../../shared/errors';
import { redactValue } from '../../security/known-secrets';
import type { TenantOperation } from '../operation';
import { kyRetryOptions, retryClassOf, type RetryPolicyOptions } from '../retry-policy';
import { attemptFetch, newCallState, type AttemptPipeline, type CallState } from './attempt-fetch';
import { invalidResponse, schemaMismatch, toTenantError } from './failures';
import type { TokenSource } from './token-source';

export type QueryValue = string | number | undefined;

export interface ContractRequest<S extends z.ZodType> {
  operation: TenantOperation;
  schema: S;
  searchParams?: Record<string, QueryValue>;
  json?: unknown;
  signal?: AbortSignal;
  /** An empty body (a 202 or 204 without content) is parsed as `undefined` instead of refused. */
  acceptsEmptyBody?: boolean;
}

/** The contract adapter's one HTTP client: every call, typed in and validated out. */
export interface ContractHttp {
  request<S extends z.ZodType>(request: ContractRequest<S>): Promise<z.infer<S>>;
  close(): void;
}

export interface ContractHttpOptions {
  /** `apiBaseUrl` + `pathPrefix`, no trailing slash. */
  baseUrl: string;
  pipeline: AttemptPipeline;
  tokens: TokenSource;
  retry?: RetryPolicyOptions;
  /** Sent with every request (the Admin API needs `Accept: application/json`). */
  headers?: Record<string, string>;
  /** How a failed call becomes a typed error; the contract's reading of error bodies by default. */
  describeFailure?: (thrown: unknown, operation: TenantOperation, host: string) => Promise<ConsoleError>;
}

/** A token can be revoked again while one request waits out throttling; this many refreshes at most per request. */
const maxTokenRefreshesPerCall = 3;

/**
 * §1: an API call answered 401 gets one token refresh and one replay; a 401 to that replay is
 * an authentication error. A 401 after the refreshed token was answered otherwise (a 429 while
 * the request waited, a 5xx) is a new revocation, not a refusal of the credentials, and gets
 * its own refresh, a few times per request at most.
 */
function refreshOnceOn401(call: CallState, tokens: TokenSource): AfterResponseHook {
  return (_request, _options, response) => {
    if (response.status !== 401) {
      call.refusedInARow = 0;
      return undefined;
    }
    if (call.refusedInARow > 0 || call.tokenReplays >= maxTokenRefreshesPerCall) return undefined;
    call.refusedInARow += 1;
    call.tokenReplays += 1;
    tokens.invalidate(call.tokenUsed);
    return ky.retry({ delay: 0, code: 'TOKEN_REFRESHED' });
  };
}

export function createContractHttp(options: ContractHttpOptions): ContractHttp {
  const { pipeline, tokens } = options;
  const describeFailure = options.describeFailure ?? toTenantError;
  const host = new URL(options.baseUrl).host;
  let closed = false;

  const send = async <S extends z.ZodType>(request: ContractRequest<S>): Promise<z.infer<S>> => {
    const { operation, signal } = request;
    if (closed) throw new ConsoleFailure(consoleError('cancelled', `The tenant connection was closed before the request to ${operation.name}.`));
    const call = newCallState();
    const searchParams = Object.fromEntries(
      Object.entries(request.searchParams ?? {}).filter((entry): entry is [string, string | number] => entry[1] !== undefined),
    );
    let text: string;
    try {
      text = await ky(`${options.baseUrl}${operation.path}`, {
        method: operation.method,
        searchParams,
        ...(request.json !== undefined ? { json: request.json } : {}),
        ...(signal ? { signal } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
        timeout: false,
        fetch: attemptFetch(pipeline, call, (attemptSignal) => tokens.get(attemptSignal)),
        retry: kyRetryOptions(retryClassOf(operation.method), options.retry, signal),
        hooks: { afterResponse: [refreshOnceOn401(call, tokens)] },
      }).text();
    } catch (thrown) {
      if (signal?.aborted && !(thrown instanceof ConsoleFailure && thrown.error.kind !== 'cancelled')) {
        throw new ConsoleFailure(
          consoleError('cancelled', `Cancelled before the tenant answered the request to ${operation.name}.`, {
            target: `${operation.method} ${operation.path}`,
          }),
        );
      }
      throw new ConsoleFailure(redactValue(await describeFailure(thrown, operation, host), tokens.secrets()));
    }
    let json: unknown;
    try {
      json = request.acceptsEmptyBody && text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      throw new ConsoleFailure(invalidResponse(operation, text.trim() === '' ? 'the body is empty' : 'the body is not valid JSON'));
    }
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) throw new ConsoleFailure(schemaMismatch(operation, parsed.error));
    return parsed.data;
  };

  return {
    request: send,
    close() {
      closed = true;
    },
  };
}
