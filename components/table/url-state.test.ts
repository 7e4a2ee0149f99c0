import { describe, expect, it, test } from "vitest";
import { canonicalQuery, nextSort, pageCount, pageWindow, parseTableParams, serialiseTableState, type TableSpec } from "./url-state";

const spec: TableSpec = {
  sortable: ["confidence", "name", "updated"],
  defaultSort: { id: "confidence", desc: true },
  filters: {
    status: { kind: "enum", label: "status", values: ["pending", "approved", "rejected"] },
    min: { kind: "number", label: "minimum confidence", min: 0, max: 1 },
    source: { kind: "text", label: "source", maxLength: 20 },
  },
  search: { label: "Search", maxLength: 50 },
  pageSizes: [25, 50, 100],
};

describe("parseTableParams", () => {
  test.each([
    [{}, { page: 1, pageSize: 25, sort: { id: "confidence", desc: true }, q: "", filters: {} }],
    [{ page: "3", size: "50" }, { page: 3, pageSize: 50 }],
    [{ sort: "name" }, { sort: { id: "name", desc: false } }],
    [{ sort: "-updated" }, { sort: { id: "updated", desc: true } }],
    [{ status: "pending", min: "0.5" }, { filters: { status: "pending", min: 0.5 } }],
    [{ q: "  deploy  " }, { q: "deploy" }],
    [{ status: "" , page: ""}, { filters: {}, page: 1 }],
    [{ status: ["approved", "pending"] }, { filters: { status: "pending" } }],
    [{ unknown: "x" }, { filters: {} }],
  ])("%j parses without errors", (params, expected) => {
    const parsed = parseTableParams(spec, params);
    expect(parsed.errors).toEqual([]);
    expect(parsed.state).toMatchObject(expected);
  });

  test.each([
    [{ status: "bogus" }, 'status "bogus" is not one of pending, approved, rejected'],
    [{ min: "lots" }, 'minimum confidence "lots" is not a number'],
    [{ min: "2" }, 'minimum confidence "2" is outside 0–1'],
    [{ page: "0" }, 'page "0" is not a page number (1 or more)'],
    [{ page: "1.5" }, 'page "1.5" is not a page number (1 or more)'],
    [{ size: "7" }, 'size "7" is not one of 25, 50, 100'],
    [{ sort: "secret" }, 'sort "secret" is not one of confidence, name, updated (a leading "-" sorts descending)'],
    [{ q: "x".repeat(51) }, "search is longer than 50 characters"],
    [{ source: "y".repeat(21) }, 'source "' + "y".repeat(21) + '" is longer than 20 characters'],
  ])("%j is an error, not silently ignored", (params, message) => {
    const parsed = parseTableParams(spec, params);
    expect(parsed.errors).toEqual([message]);
    // the bad part does not reach the state
    expect(parsed.state.filters).toEqual({});
  });
});

describe("serialiseTableState", () => {
  const base = parseTableParams(spec, {}).state;
  test.each([
    [{}, ""],
    [{ page: 2 }, "?page=2"],
    [{ sort: { id: "name", desc: false } }, "?sort=name"],
    [{ sort: { id: "confidence", desc: false } }, "?sort=confidence"],
    [{ filters: { status: "pending", min: 0.25 }, q: "a b&c" }, "?min=0.25&status=pending&q=a+b%26c"],
    [{ pageSize: 100, page: 4 }, "?size=100&page=4"],
  ])("%j → %s", (change, expected) => {
    expect(serialiseTableState(spec, base, change)).toBe(expected);
  });

  test.each([[{ status: "approved", sort: "-name", page: "2", size: "50", q: "lint", min: "0.1", source: "ci" }], [{}], [{ sort: "confidence" }]])(
    "round-trips %j",
    (params) => {
      const parsed = parseTableParams(spec, params).state;
      const again = parseTableParams(spec, Object.fromEntries(new URLSearchParams(serialiseTableState(spec, parsed)))).state;
      expect(again).toEqual(parsed);
    },
  );
});

describe("an enum filter with a default", () => {
  const queue: TableSpec = { ...spec, filters: { status: { kind: "enum", label: "status", values: ["pending", "rejected", "all"], defaultValue: "pending" } } };
  test.each([
    [{}, { status: "pending" }, ""],
    [{ status: "" }, { status: "pending" }, ""],
    [{ status: "all" }, { status: "all" }, "?status=all"],
    [{ status: "rejected" }, { status: "rejected" }, "?status=rejected"],
  ])("%j → filters %j, written back as %j", (params, filters, query) => {
    const parsed = parseTableParams(queue, params);
    expect(parsed.state.filters).toEqual(filters);
    expect(serialiseTableState(queue, parsed.state)).toBe(query);
  });
});

describe("paging and sorting helpers", () => {
  test.each([
    [0, 25, 1],
    [25, 25, 1],
    [26, 25, 2],
    [852, 50, 18],
  ])("%i rows at %i a page → %i pages", (total, size, pages) => expect(pageCount(total, size)).toBe(pages));

  it("windows a page as limit and offset", () => {
    expect(pageWindow({ page: 3, pageSize: 50 })).toEqual({ limit: 50, offset: 100 });
  });

  test.each([
    [{ id: "confidence", desc: true }, "confidence", { id: "confidence", desc: false }],
    [{ id: "confidence", desc: false }, "confidence", { id: "confidence", desc: true }],
    [{ id: "confidence", desc: true }, "name", { id: "name", desc: false }],
    [{ id: "name", desc: false }, "confidence", { id: "confidence", desc: true }],
  ])("from %j, clicking %s sorts %j", (current, id, expected) => expect(nextSort(spec, current, id)).toEqual(expected));
});

describe("canonicalQuery", () => {
  test.each([
    [{}, null],
    [{ status: "pending", page: "2" }, null],
    [{ q: "", status: "", min: "", page: "1" }, ""],
    [{ q: "", status: "pending", min: "0.50", sort: "confidence", notice: "approved", subject: "c1" }, "?min=0.5&status=pending&sort=confidence&notice=approved&subject=c1"],
    [{ status: "bogus", q: "" }, null],
  ])("%j → %j", (params, expected) => expect(canonicalQuery(spec, params)).toBe(expected));
});
