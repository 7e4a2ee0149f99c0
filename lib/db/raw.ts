// Big reads through the raw driver (the analysis run reads up to millions of rows; the ORM would build
// an object per row through the query engine). SQL is written once with `?` placeholders; dates and
// booleans are passed in the form each driver stores them, and read back through toMs and bool. Values are never
// spliced into the SQL.
import type Database from "better-sqlite3";
import { createHash } from "node:crypto";
import type { DbHandle } from "./client";

type Param = string | number | boolean | Date | null;

/** SQLite hands timestamps back as epoch ms (numbers or bigints), PostgreSQL as Dates. */
export function toMs(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number") return v;
  return Date.parse(String(v));
}

/** SQLite hands booleans back as 0/1 (numbers or bigints), PostgreSQL as booleans. */
export const bool = (v: unknown): boolean => v === true || v === 1 || v === 1n;

/** Dates as UTC ISO text: pg would send local time with an offset, which a `timestamp` column drops. */
function forPostgres(p: Param): string | number | boolean | null {
  return p instanceof Date ? p.toISOString() : p;
}

function forSqlite(p: Param): string | number | null {
  if (p instanceof Date) return p.getTime(); // SQLite stores epoch milliseconds (unixepoch-ms)
  if (typeof p === "boolean") return p ? 1 : 0;
  return p;
}

// Prepared statements kept per connection: the analysis asks the same question of thousands of patterns,
// and preparing costs more than answering. Bounded: SQL with IN lists of many lengths cannot pile up.
type Statement = Database.Statement<unknown[]>;
const statements = new WeakMap<object, Map<string, Statement>>();

