// AUTO-007 step: the daily totals of the patterns that ran (outage runs left out), and the "degrading" flag
// raised or cleared by the change-point rule in lib/detectors/evolution.ts, with the day the rate changed.
import { assessDegradation, type DegradationState } from "../../detectors/evolution";
import { bool, insertObjects, rawArrays, textList, toMs, updateRows } from "../../db/raw";
import { outageRuns, dailyTotalsOutsideOutages, touchedDailyTotals } from "../pattern-runs";
import { touchedPatterns } from "../read";
import type { AnalysisStep, StepOutcome } from "../types";
import { auditRow } from "../../audit/audit";
import { parseStoredDegradation, type StoredDegradation } from "../../queries/patterns/degradation-figures";

const DAY = 86_400_000;
const dayOf = (t: number) => new Date(Math.floor(t / DAY) * DAY).toISOString().slice(0, 10);

export const evolutionStep: AnalysisStep = {
  name: "AUTO-007 evolution",
  run: async (ctx): Promise<StepOutcome> => {
    const touched = await touchedPatterns(ctx);
    if (touched.length === 0) return { counts: {}, findings: [], persist: async () => {} };
    const today = dayOf(ctx.now.getTime());
    const patterns = (
      await rawArrays<[string, unknown, string | null, unknown]>(
        ctx.db,
        `SELECT "id", "degrading", "degradingBaseline", "degradingSince" FROM "patterns" WHERE "id" IN ${textList(ctx.db.dialect)}`,
        [JSON.stringify(touched)],
      )
    ).map(([id, degrading, degradingBaseline, since]) => ({ id, degrading: bool(degrading), degradingBaseline, degradingSince: since === null ? null : new Date(toMs(since)) }));
    // Runs inside an outage are nobody's fault: left out here as they are from quarantine decisions. The
    // days before the last 4 weeks (before the quarantine window's 30, which shares the read) come as one
    // total, except for a flag raised before then, whose runs since its day are counted.
    const shared = await touchedDailyTotals(ctx);
    const { from, dailyFrom } = shared;
    const daily = new Map(shared.byPattern);
    const older = patterns.filter((p) => p.degrading && p.degradingSince && dayOf(p.degradingSince.getTime()) < dailyFrom).map((p) => p.id);
    if (older.length) for (const [id, days] of await dailyTotalsOutsideOutages(ctx.db, older, { from, dailyFrom: from }, await outageRuns(ctx))) daily.set(id, days);
    const changes: Array<{ id: string; degrading: boolean; since: Date | null; stored: string | null; reason: string; details: Record<string, unknown> }> = [];
    const findings: string[] = [];
    for (const p of patterns) {
      const stored = parseStoredDegradation(p.degradingBaseline);
      const state: DegradationState = {
        degrading: p.degrading && stored !== null && p.degradingSince !== null,
        since: p.degradingSince ? dayOf(p.degradingSince.getTime()) : null,
        before: stored?.before ?? null,
      };
      const a = assessDegradation(daily.get(p.id) ?? [], today, state);
      const json = a.degrading && a.before && a.after ? JSON.stringify({ before: a.before, after: a.after } satisfies StoredDegradation) : null;
      const since = a.since ? new Date(`${a.since}T00:00:00.000Z`) : null;
      if (a.degrading !== p.degrading || json !== p.degradingBaseline || since?.getTime() !== p.degradingSince?.getTime()) {
        changes.push({ id: p.id, degrading: a.degrading, since, stored: json, reason: a.reason, details: a.degrading ? { since: a.since, before: a.before, after: a.after } : {} });
        if (a.degrading !== p.degrading) findings.push(`${p.id} ${a.degrading ? `is degrading since ${a.since}` : "recovered"}: ${a.reason}`);
      }
    }
    const byId = new Map(patterns.map((p) => [p.id, p]));
    const flagged = changes.filter((c) => c.degrading && !byId.get(c.id)!.degrading).length;
    const cleared = changes.filter((c) => !c.degrading && byId.get(c.id)!.degrading).length;
    return {
      counts: { degradingFlagged: flagged, degradingCleared: cleared },
      findings,
      persist: async (tx) => {
        await updateRows(
          tx, ctx.db.dialect, "patterns", "id", { degrading: "boolean", degradingBaseline: "text", degradingSince: "timestamp(3)" },
          changes.map((c) => ({ key: c.id, set: { degrading: c.degrading, degradingBaseline: c.stored, degradingSince: c.since } })),
        );
        const audits = changes
          .filter((c) => c.degrading !== byId.get(c.id)!.degrading)
          .map((c) =>
            auditRow({
              id: `aud_${ctx.runId}_${c.id}_evo`, at: ctx.now, actor: "system", action: c.degrading ? "evolution.degrading" : "evolution.recovered",
              target: { type: "pattern", id: c.id }, reason: c.reason, details: c.details,
            }),
          );
        await insertObjects(tx, ctx.db.dialect, "audit_events", audits);
      },
    };
  },
};
