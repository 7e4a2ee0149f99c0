// The decisions of a week that change a pattern's standing, from the audit log: turned degrading or
// recovered (AUTO-007), quarantined or lifted (AUTO-005; the registry entry names the pattern).
import type { DbHandle } from "../../db/client";
import { toMs } from "../../analysis/read";
import { rawAll } from "../../db/raw";

export const STATUS_ACTIONS = ["evolution.degrading", "evolution.recovered", "quarantine.apply", "quarantine.lift"] as const;

export interface StatusEvent {
  action: (typeof STATUS_ACTIONS)[number];
  patternId: string;
  at: Date;
}

export async function getStatusEvents(db: DbHandle, window: { from: Date; to: Date }): Promise<StatusEvent[]> {
  const rows = await rawAll<{ action: StatusEvent["action"]; patternId: string | null; at: unknown }>(
    db,
    `SELECT ae."action", CASE WHEN ae."targetType" = 'pattern' THEN ae."targetId" ELSE ap."patternId" END AS "patternId", ae."at"
     FROM "audit_events" ae LEFT JOIN "anti_patterns" ap ON ae."targetType" = 'anti_pattern' AND ap."id" = ae."targetId"
     WHERE ae."at" >= ? AND ae."at" < ? AND ae."action" IN (${STATUS_ACTIONS.map(() => "?").join(", ")})
     ORDER BY ae."at", ae."id"`,
    [window.from, window.to, ...STATUS_ACTIONS],
  );
  return rows.flatMap((r) => (r.patternId ? [{ action: r.action, patternId: r.patternId, at: new Date(toMs(r.at)) }] : []));
}
