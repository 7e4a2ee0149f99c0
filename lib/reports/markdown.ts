// The weekly report as Markdown, for the download, the export (patterns/reports/weekly/<week>.md) and
// pull requests: tables, and a Mermaid chart of executions and successes per day that GitHub renders.
// Telemetry text (pattern names, operations, sources) is escaped so it stays text wherever it is shown.
import { daysOfWeek } from "./iso-week";
import { sinceText } from "./status-changes";
import type { Change, PatternUse, WeeklyReportData } from "./types";

const HOUR = 3_600_000;
const count = new Intl.NumberFormat("en-US");

/** Escapes Markdown and HTML in a table cell: `<script>` shows as text, `|` cannot end the cell. */
export function mdText(text: string): string {
  return text
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#])/g, "\\$1")
    .replace(/\r?\n/g, " ");
}

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)} %`);
const hours = (ms: number) => `${(ms / HOUR).toFixed(1)} h`;
const sign = (n: number, text: string) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${text}`;

function changeCell(c: Change, kind: "count" | "rate" | "ms"): string {
  if (c.previous === null) return "—";
  const d = c.value - c.previous;
  if (kind === "rate") return sign(d, `${Math.abs(d * 100).toFixed(1)} pts`);
  if (kind === "ms") return sign(d, hours(Math.abs(d)));
  return sign(d, `${count.format(Math.abs(d))}${c.previous > 0 ? ` (${Math.abs((d / c.previous) * 100).toFixed(1)} %)` : ""}`);
}

function table(head: string[], rows: string[][]): string[] {
  if (rows.length === 0) return ["_None._", ""];
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`), ""];
}

const baselineCell = (p: PatternUse) => (p.baselineDurationMs === null ? "none" : `${(p.baselineDurationMs / 1000).toFixed(1)} s (${p.baselineSource})`);

export function mermaidDaily(r: WeeklyReportData): string[] {
  const days = daysOfWeek(r.week);
  const by = new Map(r.daily.map((d) => [d.day, d]));
  const labels = days.map((d, i) => `"${["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i]} ${Number(d.slice(8))}"`);
  const max = Math.max(1, ...r.daily.map((d) => d.executions));
  return [
    "```mermaid",
    "xychart-beta",
    `  title "Executions (bars) and successes (line) per day"`,
    `  x-axis [${labels.join(", ")}]`,
    `  y-axis "Runs" 0 --> ${max}`,
    `  bar [${days.map((d) => by.get(d)?.executions ?? 0).join(", ")}]`,
    `  line [${days.map((d) => by.get(d)?.successes ?? 0).join(", ")}]`,
    "```",
    "",
  ];
}

export function renderReportMarkdown(r: WeeklyReportData): string {
  const scope = r.source === null ? "all sources" : `source ${mdText(r.source)}`;
  const out = [`# Weekly report ${r.week}`, "", `${r.from.slice(0, 10)} to ${r.to.slice(0, 10)} (UTC, Monday to Monday), ${scope}. Generated ${r.generatedAt.slice(0, 16).replace("T", " ")} UTC.`, ""];
  if (!r.hasData) {
    out.push(`No executions were recorded in ${r.week} for ${scope}: there is nothing to report for this week.`, "");
    return out.join("\n");
  }
  const c = r.changes;
  out.push("## Summary", "", ...table(["", "this week", "week before", "change"], [
    ["Executions", count.format(r.executions), c.executions.previous === null ? "—" : count.format(c.executions.previous), changeCell(c.executions, "count")],
    ["Success rate", pct(r.successRate), pct(c.successRate.previous), changeCell(c.successRate, "rate")],
    ["Time saved", hours(r.timeSavedMs), c.timeSavedMs.previous === null ? "—" : hours(c.timeSavedMs.previous), changeCell(c.timeSavedMs, "ms")],
  ]));
  out.push("Time saved per run is the pattern's baseline less the run's duration; the baseline is the median of the ad-hoc runs the pattern was made from (evidence) or a value an admin set (admin).", "");
  out.push("## Executions and successes per day", "", ...mermaidDaily(r));
  out.push(`## Patterns by use (top 20 of ${r.patterns.length})`, "", ...table(["Pattern", "Runs", "Success", "Time saved", "Baseline"], r.patterns.slice(0, 20).map((p) => [mdText(p.name), count.format(p.uses), pct(p.successRate), hours(p.timeSavedMs), baselineCell(p)])));
  out.push("## Patterns by time saved", "", ...table(["Pattern", "Time saved", "Runs", "Baseline"], r.byTimeSaved.slice(0, 10).map((p) => [mdText(p.name), hours(p.timeSavedMs), count.format(p.uses), baselineCell(p)])));
  out.push("## Missed uses", "", "Ad-hoc runs that did what an active pattern does without naming it.", "", ...table(["Pattern", "Ad-hoc runs", "Hours a pattern run would have saved", "Sources"], r.missedUses.slice(0, 20).map((m) => [mdText(m.name), count.format(m.runs), m.hoursSaved === null ? "—" : m.hoursSaved.toFixed(1), mdText(m.sources.slice(0, 5).join(", ") || "—")])));
  out.push("## Manual-work opportunities", "", "The largest groups of ad-hoc work no pattern covers yet.", "", ...table(["Operation", "Runs", "Hours", "Candidate"], r.opportunities.map((o) => [mdText(o.operation), count.format(o.runs), o.hours.toFixed(1), o.candidateId ? `pending (${mdText(o.candidateId)})` : "—"])));
  out.push("## Underused patterns", "", ...table(["Pattern", "Runs", "Why", "Last used", "Archived on"], r.underused.slice(0, 20).map((u) => [mdText(u.name), String(u.uses), u.reason === "near-retention" ? "unused, near retention" : "little use", u.lastUsedAt?.slice(0, 10) ?? "never", u.archivesOn?.slice(0, 10) ?? "—"])));
  out.push("## Status changes", "", ...table(["Pattern", "Change", "Since", "Success before", "Success after"], r.statusChanges.map((s) => [mdText(s.name), s.change, sinceText(s), pct(s.rateBefore), pct(s.rateAfter)])));
  const k = r.candidates;
  out.push("## Candidates and self-healing fixes", "", `Candidates: ${k.proposed} proposed, ${k.approved} approved, ${k.autoApproved} auto-approved, ${k.rejected} rejected. Fixes applied on retries: ${r.fixes.applied}, ${r.fixes.succeeded} succeeded (${pct(r.fixes.successRate)}).`, "");
  out.push("## Follow-ups on last week", "");
  if (!r.previousReport) out.push("_No report was stored for the week before, so there is nothing to follow up._", "");
  else out.push(...table(["Recommendation", "Subject", "What became of it", "Effect"], r.followUps.map((f) => [f.kind, mdText(f.subject), mdText(f.outcome), mdText(f.effect)])));
  return out.join("\n");
}
