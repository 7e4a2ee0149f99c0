// `patterns ingest FILE|-`: bulk telemetry from a file or stdin (a JSON array, one event, or NDJSON),
// through the same validation and store as the API. Everything is validated before anything is written.
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { ingestEvents, type IngestOutcome } from "../../telemetry/ingest";
import { ingestChunksParallel, ingestChunksPostgres } from "../../telemetry/ingest-file";
import { ChunkError, jsonArrayChunks, ndjsonChunks } from "../../telemetry/json-chunks";
import { parseBody } from "../../telemetry/parse-body";
import type { BodyFormat } from "../../telemetry/parse-body";
import { CliError, printJson, withDb } from "../context";
import { choiceOption } from "../option-values";

async function readInput(source: string): Promise<Buffer> {
  if (source !== "-") {
    try {
      return readFileSync(source);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new CliError(`${source}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (error as Error).message}`);
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** NDJSON by extension, else by content: several lines that each open an object. */
export function detectFormat(source: string, buf: Buffer): BodyFormat {
  const text = buf.toString("utf8", 0, Math.min(buf.length, 1 << 16));
  const ext = extname(source).toLowerCase();
  if (ext === ".ndjson" || ext === ".jsonl") return "ndjson";
  if (ext === ".json") return "json";
  const start = text.trimStart();
  if (start.startsWith("[")) return "json";
  const firstLineEnd = start.indexOf("\n");
  return firstLineEnd > 0 && start.slice(firstLineEnd).trimStart().startsWith("{") ? "ndjson" : "json";
}

export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .argument("<file>", "a JSON or NDJSON file, or - for stdin")
    .option("--json", "print { accepted, duplicates } as JSON")
    .addOption(choiceOption("--format <format>", "the file's format (default: from the extension or the content)", ["json", "ndjson"]))
    .description("store execution events from a file or stdin")
    .action(async (file: string, opts: { json?: boolean; format?: string }) => {
      const started = Date.now();
      const buf = await readInput(file);
      const format = (opts.format as BodyFormat | undefined) ?? detectFormat(file, buf);
      const bar = process.stderr.isTTY && !opts.json ? new SingleBar({ format: " {phase} [{bar}] {percentage}% | {value}/{total}", stream: process.stderr, hideCursor: true }) : null;
      let phase = "";
      const onProgress = (p: "validate" | "store", done: number, total: number) => {
        if (!bar) return;
        if (p !== phase) {
          if (phase) bar.stop();
          phase = p;
          bar.start(total, done, { phase: p === "validate" ? "validated" : "stored   " });
        } else bar.update(done);
      };
      const wholeText = (): IngestOutcome | unknown[] => {
        const parsed = parseBody(buf.toString("utf8"), format);
        return parsed.ok ? parsed.events : { ok: false, reason: "invalid", errors: parsed.errors, totalErrors: parsed.errors.length };
      };
      const outcome: IngestOutcome = await withDb(async (db) => {
        const ingestOpts = { actor: "cli", maxEvents: Number.POSITIVE_INFINITY, chunkSize: 20_000, onProgress };
        // Cut the file into chunks and overlap validating with storing, in one transaction: a worker
        // thread stores on SQLite, the server itself on PostgreSQL.
        {
          const chunks = format === "ndjson" ? ndjsonChunks(buf) : jsonArrayChunks(buf);
          if (chunks) {
            // events are counted as they are read, so the bar shows a running count, not a percentage
            const counter = process.stderr.isTTY && !opts.json ? new SingleBar({ format: " stored {value} events", stream: process.stderr, hideCursor: true }) : null;
            counter?.start(0, 0);
            try {
              const chunkOpts = { ...ingestOpts, onChunk: (n: number) => counter?.update(n) };
              return db.dialect === "sqlite" ? await ingestChunksParallel(db, chunks, chunkOpts) : await ingestChunksPostgres(db, chunks, chunkOpts);
            } catch (error) {
              if (!(error instanceof ChunkError)) throw error;
            } finally {
              counter?.stop();
            }
          }
        }
        const events = wholeText();
        if (!Array.isArray(events)) return events as IngestOutcome;
        return ingestEvents(db, events, ingestOpts);
      });
      bar?.stop();
      if (!outcome.ok) {
        for (const e of outcome.errors.slice(0, 20)) process.stderr.write(`event ${e.index}${e.path ? `, field ${e.path}` : ""}: ${e.message}\n`);
        const more = outcome.totalErrors > 20 ? ` (${outcome.totalErrors - 20} more not shown)` : "";
        throw new CliError(`${file}: ${outcome.totalErrors} problem${outcome.totalErrors > 1 ? "s" : ""}${more}; nothing was stored`);
      }
      if (opts.json) printJson({ accepted: outcome.accepted, duplicates: outcome.duplicates });
      else {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`accepted ${outcome.accepted}, duplicates ${outcome.duplicates} (${seconds} s)`);
      }
    });
}
