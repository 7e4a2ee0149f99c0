// The plain data the detectors read and the findings they return. The analysis run (lib/analysis)
// builds these from the database and persists the findings; detectors never see the database.

/** Admin-editable thresholds (DESIGN.md "Default settings"), passed in by the analysis run. */
export interface DetectorSettings {
  autoApproveConfidence: number; // 0.75
  autoQuarantineFailureRate: number; // 0.40
  minSimilarExecutions: number; // 3
  minSuccessfulFixes: number; // 3
  autoApplySuccessRate: number; // 0.90
  aggressiveMode: boolean; // true
}

export const DEFAULT_SETTINGS: DetectorSettings = {
  autoApproveConfidence: 0.75,
  autoQuarantineFailureRate: 0.4,
  minSimilarExecutions: 3,
  minSuccessfulFixes: 3,
  autoApplySuccessRate: 0.9,
  aggressiveMode: true,
};

/** One execution as the detectors see it. Times are epoch milliseconds. */
export interface ExecutionFact {
  seq: number;
  id: string;
  patternId: string | null;
  operation: string;
  startedAt: number;
  durationMs: number;
  success: boolean;
  /** Short key of the error signature (lib/signature), null when the run succeeded or sent no message. */
  errorKey: string | null;
  errorSignature: string | null;
  retryOf: string | null;
  fix: string | null;
  /** The command that applied `fix` (recipes), when the event carried one. */
  fixCommand?: string | null;
  source: string | null;
  inputs: Record<string, unknown> | null;
}

/** A retry with a fix, joined to the error signature of the run it retried (DESIGN.md). */
export interface RetryOutcome {
  errorKey: string;
  signature: string;
  fix: string;
  success: boolean;
  at: number;
  /** The command the retry applied the fix with, if it said (untrusted telemetry). */
  command?: string | null;
}

// ---- Failure-side findings (AUTO-003, AUTO-005, AUTO-007); rules in docs/failure-detectors.md ----

/** Running totals of one fix applied to one error signature; the analysis run may keep these between runs. */
export interface FixTally {
  errorKey: string;
  signature: string;
  fix: string;
  attempts: number;
  successes: number;
  /** Time of the latest attempt (epoch ms). */
  lastAt: number;
  /** Failures since the last success, in time order (0 when the latest attempt succeeded). */
  failStreak: number;
  /** The command of the latest attempt that named one (a retry without one does not erase it). */
  command?: string | null;
}

export interface FixDecision {
  selfHeal: boolean;
  autoApply: boolean;
  successRate: number;
  /** Wilson 95 % interval of the success rate. */
  interval: { low: number; high: number };
  reason: string;
}

/** Failures of one error signature, for the recurring-failure part of the anti-pattern registry. */
export interface ErrorTally {
  errorKey: string;
  signature: string;
  occurrences: number;
  firstAt: number;
  lastAt: number;
  /** Patterns whose runs failed with this signature (ad-hoc runs add none). */
  patternIds: string[];
}

/** A time window in which most patterns run from one source failed at once. */
export interface OutageWindow {
  source: string | null;
  /** [start, end) in epoch ms. */
  start: number;
  end: number;
  patternsFailing: number;
  patternsActive: number;
}

export type PatternClassification = "healthy" | "flaky" | "broken" | "insufficient";

export interface PatternHealth {
  /** Runs the decision rests on: in the window, after countFrom, outside outages. */
  considered: number;
  failures: number;
  failureRate: number;
  /** Wilson 95 % interval of the failure rate. */
  interval: { low: number; high: number };
  classification: PatternClassification;
  /** Whether the evidence supports quarantine (the analysis run applies or proposes it). */
  quarantine: boolean;
  reason: string;
  evidence: { windowStart: number; windowEnd: number; failedRunIds: string[] };
}

export interface DailySuccess {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  executions: number;
  successes: number;
}

export interface DegradationAssessment {
  degrading: boolean;
  /** While degrading: the day (YYYY-MM-DD) the failure rate changed; else null. */
  since: string | null;
  /** While degrading: the runs before that day (the baseline kept until the pattern recovers); else null. */
  before: { runs: number; failures: number } | null;
  /** While degrading: the runs from that day on (within the lookback window); else null. */
  after: { runs: number; failures: number } | null;
  /** The likelihood-ratio statistic decided on: the scan's best split, or recent runs against the baseline. */
  statistic: number;
  reason: string;
}
