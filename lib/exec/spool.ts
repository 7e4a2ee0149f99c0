// The spool: events `patterns exec` recorded but has not delivered yet, one file per event, in a folder
// of the user's. A file is written whole or not at all (temporary file, fsync, rename, fsync of the
// folder), named from the time and a hash (never from the event's id, which the user chose), and the
// folder is bounded: past the limits the oldest event is dropped with a warning. Replay goes oldest first;
// an event the server refuses moves to dead-letter/ and the replay carries on past it.
import { createHash } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { ExecutionEvent } from "../telemetry/event-schema";

export interface SpoolConfig {
  dir: string;
  /** At most this many events wait (one event per file). */
  maxEvents: number;
  /** At most this many bytes of spooled events. */
  maxBytes: number;
}

export type Warn = (line: string) => void;

/** What delivering one spooled event came to. */
export type DeliveryResult =
  /** `duplicates`: how many of the events were stored already (their ids were known), so not stored again. */
  | { kind: "delivered"; duplicates?: number }
  | { kind: "refused"; status?: number; reason: string }
  | { kind: "deferred"; reason: string };

export type Deliver = (events: ExecutionEvent[]) => Promise<DeliveryResult>;

export interface DeadLetter {
  file: string;
  ids: string[];
  reason: string;
}

/** A delivered spool file some of whose events the destination already held (a re-used `--id`). */
export interface AlreadyRecorded {
  file: string;
  ids: string[];
  duplicates: number;
}

export interface ReplayReport {
  /** Spool files delivered, in order (already recorded ones too). */
  delivered: string[];
  alreadyRecorded: AlreadyRecorded[];
  deadLetters: DeadLetter[];
  /** Set when the replay stopped early: why, and how many events still wait. */
  stopped?: { reason: string; waiting: number };
}

export const DEAD_LETTER_DIR = "dead-letter";
const STALE_TMP_MS = 10 * 60_000;
let sequence = 0;

interface Entry {
  name: string;
  path: string;
  bytes: number;
}

