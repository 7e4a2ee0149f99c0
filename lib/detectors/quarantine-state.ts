// AUTO-005's registry states, as rules apart from the analysis step that reads and persists them. A failing
// pattern's entry moves monitoring → proposed (a person confirms) or → quarantined (aggressive mode); a
// quarantine holds, on the evidence it was made on, until a person lifts it; a lifted entry is watched again
// and may be quarantined anew. An entry is rewritten only when what a person reads in it changed.
import type { PatternHealth } from "./types";

export interface RegistryEntryState {
  status: string;
  classification: string | null;
  failureRate: number;
}

export interface QuarantineTransition {
  /** the registry entry is created or rewritten by this run */
  write: boolean;
  /** the entry's status after this run */
  status: string;
  /** the assessment calls for a quarantine the pattern does not have yet */
  act: boolean;
  /** the entry's status changes in this run: audited; in aggressive mode the pattern itself is quarantined */
  changed: boolean;
  audit: "quarantine.apply" | "quarantine.propose" | null;
  quarantinePattern: boolean;
}

/** Whether a pattern's runs are judged at all: not a self-healing recipe, not archived, not already quarantined. */
export function isJudged(pattern: { kind: string; status: string }, entryStatus: string | undefined): boolean {
  return pattern.kind !== "self_heal" && pattern.status !== "archived" && pattern.status !== "quarantined" && entryStatus !== "quarantined";
}

export function quarantineTransition(
  health: Pick<PatternHealth, "quarantine" | "classification" | "failureRate">,
  entry: RegistryEntryState | null,
  patternStatus: string,
  aggressive: boolean,
): QuarantineTransition {
  const alreadyQuarantined = entry?.status === "quarantined" || patternStatus === "quarantined";
  const act = health.quarantine && !alreadyQuarantined;
  const status = act ? (aggressive ? "quarantined" : "proposed") : (entry?.status ?? "monitoring");
  const changed = act && entry?.status !== status;
  const readDifferently = !entry || changed || entry.classification !== health.classification || Math.abs(entry.failureRate - health.failureRate) >= 0.01;
  return {
    // a healthy pattern with no entry gets none; one with an entry has it kept current
    write: (health.quarantine || entry !== null) && readDifferently,
    status,
    act,
    changed,
    audit: changed ? (aggressive ? "quarantine.apply" : "quarantine.propose") : null,
    quarantinePattern: changed && aggressive,
  };
}
