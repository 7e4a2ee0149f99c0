// AUTO-007 step: weekly success rates of the patterns that ran (outage runs left out), and the "degrading" flag raised or cleared
// by the two-proportion test in lib/detectors/evolution.ts.
import { addWeeks, assessDegradation, isoWeekOf, weekStart } from "../../detectors/evolution";
import { inChunks, updateRows } from "../../db/raw";
import { outageRuns, weeklyTotalsOutsideOutages } from "../pattern-runs";
import { touchedPatterns } from "../read";
import type { AnalysisStep, StepOutcome } from "../types";
import { auditRow } from "../../audit/audit";

const WEEKS_READ = 7; // the 2 recent and 4 earlier weeks the test compares, and one spare

export const evolutionStep: AnalysisStep = {
  name: "AUTO-007 evolution",
  run: async (ctx): Promise<StepOutcome> => {
    const touched = await touchedPatterns(ctx);
    if (touched.length === 0) return { counts: {}, findings: [], persist: async () => {} };
    const nowWeek = isoWeekOf(ctx.now.getTime());
    const since = weekStart(addWeeks(nowWeek, -WEEKS_READ));
    // Runs inside an outage are nobody's fault: left out here as they are from quarantine decisions.
    const weekly = await weeklyTotalsOutsideOutages(ctx.db, touched, since, await outageRuns(ctx));
    const patterns = await ctx.db.prisma.pattern.findMany({
      where: { id: { in: touched } },
      select: { id: true, degrading: true, degradingBaseline: true, degradingSince: true },
    });
    const changes: Array<{ id: string; degrading: boolean; baseline: string | null; reason: string }> = [];
    const findings: string[] = [];
    for (const p of patterns) {
      const weeks = weekly.get(p.id) ?? [];
      let baseline: { runs: number; successes: number } | null = null;
      try {
        baseline = p.degradingBaseline ? (JSON.parse(p.degradingBaseline) as { runs: number; successes: number }) : null;
      } catch {
        baseline = null;
      }
      const a = assessDegradation(weeks, nowWeek, { degrading: p.degrading, baseline });
      const nextBaseline = a.baseline ? JSON.stringify(a.baseline) : null;
      if (a.degrading !== p.degrading || nextBaseline !== p.degradingBaseline) {
        changes.push({ id: p.id, degrading: a.degrading, baseline: nextBaseline, reason: a.reason });
        if (a.degrading !== p.degrading) findings.push(`${p.id} ${a.degrading ? "is degrading" : "recovered"}: ${a.reason}`);
      }
    }
    const byId = new Map(patterns.map((p) => [p.id, p]));
    const flagged = changes.filter((c) => c.degrading && !byId.get(c.id)!.degrading).length;
    const cleared = changes.filter((c) => !c.degrading && byId.get(c.id)!.degrading).length;
    return {
      counts: { degradingFlagged: flagged, degradingCleared: cleared },
      findings,
      persist: async (tx) => {
        const audits = [];
        await updateRows(
          tx, ctx.db.dialect, "patterns", "id", { degrading: "boolean", degradingBaseline: "text", degradingSince: "timestamp(3)" },
          changes.map((c) => {
            const before = byId.get(c.id)!;
            const since = c.degrading === before.degrading ? before.degradingSince : c.degrading ? ctx.now : null;
            return { key: c.id, set: { degrading: c.degrading, degradingBaseline: c.baseline, degradingSince: since } };
          }),
        );
        for (const c of changes) {
          const before = byId.get(c.id)!;
          if (c.degrading !== before.degrading) {
            audits.push(auditRow({ id: `aud_${ctx.runId}_${c.id}_evo`, at: ctx.now, actor: "system", action: c.degrading ? "evolution.degrading" : "evolution.recovered", target: { type: "pattern", id: c.id }, reason: c.reason }));
          }
        }
        await inChunks(audits, (data) => tx.auditEvent.createMany({ data }));
      },
    };
  },
};
