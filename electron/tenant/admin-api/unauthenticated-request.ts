import ky, { HTTPError, type Options } from 'ky';
import type { z } from 'zod';
import { ConsoleFailure, type ConsoleError } from '../../../shared/errors';
import { redactValue } from '../../security/known-secrets';
import { attemptFetch, newCallState, type AttemptPipeline } from '../contract/attempt-fetch';
import { invalidResponse, schemaMismatch } from '../contract/failures';
import type { TenantOperation } from '../operation';
import { kyRetryOptions, type RetryPolicyOptions } from '../retry-policy';
import { toAdminError } from './failures';

export interface UnauthenticatedRequest<S extends z.ZodType> {
  url: string;
  operation: TenantOperation;
  schema: S;
  pipeline: AttemptPipeline;
  retry?: RetryPolicyOptions;
  init?: Pick<Options, 'body' | 'json' | 'headers' | 'searchParams'>;
  signal?: AbortSignal;
  /** Values to strip from any error (a secret the request carried). */
  secrets?: string[];
  /** A refusal the caller words itself (bad credentials, no such endpoint); undefined falls back to the general reading. */
  explain?: (error: HTTPError, described: ConsoleError) => ConsoleError | undefined;
}

/**
 * Discovery and token calls: through the same limiter, log and retry policy as every API
 * call, without a bearer token. Asking again is harmless, so they retry like a GET.
 */
export async function unauthenticatedJson<S extends z.ZodType>(request: UnauthenticatedRequest<S>): Promise<z.infer<S>> {
  const { operation } = request;
  let text: string;
  try {
    text = await ky(request.url, {
      method: operation.method,
      ...request.init,
      headers: { accept: 'application/json', ...(request.init?.headers as Record<string, string> | undefined) },
      ...(request.signal ? { signal: request.signal } : {}),
      timeout: false,
      fetch: attemptFetch(request.pipeline, newCallState()),
      retry: kyRetryOptions('idempotent', request.retry, request.signal),
    }).text();
  } catch (thrown) {
    const described = await toAdminError(thrown, operation, new URL(request.url).host);
    const explained = thrown instanceof HTTPError ? (request.explain?.(thrown, described) ?? described) : described;
    throw new ConsoleFailure(redactValue(explained, request.secrets ?? []));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConsoleFailure(invalidResponse(operation, 'the body is not JSON'));
  }
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) throw new ConsoleFailure(schemaMismatch(operation, parsed.error));
  return parsed.data;
}
