// Spec files: a short comment saying what the file is and how to change it, then the spec as YAML.
// Pattern and draft specs are written in the one canonical form specToYaml gives (what import-specs
// stores), so export → import → export is byte for byte the same. Nothing volatile (use counts, dates)
// goes in: a file changes only when what it specifies changes.
import { parse, stringify } from "yaml";
import { specFromYaml, specToYaml } from "../schemas/pattern-spec";
import type { DraftRow, SpecRow } from "../queries/export/get-export-snapshot";

/** The stored spec in canonical form, or as stored when it does not parse (it is still the spec). */
function canonical(text: string): string {
  try {
    return specToYaml(specFromYaml(text));
  } catch {
    return text.endsWith("\n") ? text : `${text}\n`;
  }
}

/** Self-heal specs are the error learner's output (no user schema): re-emitted for stable formatting. */
function canonicalSelfHeal(text: string): string {
  try {
    return stringify(parse(text));
  } catch {
    return text.endsWith("\n") ? text : `${text}\n`;
  }
}

export function draftFile(d: DraftRow): string {
  return [
    `# Candidate ${d.id} (${d.kind}): proposed from ${d.evidenceCount} ${d.kind === "file_template" ? "files" : "runs"}, confidence ${d.confidence.toFixed(2)}.`,
    `# Approve or reject it on the Candidates page or with \`patterns candidates approve|reject ${d.id}\`;`,
    "# edits to this file are applied with `patterns import-specs DIR`.",
    canonical(d.proposedSpec),
  ].join("\n");
}

export function specFile(s: SpecRow): string {
  if (s.kind === "self_heal") {
    return [
      `# Self-healing pattern ${s.id}: written by the error learner from the telemetry (read only here:`,
      "# the next analysis rewrites it).",
      canonicalSelfHeal(s.spec),
    ].join("\n");
  }
  return [
    `# Pattern ${s.id} (${s.kind}), ${s.approval === "auto_approved" ? "approved automatically (confidence above the auto-approve setting)" : "approved"}.`,
    "# Edit and apply with `patterns import-specs DIR`; the file name is the pattern id.",
    canonical(s.spec),
  ].join("\n");
}
