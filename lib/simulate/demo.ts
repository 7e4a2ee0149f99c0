// The demo workspace: simulated telemetry through the normal ingest path, so what people see in the
// demo is what real telemetry would produce.
import { randomUUID } from "node:crypto";
import type { DbHandle } from "../db/client";
import { ingestEvents } from "../telemetry/ingest";
import { simulateTelemetry } from "./telemetry";

export interface DemoResult {
  accepted: number;
  duplicates: number;
  patterns: number;
}

export async function loadDemo(db: DbHandle, opts: { now?: number; actor?: string; seed?: number } = {}): Promise<DemoResult> {
  const now = opts.now ?? Date.now();
  const { events, truth } = simulateTelemetry({ now, seed: opts.seed ?? 42 });
  const outcome = await ingestEvents(db, events, { maxEvents: Number.POSITIVE_INFINITY, actor: opts.actor ?? "demo", now });
  if (!outcome.ok) throw new Error(`demo telemetry was refused: ${outcome.errors[0]?.message ?? "invalid"}`);
  await db.prisma.auditEvent.create({
    data: {
      id: `aud_${randomUUID()}`,
      at: new Date(now),
      actor: opts.actor ?? "demo",
      action: "demo.load",
      targetType: "workspace",
      targetId: "demo",
      details: JSON.stringify({ accepted: outcome.accepted, duplicates: outcome.duplicates }),
    },
  });
  return { accepted: outcome.accepted, duplicates: outcome.duplicates, patterns: truth.patterns.length };
}
