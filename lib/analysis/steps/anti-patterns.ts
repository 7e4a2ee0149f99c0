// AUTO-005 step: recurring error signatures into the registry, and patterns whose recent runs fail too
// often quarantined (aggressive mode) or proposed for quarantine, with outages and lifted history excluded.
// The step reads the runs and persists; the registry's state changes are rules in detectors/quarantine-state,
// and which patterns need their runs read at all is detectors/anti-patterns' couldQuarantine.
import { assessPattern, couldQuarantine, moreToRead, QUARANTINE_MAX_RUNS, QUARANTINE_WINDOW_MS, recurringErrors } from "../../detectors/anti-patterns";
import { isJudged, quarantineTransition, type QuarantineTransition } from "../../detectors/quarantine-state";
import type { ErrorTally, PatternHealth } from "../../detectors/types";
import { detectorSettings } from "../../schemas/settings";
import type { DbHandle } from "../../db/client";
import { insertObjects, rawAll, rawArrays, textList, updateRows } from "../../db/raw";
import { toMs } from "../../db/raw";
import { touchedPatterns } from "../read";
import { mapLimit, readConcurrency } from "../concurrency";
import { runOutages } from "../outages";
import { latestEligibleRuns, latestPages, outageRuns, realIds, touchedDailyTotals, windowTotals } from "../pattern-runs";
import type { AnalysisStep, Tx } from "../types";
import { auditRow } from "../../audit/audit";
import { deletionHorizon } from "../../retention/deletion-horizon";

/** Read per pattern: the latest 50 and a few more, so a short trailing failure streak is seen to begin. */
const LATEST_RUNS = QUARANTINE_MAX_RUNS + 14;

/**
 * Tallies of the signatures that failed in the new executions. A signature already in the registry is
 * its stored tally plus the new failures (so the count is of every failure seen, retention or not); one
 * not yet there is counted over every retained failure, which is little, as it had fewer than 3.
 */
async function recurringTallies(ctx: Parameters<AnalysisStep["run"]>[0]): Promise<{ tallies: ErrorTally[]; known: Set<string> }> {
  const fresh = await rawAll<{ errorKey: string; patternId: string | null; n: unknown; firstAt: unknown; lastAt: unknown; signature: string | null }>(
    ctx.db,
    `SELECT "errorKey", "patternId", COUNT(*) AS "n", MIN("startedAt") AS "firstAt", MAX("startedAt") AS "lastAt", MIN("errorSignature") AS "signature"
     FROM "executions" WHERE "seq" > ? AND "seq" <= ? AND "success" = ? AND "errorKey" IS NOT NULL GROUP BY "errorKey", "patternId"`,
    [ctx.fromSeq, ctx.toSeq, false],
  );
  if (fresh.length === 0) return { tallies: [], known: new Set() };
  const keys = [...new Set(fresh.map((r) => r.errorKey))];
  const registered = new Map(
    (await ctx.db.prisma.antiPattern.findMany({
      where: { key: { in: keys.map((k) => `error:${k}`) } },
      select: { signatureKey: true, signature: true, occurrences: true, firstSeenAt: true, lastSeenAt: true, evidence: true },
    })).map((a) => [a.signatureKey!, a]),
  );
  const byKey = new Map<string, ErrorTally>();
  const add = (key: string, signature: string, n: number, firstAt: number, lastAt: number, patternId: string | null) => {
    const t = byKey.get(key) ?? { errorKey: key, signature, occurrences: 0, firstAt: Infinity, lastAt: -Infinity, patternIds: [] };
    t.occurrences += n;
    t.firstAt = Math.min(t.firstAt, firstAt);
    t.lastAt = Math.max(t.lastAt, lastAt);
    if (patternId) t.patternIds.push(patternId);
    byKey.set(key, t);
  };
  for (const [key, a] of registered) {
    let patternIds: string[] = [];
    try {
      patternIds = (JSON.parse(a.evidence) as { patternIds?: string[] }).patternIds ?? [];
    } catch {
      patternIds = [];
    }
    add(key, a.signature ?? "", a.occurrences, a.firstSeenAt.getTime(), a.lastSeenAt.getTime(), null);
    byKey.get(key)!.patternIds.push(...patternIds);
  }
  for (const r of fresh) {
    if (registered.has(r.errorKey)) add(r.errorKey, r.signature ?? "", Number(r.n), toMs(r.firstAt), toMs(r.lastAt), r.patternId);
  }
  const unregistered = keys.filter((k) => !registered.has(k));
  if (unregistered.length) {
    const rows = await ctx.db.prisma.execution.groupBy({
      by: ["errorKey", "patternId"],
      where: { errorKey: { in: unregistered }, success: false, seq: { lte: ctx.toSeq } }, // not past this run: the next one adds those
      _count: { _all: true },
      _min: { startedAt: true, errorSignature: true },
      _max: { startedAt: true },
    });
    for (const r of rows) add(r.errorKey!, r._min.errorSignature ?? "", r._count._all, toMs(r._min.startedAt), toMs(r._max.startedAt), r.patternId);
  }
  return { tallies: [...byKey.values()], known: new Set([...registered.keys()].map((k) => `error:${k}`)) };
}

