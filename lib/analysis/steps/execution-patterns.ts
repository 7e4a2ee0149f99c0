// AUTO-001 step. The ad-hoc runs that arrived since the last analysis are sorted into families and key
// sets (kept in adhoc_shapes for later runs); each family they touched is clustered again from the
// counts of its key sets over the whole retained history (the retention setting, 90 days by default: a team
// that imports eight weeks of history has all of it looked at, and old work ranks low by its recency but is
// still proposed), and only the clusters that may need a new or refreshed
// candidate are read in full: a cluster already approved, or rejected and not grown materially, costs
// one row count. New clusters become candidates (auto-approved in aggressive mode at the threshold). What
// happens to a candidate is a rule in detectors/candidate-lifecycle; this step reads and persists.
import { randomUUID } from "node:crypto";
import { approvalAudit, approvalUpdate, patternFromCandidate, refreshEvidenceBaseline } from "../../mutations/decide-candidate";
import type { DbHandle } from "../../db/client";
import { insertObjects, insertRows, rawAll, updateRows } from "../../db/raw";
import { chunksOf } from "../concurrency";
import {
  clusterKeySets, describeGroup, familyOf, groupKeyOf, keySetOf, qualifiedTitles, type AdHocRun, type ExecutionCandidate,
} from "../../detectors/execution-patterns";
import { candidateFate, worthReading } from "../../detectors/candidate-lifecycle";
import { uniqueTitle } from "../unique-title";
import { specToYaml } from "../../schemas/pattern-spec";
import { signatureKey } from "../../signature";
import { bool, toMs } from "../../db/raw";
import type { AnalysisStep, StepOutcome, Tx } from "../types";
import { auditMany, auditRow } from "../../audit/audit";

const DAY = 86_400_000;
const CHUNK = 500;
/** where adhoc_shapes' coverage of the window begins (an ISO date, in settings) */
const COVERED_FROM_KEY = "internal.adhocCoveredFrom";
/** the window before it followed the retention setting: a database indexed then is covered this far back */
const LEGACY_WINDOW_MS = 30 * DAY;

type Row = { seq: unknown; id: string; operation: string; inputs: string | null; startedAt: unknown; durationMs: unknown; success: unknown; fileCount: unknown };
const COLUMNS = `e."seq", e."id", e."operation", e."inputs", e."startedAt", e."durationMs", e."success", e."fileCount"`;

/** Rows → ad-hoc runs, with the paths of the files they produced. */
async function toRuns(db: DbHandle, rows: Row[]): Promise<Array<AdHocRun & { seq: number }>> {
  const withFiles = rows.filter((r) => Number(r.fileCount) > 0).map((r) => r.id);
  const paths = new Map<string, string[]>();
  for (const ids of chunksOf(withFiles, CHUNK)) {
    const files = await rawAll<{ executionId: string; path: string }>(db, `SELECT "executionId", "path" FROM "file_events" WHERE "executionId" IN (${ids.map(() => "?").join(", ")})`, ids);
    for (const f of files) {
      const list = paths.get(f.executionId);
      if (list) list.push(f.path);
      else paths.set(f.executionId, [f.path]);
    }
  }
  return rows.map((r) => {
    let inputs: Record<string, unknown> | null = null;
    try {
      const parsed: unknown = r.inputs ? JSON.parse(r.inputs) : null;
      inputs = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    } catch {
      inputs = null;
    }
    return {
      seq: Number(r.seq), id: r.id, operation: r.operation, inputs, filePaths: paths.get(r.id) ?? [], startedAt: toMs(r.startedAt),
      durationMs: Number(r.durationMs), success: bool(r.success),
    };
  });
}

interface Cluster {
  family: string;
  familyKey: string;
  core: string;
  groupKey: string;
  keySets: Set<string>;
  size: number;
  fresh: AdHocRun[];
}

const candidateData = (c: ExecutionCandidate, proposedSpec: string) => ({
  name: c.spec.name, confidence: c.confidence, confidenceParts: JSON.stringify(c.parts), evidence: JSON.stringify(c.evidence), evidenceCount: c.size, proposedSpec,
});

/** What a refresh, a reopening or the system's approval writes over a candidate seen before (updateRows' types). */
const CANDIDATE_COLUMNS = {
  name: "text", confidence: "double precision", confidenceParts: "text", evidence: "text", evidenceCount: "integer", proposedSpec: "text",
  updatedAt: "timestamp(3)", status: "text", decidedBy: "text", decidedAt: "timestamp(3)", decisionReason: "text",
} as const;

/**
 * The patterns of the candidates the system approves in this run: new ones created, existing ones updated as
 * approving updates them (approvalUpdate: a quarantine stays, a person's spec is kept). Returns the ids of the
 * candidates whose pattern kept a person's spec.
 */
