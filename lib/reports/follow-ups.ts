// What became of last week's recommendations, read from the stored report of the week before: the
// opportunity became a pattern (and how much it ran), the degrading pattern recovered or not, the
// quarantined one was lifted or is still out, the bypassed pattern is used now. The feedback loop.
import type { FollowUp, MissedUse, WeeklyReportData } from "./types";

export interface FollowUpContext {
  /** this week's ad-hoc runs per AUTO-001 cluster (group key) */
  adHocRuns: ReadonlyMap<string, { runs: number; durationMs: number }>;
  candidates: ReadonlyMap<string, { id: string; status: string; patternId: string | null }>;
  patterns: ReadonlyMap<string, { name: string; status: string; degrading: boolean }>;
  usesNow: ReadonlyMap<string, { uses: number; successRate: number }>;
  usesBefore: ReadonlyMap<string, { uses: number; successRate: number }>;
  missedNow: ReadonlyMap<string, MissedUse>;
}

const EACH = 5;
const pct = (r: number | null | undefined) => (r === null || r === undefined ? "no runs" : `${(r * 100).toFixed(1)} %`);
const hours = (ms: number) => `${(ms / 3_600_000).toFixed(1)} h`;

function rateLine(id: string, ctx: FollowUpContext): string {
  const side = (u: { uses: number; successRate: number } | undefined) => (u ? `${pct(u.successRate)} success over ${u.uses} runs` : "no runs");
  return `${side(ctx.usesBefore.get(id))} last week → ${side(ctx.usesNow.get(id))} this week`;
}

export function followUps(previous: WeeklyReportData | null, ctx: FollowUpContext): FollowUp[] {
  if (!previous) return [];
  const out: FollowUp[] = [];
  for (const o of previous.opportunities.slice(0, EACH)) {
    const left = ctx.adHocRuns.get(o.groupKey);
    const c = ctx.candidates.get(o.groupKey);
    const pattern = c?.patternId ? ctx.patterns.get(c.patternId) : undefined;
    const adHoc = `${left?.runs ?? 0} ad-hoc runs (${hours(left?.durationMs ?? 0)}) this week, against ${o.runs} (${o.hours.toFixed(1)} h) last week`;
    if (c && pattern && (c.status === "approved" || c.status === "auto_approved")) {
      const uses = ctx.usesNow.get(c.patternId!)?.uses ?? 0;
      out.push({ kind: "opportunity", subject: o.operation, outcome: `became the pattern "${pattern.name}"`, effect: `${uses} runs through the pattern; ${adHoc}` });
    } else if (c?.status === "pending") {
      out.push({ kind: "opportunity", subject: o.operation, outcome: "proposed as a candidate, awaiting review", effect: adHoc });
    } else if (c?.status === "rejected") {
      out.push({ kind: "opportunity", subject: o.operation, outcome: "rejected by a reviewer", effect: adHoc });
    } else {
      out.push({ kind: "opportunity", subject: o.operation, outcome: "still done by hand", effect: adHoc });
    }
  }
  for (const s of previous.statusChanges) {
    const p = ctx.patterns.get(s.patternId);
    if (s.change === "degrading") {
      out.push({ kind: "degrading", subject: s.name, outcome: !p ? "no longer exists" : p.degrading ? "still degrading" : "recovered", effect: rateLine(s.patternId, ctx) });
    } else if (s.change === "quarantined") {
      const outcome = !p ? "no longer exists" : p.status === "quarantined" ? "still quarantined" : p.status === "active" ? "lifted and running again" : `now ${p.status}`;
      out.push({ kind: "quarantined", subject: s.name, outcome, effect: rateLine(s.patternId, ctx) });
    }
  }
  for (const m of previous.missedUses.slice(0, EACH)) {
    const now = ctx.missedNow.get(m.patternId);
    const uses = ctx.usesNow.get(m.patternId)?.uses ?? 0;
    const before = ctx.usesBefore.get(m.patternId)?.uses ?? 0;
    out.push({
      kind: "missed-use", subject: m.name,
      outcome: !now ? "no ad-hoc runs bypassed it this week" : now.runs < m.runs ? "bypassed less often" : "still bypassed as often",
      effect: `${now?.runs ?? 0} ad-hoc runs this week against ${m.runs} last week; pattern runs ${before} → ${uses}`,
    });
  }
  return out;
}
