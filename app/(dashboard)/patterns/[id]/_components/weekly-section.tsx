// The pattern's weekly success rate and mean duration over the last 26 weeks, with the degrading mark.
import { PatternWeeklyCharts } from "@/components/charts/pattern-weekly-charts";
import { preparePatternWeekly } from "@/components/charts/prepare-pattern-weekly";
import { LocalTime } from "@/components/ui/local-time";
import { getDb } from "@/lib/db/client";
import { getPatternWeekly } from "@/lib/queries/patterns/get-pattern-weekly";
import { shiftDay, todayUtc } from "@/lib/queries/period";
import { isoWeekOf } from "@/lib/reports/iso-week";

const WEEKS = 26;

export async function WeeklySection({ patternId, name, degradingSince }: { patternId: string; name: string; degradingSince: Date | null }) {
  const today = todayUtc();
  const weeks = await getPatternWeekly(getDb(), patternId, shiftDay(today, -WEEKS * 7));
  const weekly = preparePatternWeekly(weeks, { currentWeek: isoWeekOf(new Date(`${today}T00:00:00Z`)), count: WEEKS, degradingSince });
  const ran = weekly.points.some((p) => p.runs > 0);
  return (
    <>
      {degradingSince ? (
        <p className="notice warn">
          Degrading since <LocalTime at={degradingSince.toISOString()} />: its weekly success rate fell below its earlier weeks (AUTO-007).
          {weekly.degradingLabel ? " The dashed line marks that week." : " That was before the weeks charted here."}
        </p>
      ) : null}
      {ran ? <PatternWeeklyCharts weekly={weekly} name={name} /> : <p className="muted">No run has named this pattern in the last {WEEKS} weeks.</p>}
    </>
  );
}
