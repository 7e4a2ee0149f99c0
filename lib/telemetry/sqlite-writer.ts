// Writes normalised executions into SQLite with prepared statements, inside a transaction the caller
// owns: the API stores one request per transaction in-process; `patterns ingest` runs this in a worker
// thread that holds one transaction for the whole file while the main thread validates the next chunk.
import type Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { MetricFold, type ExecutionRow } from "./normalize";

/** 17 values per row in EXEC_COLUMNS order; files as [row index, path, action, content] quadruples. */
export interface PackedRows {
  n: number;
  values: unknown[];
  files: unknown[];
}

export const EXEC_COLUMNS = `"id", "patternId", "operation", "inputs", "fileCount", "startedAt", "durationMs", "success", "errorType", "errorMessage", "errorSignature", "errorKey", "retryOf", "fix", "source", "receivedAt", "fixCommand"`;
const WIDTH = 17;

/** Flat arrays cross a thread boundary far cheaper than an object per row. */
export function packRows(rows: ExecutionRow[]): PackedRows {
  const values: unknown[] = new Array(rows.length * WIDTH);
  const files: unknown[] = [];
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    values[k++] = r.id; values[k++] = r.patternId; values[k++] = r.operation; values[k++] = r.inputs;
    values[k++] = r.fileCount; values[k++] = r.startedAt; values[k++] = r.durationMs; values[k++] = r.success ? 1 : 0;
    values[k++] = r.errorType; values[k++] = r.errorMessage; values[k++] = r.errorSignature; values[k++] = r.errorKey;
    values[k++] = r.retryOf; values[k++] = r.fix; values[k++] = r.source; values[k++] = r.receivedAt;
    values[k++] = r.fixCommand;
    for (const f of r.files) files.push(i, f.path, f.action, f.content);
  }
  return { n: rows.length, values, files };
}

export const METRIC_UPSERT = `ON CONFLICT ("day", "patternId", "operation") DO UPDATE SET
  "executions" = "pattern_metrics_daily"."executions" + excluded."executions",
  "successes" = "pattern_metrics_daily"."successes" + excluded."successes",
  "failures" = "pattern_metrics_daily"."failures" + excluded."failures",
  "totalDurationMs" = "pattern_metrics_daily"."totalDurationMs" + excluded."totalDurationMs"`;

export interface WriterTotals {
  accepted: number;
  duplicates: number;
  registeredPatterns: string[];
}

export class SqliteWriter {
  private readonly insertPattern: Database.Statement;
  private readonly insertAudit: Database.Statement;
  private readonly insertExec: Database.Statement;
  private readonly insertFile: Database.Statement;
  private readonly upsertMetric: Database.Statement;
  private readonly knownPatterns = new Set<string>();
  private readonly metrics = new MetricFold();
  private readonly totals: WriterTotals = { accepted: 0, duplicates: 0, registeredPatterns: [] };

  constructor(raw: Database.Database, private readonly actor: string, private now = Date.now()) {
    this.insertPattern = raw.prepare(
      `INSERT INTO "patterns" ("id", "name", "kind", "status", "origin", "spec", "autoApply", "degrading", "createdAt", "updatedAt")
       VALUES (?, ?, 'execution', 'active', 'telemetry', '', 0, 0, ?, ?) ON CONFLICT ("id") DO NOTHING`,
    );
    this.insertAudit = raw.prepare(
      `INSERT INTO "audit_events" ("id", "at", "actor", "action", "targetType", "targetId", "reason", "details") VALUES (?, ?, ?, 'pattern.register', 'pattern', ?, 'named by telemetry before any spec', '{}')`,
    );
    this.insertExec = raw.prepare(`INSERT INTO "executions" (${EXEC_COLUMNS}) VALUES (${Array(WIDTH).fill("?").join(", ")}) ON CONFLICT ("id") DO NOTHING`);
    this.insertFile = raw.prepare(`INSERT INTO "file_events" ("executionId", "path", "action", "content", "createdAt") VALUES (?, ?, ?, ?, ?)`);
    this.upsertMetric = raw.prepare(
      `INSERT INTO "pattern_metrics_daily" ("day", "patternId", "operation", "executions", "successes", "failures", "totalDurationMs") VALUES (?, ?, ?, ?, ?, ?, ?) ${METRIC_UPSERT}`,
    );
  }

  /** Stores a chunk; must run inside the caller's transaction. */
  write(p: PackedRows): void {
    const t = this.writeOne(p, this.actor, this.metrics);
    this.totals.accepted += t.accepted;
    this.totals.duplicates += t.duplicates;
    this.totals.registeredPatterns.push(...t.registeredPatterns);
  }

  /**
   * Stores one request's rows (inside the caller's transaction, usually within a savepoint) and returns its
   * own totals; its daily metrics go to `fold`. After a rollback of it, call `forgetPatterns`.
   */
  writeOne(p: PackedRows, actor: string, fold: MetricFold): WriterTotals {
    const totals: WriterTotals = { accepted: 0, duplicates: 0, registeredPatterns: [] };
    const v = p.values;
    const patterns = new Set<string>();
    for (let i = 0; i < p.n; i++) {
      const id = v[i * WIDTH + 1];
      if (typeof id === "string" && !this.knownPatterns.has(id)) patterns.add(id);
    }
    for (const id of [...patterns].sort()) {
      this.knownPatterns.add(id);
      if (this.insertPattern.run(id, id, this.now, this.now).changes === 1) {
        totals.registeredPatterns.push(id);
        this.insertAudit.run(`aud_${randomUUID()}`, this.now, actor, id);
      }
    }
    const stored = new Uint8Array(p.n);
    for (let i = 0, o = 0; i < p.n; i++, o += WIDTH) {
      // the 17 values by position: a slice per row was a million arrays for the collector to free
      const inserted = this.insertExec.run(
        v[o], v[o + 1], v[o + 2], v[o + 3], v[o + 4], v[o + 5], v[o + 6], v[o + 7], v[o + 8],
        v[o + 9], v[o + 10], v[o + 11], v[o + 12], v[o + 13], v[o + 14], v[o + 15], v[o + 16],
      );
      if (inserted.changes === 0) {
        totals.duplicates++;
        continue;
      }
      stored[i] = 1;
      totals.accepted++;
      fold.add(v[o + 5] as number, v[o + 1] as string | null, v[o + 2] as string, v[o + 7] === 1, v[o + 6] as number);
    }
    const f = p.files;
    for (let j = 0; j < f.length; j += 4) {
      const row = f[j] as number;
      if (stored[row]) this.insertFile.run(v[row * WIDTH], f[j + 1], f[j + 2], f[j + 3], v[row * WIDTH + 5]);
    }
    return totals;
  }

  /** Patterns registered inside a savepoint that was rolled back are not registered after all. */
  forgetPatterns(): void {
    this.knownPatterns.clear();
  }

  /** A writer that outlives one transaction (the API's writer thread) starts each one afresh. */
  startTransaction(now = Date.now()): void {
    this.knownPatterns.clear();
    this.now = now;
  }

  /** Adds a fold's daily metrics to the table, in a stable order (inside the caller's transaction). */
  foldMetrics(fold: MetricFold): void {
    for (const m of fold.deltas()) {
      this.upsertMetric.run(m.day, m.patternId, m.operation, m.executions, m.successes, m.failures, m.totalDurationMs);
    }
  }

  /** Folds the chunks' daily metrics into the table (in a stable order) and returns the totals. */
  finish(): WriterTotals {
    this.foldMetrics(this.metrics);
    return { ...this.totals, registeredPatterns: [...this.totals.registeredPatterns] };
  }
}
