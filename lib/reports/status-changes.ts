// The week's changes of standing as a triage meeting needs them: who turned degrading or was quarantined,
// who recovered or was lifted, since when, and the success rate before against after. A pattern flagged
// degrading carries the day its failure rate changed and the runs before and since that the flag was
// raised on; the other changes, the two weeks before the event against the days from it to the week's end.
import type { RunCounts } from "../detectors/change-point";
import { ratio } from "./rank-patterns";
import type { StatusChange } from "./types";

export interface StatusEventRef {
  action: string;
  patternId: string;
  at: Date;
  degradation?: { since: string; before: RunCounts; after: RunCounts };
}

const successOf = (c: RunCounts) => ratio(c.runs - c.failures, c.runs);

export interface DayRate {
  patternId: string;
  day: string;
  runs: number;
  successes: number;
}

const DAY = 86_400_000;
const CHANGE: Record<string, StatusChange["change"]> = {
  "evolution.degrading": "degrading",
  "evolution.recovered": "recovered",
  "quarantine.apply": "quarantined",
  "quarantine.lift": "lifted",
};

function rate(days: readonly DayRate[], from: string, to: string): number | null {
  let runs = 0, successes = 0;
  for (const d of days) {
    if (d.day < from || d.day >= to) continue;
    runs += d.runs;
    successes += d.successes;
  }
  return ratio(successes, runs);
}

/** One line per pattern and kind of change (the latest), in time order. */
export function statusChanges(events: readonly StatusEventRef[], days: readonly DayRate[], names: ReadonlyMap<string, string>, weekEnd: Date): StatusChange[] {
  const latest = new Map<string, StatusEventRef>();
  for (const e of events) if (CHANGE[e.action]) latest.set(`${e.patternId}\u001f${e.action}`, e);
  const byPattern = new Map<string, DayRate[]>();
  for (const d of days) byPattern.set(d.patternId, [...(byPattern.get(d.patternId) ?? []), d]);
  const end = weekEnd.toISOString().slice(0, 10);
  return [...latest.values()]
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.patternId < b.patternId ? -1 : 1))
    .map((e) => {
      const name = names.get(e.patternId) ?? e.patternId;
      if (e.degradation) {
        const { since, before, after } = e.degradation;
        return { patternId: e.patternId, name, change: CHANGE[e.action]!, since: `${since}T00:00:00.000Z`, rateBefore: successOf(before), rateAfter: successOf(after) };
      }
      const day = e.at.toISOString().slice(0, 10);
      const before = new Date(Date.parse(`${day}T00:00:00Z`) - 14 * DAY).toISOString().slice(0, 10);
      const list = byPattern.get(e.patternId) ?? [];
      return {
        patternId: e.patternId, name, change: CHANGE[e.action]!, since: e.at.toISOString(),
        rateBefore: rate(list, before, day), rateAfter: rate(list, day, end),
      };
    });
}

/** The "since" cell: a day for a degradation (the estimate is a day), a minute for a decision. */
export function sinceText(s: Pick<StatusChange, "change" | "since">): string {
  return s.change === "degrading" ? s.since.slice(0, 10) : s.since.slice(0, 16).replace("T", " ");
}
