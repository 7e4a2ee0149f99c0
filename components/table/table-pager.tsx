// Where this page sits in the listing and links to the pages around it (plain links: no JavaScript needed).
import Link from "next/link";
import { formatCount } from "../ui/format";
import { pageCount, serialiseTableState, type TableSpec, type TableUrlState } from "./url-state";

export function TablePager({ spec, state, total, totalCapped = false, basePath }: { spec: TableSpec; state: TableUrlState; total: number; totalCapped?: boolean; basePath: string }) {
  const pages = pageCount(total, state.pageSize);
  const first = total === 0 ? 0 : (state.page - 1) * state.pageSize + 1;
  const last = Math.min(total, state.page * state.pageSize);
  const href = (change: Partial<TableUrlState>) => `${basePath}${serialiseTableState(spec, state, change)}`;
  return (
    <nav className="table-pager" aria-label="Pages">
      <span className="muted">
        {total === 0 ? "0 rows" : `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}${totalCapped ? "+" : ""}`}
        {pages > 1 ? ` · page ${formatCount(state.page)} of ${formatCount(pages)}${totalCapped ? "+" : ""}` : ""}
      </span>
      {state.page > 1 ? (
        <>
          <Link href={href({ page: 1 })} aria-label="First page">
            « First
          </Link>
          <Link href={href({ page: Math.min(state.page - 1, pages) })} rel="prev">
            ‹ Previous
          </Link>
        </>
      ) : null}
      {state.page < pages || (totalCapped && state.page * state.pageSize < total) ? (
        <Link href={href({ page: state.page + 1 })} rel="next">
          Next ›
        </Link>
      ) : null}
      {state.page < pages && !totalCapped ? (
        <Link href={href({ page: pages })} aria-label="Last page">
          Last »
        </Link>
      ) : null}
      {spec.pageSizes.length > 1 ? (
        <span className="page-sizes">
          Per page:{" "}
          {spec.pageSizes.map((size) =>
            size === state.pageSize ? (
              <strong key={size} aria-current="true">
                {size}
              </strong>
            ) : (
              <Link key={size} href={href({ pageSize: size, page: 1 })}>
                {size}
              </Link>
            ),
          )}
        </span>
      ) : null}
    </nav>
  );
}
