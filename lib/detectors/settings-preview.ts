// What a settings change would do, decided before it is saved: the same detectors are run twice over the
// same facts, once with the current values and once with the proposed ones, and only the verdicts that
// differ are listed. Pure: the Settings page reads the facts (lib/queries/settings/get-preview-facts.ts).
import { assessPattern } from "./anti-patterns";
import { decideFix } from "./error-recovery";
import type { DetectorSettings, ExecutionFact, OutageWindow } from "./types";

export interface PreviewPattern {
  patternId: string;
  name: string;
  /** active | draft | quarantined | archived */
  status: string;
  /** the pattern's anti-pattern registry entry, if any: monitoring | proposed | quarantined | lifted */
  registryStatus: string | null;
  countFrom: number | null;
  /** its latest runs in the window (any order) */
  runs: ExecutionFact[];
  /** the window's totals when `runs` holds only the latest of them */
  window?: { runs: number; failures: number };
}

export interface PreviewCandidate {
  id: string;
  name: string;
  kind: string;
  /** pending | auto_approved (decided ones by a person are not changed by settings) */
  status: string;
  confidence: number;
  evidenceCount: number;
}

export interface PreviewFix {
  id: string;
  signature: string;
  fix: string;
  attempts: number;
  successes: number;
  failStreak: number;
  autoApply: boolean;
}

export interface PreviewFacts {
  now: number;
  outages: OutageWindow[];
  patterns: PreviewPattern[];
  candidates: PreviewCandidate[];
  fixes: PreviewFix[];
}

export type PreviewChangeKind =
  | "quarantined"
  | "proposed-quarantine"
  | "released"
  | "not-quarantined"
  | "auto-approved"
  | "not-auto-approved"
  | "not-proposed"
  | "self-heal"
  | "not-self-heal"
  | "auto-apply"
  | "not-auto-apply";

export interface PreviewChange {
  kind: PreviewChangeKind;
  target: { type: "pattern" | "candidate" | "fix"; id: string; label: string };
  detail: string;
}

function quarantineChanges(facts: PreviewFacts, current: DetectorSettings, proposed: DetectorSettings): PreviewChange[] {
  const out: PreviewChange[] = [];
  for (const p of facts.patterns) {
    if (p.status === "archived") continue;
    const ctx = { now: facts.now, countFrom: p.countFrom, outages: facts.outages, window: p.window };
    const before = assessPattern(p.runs, ctx, current);
    const after = assessPattern(p.runs, ctx, proposed);
    const target = { type: "pattern" as const, id: p.patternId, label: p.name };
    const held = p.status === "quarantined" || p.registryStatus === "quarantined";
    if (!before.quarantine && after.quarantine && !held) {
      out.push({ kind: proposed.aggressiveMode ? "quarantined" : "proposed-quarantine", target, detail: after.reason });
    } else if (before.quarantine && after.quarantine && !held && p.registryStatus === "proposed" && proposed.aggressiveMode && !current.aggressiveMode) {
      out.push({ kind: "quarantined", target, detail: `its proposed quarantine would be applied: ${after.reason}` });
    } else if (before.quarantine && !after.quarantine) {
      out.push(
        held
          ? { kind: "released", target, detail: `no longer meets the quarantine rule (it stays quarantined until someone lifts it): ${after.reason}` }
          : { kind: "not-quarantined", target, detail: after.reason },
      );
    }
  }
  return out;
}

function candidateChanges(facts: PreviewFacts, current: DetectorSettings, proposed: DetectorSettings): PreviewChange[] {
  const out: PreviewChange[] = [];
  // only execution candidates are ever auto-approved (AUTO-001); file templates always wait for a person
  const auto = (c: PreviewCandidate, s: DetectorSettings) => c.kind === "execution" && s.aggressiveMode && c.confidence >= s.autoApproveConfidence - 1e-9;
  for (const c of facts.candidates) {
    const target = { type: "candidate" as const, id: c.id, label: c.name };
    const confidence = `confidence ${c.confidence.toFixed(2)}`;
    if (c.status === "pending" && !auto(c, current) && auto(c, proposed)) {
      out.push({ kind: "auto-approved", target, detail: `${confidence} ≥ ${proposed.autoApproveConfidence} in aggressive mode` });
    } else if (c.status === "auto_approved" && auto(c, current) && !auto(c, proposed)) {
      out.push({ kind: "not-auto-approved", target, detail: `${confidence}: would have waited for review (already approved, it stays approved)` });
    }
    if (c.status === "pending" && c.kind === "execution" && c.evidenceCount >= current.minSimilarExecutions && c.evidenceCount < proposed.minSimilarExecutions) {
      out.push({ kind: "not-proposed", target, detail: `${c.evidenceCount} similar runs < ${proposed.minSimilarExecutions}` });
    }
  }
  return out;
}

function fixChanges(facts: PreviewFacts, current: DetectorSettings, proposed: DetectorSettings): PreviewChange[] {
  const out: PreviewChange[] = [];
  for (const f of facts.fixes) {
    const before = decideFix(f, { autoApply: f.autoApply }, current);
    const after = decideFix(f, { autoApply: f.autoApply }, proposed);
    const target = { type: "fix" as const, id: f.id, label: `${f.fix} for ${f.signature}` };
    if (before.selfHeal !== after.selfHeal) out.push({ kind: after.selfHeal ? "self-heal" : "not-self-heal", target, detail: after.reason });
    else if (before.autoApply !== after.autoApply) out.push({ kind: after.autoApply ? "auto-apply" : "not-auto-apply", target, detail: after.reason });
  }
  return out;
}

/** Every verdict that differs between the current and the proposed settings, patterns first. */
export function previewSettingsChange(facts: PreviewFacts, current: DetectorSettings, proposed: DetectorSettings): PreviewChange[] {
  return [...quarantineChanges(facts, current, proposed), ...candidateChanges(facts, current, proposed), ...fixChanges(facts, current, proposed)];
}
