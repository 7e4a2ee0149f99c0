// The overview: the period's figures with their change, then its charts. The period lives in the URL
// (`?days=7|30|90`); each slow part streams under its own Suspense boundary with a skeleton, for browsers that
// run scripts (ScriptedSuspense); others get every part in place.
import { headers } from "next/headers";
import { connection } from "next/server";
import { currentUser, hasRole, requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getHasData } from "@/lib/queries/overview/get-has-data";
import { periodDays, periodOf, todayUtc } from "@/lib/queries/period";
import { Onboarding } from "./_components/onboarding";
import { OverviewCards } from "./_components/overview-cards";
import { ActivityChart, TimeSavedChart, TopPatterns } from "./_components/overview-charts";
import { PeriodPicker } from "./_components/period-picker";
import { ScriptedSuspense } from "@/components/ui/scripted-suspense";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  // every page checks the session itself: a client navigation may render the page without its layout
  await requirePageUser("viewer", "/");
  if (!(await getHasData(getDb()))) {
    const h = await headers();
    const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
    const proto = h.get("x-forwarded-proto") ?? "http";
    return <Onboarding baseUrl={`${proto}://${host}`} canLoadDemo={hasRole(await currentUser(), "admin")} />;
  }
  const period = periodOf(periodDays((await searchParams).days), todayUtc());
  return (
    <>
      <h1>Overview</h1>
      <PeriodPicker period={period} path="/" />
      <ScriptedSuspense key={`cards-${period.days}`} fallback={<div className="skeleton cards-skeleton" aria-label="Loading the figures" />}>
        <OverviewCards period={period} />
      </ScriptedSuspense>
      <section className="panel" aria-labelledby="activity-title">
        <h2 id="activity-title">Executions and success rate per day <span className="period-tag">{period.label}</span></h2>
        <ScriptedSuspense key={`activity-${period.days}`} fallback={<div className="skeleton chart-skeleton" aria-label="Loading the chart" />}>
          <ActivityChart period={period} />
        </ScriptedSuspense>
      </section>
      <section className="panel" aria-labelledby="saved-title">
        <h2 id="saved-title">Time saved per week <span className="period-tag">{period.label}</span></h2>
        <ScriptedSuspense key={`saved-${period.days}`} fallback={<div className="skeleton chart-skeleton" aria-label="Loading the chart" />}>
          <TimeSavedChart period={period} />
        </ScriptedSuspense>
      </section>
      <section className="panel" aria-labelledby="top-title">
        <h2 id="top-title">Top patterns <span className="period-tag">{period.label}</span></h2>
        <ScriptedSuspense key={`top-${period.days}`} fallback={<div className="skeleton chart-skeleton" aria-label="Loading the top patterns" />}>
          <TopPatterns period={period} />
        </ScriptedSuspense>
      </section>
    </>
  );
}
