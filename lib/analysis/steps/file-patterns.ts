// AUTO-002 step: files created by the new executions, with those created in the 24 hours before them,
// mined for shared structure; each group becomes a file_template candidate carrying its AUTO-008 template.
import { randomUUID } from "node:crypto";
import { rawAll } from "../../db/raw";
import { FILE_PATTERN_DEFAULTS, mineFilePatterns, type CreatedFile } from "../../detectors/file-patterns";
import { specToYaml, type PatternSpec } from "../../schemas/pattern-spec";
import { toMs } from "../../db/raw";
import { uniqueTitle } from "../unique-title";
import type { AnalysisStep, StepOutcome } from "../types";

export const filePatternsStep: AnalysisStep = {
  name: "AUTO-002 file templates",
  run: async (ctx): Promise<StepOutcome> => {
    const first = await rawAll<{ t: unknown }>(
      ctx.db,
      `SELECT MIN(f."createdAt") AS "t" FROM "file_events" f JOIN "executions" e ON e."id" = f."executionId"
       WHERE e."seq" > ? AND e."seq" <= ? AND f."content" IS NOT NULL AND f."action" = 'created'`,
      [ctx.fromSeq, ctx.toSeq],
    );
    if (first[0]?.t === null || first[0]?.t === undefined) return { counts: {}, findings: [], persist: async () => {} };
    const since = new Date(toMs(first[0].t) - FILE_PATTERN_DEFAULTS.windowMs);
    const rows = await rawAll<{ executionId: string; path: string; content: string; createdAt: unknown; operation: string }>(
      ctx.db,
      `SELECT f."executionId", f."path", f."content", f."createdAt", e."operation" FROM "file_events" f JOIN "executions" e ON e."id" = f."executionId"
       WHERE f."createdAt" >= ? AND f."content" IS NOT NULL AND f."action" = 'created'`,
      [since],
    );
    const operationOf = new Map(rows.map((r) => [r.executionId, r.operation]));
    const files: CreatedFile[] = rows.map((r) => ({ executionId: r.executionId, path: r.path, content: r.content, createdAt: toMs(r.createdAt) }));
    const groups = mineFilePatterns(files);
    const existing = new Map(
      (await ctx.db.prisma.patternCandidate.findMany({ where: { kind: "file_template", groupKey: { in: groups.map((g) => g.groupKey) } } })).map((c) => [c.groupKey, c]),
    );
    // A run sees a family from 24 h before its earliest new file, which may cut through a family seen
    // whole before: a pending candidate is refreshed only when its group grew, never from a partial view.
    const plans = groups.filter((g) => {
      const prior = existing.get(g.groupKey);
      return !prior || (prior.status === "pending" && g.files.length > prior.evidenceCount);
    });
    return {
      counts: { templatesProposed: plans.filter((g) => !existing.has(g.groupKey)).length },
      findings: plans.filter((g) => !existing.has(g.groupKey)).map((g) => `file template "${g.template.pathTemplate}" from ${g.files.length} files`),
      persist: async (tx) => {
        for (const g of plans) {
          const prior = existing.get(g.groupKey);
          const base = `Template: ${g.template.pathTemplate}`;
          // a family keeps its title; a new one sharing another family's path shape gets a distinct one
          const name = prior
            ? prior.name
            : uniqueTitle(base, new Set((await tx.patternCandidate.findMany({ where: { kind: "file_template", name: { startsWith: base.slice(0, 190) } }, select: { name: true }, take: 1000 })).map((c) => c.name)));
          const spec: PatternSpec = {
            name,
            operation: operationOf.get(g.executionIds[0]!) ?? "create_files",
            description: `Files with one structure, created ${g.files.length} times.`,
            parameters: g.template.variables.map((v) => ({ name: v.name, observed: v.values.slice(0, 20), required: true })),
            invariants: {},
            files: [g.template.pathTemplate],
            examples: g.executionIds.slice(0, 10),
            successRate: 1,
            medianDurationMs: 0,
          };
          const data = {
            name: spec.name, confidence: g.confidence, confidenceParts: JSON.stringify({ files: g.files.length }), evidence: JSON.stringify(g.files),
            evidenceCount: g.files.length, proposedSpec: specToYaml(spec), template: g.template.template, updatedAt: ctx.now,
          };
          // only a candidate still waiting is refreshed: one a reviewer decided (even meanwhile) keeps what was decided
          if (prior) await tx.patternCandidate.updateMany({ where: { id: prior.id, status: "pending" }, data });
          else await tx.patternCandidate.create({ data: { id: `cand_${randomUUID()}`, kind: "file_template", groupKey: g.groupKey, status: "pending", createdAt: ctx.now, ...data } });
        }
      },
    };
  },
};
