// What `patterns export` writes, as file path → content (paths relative to the export directory, in
// DESIGN.md's layout). Pure: the same snapshot always gives the same files.
import type { ExportSnapshot } from "../queries/export/get-export-snapshot";
import { FOLDERS, REGISTRY, fileNameFor } from "./layout";
import { antiPatternPage, registryFile } from "./render-anti-patterns";
import { draftFile, specFile } from "./render-specs";

const SPEC_FOLDER = { approved: FOLDERS.approved, auto_approved: FOLDERS.autoApproved } as const;

export function buildExport(snapshot: ExportSnapshot): Map<string, string> {
  const files = new Map<string, string>();
  for (const d of snapshot.drafts) files.set(`${FOLDERS.drafts}/${fileNameFor(d.id)}.yaml`, draftFile(d));
  for (const s of snapshot.specs) {
    const folder = s.kind === "self_heal" ? FOLDERS.selfHeal : SPEC_FOLDER[s.approval];
    files.set(`${folder}/${fileNameFor(s.id)}.yaml`, specFile(s));
  }
  files.set(REGISTRY, registryFile(snapshot.antiPatterns));
  for (const e of snapshot.antiPatterns) files.set(`${FOLDERS.antiPatterns}/${fileNameFor(e.id)}.md`, antiPatternPage(e));
  for (const r of snapshot.weeklyReports) {
    files.set(`${FOLDERS.weekly}/${fileNameFor(r.week)}.md`, r.markdown.endsWith("\n") ? r.markdown : `${r.markdown}\n`);
  }
  return files;
}
