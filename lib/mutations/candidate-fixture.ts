// Candidates made directly in a test database, for the review mutations' tests: pending by default, with a
// valid proposed spec, or auto-approved with the pattern aggressive mode would have made.
import type { DbHandle } from "../db/client";
import { specToYaml, type PatternSpec } from "../schemas/pattern-spec";
import { patternFromCandidate } from "./decide-candidate";

export function specFor(name: string, operation = name.toLowerCase().replace(/\s+/g, "_")): PatternSpec {
  return { name, operation, parameters: [{ name: "env", observed: ["prod", "dev"], required: true }], invariants: { region: "eu" }, examples: ["run-1", "run-2", "run-3"], successRate: 1, medianDurationMs: 1200 };
}

export async function makeCandidate(db: DbHandle, id: string, opts: { name?: string; status?: "pending" | "auto_approved"; confidence?: number; kind?: string } = {}): Promise<{ id: string; patternId: string | null }> {
  const name = opts.name ?? `Candidate ${id}`;
  const proposedSpec = specToYaml(specFor(name));
  const now = new Date("2026-11-20T10:00:00Z");
  const kind = opts.kind ?? "execution";
  let patternId: string | null = null;
  if (opts.status === "auto_approved") {
    const pattern = patternFromCandidate({ groupKey: `group-${id}`, proposedSpec, kind }, now);
    await db.prisma.pattern.create({ data: pattern.create });
    patternId = pattern.id;
  }
  await db.prisma.patternCandidate.create({
    data: {
      id, kind, groupKey: `group-${id}`, name, confidence: opts.confidence ?? 0.7, confidenceParts: JSON.stringify({ count: 0.5, similarity: 1, success: 1, recency: 0.9 }),
      status: opts.status ?? "pending", evidence: JSON.stringify(["run-1", "run-2", "run-3"]), evidenceCount: 3, proposedSpec, createdAt: now, updatedAt: now, patternId,
      ...(opts.status === "auto_approved" ? { decidedBy: "system", decidedAt: now, decisionReason: "confidence 0.80 ≥ 0.75 in aggressive mode" } : {}),
    },
  });
  return { id, patternId };
}
