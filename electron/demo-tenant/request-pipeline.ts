import type { IncomingMessage, ServerResponse } from 'node:http';
import { answer, apiError, type DemoAnswer } from './answers';
import type { Authority } from './auth';
import { faultCode, type FaultInjector } from './faults';
import type { DemoFault } from './public-types';
import type { RateLimiter } from './rate-limit';
import type { createRouter } from './router';
import type { StatsRecorder } from './stats';

export interface PipelineDependencies {
  tokenPath: string;
  router: ReturnType<typeof createRouter>;
  authority: Authority;
  rateLimiter: RateLimiter;
  faults: FaultInjector;
  stats: StatsRecorder;
  latencyMs: () => number;
  /** Resolves after `ms`; the tenant cancels pending waits on close. */
  wait: (ms: number) => Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function faultAnswer(fault: Extract<DemoFault, { kind: 'status' }>): DemoAnswer {
  const refused = apiError(fault.status, faultCode(fault.status), `Simulated platform fault (${fault.status}).`);
  return fault.retryAfterSeconds === undefined ? refused : { ...refused, headers: { 'Retry-After': String(fault.retryAfterSeconds) } };
}

/**
 * Order of a request: rate limit, fault drawn, body read, faults before the handler,
 * token endpoint or API route (route, token, scope, JSON, handler), faults after the
 * handler, latency, answer.
 */
export function createRequestPipeline(deps: PipelineDependencies) {
  const callApi = (request: IncomingMessage, url: URL, rawBody: string): DemoAnswer => {
    const method = request.method ?? 'GET';
    const match = deps.router.resolve(method, url.pathname);
    if (!match.ok) return match.answer;
    if (match.route.scope !== null) {
      const authenticated = deps.authority.authenticate(request.headers.authorization);
      if (!authenticated.ok) return authenticated.answer;
      const refused = deps.authority.requireScope(authenticated.grant, match.route.scope);
      if (refused) return refused;
    }
    let body: unknown;
    if (rawBody.trim() !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return apiError(400, 'INVALID_JSON', 'The request body is not valid JSON.');
      }
    }
    return match.route.handle({ method, path: url.pathname, query: url.searchParams, params: match.params, body });
  };

  const callTokenEndpoint = (request: IncomingMessage, rawBody: string): DemoAnswer => {
    if (request.method !== 'POST') {
      return { ...apiError(405, 'METHOD_NOT_ALLOWED', 'The token endpoint only accepts POST.'), headers: { Allow: 'POST' } };
    }
    return deps.authority.issueToken({ contentType: request.headers['content-type'], authorization: request.headers.authorization, rawBody });
  };

  const send = (response: ServerResponse, result: DemoAnswer, text: string) => {
    if (response.destroyed || response.headersSent) return;
    deps.stats.recordStatus(result.status);
    response.writeHead(result.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      ...result.headers,
    });
    response.end(text);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    deps.stats.recordRequest();
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const isTokenRequest = url.pathname === deps.tokenPath;

    let result: DemoAnswer;
    let extraDelayMs = 0;
    let malformed = false;
    const retryAfterSeconds = deps.rateLimiter.take();
    if (retryAfterSeconds !== null) {
      deps.stats.recordRateLimited();
      result = {
        ...apiError(429, 'RATE_LIMITED', `Too many requests; retry after ${retryAfterSeconds} s.`),
        headers: { 'Retry-After': String(retryAfterSeconds) },
      };
    } else {
      const fault = deps.faults.take(method, url.pathname, !isTokenRequest);
      let rawBody: string;
      try {
        rawBody = await readBody(request);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) return;
        result = apiError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBodyBytes} bytes.`);
        const text = JSON.stringify(result.body);
        await deps.wait(deps.latencyMs());
        send(response, result, text);
        return;
      }
      if (fault?.kind === 'drop' && !fault.afterHandler) {
        request.socket.destroy();
        return;
      }
      if (fault?.kind === 'slow') extraDelayMs = fault.delayMs;
      if (fault?.kind === 'status' && !fault.afterHandler) {
        result = faultAnswer(fault);
      } else {
        result = isTokenRequest ? callTokenEndpoint(request, rawBody) : callApi(request, url, rawBody);
        if (fault?.kind === 'drop') {
          // The change is applied; the caller never hears so.
          request.socket.destroy();
          return;
        }
        if (fault?.kind === 'status') result = faultAnswer(fault);
        malformed = fault?.kind === 'malformed';
      }
    }

    // Serialised now, so the answer shows the state the handler left, not what the dialer did during the latency.
    let text = result.body === undefined ? '' : JSON.stringify(result.body);
    if (malformed) {
      result = answer(200, undefined, result.headers);
      text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    }
    await deps.wait(deps.latencyMs() + extraDelayMs);
    send(response, result, text);
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const failure = apiError(500, 'INTERNAL_ERROR', `The demo tenant failed: ${message}`);
      send(response, failure, JSON.stringify(failure.body));
    });
  };
}
