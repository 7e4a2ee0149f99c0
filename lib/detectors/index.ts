// Public surface of the pure detectors: the analysis run, the CLI and the API import from here.
// Failure side (AUTO-003, AUTO-005, AUTO-007); rules and constants in docs/failure-detectors.md.
export * from "./types";
export { normalCdf, twoProportionTest, wilsonInterval, type Interval, type ProportionTest } from "./stats";
export {
  AUTO_APPLY_GAIN_LOWER_BOUND, AUTO_APPLY_KEEP_MARGIN, AUTO_APPLY_MAX_FAIL_STREAK, SELF_HEAL_MIN_RATE,
  decideFix, foldRetries, joinRetries, rankFixes, tallyRetries, type RankedFix,
} from "./error-recovery";
export {
  OUTAGE_BASELINE_MS, OUTAGE_BUCKET_MS, OUTAGE_MAX_CHANCE, OUTAGE_MIN_FAILING_SHARE, OUTAGE_MIN_PATTERNS,
  cellKey, couldBeOutage, detectOutages, duringOutage, judgeCells, judgeOutageCells, mergeOutageCells, refineEdges,
  type CellJudgement, type OutageCell, type OutageOptions, type RunSample, type Tally,
} from "./outages";
export {
  BROKEN_MIN_STREAK, BROKEN_STREAK_P, QUARANTINE_BOUND_SHARE, QUARANTINE_MAX_RUNS, QUARANTINE_MIN_RUNS,
  QUARANTINE_WINDOW_MS, RECURRING_MIN_OCCURRENCES, assessPattern, moreToRead, recurringErrors, tallyErrors, type AssessContext,
} from "./anti-patterns";
export {
  DEGRADATION_DEFAULTS, GAIN_THRESHOLDS, addWeeks, assessDegradation, dailyTotals, dayStart, degradationCandidate, gainThreshold, isoWeekOf, weekStart,
  type DegradationOptions, type DegradationState,
} from "./evolution";
export { rateOf, riseStatistic, scanChangePoint, type ChangePoint, type RunCounts, type ScanOptions } from "./change-point";
