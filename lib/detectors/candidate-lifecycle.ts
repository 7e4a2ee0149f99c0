// AUTO-001's candidate lifecycle, as rules apart from the analysis step that reads and persists it. A cluster
// of ad-hoc runs is proposed once; while pending it is refreshed as it grows, and withdrawn when its runs no
// longer look like one thing; a person's approval holds; a rejection holds until the group has grown
// materially, then the candidate is reopened. In aggressive mode a confident candidate is approved by the
// system, unless a reviewer reverted its earlier auto-approval: then it waits for a person.
import { grewMaterially } from "./execution-patterns";

export interface PriorCandidate {
  status: string;
  /** the group's size when it was last decided or refreshed */
  evidenceCount: number;
}

/** Whether a cluster is worth reading in full: big enough, not approved, and if rejected, grown materially since. */
export function worthReading(prior: PriorCandidate | undefined, size: number, minSize: number): boolean {
  if (size < minSize || prior?.status === "approved" || prior?.status === "auto_approved") return false;
  return !(prior?.status === "rejected" && !grewMaterially(prior.evidenceCount, size));
}

export type CandidateAction = "propose" | "refresh" | "reopen" | "withdraw" | "keep";

export interface CandidateFate {
  action: CandidateAction;
  /** approved by the system now (aggressive mode, at or above the threshold, never reverted) */
  auto: boolean;
}

export function candidateFate(
  prior: Pick<PriorCandidate, "status"> | undefined,
  described: { confidence: number } | null,
  opts: { aggressive: boolean; threshold: number; reverted: boolean },
): CandidateFate {
  if (!described) return { action: prior?.status === "pending" ? "withdraw" : "keep", auto: false };
  const action: CandidateAction = !prior ? "propose" : prior.status === "rejected" ? "reopen" : prior.status === "pending" ? "refresh" : "keep";
  const auto = action !== "keep" && opts.aggressive && described.confidence >= opts.threshold && !opts.reverted;
  return { action, auto };
}
