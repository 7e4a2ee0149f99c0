// PostgreSQL array literals for the unnest() inserts of the ingest path, built in one pass over the rows.
// node-postgres turns a JS array into the same text element by element (a type check and two regular-
// expression replaces for each one); at 20,000 events/s that was about 5 % of an app instance's busy time,
// and the arrays of the picked column values were garbage besides. Every string is quoted, so "NULL", the
// empty string, braces, commas and blanks stay themselves; `"` and `\` are escaped; null is NULL.

const NEEDS_ESCAPE = /["\\]/;
const ESCAPED = /["\\]/g;

/** `{"a","b\"c",NULL}`: the text[] literal of one column of `rows`. */
export function textArray<T>(rows: readonly T[], pick: (row: T) => string | null): string {
  let out = "{";
  for (let i = 0; i < rows.length; i++) {
    const v = pick(rows[i]!);
    if (i) out += ",";
    if (v === null) out += "NULL";
    else out += NEEDS_ESCAPE.test(v) ? `"${v.replace(ESCAPED, "\\$&")}"` : `"${v}"`;
  }
  return `${out}}`;
}

/**
 * `{1,2.5,NULL}`: an int4[] or float8[] literal. A number PostgreSQL could not read back as the same value
 * (NaN, ±Infinity) is refused with the column it came from, rather than sent.
 */
export function numberArray<T>(rows: readonly T[], pick: (row: T) => number | null, column: string): string {
  let out = "{";
  for (let i = 0; i < rows.length; i++) {
    const v = pick(rows[i]!);
    if (i) out += ",";
    if (v === null) out += "NULL";
    else if (Number.isFinite(v)) out += String(v);
    else throw new Error(`${column}: ${String(v)} is not a number the database can store (row ${i + 1})`);
  }
  return `${out}}`;
}

/** `{t,f,NULL}`: a bool[] literal. */
export function boolArray<T>(rows: readonly T[], pick: (row: T) => boolean | null): string {
  let out = "{";
  for (let i = 0; i < rows.length; i++) {
    const v = pick(rows[i]!);
    if (i) out += ",";
    out += v === null ? "NULL" : v ? "t" : "f";
  }
  return `${out}}`;
}
