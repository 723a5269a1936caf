import type { z } from 'zod';
import { ConsoleFailure, consoleError } from '../../../shared/errors';
import type { AttemptPipeline } from '../contract/attempt-fetch';
import { createContractHttp, type ContractHttp, type ContractRequest } from '../contract/contract-http';
import type { RetryPolicyOptions } from '../retry-policy';
import type { AccessKeyTokenSource } from './access-key-tokens';
import { cxoneConfigurationSchema } from './admin-schemas';
import { toAdminError } from './failures';
import { unauthenticatedJson } from './unauthenticated-request';

export interface AdminHttpOptions {
  issuer: string;
  apiVersion: string;
  tokens: AccessKeyTokenSource;
  pipeline: AttemptPipeline;
  retry?: RetryPolicyOptions;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * The contract adapter's HTTP client (same limiter, retry policy, token refresh and log),
 * pointed at the API host once it is discovered: the tenant id from the id_token, the host
 * from the CXone configuration endpoint. Admin error bodies, `Accept: application/json` always.
 */
export function createAdminHttp(options: AdminHttpOptions): ContractHttp {
  const { issuer, pipeline, tokens } = options;
  let http: Promise<ContractHttp> | null = null;
  let closed = false;

  const discover = async (signal?: AbortSignal): Promise<ContractHttp> => {
    const claims = await tokens.claims(signal);
    const configuration = await unauthenticatedJson({
      url: `${issuer}/.well-known/cxone-configuration`,
      operation: { name: 'discover the API host of the tenant', method: 'GET', path: '/.well-known/cxone-configuration' },
      schema: cxoneConfigurationSchema,
      pipeline,
      ...(options.retry ? { retry: options.retry } : {}),
      init: { searchParams: { tenantId: claims.tenantId } },
      ...(signal ? { signal } : {}),
    });
    return createContractHttp({
      baseUrl: `${withoutTrailingSlash(configuration.api_endpoint)}/inContactAPI/services/v${options.apiVersion}`,
      pipeline,
      tokens,
      ...(options.retry ? { retry: options.retry } : {}),
      headers: { accept: 'application/json' },
      describeFailure: toAdminError,
    });
  };

  return {
    async request<S extends z.ZodType>(request: ContractRequest<S>): Promise<z.infer<S>> {
      if (closed) throw new ConsoleFailure(consoleError('cancelled', `The tenant connection was closed before the request to ${request.operation.name}.`));
      // A failed discovery is tried again by the next call rather than remembered.
      http ??= discover(request.signal).catch((error: unknown) => {
        http = null;
        throw error;
      });
      return (await http).request(request);
    },
    close() {
      closed = true;
      void http?.then((inner) => inner.close()).catch(() => undefined);
    },
  };
}
