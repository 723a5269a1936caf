import type { IncomingMessage, ServerResponse } from 'node:http';
import { delay } from '../../shared/base/delay';
import type { FaultInjector } from '../demo-tenant/faults';
import type { RateLimiter } from '../demo-tenant/rate-limit';
import { adminError, type DemoAnswer } from './answers';
import { accessKeyTokenPath, cxoneConfigurationPath, openIdConfigurationPath, tokenPath, type AdminAuthority } from './auth';
import type { createAdminRouter } from './router';

export const apiPathPattern = /^\/inContactAPI\/services\/v(\d+)\.0(\/.*)$/;
/** The versions the public facts list as in use. */
const supportedVersions = { min: 12, max: 34 };

export interface AdminPipelineDependencies {
  router: ReturnType<typeof createAdminRouter>;
  authority: AdminAuthority;
  rateLimiter: RateLimiter;
  faults: FaultInjector;
  sendRetryAfter: () => boolean;
  /** Added to every answer (rate-limit refusals too), like the contract demo's `latencyMs`. */
  latencyMs: () => number;
  stats: { requests: number; rateLimited: number };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

const acceptsJson = (accept: string | undefined) => accept !== undefined && /application\/json/i.test(accept);

/** Order: rate limit, fault, body, then discovery / token / API (version, Accept, bearer, route). */
export function createAdminRequestPipeline(deps: AdminPipelineDependencies) {
  const callApi = (request: IncomingMessage, url: URL, rawBody: string): DemoAnswer => {
    const match = apiPathPattern.exec(url.pathname);
    if (!match) return adminError(404, 'NotFound', `No resource at ${url.pathname}.`);
    const version = Number(match[1]);
    if (version < supportedVersions.min || version > supportedVersions.max) return adminError(404, 'NotFound', `API version v${version}.0 does not exist.`);
    if (!acceptsJson(request.headers.accept)) return adminError(406, 'NotAcceptable', 'No known way to render data.');
    const refused = deps.authority.refuseBearer(request.headers.authorization);
    if (refused) return refused;
    const path = match[2] as string;
    const route = deps.router.resolve(request.method ?? 'GET', path);
    if (!route.ok) return route.answer;
    const body = parseJson(rawBody);
    if (!body.ok) return adminError(400, 'InvalidRequest', 'The request body is not valid JSON.');
    return route.route.handle({ path: url.pathname, query: url.searchParams, params: route.params, body: body.value });
  };

  const route = (request: IncomingMessage, url: URL, rawBody: string): DemoAnswer => {
    const method = request.method ?? 'GET';
    if (url.pathname === openIdConfigurationPath && method === 'GET') return deps.authority.openIdConfiguration();
    if (url.pathname === cxoneConfigurationPath && method === 'GET') return deps.authority.cxoneConfiguration(url.searchParams);
    if (url.pathname === tokenPath && method === 'POST') {
      return deps.authority.passwordGrant({ contentType: request.headers['content-type'], authorization: request.headers.authorization, rawBody });
    }
    if (url.pathname === accessKeyTokenPath && method === 'POST') {
      const body = parseJson(rawBody);
      return deps.authority.accessKeyGrant(body.ok ? body.value : undefined);
    }
    return callApi(request, url, rawBody);
  };

  const send = async (response: ServerResponse, result: DemoAnswer) => {
    // Serialised now, so the answer shows the state the handler left, not what landed during the latency.
    const text = result.body === undefined ? '' : JSON.stringify(result.body);
    const latencyMs = deps.latencyMs();
    if (latencyMs > 0) await delay(latencyMs);
    if (response.destroyed || response.headersSent) return;
    response.writeHead(result.status, {
      ...(text === '' ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
      'Content-Length': Buffer.byteLength(text),
      ...result.headers,
    });
    response.end(text);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    deps.stats.requests += 1;
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const rawBody = await readBody(request);
    const waitSeconds = deps.rateLimiter.take();
    if (waitSeconds !== null) {
      deps.stats.rateLimited += 1;
      const refused = adminError(429, 'TooManyRequests', 'Too many requests.');
      await send(response, deps.sendRetryAfter() ? { ...refused, headers: { 'Retry-After': String(waitSeconds) } } : refused);
      return;
    }
    const isApiCall = apiPathPattern.test(url.pathname);
    const fault = deps.faults.take(request.method ?? 'GET', url.pathname, isApiCall);
    const faultAnswer = (status: number, retryAfterSeconds?: number) => {
      const failed = adminError(status, status >= 500 ? 'ServerError' : 'InjectedFault', `Simulated platform fault (${status}).`);
      return retryAfterSeconds === undefined ? failed : { ...failed, headers: { 'Retry-After': String(retryAfterSeconds) } };
    };
    if (fault?.kind === 'drop' && !fault.afterHandler) {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'status' && !fault.afterHandler) {
      await send(response, faultAnswer(fault.status, fault.retryAfterSeconds));
      return;
    }
    const result = route(request, url, rawBody);
    if (fault?.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    await send(response, fault?.kind === 'status' ? faultAnswer(fault.status, fault.retryAfterSeconds) : result);
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      void send(response, adminError(500, 'ServerError', `The demo tenant failed: ${error instanceof Error ? error.message : String(error)}`));
    });
  };
}
