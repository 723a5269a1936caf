import { maxPageSize } from '../../shared/cxone/schemas';
import { answer, apiError, type Checked, type DemoAnswer } from './answers';

const defaultPageSize = 50;

function positiveInteger(query: URLSearchParams, name: string, fallback: number): Checked<number> {
  const raw = query.get(name);
  if (raw === null || raw === '') return { ok: true, value: fallback };
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    return { ok: false, answer: apiError(400, 'INVALID_VALUE', `${name} must be a whole number of at least 1.`, name) };
  }
  return { ok: true, value };
}

function pageSizeOf(query: URLSearchParams): Checked<number> {
  const size = positiveInteger(query, 'pageSize', defaultPageSize);
  if (size.ok && size.value > maxPageSize) {
    return { ok: false, answer: apiError(400, 'INVALID_VALUE', `pageSize must be at most ${maxPageSize}.`, 'pageSize') };
  }
  return size;
}

/** Page style (§2): `{ page, pageSize, total, pageCount, entities }`. */
export function pageAnswer<T, R>(query: URLSearchParams, items: readonly T[], present: (item: T) => R): DemoAnswer {
  const page = positiveInteger(query, 'page', 1);
  if (!page.ok) return page.answer;
  const pageSize = pageSizeOf(query);
  if (!pageSize.ok) return pageSize.answer;
  const start = (page.value - 1) * pageSize.value;
  return answer(200, {
    page: page.value,
    pageSize: pageSize.value,
    total: items.length,
    pageCount: Math.ceil(items.length / pageSize.value),
    entities: items.slice(start, start + pageSize.value).map(present),
  });
}

const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64url');

function decodeCursor(token: string): number | null {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof decoded === 'object' && decoded !== null && 'o' in decoded) {
      const offset = decoded.o;
      if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
    }
  } catch {
    return null;
  }
  return null;
}

/** Token style (§2): `{ items, nextPageToken }`, the token being opaque to the client. */
export function tokenPageAnswer<T, R>(query: URLSearchParams, items: readonly T[], present: (item: T) => R): DemoAnswer {
  const pageSize = pageSizeOf(query);
  if (!pageSize.ok) return pageSize.answer;
  const token = query.get('nextPageToken');
  let offset = 0;
  if (token !== null && token !== '') {
    const decoded = decodeCursor(token);
    if (decoded === null) return apiError(400, 'INVALID_VALUE', 'nextPageToken is not a token this tenant issued.', 'nextPageToken');
    offset = decoded;
  }
  const end = offset + pageSize.value;
  return answer(200, {
    items: items.slice(offset, end).map(present),
    nextPageToken: end < items.length ? encodeCursor(end) : null,
  });
}
