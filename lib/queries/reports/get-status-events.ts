// The decisions of a week that change a pattern's standing, from the audit log: turned degrading or
// recovered (AUTO-007, with the day the failure rate changed and the runs before and since, as the
// analysis run recorded them), quarantined or lifted (AUTO-005; the registry entry names the pattern).
import type { DbHandle } from "../../db/client";
import { toMs } from "../../db/raw";
import { rawAll } from "../../db/raw";
import type { RunCounts } from "../../detectors/change-point";
import { parseStoredJson } from "../stored-json";

export const STATUS_ACTIONS = ["evolution.degrading", "evolution.recovered", "quarantine.apply", "quarantine.lift"] as const;

export interface StatusEvent {
  action: (typeof STATUS_ACTIONS)[number];
  patternId: string;
  at: Date;
  /** evolution.degrading: the change the flag was raised on (absent on events recorded before it was kept) */
  degradation?: { since: string; before: RunCounts; after: RunCounts };
}

const isCounts = (x: unknown): x is RunCounts =>
  typeof x === "object" && x !== null && Number.isFinite((x as RunCounts).runs) && Number.isFinite((x as RunCounts).failures);

function degradationOf(details: string): StatusEvent["degradation"] {
  const d = parseStoredJson<Record<string, unknown>>(details, {});
  return typeof d.since === "string" && isCounts(d.before) && isCounts(d.after) ? { since: d.since, before: d.before, after: d.after } : undefined;
}

export async function getStatusEvents(db: DbHandle, window: { from: Date; to: Date }): Promise<StatusEvent[]> {
  const rows = await rawAll<{ action: StatusEvent["action"]; patternId: string | null; at: unknown; details: string }>(
    db,
    `SELECT ae."action", CASE WHEN ae."targetType" = 'pattern' THEN ae."targetId" ELSE ap."patternId" END AS "patternId", ae."at", ae."details"
     FROM "audit_events" ae LEFT JOIN "anti_patterns" ap ON ae."targetType" = 'anti_pattern' AND ap."id" = ae."targetId"
     WHERE ae."at" >= ? AND ae."at" < ? AND ae."action" IN (${STATUS_ACTIONS.map(() => "?").join(", ")})
     ORDER BY ae."at", ae."id"`,
    [window.from, window.to, ...STATUS_ACTIONS],
  );
  return rows.flatMap((r) => {
    if (!r.patternId) return [];
    const degradation = r.action === "evolution.degrading" ? degradationOf(r.details) : undefined;
    return [{ action: r.action, patternId: r.patternId, at: new Date(toMs(r.at)), ...(degradation ? { degradation } : {}) }];
  });
}
