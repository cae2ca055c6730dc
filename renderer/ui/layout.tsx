// The layout blocks of every screen: a titled panel and a table of rows with declared columns.
import { useId, type HTMLAttributes, type ReactNode } from 'react';

/** A titled section of a screen. The heading names the region for screen readers (aria-labelledby);
 * data-* attributes (data-testid, data-status …) pass through to the section. */
export function Panel({
  title,
  className,
  children,
  ...rest
}: { title?: ReactNode; className?: string; children?: ReactNode } & Omit<
  HTMLAttributes<HTMLElement>,
  'title'
>) {
  const id = useId();
  return (
    <section
      className={className ? `panel ${className}` : 'panel'}
      aria-labelledby={title ? id : undefined}
      {...rest}
    >
      {title && <h2 id={id}>{title}</h2>}
      {children}
    </section>
  );
}

// A table of rows with declared columns: the queue, the bill's lines, and the history and reports to
// come. Numeric columns are right-aligned (amounts through <Money>), rows carry data-* attributes for
// tests and styles, an empty table says so instead of showing nothing.
export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** right-aligned, tabular figures (amounts, quantities) */
  numeric?: boolean;
}

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;

export function DataTable<T>({
  columns,
  rows,
  rowKey,
  rowProps,
  empty,
  className = 'lines',
  testId,
}: {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowProps?: (row: T) => RowAttributes;
  /** shown instead of the table when there are no rows */
  empty?: ReactNode;
  className?: string;
  testId?: string;
}) {
  if (rows.length === 0 && empty !== undefined) return <p className="muted">{empty}</p>;
  return (
    <table className={className} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} className={c.numeric ? 'num' : undefined} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={rowKey(r)} {...rowProps?.(r)}>
            {columns.map((c) => (
              <td key={c.key} className={c.numeric ? 'num' : undefined}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
