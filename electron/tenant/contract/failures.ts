import { HTTPError } from 'ky';
import type { z } from 'zod';
import { parseRetryAfter } from '../../../shared/base/retry-after';
import { apiErrorBodySchema, contractScopes, type ApiErrorBody } from '../../../shared/cxone/schemas';
import { ConsoleFailure, consoleError, type ConsoleError, type ErrorDetail } from '../../../shared/errors';
import { targetOf, type TenantOperation } from '../operation';
import { AttemptTimeout, classifyAttemptError } from '../retry-policy';

const withoutStop = (text: string) => text.trim().replace(/[.\s]+$/, '');

function parseErrorBody(text: string): ApiErrorBody['errors'] {
  try {
    const parsed = apiErrorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.errors : [];
  } catch {
    return [];
  }
}

const detailsOf = (errors: ApiErrorBody['errors']): ErrorDetail[] =>
  errors.map((error) => ({ code: error.code, message: error.message, ...(error.path ? { path: error.path } : {}) }));

export function retryAfterSecondsOf(headers: Headers): number | undefined {
  const ms = parseRetryAfter(headers.get('retry-after'));
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
}

function scopesNamedIn(errors: ApiErrorBody['errors']): string[] {
  const text = errors.map((error) => error.message).join(' ');
  return contractScopes.filter((scope) => text.includes(scope));
}

/** One 4xx/5xx answer to an API call as a typed error. */
export function describeHttpFailure(operation: TenantOperation, status: number, bodyText: string, headers: Headers): ConsoleError {
  const errors = parseErrorBody(bodyText);
  const first = errors[0];
  const code = first?.code;
  const tenantSays = first ? withoutStop(first.message) : `HTTP ${status}`;
  const base = { status, target: targetOf(operation), ...(code ? { code } : {}), ...(errors.length > 0 ? { details: detailsOf(errors) } : {}) };
  const op = operation.name;

  switch (status) {
    case 400:
      return consoleError('validation', `The tenant rejected the request to ${op} as malformed (${tenantSays}); correct the named fields and try again.`, base);
    case 401:
      return consoleError(
        'authentication',
        `The tenant refused the console's access token to ${op} even after signing in again; check that the API client is still enabled, then reconnect.`,
        base,
      );
    case 403: {
      const licence = code === 'LICENCE_LIMIT' || /licen[cs]e/i.test(tenantSays);
      if (licence) {
        return consoleError(
          'permission',
          `The tenant's licence does not allow you to ${op} (${tenantSays}); free a licence (complete a campaign) or ask your CXone administrator for more.`,
          base,
        );
      }
      const scope = scopesNamedIn(errors)[0] ?? operation.scope;
      const which = scope ? `the scope ${scope}` : 'a scope';
      return consoleError(
        'permission',
        `The API client lacks ${which}, which is needed to ${op}; ask your CXone administrator to grant it to the client.`,
        base,
      );
    }
    case 404:
      return consoleError(
        'not_found',
        `Could not ${op}: ${operation.resource ?? 'what it refers to'} does not exist on the tenant; refresh and pick an existing one.`,
        base,
      );
    case 409:
      if (code === 'STALE_VERSION') {
        return consoleError('conflict', `Could not ${op}: it was changed on the tenant since it was read; re-read it and apply the change again.`, base);
      }
      if (code === 'CONTACT_BUSY') {
        return consoleError('conflict', `Could not ${op}: the dialer is working that contact right now; try again once the call has ended.`, base);
      }
      if (code === 'INVALID_TRANSITION') {
        return consoleError(
          'conflict',
          `Could not ${op}: the tenant does not allow that change from the current status (${tenantSays}); refresh to see the status.`,
          base,
        );
      }
      return consoleError('conflict', `Could not ${op}: the tenant reported a conflict (${tenantSays}); refresh and try again.`, base);
    case 422:
      return consoleError('validation', `The tenant refused to ${op} because the request is not valid (${tenantSays}); correct it and try again.`, base);
    case 429: {
      const retryAfterSeconds = retryAfterSecondsOf(headers);
      return consoleError(
        'rate_limited',
        `The tenant kept rate-limiting the request to ${op}; wait${retryAfterSeconds ? ` ${retryAfterSeconds} s` : ' a moment'} and try again, or lower the request rate in Settings.`,
        {
          ...base,
          ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
        },
      );
    }
    default:
      if (status >= 500) {
        return consoleError('server', `The tenant failed to ${op} (HTTP ${status}: ${tenantSays}); try again in a few minutes.`, base);
      }
      return consoleError('server', `The tenant answered HTTP ${status} to the request to ${op} (${tenantSays}); try again or check the API base URL.`, base);
  }
}

function causeText(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) {
    const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
    return code ?? cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Anything an attempt can throw (ky's HTTPError, a timeout, an abort, a failed
 * connection, an error the client already typed) as a typed error naming the operation.
 */
export async function toTenantError(thrown: unknown, operation: TenantOperation, host: string): Promise<ConsoleError> {
  if (thrown instanceof ConsoleFailure) return thrown.error;
  if (thrown instanceof HTTPError) {
    const text = await thrown.response.text().catch(() => '');
    return describeHttpFailure(operation, thrown.response.status, text, thrown.response.headers);
  }
  const target = targetOf(operation);
  if (thrown instanceof AttemptTimeout) {
    return consoleError(
      'timeout',
      `The tenant did not answer within ${Math.round(thrown.timeoutMs / 100) / 10} s while trying to ${operation.name}; try again, and if it keeps happening check the tenant's status.`,
      { target },
    );
  }
  const failure = classifyAttemptError(thrown);
  if (failure.kind === 'cancelled') return consoleError('cancelled', `Cancelled before the tenant answered the request to ${operation.name}.`, { target });
  if (failure.kind === 'network') {
    return consoleError(
      'network',
      `Could not reach the tenant at ${host} to ${operation.name} (${causeText(thrown)}); check the network connection and the API base URL.`,
      { target },
    );
  }
  const text = thrown instanceof Error ? thrown.message : String(thrown);
  return consoleError('internal', `Unexpected failure while trying to ${operation.name}: ${text}`, { target });
}

/** Formats a zod path like the contract's error bodies: `entities[3].status`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text === '' ? String(key) : `.${String(key)}`;
  return text;
}

export function invalidResponse(operation: TenantOperation, problem: string, details: ErrorDetail[] = []): ConsoleError {
  return consoleError(
    'invalid_response',
    `The tenant's answer to ${operation.name} is not what the contract describes (${problem}); the tenant may run a different API version — check the API base URL and path prefix.`,
    {
      target: targetOf(operation),
      ...(details.length > 0 ? { details } : {}),
    },
  );
}

export function schemaMismatch(operation: TenantOperation, error: z.ZodError): ConsoleError {
  const details = error.issues.slice(0, 5).map((issue) => {
    const path = fieldPath(issue.path);
    return path === '' ? { message: issue.message } : { path, message: issue.message };
  });
  const first = details[0];
  const problem = first?.path ? `field ${first.path}: ${first.message}` : (first?.message ?? 'unexpected shape');
  return invalidResponse(operation, problem, details);
}
