// `patterns import-specs DIR`: the specs a team edited in git, read back into the database. Drafts update
// their pending candidate's proposed spec; approved and auto-approved specs update their pattern (or create
// it, origin "import", when the id is new). Every file is checked before anything is written: one bad file
// is named with its line and nothing is imported. What is stored is the canonical form export writes, so
// export → import → export gives the same files. Self-heal specs are the error learner's output: not read.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { auditRow } from "../audit/audit";
import { join } from "node:path";
import type { DbHandle } from "../db/client";
import { specToYaml, type PatternSpec } from "../schemas/pattern-spec";
import { FOLDERS, ROOT, idFromFileName } from "./layout";
import { readSpecText } from "./read-spec-file";

export class SpecImportError extends Error {
  override name = "SpecImportError";
  constructor(readonly problems: string[]) {
    super(`${problems.length === 1 ? "1 spec file is" : `${problems.length} spec files are`} not valid; nothing was imported:\n${problems.join("\n")}`);
  }
}

export interface ImportSummary {
  created: string[];
  updated: string[];
  draftsUpdated: string[];
  unchanged: number;
  /** drafts whose candidate is no longer pending (decided since the export): left alone */
  skipped: Array<{ file: string; reason: string }>;
}

interface SpecFile {
  file: string;
  id: string;
  target: "draft" | "pattern";
  spec: PatternSpec;
  yaml: string;
}

const READ: ReadonlyArray<readonly [string, SpecFile["target"]]> = [[FOLDERS.drafts, "draft"], [FOLDERS.approved, "pattern"], [FOLDERS.autoApproved, "pattern"]];

/** Reads and checks every spec file under DIR (the folder holding `patterns/`); throws SpecImportError. */
export function readSpecFiles(dir: string): SpecFile[] {
  if (!existsSync(join(dir, ROOT))) throw new SpecImportError([`${join(dir, ROOT)}: no such folder (give the directory export wrote to)`]);
  const files: SpecFile[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const [folder, target] of READ) {
    const names = existsSync(join(dir, folder)) ? readdirSync(join(dir, folder)).filter((n) => n.endsWith(".yaml")).sort() : [];
    for (const name of names) {
      const file = `${folder}/${name}`;
      const id = idFromFileName(name.slice(0, -".yaml".length));
      if (id === null || id.length > 200) {
        problems.push(`${file}:1: the file name is not an id (letters, digits, "_", "-", "." and %XX escapes; at most 200 characters)`);
        continue;
      }
      const r = readSpecText(readFileSync(join(dir, file), "utf8"));
      if (!r.ok) {
        problems.push(`${file}:${r.line}: ${r.message}`);
        continue;
      }
      const key = `${target}:${id}`;
      if (seen.has(key)) problems.push(`${file}:1: pattern "${id}" is also specified by ${seen.get(key)}`);
      seen.set(key, file);
      files.push({ file, id, target, spec: r.spec, yaml: specToYaml(r.spec) });
    }
  }
  if (problems.length) throw new SpecImportError(problems);
  return files;
}

export async function importSpecs(db: DbHandle, dir: string, opts: { actor: string; now?: Date }): Promise<ImportSummary> {
  const files = readSpecFiles(dir);
  const now = opts.now ?? new Date();
  const patternFiles = files.filter((f) => f.target === "pattern");
  const draftFiles = files.filter((f) => f.target === "draft");
  const [patterns, candidates] = await Promise.all([
    db.prisma.pattern.findMany({ where: { id: { in: patternFiles.map((f) => f.id) } }, select: { id: true, kind: true, spec: true } }),
    db.prisma.patternCandidate.findMany({ where: { id: { in: draftFiles.map((f) => f.id) } }, select: { id: true, status: true, proposedSpec: true } }),
  ]);
  const patternById = new Map(patterns.map((p) => [p.id, p]));
  const candidateById = new Map(candidates.map((c) => [c.id, c]));
  const selfHeal = patternFiles.filter((f) => patternById.get(f.id)?.kind === "self_heal");
  if (selfHeal.length) throw new SpecImportError(selfHeal.map((f) => `${f.file}:1: "${f.id}" is a self-healing pattern; its spec is written by the error learner`));

  const summary: ImportSummary = { created: [], updated: [], draftsUpdated: [], unchanged: 0, skipped: [] };
  const audit = (action: "pattern.spec_import" | "pattern.import" | "candidate.spec_import", targetType: string, targetId: string, file: string) =>
    auditRow({ at: now, actor: opts.actor, action, target: { type: targetType, id: targetId }, reason: `from ${file}` });
  await db.prisma.$transaction(async (tx) => {
    for (const f of patternFiles) {
      const existing = patternById.get(f.id);
      const fields = { name: f.spec.name, spec: f.yaml, description: f.spec.description ?? null, updatedAt: now };
      if (existing?.spec === f.yaml) summary.unchanged++;
      else if (existing) {
        await tx.pattern.update({ where: { id: f.id }, data: fields });
        await tx.auditEvent.create({ data: audit("pattern.spec_import", "pattern", f.id, f.file) });
        summary.updated.push(f.id);
      } else {
        await tx.pattern.create({ data: { id: f.id, kind: "execution", status: "active", origin: "import", createdAt: now, ...fields } });
        await tx.auditEvent.create({ data: audit("pattern.import", "pattern", f.id, f.file) });
        summary.created.push(f.id);
      }
    }
    for (const f of draftFiles) {
      const candidate = candidateById.get(f.id);
      if (candidate?.status !== "pending") {
        summary.skipped.push({ file: f.file, reason: candidate ? `candidate ${f.id} was ${candidate.status.replace("_", "-")} since the export` : `no candidate ${f.id}` });
      } else if (candidate.proposedSpec === f.yaml) summary.unchanged++;
      else {
        // guarded by the state it was read in: a candidate decided meanwhile is not rewritten
        const done = await tx.patternCandidate.updateMany({ where: { id: f.id, status: "pending" }, data: { proposedSpec: f.yaml, name: f.spec.name, updatedAt: now } });
        if (done.count === 0) {
          summary.skipped.push({ file: f.file, reason: `candidate ${f.id} was decided meanwhile` });
          continue;
        }
        await tx.auditEvent.create({ data: audit("candidate.spec_import", "candidate", f.id, f.file) });
        summary.draftsUpdated.push(f.id);
      }
    }
  });
  return summary;
}
