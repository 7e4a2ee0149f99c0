// Records one execution for `patterns exec`. The event goes into the spool first (fsynced), then the whole
// spool is replayed oldest first with the new event last: a crash, a Ctrl-C or an absent server loses
// nothing, and events arrive in the order they ran. Where the event ended up is returned for the message.
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import type { ExecutionEvent } from "../telemetry/event-schema";
import { addToSpool, DEAD_LETTER_DIR, replaySpool, type Deliver, type ReplayReport, type SpoolConfig, type Warn } from "./spool";

export type Fate =
  | { kind: "delivered" }
  /** The destination already held an execution with this id (a re-used `--id`): it was not stored again. */
  | { kind: "duplicate" }
  | { kind: "spooled"; file: string; reason: string }
  | { kind: "dead-letter"; file: string; reason: string }
  /** Another `patterns` process replaying the same spool took it (sent it, or filed it as a dead letter). */
  | { kind: "taken" }
  | { kind: "lost"; reason: string };

export interface RecordOutcome {
  fate: Fate;
  replay: ReplayReport;
  /** Earlier spooled events delivered on the way. */
  replayed: number;
}

export async function record(event: ExecutionEvent, deliver: Deliver, config: SpoolConfig, warn: Warn): Promise<RecordOutcome> {
  let file: string | null = null;
  let spoolProblem = "it was too large for the spool";
  try {
    file = addToSpool(event, config, warn);
  } catch (error) {
    spoolProblem = `the spool ${config.dir} is not writable (${(error as Error).message})`;
    warn(`${spoolProblem}; sending without it`);
  }
  const replay = await replaySpool(deliver, config, warn);
  const replayed = replay.delivered.filter((f) => f !== file).length;
  if (file) return { fate: fateOf(file, replay, config), replay, replayed };

  // Not in the spool: send it straight away (after the older ones, if they went).
  const result = await deliver([event]);
  const fate: Fate =
    result.kind === "delivered"
      ? { kind: result.duplicates ? "duplicate" : "delivered" }
      : { kind: "lost", reason: `${result.kind === "refused" && result.status ? `refused with ${result.status}: ` : ""}${result.reason}; ${spoolProblem}` };
  return { fate, replay, replayed };
}

function fateOf(file: string, replay: ReplayReport, config: SpoolConfig): Fate {
  if (replay.alreadyRecorded.some((a) => a.file === file)) return { kind: "duplicate" };
  if (replay.delivered.includes(file)) return { kind: "delivered" };
  const dead = replay.deadLetters.find((d) => basename(d.file) === basename(file));
  if (dead) return { kind: "dead-letter", file: dead.file, reason: dead.reason };
  if (existsSync(file)) return { kind: "spooled", file, reason: replay.stopped?.reason ?? "not sent yet" };
  const deadElsewhere = join(config.dir, DEAD_LETTER_DIR, basename(file));
  if (existsSync(deadElsewhere)) return { kind: "dead-letter", file: deadElsewhere, reason: "refused (filed by another patterns process)" };
  return { kind: "taken" };
}
