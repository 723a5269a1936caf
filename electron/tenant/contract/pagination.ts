import { ConsoleFailure } from '../../../shared/errors';
import type { TenantOperation } from '../operation';
import { invalidResponse } from './failures';

export interface PageStylePage<T> {
  page: number;
  pageCount: number;
  entities: T[];
}

export interface TokenStylePage<T> {
  items: T[];
  nextPageToken?: string | null;
}

/** §2 page style: pages 1, 2, … while `page < pageCount`. */
export async function* walkPages<T>(fetchPage: (page: number) => Promise<PageStylePage<T>>): AsyncGenerator<T> {
  let page = 1;
  for (;;) {
    const answer = await fetchPage(page);
    yield* answer.entities;
    if (answer.page >= answer.pageCount || answer.entities.length === 0) return;
    page = answer.page + 1;
  }
}

/** §2 token style: follow `nextPageToken` until it is null or absent. */
export async function* walkTokenPages<T>(operation: TenantOperation, fetchPage: (token: string | null) => Promise<TokenStylePage<T>>): AsyncGenerator<T> {
  const seen = new Set<string>();
  let token: string | null = null;
  for (;;) {
    const answer: TokenStylePage<T> = await fetchPage(token);
    yield* answer.items;
    const next = answer.nextPageToken;
    if (next === null || next === undefined || next === '') return;
    // A tenant that hands back a token it already gave would loop forever.
    if (seen.has(next)) throw new ConsoleFailure(invalidResponse(operation, 'nextPageToken repeats an earlier page'));
    seen.add(next);
    token = next;
  }
}
