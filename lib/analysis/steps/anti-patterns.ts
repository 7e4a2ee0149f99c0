// AUTO-005 step: recurring error signatures into the registry, and patterns whose recent runs fail too
// often quarantined (aggressive mode) or proposed for quarantine, with outages and lifted history excluded.
import { assessPattern, recurringErrors } from "../../detectors/anti-patterns";
import type { ErrorTally, PatternHealth } from "../../detectors/types";
import { detectorSettings } from "../../schemas/settings";
import { patternsWithNewRuns, toMs } from "../read";
import { runWindow } from "../window";
import type { AnalysisStep, Tx } from "../types";

const DAY = 86_400_000;
const WINDOW_DAYS = 30;

async function recurringTallies(ctx: Parameters<AnalysisStep["run"]>[0]): Promise<ErrorTally[]> {
  // Signatures that failed in the new executions, counted over everything retained.
  const keys = await ctx.db.prisma.$queryRaw<Array<{ errorKey: string }>>`
    SELECT DISTINCT "errorKey" FROM "executions" WHERE "seq" > ${ctx.fromSeq} AND "seq" <= ${ctx.toSeq} AND "success" = ${false} AND "errorKey" IS NOT NULL`;
  if (keys.length === 0) return [];
  const rows = await ctx.db.prisma.execution.groupBy({
    by: ["errorKey", "patternId"],
    where: { errorKey: { in: keys.map((k) => k.errorKey) }, success: false },
    _count: { _all: true },
    _min: { startedAt: true, errorSignature: true },
    _max: { startedAt: true },
  });
  const byKey = new Map<string, ErrorTally>();
  for (const r of rows) {
    const key = r.errorKey!;
    const t = byKey.get(key) ?? { errorKey: key, signature: r._min.errorSignature ?? "", occurrences: 0, firstAt: Infinity, lastAt: -Infinity, patternIds: [] };
    t.occurrences += r._count._all;
    t.firstAt = Math.min(t.firstAt, toMs(r._min.startedAt));
    t.lastAt = Math.max(t.lastAt, toMs(r._max.startedAt));
    if (r.patternId) t.patternIds.push(r.patternId);
    byKey.set(key, t);
  }
  return [...byKey.values()];
}

interface QuarantinePlan {
  patternId: string;
  health: PatternHealth;
  existing: { id: string; status: string } | null;
  patternStatus: string;
}

export const antiPatternsStep: AnalysisStep = {
  name: "AUTO-005 anti-patterns and quarantine",
  run: async (ctx) => {
    const settings = detectorSettings(ctx.settings);
    const now = ctx.now.getTime();
    const recurring = recurringErrors(await recurringTallies(ctx));
    const known = new Set(
      (await ctx.db.prisma.antiPattern.findMany({ where: { key: { in: recurring.map((r) => `error:${r.errorKey}`) } }, select: { key: true } })).map((a) => a.key),
    );
    const touched = await patternsWithNewRuns(ctx.db, ctx.fromSeq, ctx.toSeq);
    const plans: QuarantinePlan[] = [];
    if (touched.length) {
      const { byPattern, outages } = await runWindow(ctx);
      const registry = new Map(
        (await ctx.db.prisma.antiPattern.findMany({ where: { key: { in: touched.map((p) => `pattern:${p}`) } } })).map((a) => [a.patternId!, a]),
      );
      const statuses = new Map((await ctx.db.prisma.pattern.findMany({ where: { id: { in: touched } }, select: { id: true, status: true, kind: true } })).map((p) => [p.id, p]));
      for (const patternId of touched) {
        const pattern = statuses.get(patternId);
        if (!pattern || pattern.kind === "self_heal" || pattern.status === "archived") continue;
        const entry = registry.get(patternId) ?? null;
        const runs = (byPattern.get(patternId) ?? []).filter((r) => r.startedAt >= now - WINDOW_DAYS * DAY);
        const health = assessPattern(runs, { now, countFrom: entry?.countFrom ? entry.countFrom.getTime() : null, outages }, settings);
        if (health.quarantine || entry) plans.push({ patternId, health, existing: entry ? { id: entry.id, status: entry.status } : null, patternStatus: pattern.status });
      }
    }
    const counts = { recurringErrors: recurring.filter((r) => !known.has(`error:${r.errorKey}`)).length, quarantined: 0, proposed: 0 };
    const findings: string[] = [];
    for (const p of plans) {
      if (!p.health.quarantine || p.patternStatus === "quarantined" || p.existing?.status === "quarantined") continue;
      if (settings.aggressiveMode) counts.quarantined++;
      else if (p.existing?.status !== "proposed") counts.proposed++;
      findings.push(`${settings.aggressiveMode ? "quarantined" : "proposed quarantine of"} ${p.patternId} (${p.health.classification}): ${p.health.reason}`);
    }
    return {
      counts,
      findings,
      persist: async (tx) => {
        for (const r of recurring) await saveRecurring(tx, r, !known.has(`error:${r.errorKey}`), ctx.now, ctx.runId);
        for (const p of plans) await saveQuarantine(tx, p, settings.aggressiveMode, ctx.now, ctx.runId);
      },
    };
  },
};

