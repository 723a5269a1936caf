import type { DemoAnswer } from '../demo-tenant/answers';

export type { DemoAnswer } from '../demo-tenant/answers';

export const answer = (status: number, body?: unknown, headers?: Record<string, string>): DemoAnswer =>
  headers ? { status, body, headers } : { status, body };

/** The admin API's error body. */
export const adminError = (status: number, error: string, errorDescription: string): DemoAnswer => answer(status, { error, errorDescription });

/** The authentication endpoints' error body (OAuth spelling). */
export const authError = (status: number, error: string, description: string): DemoAnswer => answer(status, { error, error_description: description });

export interface SkipTop {
  skip: number;
  top: number;
}

/** skip/top from the query string: skip defaults to 0, top to 10000 (a whole listing). */
export function skipTopOf(query: URLSearchParams): SkipTop | DemoAnswer {
  const read = (name: string, fallback: number) => {
    const raw = query.get(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    return Number.isInteger(value) && value >= 0 ? value : null;
  };
  const skip = read('skip', 0);
  const top = read('top', 10_000);
  if (skip === null) return adminError(400, 'InvalidParameter', 'skip must be a whole number of 0 or more.');
  if (top === null || top === 0) return adminError(400, 'InvalidParameter', 'top must be a whole number of 1 or more.');
  return { skip, top };
}

/** One page of a listing: `{ totalRecords, <key>: [...], _links }`. */
export function pageAnswer<T>(path: string, key: string, items: readonly T[], { skip, top }: SkipTop): DemoAnswer {
  const page = items.slice(skip, skip + top);
  const link = (at: number) => `${path}?skip=${at}&top=${top}`;
  return answer(200, {
    totalRecords: items.length,
    [key]: page,
    _links: {
      self: link(skip),
      next: skip + top < items.length ? link(skip + top) : null,
      previous: skip > 0 ? link(Math.max(0, skip - top)) : null,
    },
  });
}
