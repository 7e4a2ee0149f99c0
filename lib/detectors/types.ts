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
}
