// The weekly report's data (AUTO-004): one shape shared by the generator, the stored row
// (`weekly_reports.data`), `patterns report --json`, the Markdown writer, the export and the pages.
// Field names the DESIGN.md `report --json` contract fixes are kept as they are; the rest is ours.

/** ISO week "YYYY-Www" (Monday–Sunday, UTC). */
export type IsoWeek = string;

export interface Change {
  /** this week's value */
  value: number;
  /** the week before's value, or null when that week had no data */
  previous: number | null;
}

export interface DailyPoint {
  /** YYYY-MM-DD, UTC */
  day: string;
  executions: number;
  successes: number;
}

export interface PatternUse {
  patternId: string;
  name: string;
  uses: number;
  successRate: number;
  timeSavedMs: number;
  /** where the per-run baseline came from; null when the pattern has none (time saved then 0) */
  baselineSource: "evidence" | "admin" | null;
  baselineDurationMs: number | null;
}

export interface UnderusedPattern {
  patternId: string;
  name: string;
  approvedAt: string | null;
  uses: number;
  /** "underused": little or no use; "near-retention": unused so long it will be archived */
  reason: "underused" | "near-retention";
  lastUsedAt: string | null;
  archivesOn: string | null;
}

export interface MissedUse {
  patternId: string;
  name: string;
  /** ad-hoc runs in the week that did what the pattern does without naming it */
  runs: number;
  /**
   * hours pattern runs would have saved: each ad-hoc run's duration less the pattern's average run
   * (last 4 weeks), summed, never below 0; null when the pattern has not run lately to compare with
   */
  hoursSaved: number | null;
  sources: string[];
  /** the candidate the pattern was made from */
  candidateId: string;
}

export interface Opportunity {
  /** AUTO-001 family key */
  family: string;
  /** AUTO-001 cluster (candidate group key): what a pattern made from this work would be keyed by */
  groupKey: string;
  operation: string;
  runs: number;
  hours: number;
  /** a pending candidate already proposes it */
  candidateId: string | null;
}

export interface StatusChange {
  patternId: string;
  name: string;
  change: "degrading" | "quarantined" | "recovered" | "lifted";
  /** degrading: the day its failure rate changed (00:00 UTC, AUTO-007's estimate); otherwise when the decision was made */
  since: string;
  /** success rate before and after: for degrading, the runs the flag was raised on; otherwise the two weeks before and the days since to the week's end */
  rateBefore: number | null;
  rateAfter: number | null;
}

export interface CandidateCounts {
  proposed: number;
  approved: number;
  rejected: number;
  autoApproved: number;
}

export interface FixSummary {
  applied: number;
  succeeded: number;
  successRate: number | null;
}

export interface FollowUp {
  /** what last week's report recommended */
  kind: "opportunity" | "degrading" | "quarantined" | "missed-use";
  subject: string;
  /** what became of it */
  outcome: string;
  /** the measured effect, in words with its numbers */
  effect: string;
}

export interface WeeklyReportData {
  week: IsoWeek;
  /** Monday 00:00 UTC and the next Monday 00:00 UTC, ISO strings */
  from: string;
  to: string;
  /** null = every source */
  source: string | null;
  generatedAt: string;
  /** false: nothing ran this week; the report says so and stays short */
  hasData: boolean;
  executions: number;
  successRate: number | null;
  timeSavedMs: number;
  changes: { executions: Change; successRate: Change; timeSavedMs: Change };
  daily: DailyPoint[];
  /** by uses, most first */
  patterns: PatternUse[];
  /** by time saved, most first */
  byTimeSaved: PatternUse[];
  underused: UnderusedPattern[];
  missedUses: MissedUse[];
  opportunities: Opportunity[];
  statusChanges: StatusChange[];
  candidates: CandidateCounts;
  fixes: FixSummary;
  followUps: FollowUp[];
  /** whether a stored report of the week before (same source) was there to follow up on */
  previousReport: boolean;
  /** the retention setting when generated (underused patterns near it are archived) */
  retentionDays: number;
}
