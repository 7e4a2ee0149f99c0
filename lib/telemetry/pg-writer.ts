// Writes normalised executions into PostgreSQL inside one transaction: unnest() multi-row INSERTs with
// ON CONFLICT DO NOTHING RETURNING id, so duplicates (also racing ones) are known exactly. A session
// spans several writes, so `patterns ingest` can send chunk k while it validates chunk k + 1.
import { randomUUID } from "node:crypto";
import type { Pool, PoolClient } from "pg";
import type { DbHandle } from "../db/client";
import { DatabaseUnavailableError, unavailable } from "../db/unavailable";
import { boolArray, numberArray, textArray } from "../db/pg-arrays";
import { MARK_IN_FLIGHT } from "./in-flight";
import { MetricFold, type ExecutionRow, type MetricDelta } from "./normalize";
import { EXEC_COLUMNS, METRIC_UPSERT } from "./sqlite-writer";

const PG_BATCH = 5000;
/**
 * The ingest statements are named (prepared once per connection). A migration that changes a column they
 * return makes the server refuse them on that connection for good (0A000, "cached plan must not change result
 * type"), and a session reset forgets them (26000): such a connection is destroyed, the next one prepares afresh.
 */
const STALE_STATEMENT = new Set(["0A000", "26000"]);
/**
 * A float8 column of epoch milliseconds as the UTC timestamp(3) it stands for: times go to the database as
 * numbers, not as an ISO string formatted per row (float8 holds every millisecond exactly).
 */
const utc = (column: string) => `(to_timestamp(${column} / 1000) AT TIME ZONE 'UTC')::timestamp(3)`;

export interface SessionTotals {
  accepted: number;
  duplicates: number;
  registeredPatterns: string[];
}

export class PgSession {
  private readonly metrics = new MetricFold();
  private readonly knownPatterns = new Set<string>();
  private readonly totals: SessionTotals = { accepted: 0, duplicates: 0, registeredPatterns: [] };
  /** Epoch milliseconds, made a UTC timestamp by the database (utc): a Date would go as the process's local time. */
  private readonly now = Date.now();
  private released = false;
  /** The connection's named statements are no longer what they were prepared as: it is not reused. */
  private stale = false;

  /** Hands the connection back; one that failed mid-way is destroyed rather than reused. */
  private release(failed = false): void {
    if (!this.released) this.client.release(failed || this.stale);
    this.released = true;
  }

  private constructor(private readonly client: PoolClient, private readonly actor: string) {}

  /**
   * Opens the transaction and marks it in flight (in-flight.ts). With `waitMs` (the API), a connection must
   * be had and locks granted within that time, else the request is answered busy with nothing written.
   */
  static async begin(db: DbHandle, actor: string, opts: { waitMs?: number } = {}): Promise<PgSession> {
    const client = opts.waitMs === undefined ? await db.pool!.connect() : await connectWithin(db.pool!, opts.waitMs);
    try {
      const lockTimeout = opts.waitMs === undefined ? "" : `SET LOCAL lock_timeout = ${Math.max(1, Math.round(opts.waitMs))}; `;
      await client.query(`BEGIN; ${lockTimeout}${MARK_IN_FLIGHT}`);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      client.release(error instanceof Error);
      throw error;
    }
    return new PgSession(client, actor);
  }

  async write(rows: ExecutionRow[]): Promise<void> {
    await this.writeParts([{ rows, actor: this.actor }]);
  }

  /**
   * Writes several requests' rows at once (the API's group commit, pg-group-writer.ts) and says what each
   * one stored: an id is accepted for the first row that carries it, in order, and a duplicate after; a
   * pattern is registered by (and audited as) the first request that names it.
   */
  async writeParts(parts: ReadonlyArray<{ rows: ExecutionRow[]; actor: string }>): Promise<SessionTotals[]> {
    try {
      return await this.writePartsOnce(parts);
    } catch (error) {
      if (STALE_STATEMENT.has((error as { code?: string }).code ?? "")) this.stale = true;
      throw error;
    }
  }

