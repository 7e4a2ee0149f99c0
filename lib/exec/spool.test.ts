// The spool on a real file system: names, bounds, durability traces, order, dead letters.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ExecutionEvent } from "../telemetry/event-schema";
import { addToSpool, DEAD_LETTER_DIR, listSpool, replaySpool, type Deliver, type SpoolConfig } from "./spool";

const ev = (id: string, extra: Partial<ExecutionEvent> = {}): ExecutionEvent => ({ id, operation: "op", startedAt: "2026-11-25T06:00:00Z", durationMs: 1, success: true, ...extra });
let root: string;
let config: SpoolConfig;
let warnings: string[];
const warn = (line: string) => warnings.push(line);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "pa-spool-"));
  config = { dir: join(root, "spool"), maxEvents: 100, maxBytes: 1024 * 1024 };
  warnings = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const spooledIds = () => listSpool(config.dir).map((e) => (JSON.parse(readFileSync(e.path, "utf8")) as ExecutionEvent[])[0]!.id);

describe("the spool", () => {
  it("names a file from the time and a hash, never from the id, and keeps it inside the folder", () => {
    const path = addToSpool(ev("../../etc/x"), config, warn)!;
    expect(path.startsWith(config.dir + "/")).toBe(true);
    expect(path.slice(config.dir.length + 1)).toMatch(/^\d{13}-\d{6}-[0-9a-f]{20}\.json$/);
    expect(readdirSync(root).sort()).toEqual(["spool"]);
    expect(readdirSync(config.dir)).toHaveLength(1); // no temporary file left behind
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(config.dir).mode & 0o777).toBe(0o700);
  });

  it("drops the oldest events past the count limit, naming the execution dropped", () => {
    config.maxEvents = 3;
    for (const id of ["a", "b", "c", "d", "e"]) addToSpool(ev(id), config, warn);
    expect(spooledIds()).toEqual(["c", "d", "e"]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/the spool is full \(limit 3 events, .*\): dropped the oldest event, execution a \(\d+-\d+-[0-9a-f]+\.json, spooled 20\d\d-/);
    expect(warnings[1]).toContain("dropped the oldest event, execution b (");
  });

  it("names the first few executions of a large drop in one line, and counts the rest", () => {
    for (const id of ["a", "b", "c", "d", "e", "f", "g", "h"]) addToSpool(ev(id), config, warn);
    writeFileSync(join(config.dir, "0000000000001-000000-broken.json"), "not json");
    config.maxEvents = 2; // lowered: seven files go at once, the unreadable oldest first
    addToSpool(ev("new"), config, warn);
    expect(spooledIds()).toEqual(["h", "new"]);
    expect(warnings).toEqual([expect.stringMatching(/^the spool is full \(limit 2 events, .*\): dropped the 8 oldest events, executions \(unreadable\), a, b, c, d and 3 more \(spooled 1970-.* to 20\d\d-/)]);
  });

  it("drops the oldest events past the byte limit, and refuses one event larger than the whole spool", () => {
    const big = (id: string) => ev(id, { inputs: { blob: "x".repeat(400) } });
    config.maxBytes = 1100;
    for (const id of ["a", "b", "c"]) addToSpool(big(id), config, warn);
    expect(spooledIds()).toEqual(["b", "c"]);
    expect(listSpool(config.dir).reduce((s, e) => s + e.bytes, 0)).toBeLessThanOrEqual(1100);
    expect(addToSpool(ev("huge", { inputs: { blob: "x".repeat(2000) } }), config, warn)).toBeNull();
    expect(warnings.at(-1)).toContain("execution huge is");
    expect(spooledIds()).toEqual(["b", "c"]);
  });

  it("replays oldest first, moves a refused event to the dead letters and carries on past it", async () => {
    for (const id of ["a", "bad", "c"]) addToSpool(ev(id), config, warn);
    const sent: string[] = [];
    const deliver: Deliver = async ([e]) => {
      sent.push(e!.id!);
      return e!.id === "bad" ? { kind: "refused", status: 400, reason: "event 0, field x: no" } : { kind: "delivered" };
    };
    const report = await replaySpool(deliver, config, warn);
    expect(sent).toEqual(["a", "bad", "c"]);
    expect(report.delivered).toHaveLength(2);
    expect(report.deadLetters).toEqual([{ file: expect.stringContaining(`/${DEAD_LETTER_DIR}/`), ids: ["bad"], reason: "refused with 400: event 0, field x: no" }]);
    expect(listSpool(config.dir)).toEqual([]);
    const dead = report.deadLetters[0]!.file;
    expect(JSON.parse(readFileSync(dead, "utf8"))).toEqual([ev("bad")]); // re-sendable as it is
    expect(readFileSync(dead.replace(/\.json$/, ".reason.txt"), "utf8")).toContain("refused with 400: event 0, field x: no");
  });

  it("stops at the first deferred event and keeps it and everything after it, in order", async () => {
    for (const id of ["a", "b", "c"]) addToSpool(ev(id), config, warn);
    const deliver: Deliver = async ([e]) => (e!.id === "b" ? { kind: "deferred", reason: "server away" } : { kind: "delivered" });
    const report = await replaySpool(deliver, config, warn);
    expect(report.stopped).toEqual({ reason: "server away", waiting: 2 });
    expect(spooledIds()).toEqual(["b", "c"]);
  });

  it("files an unreadable spool file as a dead letter instead of blocking on it", async () => {
    mkdirSync(config.dir, { recursive: true });
    writeFileSync(join(config.dir, "0000000000001-half.json"), '[{"id": "trunc');
    addToSpool(ev("after"), config, warn);
    const sent: string[] = [];
    const report = await replaySpool(async ([e]) => (sent.push(e!.id!), { kind: "delivered" }), config, warn);
    expect(sent).toEqual(["after"]);
    expect(report.deadLetters).toEqual([expect.objectContaining({ ids: [], reason: expect.stringContaining("not a JSON array") })]);
  });

  it("bounds the dead letters too", async () => {
    config.maxEvents = 2;
    for (const round of [1, 2, 3]) {
      addToSpool(ev(`bad-${round}`), config, warn);
      await replaySpool(async () => ({ kind: "refused", reason: "no" }), config, warn);
    }
    const dead = readdirSync(join(config.dir, DEAD_LETTER_DIR)).sort();
    expect(dead.filter((n) => n.endsWith(".json"))).toHaveLength(2);
    expect(dead.filter((n) => n.endsWith(".reason.txt"))).toHaveLength(2);
    expect(warnings.some((w) => w.startsWith("the dead-letter folder is full"))).toBe(true);
  });
});