interface RegistryEntry {
  id: string;
  status: string;
  classification: string | null;
  failureRate: number;
  /** runs before it do not count (a quarantine lifted then) */
  countFrom: number | null;
}

/** The patterns' status and kind, and their registry entries where they have one, in one statement. */
async function patternsAndEntries(db: DbHandle, patternIds: readonly string[]) {
  const rows = await rawArrays<[string, string, string, string | null, string | null, string | null, unknown, unknown]>(
    db,
    `SELECT p."id", p."status", p."kind", a."id", a."status", a."classification", a."failureRate", a."countFrom"
     FROM "patterns" p LEFT JOIN "anti_patterns" a ON a."key" = 'pattern:' || p."id" WHERE p."id" IN ${textList(db.dialect)}`,
    [JSON.stringify(patternIds)],
  );
  const statuses = new Map<string, { status: string; kind: string }>();
  const registry = new Map<string, RegistryEntry>();
  for (const [patternId, status, kind, entryId, entryStatus, classification, failureRate, countFrom] of rows) {
    statuses.set(patternId, { status, kind });
    if (entryId !== null) {
      registry.set(patternId, { id: entryId, status: entryStatus!, classification, failureRate: Number(failureRate), countFrom: countFrom === null ? null : toMs(countFrom) });
    }
  }
  return { statuses, registry };
}

interface QuarantinePlan {
  patternId: string;
  health: PatternHealth;
  existing: { id: string; status: string } | null;
  transition: QuarantineTransition;
}

export const antiPatternsStep: AnalysisStep = {
  name: "AUTO-005 anti-patterns and quarantine",
  run: async (ctx) => {
    const settings = detectorSettings(ctx.settings);
    const now = ctx.now.getTime();
    const { tallies, known } = await recurringTallies(ctx);
    const recurring = recurringErrors(tallies);
    const touched = await touchedPatterns(ctx);
    const plans: QuarantinePlan[] = [];
    if (touched.length) {
      const { windows: outages } = await runOutages(ctx);
      const { statuses, registry } = await patternsAndEntries(ctx.db, touched);
      const inOutages = await outageRuns(ctx);
      // a pattern with no registry entry gets one only when quarantined: those whose daily totals rule
      // that out are not read (most of what an incremental run touches)
      const { byPattern: daily } = await touchedDailyTotals(ctx);
      const bounds = { now, windowStart: now - QUARANTINE_WINDOW_MS, completeFrom: await deletionHorizon(ctx.db) };
      const judged = touched.filter((id) => {
        const pattern = statuses.get(id);
        if (!pattern || !isJudged(pattern, registry.get(id)?.status)) return false;
        return registry.has(id) || couldQuarantine(daily.get(id) ?? [], bounds, settings);
      });
      const rangeOf = (patternId: string) => {
        const countFrom = registry.get(patternId)?.countFrom ?? Number.NEGATIVE_INFINITY;
        return { patternId, from: Math.max(now - QUARANTINE_WINDOW_MS, countFrom), to: now };
      };
      const pages = await latestPages(ctx.db, judged.map(rangeOf), LATEST_RUNS, inOutages);
      const assessed = await mapLimit(judged, readConcurrency(ctx.db), async (patternId) => {
        const pattern = statuses.get(patternId)!;
        const entry = registry.get(patternId) ?? null;
        const range = rangeOf(patternId);
        let { runs, complete } = await latestEligibleRuns(ctx.db, patternId, range, outages, LATEST_RUNS, pages.get(patternId));
        const more = moreToRead(runs, complete);
        if (more === "every run") ({ runs, complete } = await latestEligibleRuns(ctx.db, patternId, range, outages, Number.POSITIVE_INFINITY));
        const window = more === "window totals" ? await windowTotals(ctx.db, patternId, range, inOutages.get(patternId) ?? []) : undefined;
        const health = assessPattern(runs, { now, countFrom: entry?.countFrom ?? null, outages, window }, settings);
        const transition = quarantineTransition(health, entry, pattern.status, settings.aggressiveMode);
        return transition.write ? { patternId, health, existing: entry ? { id: entry.id, status: entry.status } : null, transition } : null;
      });
      for (const a of assessed) if (a) plans.push(a);
      const ids = await realIds(ctx.db, plans.flatMap((p) => p.health.evidence.failedRunIds));
      for (const p of plans) p.health.evidence.failedRunIds = p.health.evidence.failedRunIds.map((id) => ids.get(id) ?? id);
    }
    const counts = { recurringErrors: recurring.filter((r) => !known.has(`error:${r.errorKey}`)).length, quarantined: 0, proposed: 0 };
    const findings: string[] = [];
    for (const p of plans) {
      if (!p.transition.act) continue;
      if (p.transition.changed) counts[settings.aggressiveMode ? "quarantined" : "proposed"]++;
      findings.push(`${settings.aggressiveMode ? "quarantined" : "proposed quarantine of"} ${p.patternId} (${p.health.classification}): ${p.health.reason}`);
    }
    return {
      counts,
      findings,
      persist: async (tx) => {
        await saveRecurring(tx, ctx.db.dialect, recurring, known, ctx.now, ctx.runId);
        await saveQuarantines(tx, ctx.db.dialect, plans, ctx.now, ctx.runId);
      },
    };
  },
};

