// One candidate as the review page shows it: confidence parts, the evidence runs (linked to their
// executions), the proposed spec, and for a file template its template beside a few example files; plus
// what became of the pattern an approval made.
import type { DbHandle } from "../../db/client";
import { patternIdFor } from "../../mutations/decide-candidate";
import { specFromYaml } from "../../schemas/pattern-spec";
import { toCandidateItem, type CandidateItem } from "./get-candidates";

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

export interface CandidateDetail extends CandidateItem {
  template: string | null;
  /** the pattern an approval made, and whether its spec was changed since */
  pattern: PatternLink | null;
  /** a pending candidate whose group already has a live pattern holding another spec (a person's edit): approving keeps it */
  editedPattern: PatternLink | null;
  decidedAt: Date | null;
  createdAt: Date;
  /** execution candidates: the runs it was proposed from (at most EVIDENCE_LIMIT) */
  evidenceRuns: EvidenceRun[];
  /** file templates: up to three of the files it was mined from, with their text */
  exampleFiles: ExampleFile[];
}

interface PatternLink {
  id: string;
  name: string;
  status: string;
  specEdited: boolean;
}

export const EVIDENCE_LIMIT = 50;
const EXAMPLE_FILES = 3;
const EXAMPLE_BYTES = 16_000;


export async function getCandidate(db: DbHandle, id: string): Promise<CandidateDetail | null> {
  const c = await db.prisma.patternCandidate.findUnique({ where: { id }, include: { pattern: { select: { id: true, name: true, status: true, spec: true } } } });
  if (!c) return null;
  const item = toCandidateItem(c);
  const evidence = item.evidence;
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
    ...item,
    template: c.template,
    // only an auto-approval made the pattern from the proposed spec as is; a reviewer may have approved an edit
    pattern: c.pattern ? { id: c.pattern.id, name: c.pattern.name, status: c.pattern.status, specEdited: c.status === "auto_approved" && c.pattern.spec !== c.proposedSpec } : null,
    editedPattern: c.status === "pending" ? await editedPatternOf(db, c) : null,
    decidedAt: c.decidedAt, createdAt: c.createdAt, evidenceRuns, exampleFiles,
  };
}

/** The live pattern approving would update, when a person changed its spec (approvalUpdate keeps such a spec). */
async function editedPatternOf(db: DbHandle, c: { groupKey: string; proposedSpec: string | null }): Promise<PatternLink | null> {
  if (!c.proposedSpec) return null;
  let operation: string;
  try {
    operation = specFromYaml(c.proposedSpec).operation;
  } catch {
    return null;
  }
  const p = await db.prisma.pattern.findUnique({ where: { id: patternIdFor(operation, c.groupKey) }, select: { id: true, name: true, status: true, spec: true } });
  return p && p.status !== "archived" && p.spec !== "" && p.spec !== c.proposedSpec ? { id: p.id, name: p.name, status: p.status, specEdited: true } : null;
}