async function saveApprovedPatterns(
  tx: Tx,
  dialect: DbHandle["dialect"],
  approvals: ReadonlyArray<{ id: string; pattern: ReturnType<typeof patternFromCandidate> | null }>,
): Promise<Set<string>> {
  const approved = approvals.filter((r) => r.pattern);
  const existing = new Map(
    (await tx.pattern.findMany({ where: { id: { in: approved.map((r) => r.pattern!.id) } }, select: { id: true, status: true, spec: true } })).map((p) => [p.id, p]),
  );
  const keptSpec = new Set<string>();
  for (const r of approved) {
    const before = existing.get(r.pattern!.id);
    if (!before) continue;
    const { data, specKept } = approvalUpdate(before, r.pattern!.update, { edited: false });
    if (specKept) keptSpec.add(r.id);
    await tx.pattern.update({ where: { id: r.pattern!.id }, data });
    await refreshEvidenceBaseline(tx, r.pattern!.id, r.pattern!.baseline);
  }
  const toCreate = new Map(approved.filter((r) => !existing.has(r.pattern!.id)).map((r) => [r.pattern!.id, r.pattern!.create]));
  await insertObjects(tx, dialect, "patterns", [...toCreate.values()]);
  return keptSpec;
}

export const executionPatternsStep: AnalysisStep = {
  name: "AUTO-001 execution patterns",
  run: async (ctx): Promise<StepOutcome> => {
    const { db } = ctx;
    const since = ctx.now.getTime() - ctx.settings.retentionDays * DAY;
    // A database analysed before adhoc_shapes existed (or idle for the whole window) has its window read once as
    // new. adhoc_shapes covers the window from `coveredFrom` on: when the window reaches further back (retention
    // raised, or a database indexed over the former 30 days), the part before it is read once as new too.
    const oldest = await db.prisma.adHocShape.findFirst({ orderBy: { startedAt: "asc" }, select: { startedAt: true } });
    const covered = await db.prisma.setting.findUnique({ where: { key: COVERED_FROM_KEY }, select: { value: true } });
    const coveredFrom = oldest ? (covered ? Date.parse(JSON.parse(covered.value) as string) : ctx.now.getTime() - LEGACY_WINDOW_MS) : null;
    const newRows = await rawAll<Row>(db, `SELECT ${COLUMNS} FROM "executions" e WHERE e."seq" > ? AND e."seq" <= ? AND e."patternId" IS NULL AND e."startedAt" >= ?`, [
      coveredFrom !== null ? ctx.fromSeq : 0, ctx.toSeq, new Date(since),
    ]);
    const olderRows =
      coveredFrom !== null && coveredFrom > since
        ? await rawAll<Row>(db, `SELECT ${COLUMNS} FROM "executions" e WHERE e."seq" <= ? AND e."patternId" IS NULL AND e."startedAt" >= ? AND e."startedAt" < ?`, [
            ctx.fromSeq, new Date(since), new Date(coveredFrom),
          ])
        : [];
    const coverage = { key: COVERED_FROM_KEY, value: JSON.stringify(new Date(since).toISOString()), updatedBy: "system", updatedAt: ctx.now };
    const fresh = await toRuns(db, [...olderRows, ...newRows]);
    const recordCoverage = (tx: Tx) => tx.setting.upsert({ where: { key: COVERED_FROM_KEY }, create: coverage, update: coverage });
    if (fresh.length === 0) return { counts: {}, findings: [], persist: async (tx) => void (olderRows.length || !covered ? await recordCoverage(tx) : undefined) };
    const shapes = fresh.map((r) => {
      const family = familyOf(r);
      return { run: r, family, familyKey: signatureKey(family), keySet: keySetOf(r) };
    });

    // key-set counts per touched family: the stored ones of the window plus the new runs
    const families = new Map<string, { family: string; counts: Map<string, number> }>();
    for (const s of shapes) {
      const f = families.get(s.familyKey) ?? { family: s.family, counts: new Map() };
      f.counts.set(s.keySet, (f.counts.get(s.keySet) ?? 0) + 1);
      families.set(s.familyKey, f);
    }
    const familyKeys = [...families.keys()];
    for (const keys of chunksOf(familyKeys, CHUNK)) {
      const rows = await rawAll<{ family: string; keySet: string; n: unknown }>(
        db,
        `SELECT "family", "keySet", COUNT(*) AS "n" FROM "adhoc_shapes" WHERE "family" IN (${keys.map(() => "?").join(", ")}) AND "startedAt" >= ? GROUP BY "family", "keySet"`,
        [...keys, new Date(since)],
      );
      for (const r of rows) {
        const counts = families.get(r.family)!.counts;
        counts.set(r.keySet, (counts.get(r.keySet) ?? 0) + Number(r.n));
      }
    }

    // the clusters the new runs fell in
    const clusters = new Map<string, Cluster>();
    const coresByFamily = new Map([...families].map(([k, f]) => [k, clusterKeySets(f.counts)]));
    for (const s of shapes) {
      const core = coresByFamily.get(s.familyKey)!.get(s.keySet)!;
      const groupKey = groupKeyOf(s.family, core);
      let c = clusters.get(groupKey);
      if (!c) {
        const counts = families.get(s.familyKey)!.counts;
        const keySets = new Set([...counts.keys()].filter((k) => coresByFamily.get(s.familyKey)!.get(k) === core));
        c = { family: s.family, familyKey: s.familyKey, core, groupKey, keySets, size: [...keySets].reduce((n, k) => n + counts.get(k)!, 0), fresh: [] };
        clusters.set(groupKey, c);
      }
      c.fresh.push(s.run);
    }
    const minSize = ctx.settings.minSimilarExecutions;
    const prior = new Map<string, { id: string; name: string; status: string; evidenceCount: number }>();
    const groupKeys = [...clusters.keys()];
    for (const keys of chunksOf(groupKeys, CHUNK)) {
      const rows = await db.prisma.patternCandidate.findMany({
        where: { kind: "execution", groupKey: { in: keys } },
        select: { id: true, name: true, groupKey: true, status: true, evidenceCount: true },
      });
      for (const r of rows) prior.set(r.groupKey, r);
    }
    const found: ExecutionCandidate[] = [];
    const withdrawn: string[] = [];
    for (const c of clusters.values()) {
      const p = prior.get(c.groupKey);
      if (!worthReading(p, c.size, minSize)) continue;
      const keySets = [...c.keySets];
      const old = await toRuns(
        db,
        await rawAll<Row>(
          db,
          `SELECT ${COLUMNS} FROM "adhoc_shapes" a JOIN "executions" e ON e."seq" = a."seq"
           WHERE a."family" = ? AND a."keySet" IN (${keySets.map(() => "?").join(", ")}) AND a."startedAt" >= ?`,
          [c.familyKey, ...keySets, new Date(since)],
        ),
      );
      const candidate = describeGroup(c.groupKey, c.family, [...old, ...c.fresh], { now: ctx.now.getTime(), minSize });
      if (candidate) found.push(candidate);
      else if (candidateFate(p, null, { aggressive: false, threshold: 1, reverted: false }).action === "withdraw") withdrawn.push(p!.id);
    }
    found.sort((a, b) => b.confidence - a.confidence || (a.groupKey < b.groupKey ? -1 : 1));

    const counts = { candidatesProposed: 0, candidatesAutoApproved: 0, candidatesReopened: 0, candidatesWithdrawn: withdrawn.length };
    const findings: string[] = [];
    const autoReason = (c: ExecutionCandidate) => `confidence ${c.confidence.toFixed(2)} ≥ ${ctx.settings.autoApproveConfidence} in aggressive mode`;
    // a reviewer reverted these auto-approvals: they wait for a person now, however confident they grow
    const pendingIds = found.map((c) => prior.get(c.groupKey)).filter((p) => p?.status === "pending").map((p) => p!.id);
    const reverted = new Set<string>();
    for (const ids of chunksOf(pendingIds, CHUNK)) {
      const rows = await db.prisma.auditEvent.findMany({ where: { targetType: "candidate", targetId: { in: ids }, action: "candidate.revert" }, select: { targetId: true } });
      for (const r of rows) reverted.add(r.targetId);
    }
    const plans = found.map((c) => {
      const before = prior.get(c.groupKey);
      const { action, auto } = candidateFate(before, c, { aggressive: ctx.settings.aggressiveMode, threshold: ctx.settings.autoApproveConfidence, reverted: !!before && reverted.has(before.id) });
      if (action === "propose") counts.candidatesProposed++;
      if (action === "reopen") counts.candidatesReopened++;
      if (auto) counts.candidatesAutoApproved++;
      if (action === "propose" || action === "reopen" || auto) {
        findings.push(`${auto ? "auto-approved" : action === "reopen" ? "reopened" : "proposed"} "${c.spec.name}" from ${c.size} runs (confidence ${c.confidence.toFixed(2)})`);
      }
      return { c, before, auto };
    });
    return {
      counts,
      findings,
      persist: async (tx) => {
        await recordCoverage(tx);
        await insertRows(tx, ctx.db.dialect, "adhoc_shapes", ["seq", "family", "keySet", "startedAt"], shapes.map((s) => [s.run.seq, s.familyKey, s.keySet, new Date(s.run.startedAt)]));
        await tx.adHocShape.deleteMany({ where: { startedAt: { lt: new Date(since - DAY) } } });
        // new candidates in a few statements, each created in its final state (auto-approved ones with their pattern)
        const created = plans.filter((p) => !p.before);
        // a title another candidate holds (two clusters of one operation) is qualified by what tells them apart
        const taken = new Set<string>();
        const bases = [...new Set(created.map((p) => p.c.spec.name.slice(0, 190)))];
        for (let i = 0; i < bases.length; i += 100) {
          const rows = await tx.patternCandidate.findMany({ where: { kind: "execution", OR: bases.slice(i, i + 100).map((b) => ({ name: { startsWith: b } })) }, select: { name: true } });
          for (const r of rows) taken.add(r.name);
        }
        for (const p of created) {
          p.c.spec = { ...p.c.spec, name: uniqueTitle(p.c.spec.name, taken, { qualified: qualifiedTitles(p.c.spec) }) };
          taken.add(p.c.spec.name);
        }
        // a candidate's spec as saved, and the pattern the system's approval makes from it
        const specAndPattern = (c: ExecutionCandidate, auto: boolean) => {
          const proposedSpec = specToYaml(c.spec);
          return { proposedSpec, pattern: auto ? patternFromCandidate({ groupKey: c.groupKey, proposedSpec, kind: "execution" }, ctx.now, c.spec) : null };
        };
        const rows = created.map(({ c, auto }) => ({ id: `cand_${randomUUID()}`, c, auto, ...specAndPattern(c, auto) }));
        // candidates seen before: refreshed, reopened or approved by the system in one statement, each guarded
        // by the status read before the run (a reviewer's decision made meanwhile stands); a candidate keeps
        // the title it was proposed under (it may have been qualified to stand apart)
        const seen = plans.flatMap(({ c, before, auto }) => {
          if (!before) return [];
          c.spec = { ...c.spec, name: before.name };
          return [{ id: before.id, c, before, auto, ...specAndPattern(c, auto) }];
        });
        const refreshed = new Set(
          await updateRows(
            tx, ctx.db.dialect, "pattern_candidates", "id", CANDIDATE_COLUMNS,
            seen.map(({ id, c, before, auto, proposedSpec }) => ({
              key: id, expect: before.status,
              set: {
                ...candidateData(c, proposedSpec), updatedAt: ctx.now, status: auto ? "auto_approved" : "pending",
                decidedBy: auto ? "system" : null, decidedAt: auto ? ctx.now : null, decisionReason: auto ? autoReason(c) : null,
              },
            })),
            { column: "status", type: "text" },
          ),
        );
        const reapproved = seen.filter((r) => r.pattern && refreshed.has(r.id));
        const approvals = [...rows.filter((r) => r.pattern), ...reapproved];
        const keptSpec = await saveApprovedPatterns(tx, ctx.db.dialect, approvals);
        await insertObjects(
          tx,
          ctx.db.dialect,
          "pattern_candidates",
          rows.map(({ id, c, auto, proposedSpec, pattern }) => ({
            id, kind: "execution", groupKey: c.groupKey, createdAt: ctx.now, updatedAt: ctx.now, ...candidateData(c, proposedSpec),
            status: auto ? "auto_approved" : "pending",
            ...(auto ? { decidedBy: "system", decidedAt: ctx.now, decisionReason: autoReason(c), patternId: pattern!.id } : {}),
          })),
        );
        await updateRows(tx, ctx.db.dialect, "pattern_candidates", "id", { patternId: "text" }, reapproved.map((r) => ({ key: r.id, set: { patternId: r.pattern!.id } })));
        const reopened = seen.filter((r) => r.before.status === "rejected" && refreshed.has(r.id));
        await insertObjects(tx, ctx.db.dialect, "audit_events", [
          ...reopened.map(({ id, c, before }) =>
            auditRow({ id: `aud_${ctx.runId}_${id}`, at: ctx.now, actor: "system", action: "candidate.reopen", target: { type: "candidate", id }, reason: `group grew from ${before.evidenceCount} to ${c.size} runs` }),
          ),
          ...approvals.map((r) => approvalAudit(r.id, { actor: "system", reason: autoReason(r.c), status: "auto_approved", now: ctx.now }, undefined, keptSpec.has(r.id))),
        ]);
        // pending candidates whose group, grown, turned out to be one-off free text: nobody decided them, so they go
        if (withdrawn.length) {
          await tx.patternCandidate.deleteMany({ where: { id: { in: withdrawn }, status: "pending" } });
          await auditMany(
            tx,
            withdrawn.map((id) => ({ id: `aud_${ctx.runId}_${id}_w`, at: ctx.now, actor: "system", action: "candidate.withdraw", target: { type: "candidate", id }, reason: "its runs now share only the operation name and free text" })),
          );
        }
      },
    };
  },
};