  private async writePartsOnce(parts: ReadonlyArray<{ rows: ExecutionRow[]; actor: string }>): Promise<SessionTotals[]> {
    const client = this.client;
    const results: SessionTotals[] = parts.map(() => ({ accepted: 0, duplicates: 0, registeredPatterns: [] }));
    const namedBy = new Map<string, number>(); // pattern id → the part that named it first
    parts.forEach((part, k) => {
      for (const r of part.rows) if (r.patternId !== null && !this.knownPatterns.has(r.patternId) && !namedBy.has(r.patternId)) namedBy.set(r.patternId, k);
    });
    const ids = [...namedBy.keys()].sort();
    for (const id of ids) this.knownPatterns.add(id);
    if (ids.length) {
      const registered = await client.query<{ id: string }>({
        name: "pa_ingest_patterns",
        text: `INSERT INTO "patterns" ("id", "name", "kind", "status", "origin", "spec", "autoApply", "degrading", "createdAt", "updatedAt")
         SELECT id, id, 'execution', 'active', 'telemetry', '', false, false, ${utc("$2::float8")}, ${utc("$2::float8")} FROM unnest($1::text[]) AS t(id)
         ON CONFLICT ("id") DO NOTHING RETURNING "id"`,
        values: [textArray(ids, (id) => id), this.now],
      });
      const fresh = registered.rows.map((r) => r.id).sort();
      if (fresh.length) {
        for (const id of fresh) results[namedBy.get(id)!]!.registeredPatterns.push(id);
        this.totals.registeredPatterns.push(...fresh);
        await client.query(
          `INSERT INTO "audit_events" ("id", "at", "actor", "action", "targetType", "targetId", "reason", "details")
           SELECT a, ${utc("$2::float8")}, actor, 'pattern.register', 'pattern', p, 'named by telemetry before any spec', '{}' FROM unnest($1::text[], $3::text[], $4::text[]) AS t(p, a, actor)`,
          [fresh, this.now, fresh.map(() => `aud_${randomUUID()}`), fresh.map((id) => parts[namedBy.get(id)!]!.actor)],
        );
      }
    }
    const all = parts.length === 1 ? parts[0]!.rows : parts.flatMap((p) => p.rows);
    const owner = parts.length === 1 ? null : parts.flatMap((p, k) => p.rows.map(() => k));
    for (let start = 0; start < all.length; start += PG_BATCH) {
      const batch = all.slice(start, start + PG_BATCH);
      const accepted = await insertExecutionsPg(client, batch);
      const files: Array<[string, string, string, string | null, number]> = [];
      batch.forEach((r, i) => {
        const result = results[owner ? owner[start + i]! : 0]!;
        if (!accepted.has(r.id)) {
          result.duplicates++;
          this.totals.duplicates++;
          return;
        }
        accepted.delete(r.id); // a second copy of the id inside the batch is a duplicate
        this.metrics.add(r.startedAt, r.patternId, r.operation, r.success, r.durationMs);
        result.accepted++;
        this.totals.accepted++;
        for (const f of r.files) files.push([r.id, f.path, f.action, f.content, r.startedAt]);
      });
      if (files.length) {
        await client.query({
          name: "pa_ingest_files",
          text: `INSERT INTO "file_events" ("executionId", "path", "action", "content", "createdAt")
           SELECT c1, c2, c3, c4, ${utc("c5")} FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[]) AS u(c1, c2, c3, c4, c5)`,
          values: [
            textArray(files, (f) => f[0]), textArray(files, (f) => f[1]), textArray(files, (f) => f[2]),
            textArray(files, (f) => f[3]), numberArray(files, (f) => f[4], "startedAt"),
          ],
        });
      }
    }
    return results;
  }

