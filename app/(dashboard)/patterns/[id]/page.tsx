// A pattern's own page: what it is (status, degrading mark, spec), how it has done week by week, its
// recent runs and the ad-hoc runs that made it, its failures by signature, its history from the audit
// log, and what the signed-in person may do to it; a self-healing pattern also shows its recipe (the
// command its fix carries and whether it may run). Each slow part streams under its own Suspense.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { formatPercent } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { Notice } from "@/components/ui/notice";
import { currentUser, hasRole, requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getPattern } from "@/lib/queries/patterns/get-pattern";
import { periodDays, periodOf, todayUtc } from "@/lib/queries/period";
import { PeriodPicker } from "../../_components/period-picker";
import { FailuresSection } from "./_components/failures-section";
import { HistorySection } from "./_components/history-section";
import { PatternActions } from "./_components/pattern-actions";
import { RunsSection } from "./_components/runs-section";
import { WeeklySection } from "./_components/weekly-section";
import { ScriptedSuspense } from "@/components/ui/scripted-suspense";
import { readError } from "@/lib/actions/notice";
import { RecipeSection } from "./_components/recipe-section";

export const metadata: Metadata = { title: "Pattern" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const skeleton = (label: string) => <div className="skeleton chart-skeleton" aria-label={label} />;

export default async function PatternPage({ params, searchParams }: Props) {
  await connection();
  // every page checks the session itself: a client navigation may render the page without its layout
  await requirePageUser("viewer", "/patterns");
  const raw = (await params).id;
  if (raw.length > 600) notFound();
  const query = await searchParams;
  // the segment can arrive still percent-encoded (an id holding "/" or "<" is sent as %2F, %3C): try the
  // decoded id, then the segment as it came, so an id that itself contains "%41" is found too
  const decoded = decodeSegment(raw);
  const [found, user] = await Promise.all([getPattern(getDb(), decoded), currentUser()]);
  const pattern = found ?? (decoded !== raw ? await getPattern(getDb(), raw) : null);
  if (!pattern) notFound();
  const period = periodOf(periodDays(query.days), todayUtc());
  const error = readError(query);
  const badge = pattern.status === "quarantined" ? "bad" : pattern.status === "active" ? "ok" : "";
  return (
    <>
      <p className="muted"><Link href="/patterns">← Patterns</Link></p>
      <h1 className="wrap-anywhere">{pattern.name}</h1>
      <p className="subtitle wrap-anywhere">
        <span className="mono">{pattern.id}</span> · {pattern.kind} · <span className={`badge ${badge}`} data-testid="pattern-status">{pattern.status}</span>
        {pattern.degrading ? <span className="badge warn">degrading{pattern.degradation ? ` since ${pattern.degradation.since}` : ""}</span> : null}
        {pattern.autoApply ? <span className="badge ok">auto-apply</span> : null}
        {" · "}origin {pattern.origin}
        {pattern.candidate ? (
          <>
            {" "}({pattern.candidate.status === "auto_approved" ? "auto-approved" : "approved"}
            {pattern.candidate.decidedBy ? <> by <span className="mono">{pattern.candidate.decidedBy}</span></> : null}
            {pattern.candidate.decidedAt ? <> on <LocalTime at={pattern.candidate.decidedAt.toISOString()} /></> : null})
          </>
        ) : null}
      </p>
      <Notice params={query} />
      {error ? <p role="alert" className="notice bad">{error}</p> : null}
      {pattern.status === "quarantined" ? (
        <p className="notice bad">
          Quarantined{pattern.quarantinedAt ? <> since <LocalTime at={pattern.quarantinedAt.toISOString()} /></> : null}
          {pattern.quarantineReason ? <>: {pattern.quarantineReason}</> : null}
          {pattern.antiPattern ? <> ({formatPercent(pattern.antiPattern.failureRate)} of recent runs failed)</> : null}
        </p>
      ) : null}

      <section className="panel" aria-labelledby="weekly-title">
        <h2 id="weekly-title">Week by week <span className="period-tag">last 26 weeks, UTC</span></h2>
        <ScriptedSuspense fallback={skeleton("Loading the weekly charts")}>
          <WeeklySection patternId={pattern.id} name={pattern.name} degradation={pattern.degradation} />
        </ScriptedSuspense>
      </section>

      <section className="panel" aria-labelledby="runs-title">
        <h2 id="runs-title">Runs</h2>
        <ScriptedSuspense fallback={skeleton("Loading the runs")}>
          <RunsSection patternId={pattern.id} evidenceIds={pattern.candidate?.evidenceIds ?? []} evidenceCount={pattern.candidate?.evidenceCount ?? 0} />
        </ScriptedSuspense>
      </section>

      <section className="panel" aria-labelledby="failures-title">
        <h2 id="failures-title">Failures by error signature <span className="period-tag">{period.label}</span></h2>
        <PeriodPicker period={period} path={`/patterns/${encodeURIComponent(pattern.id)}`} />
        <ScriptedSuspense key={period.days} fallback={skeleton("Loading the failures")}>
          <FailuresSection patternId={pattern.id} period={period} />
        </ScriptedSuspense>
      </section>

      {pattern.kind === "self_heal" ? (
        <section className="panel" aria-labelledby="recipe-title" id="recipe">
          <h2 id="recipe-title">Recipe</h2>
          <RecipeSection patternId={pattern.id} reviewer={hasRole(user, "reviewer")} />
        </section>
      ) : null}

      <section className="panel" aria-labelledby="actions-title" id="actions">
        <h2 id="actions-title">Actions</h2>
        <PatternActions pattern={pattern} reviewer={hasRole(user, "reviewer")} admin={hasRole(user, "admin")} />
      </section>

      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">History <span className="period-tag">quarantines, lifts and other changes, newest first</span></h2>
        {/* not streamed: a person who just acted (perhaps without JavaScript, where a streamed part that
            arrives late stays hidden) must see the change recorded; it is one indexed read of at most 50 rows */}
        <HistorySection patternId={pattern.id} antiPatternId={pattern.antiPattern?.id ?? null} candidateId={pattern.candidate?.id ?? null} selfHeal={pattern.kind === "self_heal"} />
      </section>

      <section className="panel" aria-labelledby="spec-title">
        <h2 id="spec-title">Spec (YAML)</h2>
        {pattern.spec ? <pre className="spec-yaml">{pattern.spec}</pre> : <p className="muted">This pattern has no spec: it was registered by telemetry naming it.</p>}
      </section>
    </>
  );
}
