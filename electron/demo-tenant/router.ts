import type { ContractScope } from '../../shared/cxone/schemas';
import { apiError, type DemoAnswer } from './answers';

export interface DemoRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Segments starting with ':' capture a parameter, e.g. `/api/v2/outbound/campaigns/:id`. */
  pattern: string;
  /** The scope the token must carry; null: answered without a token (an external service the demo tenant plays, the alerts feed). */
  scope: ContractScope | null;
  handle(request: DemoRequest): DemoAnswer;
}

export type RouteMatch = { ok: true; route: Route; params: Record<string, string> } | { ok: false; answer: DemoAnswer };

interface CompiledRoute {
  route: Route;
  segments: string[];
}

const splitPath = (path: string) => path.split('/').filter((segment) => segment !== '');

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const segment = actual[i] as string;
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(segment);
      } catch {
        return null;
      }
    } else if (expected !== segment) {
      return null;
    }
  }
  return params;
}

export function createRouter(routes: Route[]) {
  const compiled: CompiledRoute[] = routes.map((route) => ({ route, segments: splitPath(route.pattern) }));
  return {
    resolve(method: string, path: string): RouteMatch {
      const actual = splitPath(path);
      const allowed: string[] = [];
      for (const { route, segments } of compiled) {
        const params = matchSegments(segments, actual);
        if (!params) continue;
        if (route.method === method) return { ok: true, route, params };
        allowed.push(route.method);
      }
      if (allowed.length === 0) return { ok: false, answer: apiError(404, 'NOT_FOUND', `No resource at ${path}.`) };
      const refused = apiError(405, 'METHOD_NOT_ALLOWED', `${method} is not supported on ${path}; use ${allowed.join(', ')}.`);
      return { ok: false, answer: { ...refused, headers: { Allow: allowed.join(', ') } } };
    },
  };
}