  /** Folds the daily metrics of everything stored, commits, and hands the connection back. */
  async commit(): Promise<SessionTotals> {
    try {
      const deltas = this.metrics.deltas();
      if (deltas.length) await upsertMetricsPg(this.client, deltas);
      await this.client.query("COMMIT");
      return { ...this.totals, registeredPatterns: [...this.totals.registeredPatterns] };
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => {});
      this.release(true);
      throw error;
    } finally {
      this.release();
    }
  }

  async rollback(): Promise<void> {
    if (this.released) return;
    let failed = false;
    try {
      await this.client.query("ROLLBACK");
    } catch {
      failed = true; // the transaction is gone either way; so is, probably, the connection
    } finally {
      this.release(failed);
    }
  }
}

/** A pooled connection within `ms`, or a "busy" error; a connection that arrives late goes back to the pool. */
async function connectWithin(pool: Pool, ms: number): Promise<PoolClient> {
  const connecting = pool.connect();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError(unavailable("busy", `no database connection was free within ${ms} ms; nothing was stored, try again shortly`))), ms);
  });
  try {
    return await Promise.race([connecting, late]);
  } catch (error) {
    connecting.then((c) => c.release(), () => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The executions of a batch, each column one array literal (pg-arrays.ts). The ingest statements are named:
 * a connection parses each once, not in every transaction (the three parses took 0.38 ms of the database's
 * time per transaction of 200 events, seen with log_min_duration_statement = 0).
 */
async function insertExecutionsPg(client: PoolClient, batch: ExecutionRow[]): Promise<Set<string>> {
  const result = await client.query<{ id: string }>({
    name: "pa_ingest_executions",
    text: INSERT_EXECUTIONS,
    values: [
      textArray(batch, (r) => r.id), textArray(batch, (r) => r.patternId), textArray(batch, (r) => r.operation),
      textArray(batch, (r) => r.inputs), numberArray(batch, (r) => r.fileCount, "fileCount"),
      numberArray(batch, (r) => r.startedAt, "startedAt"), numberArray(batch, (r) => r.durationMs, "durationMs"),
      boolArray(batch, (r) => r.success), textArray(batch, (r) => r.errorType), textArray(batch, (r) => r.errorMessage),
      textArray(batch, (r) => r.errorSignature), textArray(batch, (r) => r.errorKey), textArray(batch, (r) => r.retryOf),
      textArray(batch, (r) => r.fix), textArray(batch, (r) => r.source), numberArray(batch, (r) => r.receivedAt, "receivedAt"),
      textArray(batch, (r) => r.fixCommand),
    ],
  });
  return new Set(result.rows.map((r) => r.id));
}

const INSERT_EXECUTIONS = `INSERT INTO "executions" (${EXEC_COLUMNS})
     SELECT c1, c2, c3, c4, c5, ${utc("c6")}, c7, c8, c9, c10, c11, c12, c13, c14, c15, ${utc("c16")}, c17
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int4[], $6::float8[], $7::int4[], $8::bool[],
                 $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::float8[], $17::text[])
       AS u(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17)
     ON CONFLICT ("id") DO NOTHING RETURNING "id"`;

async function upsertMetricsPg(client: PoolClient, deltas: MetricDelta[]): Promise<void> {
  await client.query({
    name: "pa_ingest_metrics",
    text: `INSERT INTO "pattern_metrics_daily" ("day", "patternId", "operation", "executions", "successes", "failures", "totalDurationMs")
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int4[], $5::int4[], $6::int4[], $7::float8[]) ${METRIC_UPSERT}`,
    values: [
      textArray(deltas, (d) => d.day), textArray(deltas, (d) => d.patternId), textArray(deltas, (d) => d.operation),
      numberArray(deltas, (d) => d.executions, "executions"), numberArray(deltas, (d) => d.successes, "successes"),
      numberArray(deltas, (d) => d.failures, "failures"), numberArray(deltas, (d) => d.totalDurationMs, "totalDurationMs"),
    ],
  });
}
