// The contract between the analysis run and its steps: a step reads what it needs (outside any write
// transaction) and hands back a persist function that the run calls inside the one transaction of the run.
import type { Db, DbHandle } from "../db/client";
import type { Settings } from "../schemas/settings";

export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface StepContext {
  db: DbHandle;
  now: Date;
  /** New executions are those with fromSeq < seq <= toSeq. */
  fromSeq: number;
  toSeq: number;
  settings: Settings;
  runId: string;
}

export interface StepOutcome {
  /** Counts for the run summary, e.g. { selfHealCreated: 2 }. */
  counts: Record<string, number>;
  /** Lines a person reads at the end of `patterns analyze`. */
  findings: string[];
  persist: (tx: Tx) => Promise<void>;
}

export interface AnalysisStep {
  name: string;
  run: (ctx: StepContext) => Promise<StepOutcome>;
}
