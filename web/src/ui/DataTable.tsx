import type { ReactNode } from 'react';
import { Button } from './Button';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** The sort key the API accepts for this column, if it sorts. */
  sort?: string;
}

interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  sort?: string;
  onSort?: (sort: string) => void;
  page?: { limit: number; offset: number; total: number; onPage: (offset: number) => void };
  empty?: ReactNode;
}

/** A table with server-side sorting (click a header, again to reverse) and paging. */
export function DataTable<T>({ caption, columns, rows, rowKey, sort, onSort, page, empty }: DataTableProps<T>) {
  if (rows.length === 0 && empty) return <div className="table-wrap">{empty}</div>;
  const sortState = (key: string) => (sort === key ? 'ascending' : sort === `-${key}` ? 'descending' : 'none');
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={c.sort ? sortState(c.sort) : undefined}>
                {c.sort && onSort ? (
                  <button type="button" onClick={() => onSort(sort === c.sort ? `-${c.sort}` : c.sort!)}>
                    {c.header}
                    <span aria-hidden="true">{sortState(c.sort) === 'ascending' ? '▲' : sortState(c.sort) === 'descending' ? '▼' : '↕'}</span>
                  </button>
                ) : (
                  c.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key}>{c.render(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {page && page.total > page.limit ? (
        <nav className="pager" aria-label={`${caption} pages`}>
          <span>
            {page.offset + 1}–{Math.min(page.offset + page.limit, page.total)} of {page.total}
          </span>
          <span className="buttons">
            <Button small disabled={page.offset === 0} onClick={() => page.onPage(Math.max(0, page.offset - page.limit))}>
              Previous
            </Button>
            <Button small disabled={page.offset + page.limit >= page.total} onClick={() => page.onPage(page.offset + page.limit)}>
              Next
            </Button>
          </span>
        </nav>
      ) : null}
    </div>
  );
}
