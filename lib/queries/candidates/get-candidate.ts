// One candidate as the review page shows it: confidence parts, the evidence runs (linked to their
// executions), the proposed spec, and for a file template its template beside a few example files; plus
// what became of the pattern an approval made.
import type { DbHandle } from "../../db/client";
import { parseStoredJson } from "../stored-json";

export interface EvidenceRun {
  id: string;
  operation: string;
  startedAt: Date;
  durationMs: number;
  success: boolean;
}

export interface ExampleFile {
  path: string;
  executionId: string;
  content: string;
}

export interface CandidateDetail {
  id: string;
  kind: string;
  name: string;
  status: string;
  confidence: number;
  confidenceParts: Record<string, number>;
  evidence: string[];
  evidenceCount: number;
  proposedSpec: string | null;
  template: string | null;
  patternId: string | null;
  pattern: { id: string; name: string; status: string; specEdited: boolean } | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** execution candidates: the runs it was proposed from (at most EVIDENCE_LIMIT) */
  evidenceRuns: EvidenceRun[];
  /** file templates: up to three of the files it was mined from, with their text */
  exampleFiles: ExampleFile[];
}

export const EVIDENCE_LIMIT = 50;
const EXAMPLE_FILES = 3;
const EXAMPLE_BYTES = 16_000;


export async function getCandidate(db: DbHandle, id: string): Promise<CandidateDetail | null> {
  const c = await db.prisma.patternCandidate.findUnique({ where: { id }, include: { pattern: { select: { id: true, name: true, status: true, spec: true } } } });
  if (!c) return null;
  const evidence = parseStoredJson<string[]>(c.evidence, []).filter((e): e is string => typeof e === "string");
  let evidenceRuns: EvidenceRun[] = [];
  let exampleFiles: ExampleFile[] = [];
  if (c.kind === "file_template") {
    const files = await db.prisma.fileEvent.findMany({
      where: { path: { in: evidence.slice(0, 20) }, action: "created", content: { not: null } },
      orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
      take: 20,
      select: { path: true, executionId: true, content: true },
    });
    const seen = new Set<string>();
    for (const f of files) {
      if (seen.has(f.path) || exampleFiles.length >= EXAMPLE_FILES) continue;
      seen.add(f.path);
      exampleFiles.push({ path: f.path, executionId: f.executionId, content: (f.content ?? "").slice(0, EXAMPLE_BYTES) });
    }
    exampleFiles = evidence.flatMap((path) => exampleFiles.filter((f) => f.path === path));
  } else {
    const runs = await db.prisma.execution.findMany({
      where: { id: { in: evidence.slice(0, EVIDENCE_LIMIT) } },
      select: { id: true, operation: true, startedAt: true, durationMs: true, success: true },
      take: EVIDENCE_LIMIT,
    });
    evidenceRuns = runs.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  }
  return {
    id: c.id, kind: c.kind, name: c.name, status: c.status, confidence: c.confidence, confidenceParts: parseStoredJson(c.confidenceParts, {}), evidence, evidenceCount: c.evidenceCount,
    proposedSpec: c.proposedSpec, template: c.template, patternId: c.patternId,
    // only an auto-approval made the pattern from the proposed spec as is; a reviewer may have approved an edit
    pattern: c.pattern ? { id: c.pattern.id, name: c.pattern.name, status: c.pattern.status, specEdited: c.status === "auto_approved" && c.pattern.spec !== c.proposedSpec } : null,
    decidedBy: c.decidedBy, decidedAt: c.decidedAt, decisionReason: c.decisionReason, createdAt: c.createdAt, updatedAt: c.updatedAt, evidenceRuns, exampleFiles,
  };
}