/** Spooled files, oldest first (names start with the time they were written). */
export function listSpool(dir: string): Entry[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".json") && !e.name.startsWith("."))
      .map((e) => e.name);
  } catch {
    return [];
  }
  const entries: Entry[] = [];
  for (const name of names.sort()) {
    const path = join(dir, name);
    try {
      entries.push({ name, path, bytes: statSync(path).size });
    } catch {
      // taken by a concurrent replay
    }
  }
  return entries;
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // some systems (Windows) cannot open or sync a folder; the rename is still atomic there
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes `body` to `path` durably: temporary file, fsync, rename over, fsync of the folder. */
function writeDurably(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  const fd = openSync(tmp, "wx", 0o600);
  try {
    writeSync(fd, body);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(tmp, path);
  fsyncDir(dir);
  return path;
}

function describe(entry: Entry): string {
  const at = spooledAt(entry);
  return at ? `${entry.name}, spooled ${at}` : entry.name;
}

function limitsText(config: SpoolConfig): string {
  return `${config.maxEvents} events, ${config.maxBytes} bytes`;
}

/** A drop names at most this many executions (a lowered limit can drop thousands at once). */
const NAMED_DROPS = 5;

/** The ids of a spooled file's events, for a message. */
function idsIn(entry: Entry): string[] {
  const events = readEvents(entry.path);
  return events ? events.map((e) => (typeof e.id === "string" ? e.id : "(no id)")) : ["(unreadable)"];
}

function spooledAt(entry: Entry): string | null {
  const at = Number(entry.name.split("-")[0]);
  return Number.isFinite(at) && at > 0 ? new Date(at).toISOString() : null;
}

/** "the oldest event, execution a (file, spooled …)" or "the 3 oldest events, executions a, b, c (spooled … to …)". */
function droppedText(dropped: Entry[], named: string[]): string {
  if (dropped.length === 1) return `the oldest event, execution ${named.join(", ")} (${describe(dropped[0]!)})`;
  const more = dropped.length - Math.min(dropped.length, NAMED_DROPS);
  const [from, to] = [spooledAt(dropped[0]!), spooledAt(dropped.at(-1)!)];
  return `the ${dropped.length} oldest events, executions ${named.join(", ")}${more ? ` and ${more} more` : ""}${from && to ? ` (spooled ${from} to ${to})` : ""}`;
}

/** Drops the oldest files of `dir` until `incoming` more bytes (one more file) fit the limits; one warning names what went. */
function makeRoom(dir: string, config: SpoolConfig, incomingBytes: number, warn: Warn, what: string): void {
  const entries = listSpool(dir);
  let count = entries.length + 1;
  let bytes = entries.reduce((sum, e) => sum + e.bytes, 0) + incomingBytes;
  const dropped: Entry[] = [];
  const named: string[] = [];
  for (const oldest of entries) {
    if (count <= config.maxEvents && bytes <= config.maxBytes) break;
    if (dropped.length < NAMED_DROPS) named.push(...idsIn(oldest));
    rmSync(oldest.path, { force: true });
    rmSync(`${oldest.path.slice(0, -".json".length)}.reason.txt`, { force: true });
    dropped.push(oldest);
    count -= 1;
    bytes -= oldest.bytes;
  }
  if (dropped.length) warn(`${what} is full (limit ${limitsText(config)}): dropped ${droppedText(dropped, named)}`);
}

/**
 * Keeps one event in the spool and returns its file; null when the event alone is larger than the
 * spool may hold (it is then not kept, and a warning says so).
 */
export function addToSpool(event: ExecutionEvent, config: SpoolConfig, warn: Warn): string | null {
  const body = JSON.stringify([event]);
  const bytes = Buffer.byteLength(body);
  if (bytes > config.maxBytes) {
    warn(`execution ${event.id ?? "(no id)"} is ${bytes} bytes, more than the spool holds (${config.maxBytes} bytes); it is not kept`);
    return null;
  }
  mkdirSync(config.dir, { recursive: true, mode: 0o700 });
  makeRoom(config.dir, config, bytes, warn, "the spool");
  sequence += 1;
  const hash = createHash("sha256").update(`${process.pid}:${sequence}:`).update(body).digest("hex").slice(0, 20);
  const name = `${Date.now()}-${String(sequence).padStart(6, "0")}-${hash}.json`;
  return writeDurably(config.dir, name, body);
}

/** Moves a spooled file into dead-letter/, with the reason beside it; returns the new path. */
function moveToDeadLetter(entry: Entry, reason: string, config: SpoolConfig, warn: Warn): string {
  const dir = join(config.dir, DEAD_LETTER_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  makeRoom(dir, config, entry.bytes, warn, "the dead-letter folder");
  const target = join(dir, entry.name);
  writeDurably(dir, entry.name.replace(/\.json$/, ".reason.txt"), `${new Date().toISOString()} ${reason}\n`);
  renameSync(entry.path, target);
  fsyncDir(dir);
  fsyncDir(config.dir);
  return target;
}

function readEvents(path: string): ExecutionEvent[] | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((e) => e !== null && typeof e === "object" && !Array.isArray(e))) return null;
    return parsed as ExecutionEvent[];
  } catch {
    return null;
  }
}

function removeStaleTemporaries(dir: string, now: number): void {
  try {
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(".") || !name.endsWith(".tmp")) continue;
      const path = join(dir, name);
      if (now - statSync(path).mtimeMs > STALE_TMP_MS) rmSync(path, { force: true });
    }
  } catch {
    // a missing folder has nothing stale
  }
}

/** Sends every spooled event, oldest first. Stops at the first deferred one; refused ones become dead letters. */
export async function replaySpool(deliver: Deliver, config: SpoolConfig, warn: Warn): Promise<ReplayReport> {
  removeStaleTemporaries(config.dir, Date.now());
  const report: ReplayReport = { delivered: [], alreadyRecorded: [], deadLetters: [] };
  const entries = listSpool(config.dir);
  for (const [i, entry] of entries.entries()) {
    const events = readEvents(entry.path);
    const result: DeliveryResult = events ? await deliver(events) : { kind: "refused", reason: "the spool file is not a JSON array of events" };
    if (result.kind === "delivered") {
      rmSync(entry.path, { force: true });
      report.delivered.push(entry.path);
      if (result.duplicates) report.alreadyRecorded.push({ file: entry.path, ids: (events ?? []).map((e) => e.id ?? "(no id)"), duplicates: result.duplicates });
    } else if (result.kind === "refused") {
      const reason = result.status ? `refused with ${result.status}: ${result.reason}` : result.reason;
      try {
        const file = moveToDeadLetter(entry, reason, config, warn);
        report.deadLetters.push({ file, ids: (events ?? []).map((e) => e.id ?? "(no id)"), reason });
      } catch (error) {
        // a concurrent replay moved it first, or the folder is not writable: it stays for the next run
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") warn(`could not move ${entry.path} to the dead letters: ${(error as Error).message}`);
      }
    } else {
      report.stopped = { reason: result.reason, waiting: entries.length - i };
      break;
    }
  }
  return report;
}