async function saveRecurring(tx: Tx, r: ErrorTally & { reason: string }, isNew: boolean, now: Date, runId: string): Promise<void> {
  const key = `error:${r.errorKey}`;
  const evidence = JSON.stringify({ patternIds: r.patternIds, reason: r.reason });
  const data = { signature: r.signature, occurrences: r.occurrences, evidence, firstSeenAt: new Date(r.firstAt), lastSeenAt: new Date(r.lastAt), updatedAt: now };
  const created = await tx.antiPattern.upsert({
    where: { key },
    create: { id: `ap_${r.errorKey}`, key, kind: "recurring_error", signatureKey: r.errorKey, status: "monitoring", createdAt: now, ...data },
    update: data,
  });
  if (isNew) {
    await tx.auditEvent.create({ data: { id: `aud_${runId}_${created.id}`, at: now, actor: "system", action: "anti_pattern.detect", targetType: "anti_pattern", targetId: created.id, reason: r.reason } });
  }
}

async function saveQuarantine(tx: Tx, p: QuarantinePlan, aggressive: boolean, now: Date, runId: string): Promise<void> {
  const { health } = p;
  const key = `pattern:${p.patternId}`;
  const base = {
    failureRate: health.failureRate,
    occurrences: health.failures,
    classification: health.classification,
    evidence: JSON.stringify({ ...health.evidence, considered: health.considered, interval: health.interval, reason: health.reason }),
    lastSeenAt: new Date(health.evidence.windowEnd),
    updatedAt: now,
  };
  const alreadyQuarantined = p.existing?.status === "quarantined" || p.patternStatus === "quarantined";
  const act = health.quarantine && !alreadyQuarantined;
  const status = act ? (aggressive ? "quarantined" : "proposed") : (p.existing?.status ?? "monitoring");
  const entry = await tx.antiPattern.upsert({
    where: { key },
    create: { id: `ap_${p.patternId}`, key, kind: "failing_pattern", patternId: p.patternId, status, firstSeenAt: new Date(health.evidence.windowStart), createdAt: now, ...base },
    update: { ...base, status },
  });
  if (!act || p.existing?.status === status) return;
  if (aggressive) {
    await tx.pattern.update({ where: { id: p.patternId }, data: { status: "quarantined", quarantinedAt: now, quarantineReason: health.reason, updatedAt: now } });
  }
  await tx.auditEvent.create({
    data: {
      id: `aud_${runId}_${entry.id}`, at: now, actor: "system", action: aggressive ? "quarantine.apply" : "quarantine.propose",
      targetType: "anti_pattern", targetId: entry.id, reason: `${health.classification}: ${health.reason}`,
    },
  });
}