function prepared(db: DbHandle, sql: string): Statement {
  const conn = db.sqlite!;
  let cache = statements.get(conn);
  if (!cache) statements.set(conn, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= 256) cache.clear();
    stmt = conn.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

/**
 * PostgreSQL: a question asked of thousands of patterns is planned once per connection (a named statement)
 * rather than at every call. Only for few parameters: a statement with an IN list has a text per list
 * length, and each connection would keep them all.
 */
const PREPARED_MAX_PARAMS = 16;
const statementNames = new Map<string, string>();

function statementName(sql: string, params: readonly Param[]): string | undefined {
  if (params.length > PREPARED_MAX_PARAMS) return undefined;
  let name = statementNames.get(sql);
  if (!name) {
    if (statementNames.size >= 1024) return undefined;
    name = `pa_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/** `?` placeholders → PostgreSQL's `$1, $2, …` (our SQL has no `?` inside string literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A write through the raw driver; answers how many rows it changed. */
export async function rawRun(db: DbHandle, sql: string, params: Param[] = []): Promise<number> {
  if (db.dialect === "sqlite") return prepared(db, sql).run(...params.map(forSqlite)).changes;
  return (await db.pool!.query({ text: numbered(sql), values: params.map(forPostgres), name: statementName(sql, params) })).rowCount ?? 0;
}

export async function rawAll<T>(db: DbHandle, sql: string, params: Param[] = []): Promise<T[]> {
  if (db.dialect === "sqlite") return prepared(db, sql).raw(false).all(...params.map(forSqlite)) as T[];
  return (await db.pool!.query({ text: numbered(sql), values: params.map(forPostgres), name: statementName(sql, params) })).rows as T[];
}

/** Like rawAll, rows as arrays in the order of the SELECT list: cheaper when there are millions of them. */
export async function rawArrays<T extends unknown[]>(db: DbHandle, sql: string, params: Param[] = []): Promise<T[]> {
  if (db.dialect === "sqlite") return prepared(db, sql).raw(true).all(...params.map(forSqlite)) as T[];
  return (await db.pool!.query({ text: numbered(sql), values: params.map(forPostgres), rowMode: "array", name: statementName(sql, params) })).rows as T[];
}

/**
 * `IN ${textList(dialect)}` with the list bound as one JSON array (`JSON.stringify(values)`): one statement
 * and one plan for any number of values, where an IN list of `?` needs a text per length and chunks to stay
 * under the drivers' parameter limits.
 */
export function textList(dialect: DbHandle["dialect"]): string {
  return dialect === "sqlite" ? "(SELECT value FROM json_each(?))" : "(SELECT json_array_elements_text(?::json))";
}

/** What can run a raw statement: the client or a transaction of it. */
interface RawExecutor {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
}

/** The SQL types updateRows reads its JSON values as on PostgreSQL. */
type SqlType = "text" | "boolean" | "integer" | "timestamp(3)" | "double precision";

/** JSON would store what it cannot write (NaN, Infinity, an invalid date) as null without a word: refused. */
function refuseUnwritable(table: string, v: Param | undefined): void {
  if ((typeof v === "number" && !Number.isFinite(v)) || (v instanceof Date && Number.isNaN(v.getTime()))) throw new Error(`writing ${table}: ${String(v)} is not a value a column can hold`);
}

/**
 * Many rows into one table through the client or a transaction, a JSON array per statement: the database
 * parses one bound text (SQLite's json_each, PostgreSQL's json_populate_recordset, which types each value
 * by its column) where a multi-row VALUES list bound four values per row, one by one through the ORM's
 * driver adapter: 1.3 s for the 150,000 rows of a first analysis. Table and column names are ours, never
 * input; values are bound.
 */
export async function insertRows(tx: RawExecutor, dialect: DbHandle["dialect"], table: string, columns: readonly string[], rows: readonly Param[][]): Promise<void> {
  for (const name of [table, ...columns]) if (!NAME.test(name)) throw new Error(`insertRows: "${name}" is not a table or column name`);
  for (const row of rows) for (const v of row) refuseUnwritable(table, v);
  const names = columns.map((c) => `"${c}"`).join(", ");
  const sql =
    dialect === "sqlite"
      ? `INSERT INTO "${table}" (${names}) SELECT ${columns.map((_, k) => `j.value ->> ${k}`).join(", ")} FROM json_each(?) AS j`
      : `INSERT INTO "${table}" (${names}) SELECT ${names} FROM json_populate_recordset(NULL::"${table}", $1::json)`;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const batch = rows.slice(i, i + ROWS_PER_INSERT);
    const json =
      dialect === "sqlite"
        ? JSON.stringify(batch.map((r) => r.map(forSqlite)))
        : JSON.stringify(batch.map((r) => Object.fromEntries(columns.map((c, k) => [c, forPostgres(r[k]!)]))));
    await tx.$executeRawUnsafe(sql, json);
  }
}

/** Rows per statement of insertRows: a few megabytes of JSON. */
const ROWS_PER_INSERT = 20_000;
/** Table and column names are spliced into the SQL: only plain identifiers. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * insertRows for rows given as the ORM's createMany takes them (column → value), many times faster than
 * createMany through the driver adapters: 1,231 registry rows took it 390 ms. Rows with the same columns go
 * in together. A key left out (or undefined) takes the database's default, which is not always the ORM's:
 * give every timestamp (`@updatedAt` has no default in the database, and SQLite's `now()` default is text
 * where our timestamps are epoch milliseconds).
 */
export async function insertObjects(tx: RawExecutor, dialect: DbHandle["dialect"], table: string, rows: ReadonlyArray<Readonly<Record<string, Param | undefined>>>): Promise<void> {
  const groups = new Map<string, { columns: string[]; rows: Param[][] }>();
  for (const row of rows) {
    const columns = Object.keys(row).filter((c) => row[c] !== undefined);
    const key = columns.join("\u0000");
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { columns, rows: [] }));
    group.rows.push(columns.map((c) => row[c]!));
  }
  for (const g of groups.values()) await insertRows(tx, dialect, table, g.columns, g.rows);
}

/**
 * Many rows of one table updated by key, a JSON array per statement joined to the table (UPDATE … FROM
 * SQLite's json_each or PostgreSQL's json_to_recordset): the ORM would send one UPDATE per row (seconds for
 * thousands), and a `SET col = CASE key WHEN ? THEN ? … END` took PostgreSQL longer to plan than to run.
 * With `guard`, a row is updated only while that column still holds the row's `expect` value (a decision
 * made meanwhile stands). Returns the keys updated. Names are ours; values are bound.
 */
export async function updateRows(
  tx: RawExecutor,
  dialect: DbHandle["dialect"],
  table: string,
  key: string,
  /** The columns to set and their SQL types (PostgreSQL reads the JSON values as these). */
  types: Record<string, SqlType>,
  rows: ReadonlyArray<{ key: string; set: Record<string, Param>; expect?: Param }>,
  guard?: { column: string; type: SqlType },
): Promise<string[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(types);
  for (const name of [table, key, ...columns, ...(guard ? [guard.column] : [])]) if (!NAME.test(name)) throw new Error(`updateRows: "${name}" is not a table or column name`);
  for (const row of rows) for (const v of [...Object.values(row.set), row.expect]) refuseUnwritable(table, v);
  const sets = columns.map((c) => `"${c}" = v."${c}"`).join(", ");
  const where = `"${table}"."${key}" = v."__key"${guard ? ` AND "${table}"."${guard.column}" = v."__expect"` : ""} RETURNING "${table}"."${key}" AS "key"`;
  const sql =
    dialect === "sqlite"
      ? `UPDATE "${table}" SET ${sets} FROM (SELECT ${[`j.value ->> 0 AS "__key"`, ...columns.map((c, k) => `j.value ->> ${k + 1} AS "${c}"`), ...(guard ? [`j.value ->> ${columns.length + 1} AS "__expect"`] : [])].join(", ")} FROM json_each(?) AS j) AS v WHERE ${where}`
      : `UPDATE "${table}" SET ${sets} FROM json_to_recordset($1::json) AS v(${[`"__key" text`, ...columns.map((c) => `"${c}" ${types[c]}`), ...(guard ? [`"__expect" ${guard.type}`] : [])].join(", ")}) WHERE ${where}`;
  const updated: string[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const batch = rows.slice(i, i + ROWS_PER_INSERT);
    const json =
      dialect === "sqlite"
        ? JSON.stringify(batch.map((r) => [r.key, ...columns.map((c) => forSqlite(r.set[c] ?? null)), ...(guard ? [forSqlite(r.expect ?? null)] : [])]))
        : JSON.stringify(batch.map((r) => ({ __key: r.key, ...Object.fromEntries(columns.map((c) => [c, forPostgres(r.set[c] ?? null)])), ...(guard ? { __expect: forPostgres(r.expect ?? null) } : {}) })));
    for (const r of await tx.$queryRawUnsafe<Array<{ key: string }>>(sql, json)) updated.push(r.key);
  }
  return updated;
}

