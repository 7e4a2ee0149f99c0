// `patterns ingest FILE|-`: bulk telemetry from a file or stdin (a JSON array, one event, or NDJSON),
// through the same validation and store as the API. Everything is validated before anything is written.
import { readFileSync } from "node:fs";
import { openWindows, type WindowedInput } from "../../telemetry/read-windows";
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

/** A file read whole only when it cannot be cut into chunks (one object, or text to report an exact error on). */
const WHOLE_TEXT_LIMIT = 64 * 1024 * 1024;
/** chunks small enough that few events are alive at once (memory stays flat), large enough to keep both threads busy */
const CHUNK_BYTES = 512 * 1024;
const CHUNK_LINES = 2_000;

function openInput(source: string): WindowedInput {
  try {
    return openWindows(source);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(`${source}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (error as Error).message}`);
  }
}

/** The whole text, for what cannot be read in chunks: re-read from the file, or what is left of stdin. */
function wholeBuffer(source: string, input: WindowedInput, consumed: boolean): Buffer {
  if (source !== "-") {
    if ((input.size ?? 0) > WHOLE_TEXT_LIMIT) throw new CliError(`${source}: not readable as events in chunks, and too large (over 64 MiB) to read whole; nothing was stored`);
    return readFileSync(source);
  }
  if (consumed) throw new CliError("stdin: the text could not be read as events; nothing was stored");
  const parts: Buffer[] = [];
  let size = 0;
  for (const w of input.windows) {
    size += w.length;
    if (size > WHOLE_TEXT_LIMIT) throw new CliError("stdin: not readable as events in chunks, and too large (over 64 MiB) to read whole; nothing was stored");
    parts.push(w);
  }
  return Buffer.concat(parts);
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
      const input = openInput(file);
      const format = (opts.format as BodyFormat | undefined) ?? detectFormat(file, input.head);
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
      // one object, or a JSON text that is not an array, is read whole (what the chunkers cannot cut)
      const firstByte = input.head.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
      const cuttable = format === "ndjson" || firstByte === 0x5b;
      const wholeText = (consumed: boolean): IngestOutcome | unknown[] => {
        const parsed = parseBody(wholeBuffer(file, input, consumed).toString("utf8"), format);
        return parsed.ok ? parsed.events : { ok: false, reason: "invalid", errors: parsed.errors, totalErrors: parsed.errors.length };
      };
      let outcome: IngestOutcome;
      try {
        outcome = await withDb(async (db) => {
          const ingestOpts = { actor: "cli", maxEvents: Number.POSITIVE_INFINITY, chunkSize: 20_000, onProgress };
          // Cut the input into chunks as it is read and overlap validating with storing, in one transaction: a
          // worker thread stores on SQLite, the server itself on PostgreSQL.
          if (cuttable) {
            const chunks = format === "ndjson" ? ndjsonChunks(input.windows, CHUNK_LINES) : jsonArrayChunks(input.windows, CHUNK_BYTES)!;
            // events are counted as they are read, so the bar shows a running count, not a percentage
            const counter = process.stderr.isTTY && !opts.json ? new SingleBar({ format: " stored {value} events", stream: process.stderr, hideCursor: true }) : null;
            counter?.start(0, 0);
            try {
              const chunkOpts = { ...ingestOpts, onChunk: (n: number) => counter?.update(n) };
              return db.dialect === "sqlite" ? await ingestChunksParallel(db, chunks, chunkOpts) : await ingestChunksPostgres(db, chunks, chunkOpts);
            } catch (error) {
              if (!(error instanceof ChunkError)) throw error;
              // a file small enough is read whole again to report the exact error; else the chunker's own words
              if (file === "-" || (input.size ?? 0) > WHOLE_TEXT_LIMIT) throw new CliError(`${file}: ${error.message}; nothing was stored`);
            } finally {
              counter?.stop();
            }
          }
          const events = wholeText(cuttable);
          if (!Array.isArray(events)) return events as IngestOutcome;
          return ingestEvents(db, events, ingestOpts);
        });
      } finally {
        input.close();
      }
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
