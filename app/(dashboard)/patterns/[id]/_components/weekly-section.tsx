// The pattern's weekly success rate and mean duration over the last 26 weeks, with the degrading mark on
// the week its failure rate changed and the success rate before and since.
import { PatternWeeklyCharts } from "@/components/charts/pattern-weekly-charts";
import { preparePatternWeekly } from "@/components/charts/prepare-pattern-weekly";
import { formatPercent } from "@/components/ui/format";
import { getDb } from "@/lib/db/client";
import type { DegradationFigures } from "@/lib/queries/patterns/degradation-figures";
import { getPatternWeekly } from "@/lib/queries/patterns/get-pattern-weekly";
import { shiftDay, todayUtc } from "@/lib/queries/period";
import { isoWeekOf } from "@/lib/reports/iso-week";

const WEEKS = 26;

const rate = (r: number | null, runs: number | null) => (r === null ? "an unknown share" : `${formatPercent(r)} of ${runs} runs`);

export async function WeeklySection({ patternId, name, degradation }: { patternId: string; name: string; degradation: DegradationFigures | null }) {
  const today = todayUtc();
  const weeks = await getPatternWeekly(getDb(), patternId, shiftDay(today, -WEEKS * 7));
  const weekly = preparePatternWeekly(weeks, { currentWeek: isoWeekOf(new Date(`${today}T00:00:00Z`)), count: WEEKS, degradingSince: degradation ? new Date(`${degradation.since}T00:00:00Z`) : null });
  const ran = weekly.points.some((p) => p.runs > 0);
  return (
    <>
      {degradation ? (
        <p className="notice warn">
          Degrading since {degradation.since} (UTC): {rate(degradation.successRateBefore, degradation.runsBefore)} succeeded before that day,{" "}
          {rate(degradation.successRateAfter, degradation.runsAfter)} since (AUTO-007).
          {weekly.degradingLabel ? " The dashed line marks that week." : " That was before the weeks charted here."}
        </p>
      ) : null}
      {ran ? <PatternWeeklyCharts weekly={weekly} name={name} /> : <p className="muted">No run has named this pattern in the last {WEEKS} weeks.</p>}
    </>
  );
}
