import type { SelectQueryBuilder } from 'kysely';

export interface PageRequest {
  limit?: number;
  offset?: number;
}

export interface PageResult<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Runs a list query one page at a time, with the total count of the whole result. */
export async function paginate<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, page: PageRequest): Promise<PageResult<O>> {
  const limit = page.limit ?? 50;
  const offset = page.offset ?? 0;
  const [items, count] = await Promise.all([
    query.limit(limit).offset(offset).execute(),
    query
      .clearSelect()
      .clearOrderBy()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { items, total: Number((count as { n?: number } | undefined)?.n ?? 0), limit, offset };
}

/** Parses a `field` / `-field` sort parameter against the allowed columns. */
export function parseSort<C extends string>(sort: string | undefined, columns: Record<string, C>, fallback: C): { column: C; direction: 'asc' | 'desc' } {
  if (!sort) return { column: fallback, direction: 'asc' };
  const desc = sort.startsWith('-');
  const column = columns[desc ? sort.slice(1) : sort];
  return { column: column ?? fallback, direction: desc ? 'desc' : 'asc' };
}

/**
 * A page of a keyset walk, newest first: `nextBefore` (the last item's id) continues the walk
 * where this page ends, or is null on the last page. Nothing counts the whole match, so a page
 * costs the same however deep it is and however large the table; rows written during the walk
 * come before its start and never shift the pages still to come.
 */
export interface KeysetPage<T> {
  items: T[];
  limit: number;
  nextBefore: number | null;
  hasMore: boolean;
}
