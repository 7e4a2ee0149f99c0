// A listing's filters and search as a GET form: submitting it writes them into the URL (page back to 1,
// sort and page size kept), so it works without JavaScript and every filtered view can be shared.
import Link from "next/link";
import type { TableSpec, TableUrlState } from "./url-state";

export function TableFilters({ spec, state, basePath, id }: { spec: TableSpec; state: TableUrlState; basePath: string; id: string }) {
  const sortValue = `${state.sort.desc ? "-" : ""}${state.sort.id}`;
  const filtered = state.q !== "" || Object.entries(state.filters).some(([name, value]) => {
    const filter = spec.filters[name];
    return !(filter?.kind === "enum" && filter.defaultValue === value);
  });
  return (
    <form method="get" action={basePath} className="table-filters" role="search" aria-label={`Filter ${id}`}>
      {spec.search ? (
        <label>
          {spec.search.label}
          <input type="search" name="q" defaultValue={state.q} maxLength={spec.search.maxLength} />
        </label>
      ) : null}
      {Object.entries(spec.filters).map(([name, filter]) => (
        <label key={name}>
          {filter.label[0]!.toUpperCase() + filter.label.slice(1)}
          {filter.kind === "enum" ? (
            <select name={name} defaultValue={String(state.filters[name] ?? "")}>
              {filter.defaultValue === undefined ? <option value="">any</option> : null}
              {filter.values.map((value) => (
                <option key={value} value={value}>
                  {filter.valueLabels?.[value] ?? value}
                </option>
              ))}
            </select>
          ) : filter.kind === "number" ? (
            <input type="number" name={name} min={filter.min} max={filter.max} step={filter.step ?? "any"} defaultValue={state.filters[name] ?? ""} inputMode="decimal" />
          ) : (
            <input type="text" name={name} maxLength={filter.maxLength} defaultValue={String(state.filters[name] ?? "")} />
          )}
        </label>
      ))}
      {sortValue !== `${spec.defaultSort.desc ? "-" : ""}${spec.defaultSort.id}` ? <input type="hidden" name="sort" value={sortValue} /> : null}
      {state.pageSize !== spec.pageSizes[0] ? <input type="hidden" name="size" value={state.pageSize} /> : null}
      <button type="submit" className="button small">
        Apply
      </button>
      {filtered ? <Link href={basePath}>Clear</Link> : null}
    </form>
  );
}
