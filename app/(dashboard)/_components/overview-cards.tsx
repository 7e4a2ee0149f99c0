// The overview's cards: each figure for the period, with its change against the period before and the
// period named under it, so a number is never read without knowing which days it covers.
import Link from "next/link";
import { countChange, formatHours, hoursChange, rateChange, type Change } from "@/components/ui/change";
import { formatCount, formatPercent } from "@/components/ui/format";
import { getDb } from "@/lib/db/client";
import { sumTotals } from "@/lib/queries/overview/get-daily-totals";
import { getDecisionCounts } from "@/lib/queries/overview/get-decision-counts";
import type { Period } from "@/lib/queries/period";
import { periodDays } from "./overview-data";

/** "good": more is better (green up); "bad": more is worse (quarantines); "neutral": neither (work arriving). */
type Sense = "good" | "bad" | "neutral";

function Card({ label, value, change, hint, testId, href, sense = "good" }: { label: string; value: string; change: Change; hint: string; testId: string; href?: string; sense?: Sense }) {
  return (
    <div className="card" data-testid={testId}>
      <div className="label">{href ? <Link href={href}>{label}</Link> : label}</div>
      <div className="value">{value}</div>
      <div className={`change ${change.trend} ${sense}`}>{change.text}</div>
      <div className="hint">{hint}</div>
    </div>
  );
}

export async function OverviewCards({ period }: { period: Period }) {
  const db = getDb();
  const [current, previous, decisions] = await Promise.all([periodDays(period.previous.from, period.from, period.to), periodDays(period.previous.from, period.previous.from, period.previous.to), getDecisionCounts(db, period)]);
  const now = sumTotals(current);
  const before = sumTotals(previous);
  const vs = `${period.label}, vs the ${period.days} days before`;
  return (
    <div className="cards">
      <Card testId="card-executions" label="Executions" value={formatCount(now.executions)} change={countChange(now.executions, before.executions)} hint={vs} />
      <Card
        testId="card-success-rate" label="Success rate" value={now.successRate === null ? "—" : formatPercent(now.successRate)}
        change={rateChange(now.successRate, before.successRate)} hint={vs}
      />
      <Card
        testId="card-time-saved" label="Time saved" value={formatHours(now.timeSavedMs)} change={hoursChange(now.timeSavedMs, before.timeSavedMs)}
        hint={`${vs}; runs × each pattern's baseline − their duration`}
      />
      <Card
        testId="card-pending" label="Candidates pending" href="/candidates" value={formatCount(decisions.pendingCandidates)}
        sense="neutral" change={countChange(decisions.proposed.current, decisions.proposed.previous)} hint={`pending now; change: ${formatCount(decisions.proposed.current)} proposed in the ${period.label}`}
      />
      <Card
        testId="card-quarantined" label="Quarantined" href="/anti-patterns?status=quarantined" value={formatCount(decisions.quarantined)}
        sense="bad" change={countChange(decisions.quarantines.current, decisions.quarantines.previous)} hint={`quarantined now; change: ${formatCount(decisions.quarantines.current)} quarantines in the ${period.label}`}
      />
    </div>
  );
}
