import { HTTPError } from 'ky';
import * as z from 'zod';
import { consoleError, type ConsoleError } from '../../../shared/errors';
import { describeHttpFailure, toTenantError } from '../contract/failures';
import { targetOf, type TenantOperation } from '../operation';

/** `{error, errorDescription}` (admin) or `{error, error_description}` (auth). */
const adminErrorBodySchema = z.object({
  error: z.string(),
  errorDescription: z.string().optional(),
  error_description: z.string().optional(),
});

export function parseAdminErrorBody(text: string): { code: string; description: string } | null {
  try {
    const parsed = adminErrorBodySchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    return { code: parsed.data.error, description: parsed.data.errorDescription ?? parsed.data.error_description ?? parsed.data.error };
  } catch {
    return null;
  }
}

/** One 4xx/5xx answer of the Admin API as a typed error, worded like the contract adapter's. */
export function describeAdminHttpFailure(operation: TenantOperation, status: number, bodyText: string, headers: Headers): ConsoleError {
  const body = parseAdminErrorBody(bodyText);
  const base = { status, target: targetOf(operation), ...(body ? { code: body.code, details: [{ code: body.code, message: body.description }] } : {}) };
  const tenantSays = body ? body.description.trim().replace(/[.\s]+$/, '') : `HTTP ${status}`;
  if (status === 401) {
    return consoleError(
      'authentication',
      `The tenant refused the console's access token to ${operation.name} even after signing in again; check that the access key is still active, then reconnect.`,
      base,
    );
  }
  if (status === 403) {
    return consoleError(
      'permission',
      `The access key's user may not ${operation.name} (${tenantSays}); ask your CXone administrator to give its role that permission.`,
      base,
    );
  }
  // The rest reads as in the contract once the body is in the contract's shape.
  const asContract = body ? JSON.stringify({ errors: [{ code: body.code, message: body.description }] }) : bodyText;
  return describeHttpFailure(operation, status, asContract, headers);
}

/** Anything an Admin API call can throw as a typed error naming the operation. */
export async function toAdminError(thrown: unknown, operation: TenantOperation, host: string): Promise<ConsoleError> {
  if (thrown instanceof HTTPError) {
    const text = await thrown.response.text().catch(() => '');
    return describeAdminHttpFailure(operation, thrown.response.status, text, thrown.response.headers);
  }
  return toTenantError(thrown, operation, host);
}

/** A capability the Admin API has no counterpart for: said, not faked. */
export function notAvailable(capability: string, reason: string): ConsoleError {
  return consoleError('not_available', `${capability} is not available on this tenant: ${reason}.`, { target: 'CXone Admin API' });
}
