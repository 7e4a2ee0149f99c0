// A listing's sort, filters, search and page live in the URL, so a view can be shared, the back button
// returns to it, and links and GET forms drive it without JavaScript. Pure: parse the search params against
// what the page declares (anything unknown or out of range is an error the page shows, never silently
// ignored), and write a state back as a query string that omits the defaults.

export type FilterSpec =
  | {
      kind: "enum";
      label: string;
      values: readonly string[];
      valueLabels?: Readonly<Record<string, string>>;
      /** the value when the URL gives none (then one of `values` should mean "any", e.g. "all") */
      defaultValue?: string;
    }
  | { kind: "number"; label: string; min: number; max: number; step?: number }
  | { kind: "text"; label: string; maxLength: number };

export interface TableSpec {
  sortable: readonly string[];
  defaultSort: TableSort;
  filters: Readonly<Record<string, FilterSpec>>;
  /** the search box (`q`); omit for a listing without one */
  search?: { label: string; maxLength: number };
  pageSizes: readonly number[];
}

export interface TableSort {
  id: string;
  desc: boolean;
}

export interface TableUrlState {
  /** 1-based */
  page: number;
  pageSize: number;
  sort: TableSort;
  q: string;
  /** only filters that were given and valid; numbers as numbers */
  filters: Record<string, string | number>;
}

export interface ParsedTableParams {
  state: TableUrlState;
  /** what was wrong in the URL, one sentence each, naming the parameter and the allowed values */
  errors: string[];
}

type Params = Record<string, string | string[] | undefined>;

const RESERVED = new Set(["page", "size", "sort", "q"]);
const MAX_PAGE = 1_000_000;

function one(params: Params, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

export function defaultState(spec: TableSpec): TableUrlState {
  return { page: 1, pageSize: spec.pageSizes[0]!, sort: spec.defaultSort, q: "", filters: {} };
}

export function parseTableParams(spec: TableSpec, params: Params): ParsedTableParams {
  const state = defaultState(spec);
  const errors: string[] = [];

  const page = one(params, "page");
  if (page !== undefined && page !== "") {
    const n = Number(page);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_PAGE) state.page = n;
    else errors.push(`page "${page}" is not a page number (1 or more)`);
  }
  const size = one(params, "size");
  if (size !== undefined && size !== "") {
    const n = Number(size);
    if (spec.pageSizes.includes(n)) state.pageSize = n;
    else errors.push(`size "${size}" is not one of ${spec.pageSizes.join(", ")}`);
  }
  const sort = one(params, "sort");
  if (sort !== undefined && sort !== "") {
    const desc = sort.startsWith("-");
    const id = desc ? sort.slice(1) : sort;
    if (spec.sortable.includes(id)) state.sort = { id, desc };
    else errors.push(`sort "${sort}" is not one of ${spec.sortable.join(", ")} (a leading "-" sorts descending)`);
  }
  const q = one(params, "q");
  if (spec.search && q !== undefined) {
    const trimmed = q.trim();
    if (trimmed.length > spec.search.maxLength) errors.push(`search is longer than ${spec.search.maxLength} characters`);
    else state.q = trimmed;
  }
  for (const [name, filter] of Object.entries(spec.filters)) {
    if (RESERVED.has(name)) throw new Error(`filter "${name}" clashes with a reserved parameter`);
    const raw = one(params, name);
    if (raw === undefined || raw === "") {
      if (filter.kind === "enum" && filter.defaultValue !== undefined) state.filters[name] = filter.defaultValue;
      continue;
    }
    const value = parseFilter(filter, raw);
    if (value.ok) state.filters[name] = value.value;
    else errors.push(`${filter.label} "${raw}" ${value.problem}`);
  }
  return { state, errors };
}

function parseFilter(filter: FilterSpec, raw: string): { ok: true; value: string | number } | { ok: false; problem: string } {
  switch (filter.kind) {
    case "enum":
      return filter.values.includes(raw) ? { ok: true, value: raw } : { ok: false, problem: `is not one of ${filter.values.join(", ")}` };
    case "number": {
      const n = Number(raw);
      if (!Number.isFinite(n) || raw.trim() === "") return { ok: false, problem: "is not a number" };
      if (n < filter.min || n > filter.max) return { ok: false, problem: `is outside ${filter.min}–${filter.max}` };
      return { ok: true, value: n };
    }
    case "text":
      return raw.length <= filter.maxLength ? { ok: true, value: raw.trim() } : { ok: false, problem: `is longer than ${filter.maxLength} characters` };
  }
}

/** The query string (with its "?", or "" for the default view) of `state` changed by `change`. */
export function serialiseTableState(spec: TableSpec, state: TableUrlState, change: Partial<TableUrlState> = {}): string {
  const next = { ...state, ...change };
  const out = new URLSearchParams();
  for (const name of Object.keys(spec.filters).sort()) {
    const value = next.filters[name];
    const filter = spec.filters[name]!;
    if (filter.kind === "enum" && filter.defaultValue !== undefined && value === filter.defaultValue) continue;
    if (value !== undefined && value !== "") out.set(name, String(value));
  }
  if (next.q) out.set("q", next.q);
  if (next.sort.id !== spec.defaultSort.id || next.sort.desc !== spec.defaultSort.desc) out.set("sort", `${next.sort.desc ? "-" : ""}${next.sort.id}`);
  if (next.pageSize !== spec.pageSizes[0]) out.set("size", String(next.pageSize));
  if (next.page > 1) out.set("page", String(next.page));
  const text = out.toString();
  return text ? `?${text}` : "";
}

/** The sort a column header links to: first ascending (descending for the default's column if it is), then flipped. */
export function nextSort(spec: TableSpec, current: TableSort, id: string): TableSort {
  if (current.id === id) return { id, desc: !current.desc };
  return { id, desc: id === spec.defaultSort.id ? spec.defaultSort.desc : false };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** limit/offset for the query; never unbounded. */
export function pageWindow(state: Pick<TableUrlState, "page" | "pageSize">): { limit: number; offset: number } {
  return { limit: state.pageSize, offset: (state.page - 1) * state.pageSize };
}

/**
 * Where a listing URL should redirect to when it spells its state in a roundabout way (a GET form posts
 * every field, empty ones too, and the default status): the same view with only what differs from the
 * defaults, other parameters (a notice) kept. Null when the URL is already canonical or has errors.
 */
export function canonicalQuery(spec: TableSpec, params: Params): string | null {
  const parsed = parseTableParams(spec, params);
  if (parsed.errors.length > 0) return null;
  const known = new Set(["page", "size", "sort", "q", ...Object.keys(spec.filters)]);
  const canonical = new URLSearchParams(serialiseTableState(spec, parsed.state));
  const given = Object.entries(params).filter(([key, value]) => known.has(key) && value !== undefined);
  const same = given.length === [...canonical.keys()].length && given.every(([key, value]) => typeof value === "string" && canonical.get(key) === value);
  if (same) return null;
  const out = new URLSearchParams(canonical);
  for (const [key, value] of Object.entries(params)) {
    if (known.has(key) || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.append(key, v);
  }
  const text = out.toString();
  return text ? `?${text}` : "";
}
