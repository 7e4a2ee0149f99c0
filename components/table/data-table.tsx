"use client";
// The one data table every listing renders (TanStack Table v9). The server has already sorted, filtered and
// paged the rows; this renders one page of them. Sorting is a link per header (the URL holds the state, so
// it works without JavaScript and the back button undoes it); selection is a checkbox per row named `ids`
// that belongs to the page's bulk form (`form=` attribute), so a bulk action posts the checked ids with or
// without JavaScript. With JavaScript, TanStack's row selection adds "select all on this page" and a count.
import Link from "next/link";
import { useEffect, useState, useSyncExternalStore } from "react";
import { createColumnHelper, rowSelectionFeature, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type RowData, type RowSelectionState } from "@tanstack/react-table";
import { nextSort, serialiseTableState, type TableSpec, type TableUrlState } from "./url-state";
import { TableScroll } from "../ui/table-scroll";
import { markScripted } from "./scripted-cookie";
import { TablePager } from "./table-pager";
import "./table.css";

export const dataTableFeatures = tableFeatures({ rowSortingFeature, rowSelectionFeature });
export type DataTableFeatures = typeof dataTableFeatures;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each column keeps its own value type, as helper.columns() returns
export type DataColumns<TData extends RowData> = Array<ColumnDef<DataTableFeatures, TData, any>>;

/** Column definitions of a page's rows: `const col = columnHelper<Row>()`, then `col.accessor(…)`. */
export function columnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

const noSubscription = () => () => {};

export interface DataTableProps<TData extends RowData & { id: string }> {
  /** declared per page, at module scope (a stable array) */
  columns: DataColumns<TData>;
  rows: TData[];
  total: number;
  totalCapped?: boolean;
  spec: TableSpec;
  state: TableUrlState;
  basePath: string;
  /** what the table lists, for its caption and for "No … match" */
  caption: string;
  empty: string;
  /** bulk selection: the id of the form the `ids` checkboxes belong to, and which rows may be chosen */
  selection?: { formId: string; canSelect?: (row: TData) => boolean; label: (row: TData) => string };
}

export function DataTable<TData extends RowData & { id: string }>({ columns, rows, total, totalCapped, spec, state, basePath, caption, empty, selection }: DataTableProps<TData>) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  useEffect(markScripted, []);
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableSortingRemoval: false,
    enableRowSelection: selection ? (row) => selection.canSelect?.(row.original) ?? true : false,
    state: { sorting: [state.sort], rowSelection },
    onRowSelectionChange: setRowSelection,
  });
  // "select all" needs JavaScript: it is rendered once the page is hydrated, never as a dead control
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const selectable = hydrated && table.getRowModel().rows.some((row) => row.getCanSelect());
  const selected = Object.values(rowSelection).filter(Boolean).length;

  if (rows.length === 0) {
    return (
      <>
        <p className="muted table-empty">{empty}</p>
        <TablePager spec={spec} state={state} total={total} totalCapped={totalCapped} basePath={basePath} />
      </>
    );
  }
  return (
    <>
      {selection && selected > 0 ? (
        <p className="muted table-selected" aria-live="polite">
          {selected} selected on this page
        </p>
      ) : null}
      <TableScroll label={caption}>
        <table className="data">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {selection ? (
                  <th className="select-cell">
                    {selectable ? (
                      <input
                        type="checkbox"
                        aria-label="Select every row on this page"
                        checked={table.getIsAllPageRowsSelected()}
                        onChange={table.getToggleAllPageRowsSelectedHandler()}
                      />
                    ) : null}
                  </th>
                ) : null}
                {group.headers.map((header) => {
                  const sortable = spec.sortable.includes(header.column.id);
                  const sorted = header.column.getIsSorted();
                  const label = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                  return (
                    <th key={header.id} aria-sort={sortable ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}>
                      {sortable ? (
                        <Link className="sort-link" href={`${basePath}${serialiseTableState(spec, state, { sort: nextSort(spec, state.sort, header.column.id), page: 1 })}`} scroll={false}>
                          {label}
                          <span aria-hidden="true" className="sort-mark">
                            {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ↕"}
                          </span>
                        </Link>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={row.getIsSelected() ? "selected" : undefined}>
                {selection ? (
                  <td className="select-cell">
                    {row.getCanSelect() ? (
                      <input
                        type="checkbox"
                        name="ids"
                        value={row.id}
                        form={selection.formId}
                        aria-label={`Select ${selection.label(row.original)}`}
                        checked={row.getIsSelected()}
                        onChange={row.getToggleSelectedHandler()}
                      />
                    ) : null}
                  </td>
                ) : null}
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <TablePager spec={spec} state={state} total={total} totalCapped={totalCapped} basePath={basePath} />
    </>
  );
}
