// The bulk write path: stores normalised rows with the raw driver (prepared statements in one
// SQLite transaction; unnest() multi-row INSERTs in one PostgreSQL transaction). Ids already stored,
// or repeated inside the batch, are duplicates: ON CONFLICT DO NOTHING makes that true under races too.
import type { DbHandle } from "../db/client";
import { metricDeltas, type ExecutionRow, type MetricDelta } from "./normalize";
import { EXEC_COLUMNS, METRIC_UPSERT, packRows, SqliteWriter } from "./sqlite-writer";

export interface StoreResult {
  accepted: number;
  duplicates: number;
  /** Pattern ids registered by this batch because telemetry named them first. */
  registeredPatterns: string[];
}

export async function storeRows(db: DbHandle, rows: ExecutionRow[], actor = "telemetry"): Promise<StoreResult> {
  if (rows.length === 0) return { accepted: 0, duplicates: 0, registeredPatterns: [] };
  return db.dialect === "sqlite" ? storeSqlite(db, rows, actor) : storePostgres(db, rows, actor);
}

function distinctPatternIds(rows: ExecutionRow[]): string[] {
  const ids = new Set<string>();
  for (const r of rows) if (r.patternId !== null) ids.add(r.patternId);
  return [...ids].sort();
}

function auditId(): string {
  return `aud_${crypto.randomUUID()}`;
}

function storeSqlite(db: DbHandle, rows: ExecutionRow[], actor: string): StoreResult {
  const raw = db.sqlite!;
  const store = raw.transaction((): StoreResult => {
    const writer = new SqliteWriter(raw, actor);
    writer.write(packRows(rows));
    return writer.finish();
  });
  return store.immediate();
}

const PG_BATCH = 5000;

async function storePostgres(db: DbHandle, rows: ExecutionRow[], actor: string): Promise<StoreResult> {
  const client = await db.pool!.connect();
  const now = new Date();
  try {
    await client.query("BEGIN");
    const ids = distinctPatternIds(rows);
    const registered = ids.length
      ? await client.query<{ id: string }>(
          `INSERT INTO "patterns" ("id", "name", "kind", "status", "origin", "spec", "autoApply", "degrading", "createdAt", "updatedAt")
           SELECT id, id, 'execution', 'active', 'telemetry', '', false, false, $2, $2 FROM unnest($1::text[]) AS t(id)
           ON CONFLICT ("id") DO NOTHING RETURNING "id"`,
          [ids, now],
        )
      : { rows: [] };
    const registeredPatterns = registered.rows.map((r) => r.id).sort();
    if (registeredPatterns.length) {
      await client.query(
        `INSERT INTO "audit_events" ("id", "at", "actor", "action", "targetType", "targetId", "reason", "details")
         SELECT a, $2, $3, 'pattern.register', 'pattern', p, 'named by telemetry before any spec', '{}' FROM unnest($1::text[], $4::text[]) AS t(p, a)`,
        [registeredPatterns, now, actor, registeredPatterns.map(() => auditId())],
      );
    }
    const stored: ExecutionRow[] = [];
    for (let start = 0; start < rows.length; start += PG_BATCH) {
      const batch = rows.slice(start, start + PG_BATCH);
      const accepted = await insertExecutionsPg(client, batch);
      const files: Array<[string, string, string, string | null, string]> = [];
      for (const r of batch) {
        if (!accepted.has(r.id)) continue;
        accepted.delete(r.id); // a second copy of the id inside the batch is a duplicate
        stored.push(r);
        const at = new Date(r.startedAt).toISOString();
        for (const f of r.files) files.push([r.id, f.path, f.action, f.content, at]);
      }
      if (files.length) {
        await client.query(
          `INSERT INTO "file_events" ("executionId", "path", "action", "content", "createdAt")
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamp(3)[])`,
          [files.map((f) => f[0]), files.map((f) => f[1]), files.map((f) => f[2]), files.map((f) => f[3]), files.map((f) => f[4])],
        );
      }
    }
    const deltas = metricDeltas(stored);
    if (deltas.length) await upsertMetricsPg(client, deltas);
    await client.query("COMMIT");
    return { accepted: stored.length, duplicates: rows.length - stored.length, registeredPatterns };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

type PgClient = import("pg").PoolClient;

async function insertExecutionsPg(client: PgClient, batch: ExecutionRow[]): Promise<Set<string>> {
  const col = <T>(pick: (r: ExecutionRow) => T) => batch.map(pick);
  const result = await client.query<{ id: string }>(
    `INSERT INTO "executions" (${EXEC_COLUMNS})
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int4[], $6::timestamp(3)[], $7::int4[], $8::bool[],
                          $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::timestamp(3)[])
     ON CONFLICT ("id") DO NOTHING RETURNING "id"`,
    [
      col((r) => r.id), col((r) => r.patternId), col((r) => r.operation), col((r) => r.inputs), col((r) => r.fileCount),
      col((r) => new Date(r.startedAt).toISOString()), col((r) => r.durationMs), col((r) => r.success),
      col((r) => r.errorType), col((r) => r.errorMessage), col((r) => r.errorSignature), col((r) => r.errorKey),
      col((r) => r.retryOf), col((r) => r.fix), col((r) => r.source), col((r) => new Date(r.receivedAt).toISOString()),
    ],
  );
  return new Set(result.rows.map((r) => r.id));
}

async function upsertMetricsPg(client: PgClient, deltas: MetricDelta[]): Promise<void> {
  await client.query(
    `INSERT INTO "pattern_metrics_daily" ("day", "patternId", "operation", "executions", "successes", "failures", "totalDurationMs")
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int4[], $5::int4[], $6::int4[], $7::float8[]) ${METRIC_UPSERT}`,
    [
      deltas.map((d) => d.day), deltas.map((d) => d.patternId), deltas.map((d) => d.operation), deltas.map((d) => d.executions),
      deltas.map((d) => d.successes), deltas.map((d) => d.failures), deltas.map((d) => d.totalDurationMs),
    ],
  );
}
