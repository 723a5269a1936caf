import type { z } from 'zod';
import type { ApiErrorBody } from '../../shared/cxone/schemas';

/** What a handler answers; the server turns it into an HTTP response. */
export interface DemoAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type ApiErrorDetail = ApiErrorBody['errors'][number];

export type Checked<T> = { ok: true; value: T } | { ok: false; answer: DemoAnswer };

export const answer = (status: number, body?: unknown, headers?: Record<string, string>): DemoAnswer =>
  headers ? { status, body, headers } : { status, body };

export function apiErrors(status: number, errors: ApiErrorDetail[], headers?: Record<string, string>): DemoAnswer {
  return answer(status, { errors } satisfies ApiErrorBody, headers);
}

export function apiError(status: number, code: string, message: string, path?: string): DemoAnswer {
  return apiErrors(status, [path === undefined ? { code, message } : { code, message, path }]);
}

export const notFound = (what: string, id: string): DemoAnswer => apiError(404, 'NOT_FOUND', `${what} ${id} does not exist.`);

/** `rules.maxConcurrentCalls`, `wrapUpCodeIds[2]`: the path style of the contract's error body. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

export function schemaErrors(error: z.ZodError): ApiErrorDetail[] {
  return error.issues.flatMap((issue): ApiErrorDetail[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ code: 'UNKNOWN_FIELD', message: `${key} is not accepted here.`, path: formatPath([...issue.path, key]) }));
    }
    const path = formatPath(issue.path);
    return [path === '' ? { code: 'INVALID_VALUE', message: issue.message } : { code: 'INVALID_VALUE', message: issue.message, path }];
  });
}

/** Parsed JSON body, or a 400 naming what is wrong. */
export function checkBody<S extends z.ZodType>(body: unknown, schema: S): Checked<z.infer<S>> {
  if (body === undefined) return { ok: false, answer: apiError(400, 'INVALID_BODY', 'The request needs a JSON body.') };
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, answer: apiErrors(400, schemaErrors(parsed.error)) };
  return { ok: true, value: parsed.data };
}
