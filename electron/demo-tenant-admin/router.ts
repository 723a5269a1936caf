import { adminError, type DemoAnswer } from './answers';

export interface AdminRequest {
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
}

export interface AdminRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below `/inContactAPI/services/vNN.0`; segments starting with ':' capture a parameter. */
  pattern: string;
  handle(request: AdminRequest): DemoAnswer;
}

export type AdminRouteMatch = { ok: true; route: AdminRoute; params: Record<string, string> } | { ok: false; answer: DemoAnswer };

const segmentsOf = (path: string) => path.split('/').filter((segment) => segment !== '');

function paramsOf(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [i, expected] of pattern.entries()) {
    const segment = actual[i] as string;
    if (expected.startsWith(':')) params[expected.slice(1)] = decodeURIComponent(segment);
    else if (expected !== segment) return null;
  }
  return params;
}

export function createAdminRouter(routes: AdminRoute[]) {
  const compiled = routes.map((route) => ({ route, segments: segmentsOf(route.pattern) }));
  return {
    resolve(method: string, path: string): AdminRouteMatch {
      const actual = segmentsOf(path);
      let pathKnown = false;
      for (const { route, segments } of compiled) {
        const params = paramsOf(segments, actual);
        if (!params) continue;
        if (route.method === method) return { ok: true, route, params };
        pathKnown = true;
      }
      return pathKnown
        ? { ok: false, answer: adminError(405, 'MethodNotAllowed', `${method} is not supported on ${path}.`) }
        : { ok: false, answer: adminError(404, 'NotFound', `No resource at ${path}.`) };
    },
  };
}

/** A numeric id from the path, or a 400 like the API's own for a malformed id. */
export function numericId(raw: string | undefined, what: string): number | DemoAnswer {
  const value = Number(raw);
  return raw !== undefined && /^\d+$/.test(raw) && Number.isSafeInteger(value) ? value : adminError(400, 'InvalidParameter', `${what} must be a number.`);
}

export const isAnswer = (value: unknown): value is DemoAnswer => typeof value === 'object' && value !== null && 'status' in value;
