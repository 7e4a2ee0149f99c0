// AUTO-001 step: the ad-hoc operations that ran since the last analysis are regrouped over the last 30
// days; new groups become candidates (auto-approved in aggressive mode at the threshold), pending ones are
// refreshed, rejected ones come back only when their group grew materially.
import { randomUUID } from "node:crypto";
import { approveInTx } from "../../candidates/decide-candidate";
import { detectExecutionPatterns, grewMaterially, type AdHocRun } from "../../detectors/execution-patterns";
import { specToYaml } from "../../schemas/pattern-spec";
import { rawAll } from "../../db/raw";
import { toMs } from "../read";
import type { AnalysisStep, StepOutcome } from "../types";

const WINDOW_MS = 30 * 86_400_000;

export const executionPatternsStep: AnalysisStep = {
  name: "AUTO-001 execution patterns",
  run: async (ctx): Promise<StepOutcome> => {
    const ops = await ctx.db.prisma.$queryRaw<Array<{ operation: string }>>`
      SELECT DISTINCT "operation" FROM "executions" WHERE "seq" > ${ctx.fromSeq} AND "seq" <= ${ctx.toSeq} AND "patternId" IS NULL`;
    if (ops.length === 0) return { counts: {}, findings: [], persist: async () => {} };
    const since = new Date(ctx.now.getTime() - WINDOW_MS);
    const wanted = new Set(ops.map((o) => o.operation));
    const rows = (
      await rawAll<{ id: string; operation: string; inputs: string | null; startedAt: unknown; durationMs: number; success: unknown; fileCount: number }>(
        ctx.db,
        `SELECT "id", "operation", "inputs", "startedAt", "durationMs", "success", "fileCount" FROM "executions" WHERE "patternId" IS NULL AND "startedAt" >= ?`,
        [since],
      )
    ).filter((r) => wanted.has(r.operation));
    const withFiles = rows.filter((r) => Number(r.fileCount) > 0).map((r) => r.id);
    const paths = new Map<string, string[]>();
    for (let i = 0; i < withFiles.length; i += 500) {
      const ids = withFiles.slice(i, i + 500);
      const files = await rawAll<{ executionId: string; path: string }>(ctx.db, `SELECT "executionId", "path" FROM "file_events" WHERE "executionId" IN (${ids.map(() => "?").join(", ")})`, ids);
      for (const f of files) paths.set(f.executionId, [...(paths.get(f.executionId) ?? []), f.path]);
    }
    const runs: AdHocRun[] = rows.map((r) => {
      let inputs: Record<string, unknown> | null = null;
      try {
        inputs = r.inputs ? (JSON.parse(r.inputs) as Record<string, unknown>) : null;
      } catch {
        inputs = null;
      }
      return { id: r.id, operation: r.operation, inputs, filePaths: paths.get(r.id) ?? [], startedAt: toMs(r.startedAt), durationMs: Number(r.durationMs), success: r.success === true || r.success === 1 };
    });
    const found = detectExecutionPatterns(runs, { now: ctx.now.getTime(), minSize: ctx.settings.minSimilarExecutions });
    const existing = new Map(
      (await ctx.db.prisma.patternCandidate.findMany({ where: { kind: "execution", groupKey: { in: found.map((c) => c.groupKey) } } })).map((c) => [c.groupKey, c]),
    );
    const counts = { candidatesProposed: 0, candidatesAutoApproved: 0, candidatesReopened: 0 };
    const findings: string[] = [];
    const plans = found.flatMap((c) => {
      const prior = existing.get(c.groupKey);
      const auto = ctx.settings.aggressiveMode && c.confidence >= ctx.settings.autoApproveConfidence;
      if (prior && (prior.status === "approved" || prior.status === "auto_approved")) return [];
      if (prior?.status === "rejected" && !grewMaterially(prior.evidenceCount, c.size)) return [];
      if (!prior) counts.candidatesProposed++;
      if (prior?.status === "rejected") counts.candidatesReopened++;
      if (auto) counts.candidatesAutoApproved++;
      if (!prior || prior.status === "rejected" || auto) {
        findings.push(`${auto ? "auto-approved" : prior ? "reopened" : "proposed"} "${c.spec.name}" from ${c.size} runs (confidence ${c.confidence.toFixed(2)})`);
      }
      return [{ c, prior, auto }];
    });
    return {
      counts,
      findings,
      persist: async (tx) => {
        for (const { c, prior, auto } of plans) {
          const data = {
            name: c.spec.name, confidence: c.confidence, confidenceParts: JSON.stringify(c.parts), evidence: JSON.stringify(c.evidence),
            evidenceCount: c.size, proposedSpec: specToYaml(c.spec), updatedAt: ctx.now,
          };
          const id = prior?.id ?? `cand_${randomUUID()}`;
          if (!prior) {
            await tx.patternCandidate.create({ data: { id, kind: "execution", groupKey: c.groupKey, status: "pending", createdAt: ctx.now, ...data } });
          } else {
            await tx.patternCandidate.update({ where: { id }, data: { ...data, status: "pending", ...(prior.status === "rejected" ? { decidedBy: null, decidedAt: null, decisionReason: null } : {}) } });
            if (prior.status === "rejected") {
              await tx.auditEvent.create({ data: { id: `aud_${ctx.runId}_${id}`, at: ctx.now, actor: "system", action: "candidate.reopen", targetType: "candidate", targetId: id, reason: `group grew from ${prior.evidenceCount} to ${c.size} runs` } });
            }
          }
          if (auto) {
            await approveInTx(tx, { id, groupKey: c.groupKey, proposedSpec: data.proposedSpec, kind: "execution" }, {
              actor: "system", status: "auto_approved", now: ctx.now, reason: `confidence ${c.confidence.toFixed(2)} ≥ ${ctx.settings.autoApproveConfidence} in aggressive mode`,
            });
          }
        }
      },
    };
  },
};
