/** A skip/top page as the adapter reads it. */
export interface SkipTopPage<T> {
  totalRecords?: number | undefined;
  items: T[];
}

/** Walks skip/top pages until `totalRecords` is reached or a page comes back short. */
export async function* walkSkipTop<T>(top: number, fetchPage: (skip: number, top: number) => Promise<SkipTopPage<T>>): AsyncGenerator<T> {
  let skip = 0;
  for (;;) {
    const page = await fetchPage(skip, top);
    yield* page.items;
    skip += page.items.length;
    if (page.items.length === 0 || page.items.length < top || (page.totalRecords !== undefined && skip >= page.totalRecords)) return;
  }
}
