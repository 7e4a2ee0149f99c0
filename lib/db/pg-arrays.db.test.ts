// The ingest path's array literals read back by PostgreSQL itself as exactly the values that were given:
// generated strings (quotes, backslashes, braces, commas, blanks, "NULL", any Unicode the API accepts),
// numbers at the edges of int4 and float8, booleans and nulls, each in a column of its own.
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isText } from "../telemetry/event-schema";
import { boolArray, numberArray, textArray } from "./pg-arrays";
import { testDialect } from "./test-db";
import { PG_TEST_URL } from "./testing";

const id = <T>(v: T) => v;

describe.skipIf(testDialect() !== "postgresql")("PostgreSQL array literals (the suite's PostgreSQL pass)", () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: PG_TEST_URL, max: 1 });
  });
  afterAll(() => pool.end());

  const readBack = async (literal: string, type: string) =>
    (await pool.query<{ v: unknown }>(`SELECT v FROM unnest($1::${type}[]) WITH ORDINALITY AS u(v, n) ORDER BY n`, [literal])).rows.map((r) => r.v);

  it("text: the strings that need quoting or escaping, and null, come back as sent", async () => {
    const values = ["NULL", "null", "", " padded ", "{", "}", ",", '"', "\\", '\\"', 'a"b\\c', "{1,2}", "tab\there", "line\nbreak", "é😀", null];
    expect(textArray(values, id)).toContain('"NULL"');
    expect(await readBack(textArray(values, id), "text")).toEqual(values);
  });

  it("text: any string the API accepts comes back as sent (generated)", async () => {
    // characters the literal's syntax gives a meaning, often enough to meet them, among any others
    const unit = fc.oneof(fc.constantFrom('"', "\\", "{", "}", ",", " ", "N", "U", "L"), fc.string({ unit: "binary", minLength: 1, maxLength: 1 }));
    const text = fc.string({ unit, maxLength: 40 }).filter(isText);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(text, { nil: null }), { maxLength: 30 }), async (values) => {
        expect(await readBack(textArray(values, id), "text")).toEqual(values);
      }),
      { numRuns: 200 },
    );
  });

  it("numbers: int4 and float8 (epoch milliseconds, fractions, extremes) come back as sent", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { nil: null })),
        // -0 goes as 0 (String(-0)), as node-postgres sent it: no column of ours holds a negative zero
        fc.array(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d)), { nil: null })),
        async (ints, doubles) => {
          expect(await readBack(numberArray(ints, id, "ints"), "int4")).toEqual(ints);
          expect((await readBack(numberArray(doubles, id, "doubles"), "float8")).map((v) => (v === null ? null : Number(v)))).toEqual(doubles);
        },
      ),
      { numRuns: 100 },
    );
    const times = [Date.UTC(2026, 11, 2, 13, 45, 7, 123), 0, 1.5, 2 ** 53 - 1];
    expect((await readBack(numberArray(times, id, "startedAt"), "float8")).map(Number)).toEqual(times);
  });

  it("booleans and nulls come back as sent", async () => {
    const values = [true, false, null, true];
    expect(await readBack(boolArray(values, id), "bool")).toEqual(values);
  });

});

it("a number the database could not hold as sent is refused with its column and row", () => {
  expect(() => numberArray([1, Number.NaN], id, "durationMs")).toThrow("durationMs: NaN is not a number the database can store (row 2)");
  expect(() => numberArray([Number.POSITIVE_INFINITY], id, "startedAt")).toThrow("startedAt: Infinity");
});