/**
 * The recurring error signatures into the registry: new ones created (with their audit line), known ones
 * given their new tally, in a few statements.
 */
async function saveRecurring(tx: Tx, dialect: DbHandle["dialect"], recurring: ReadonlyArray<ErrorTally & { reason: string }>, known: ReadonlySet<string>, now: Date, runId: string): Promise<void> {
  const rows = recurring.map((r) => ({
    r,
    key: `error:${r.errorKey}`,
    data: { signature: r.signature, occurrences: r.occurrences, evidence: JSON.stringify({ patternIds: r.patternIds, reason: r.reason }), firstSeenAt: new Date(r.firstAt), lastSeenAt: new Date(r.lastAt), updatedAt: now },
  }));
  const created = rows.filter((w) => !known.has(w.key));
  await insertObjects(tx, dialect, "anti_patterns", created.map(({ r, key, data }) => ({ id: `ap_${r.errorKey}`, key, kind: "recurring_error", signatureKey: r.errorKey, status: "monitoring", createdAt: now, ...data })));
  await updateRows(
    tx, dialect, "anti_patterns", "key", { signature: "text", occurrences: "integer", evidence: "text", firstSeenAt: "timestamp(3)", lastSeenAt: "timestamp(3)", updatedAt: "timestamp(3)" },
    rows.filter((w) => known.has(w.key)).map(({ key, data }) => ({ key, set: data })),
  );
  await insertObjects(
    tx, dialect, "audit_events",
    created.map(({ r }) => auditRow({ id: `aud_${runId}_ap_${r.errorKey}`, at: now, actor: "system", action: "anti_pattern.detect", target: { type: "anti_pattern", id: `ap_${r.errorKey}` }, reason: r.reason })),
  );
}

/** What one plan writes: the registry entry (created or updated), the pattern's quarantine, the audit line. */
function quarantineWrites(p: QuarantinePlan, now: Date, runId: string) {
  const { health, transition } = p;
  const key = `pattern:${p.patternId}`;
  const base = {
    failureRate: health.failureRate,
    occurrences: health.failures,
    classification: health.classification,
    evidence: JSON.stringify({ ...health.evidence, considered: health.considered, interval: health.interval, reason: health.reason }),
    lastSeenAt: new Date(health.evidence.windowEnd),
    updatedAt: now,
  };
  const { status } = transition;
  const id = p.existing?.id ?? `ap_${p.patternId}`;
  return {
    create: p.existing ? null : { id, key, kind: "failing_pattern", patternId: p.patternId, status, firstSeenAt: new Date(health.evidence.windowStart), createdAt: now, ...base },
    update: p.existing ? { key, data: { ...base, status } } : null,
    quarantine: transition.quarantinePattern ? { id: p.patternId, data: { status: "quarantined", quarantinedAt: now, quarantineReason: health.reason, updatedAt: now } } : null,
    audit: transition.audit
      ? auditRow({ id: `aud_${runId}_${id}`, at: now, actor: "system", action: transition.audit, target: { type: "anti_pattern", id }, reason: `${health.classification}: ${health.reason}` })
      : null,
  };
}

/** All plans' writes, the many alike ones in a few statements. */
async function saveQuarantines(tx: Tx, dialect: DbHandle["dialect"], plans: readonly QuarantinePlan[], now: Date, runId: string): Promise<void> {
  const writes = plans.map((p) => quarantineWrites(p, now, runId));
  const creates = writes.flatMap((w) => (w.create ? [w.create] : []));
  await insertObjects(tx, dialect, "anti_patterns", creates);
  await updateRows(
    tx, dialect, "anti_patterns", "key",
    { failureRate: "double precision", occurrences: "integer", classification: "text", evidence: "text", lastSeenAt: "timestamp(3)", updatedAt: "timestamp(3)", status: "text" },
    writes.flatMap((w) => (w.update ? [{ key: w.update.key, set: w.update.data }] : [])),
  );
  await updateRows(
    tx, dialect, "patterns", "id", { status: "text", quarantinedAt: "timestamp(3)", quarantineReason: "text", updatedAt: "timestamp(3)" },
    writes.flatMap((w) => (w.quarantine ? [{ key: w.quarantine.id, set: w.quarantine.data }] : [])),
  );
  const audits = writes.flatMap((w) => (w.audit ? [w.audit] : []));
  await insertObjects(tx, dialect, "audit_events", audits);
}
