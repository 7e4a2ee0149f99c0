// The anti-pattern registry as one YAML file, and one Markdown page per entry: what it is, its
// evidence, its history from the audit log, and how to lift it. Signatures, names and reasons are
// telemetry or people's text: on the pages they go in fenced blocks, never as Markdown or HTML.
import { stringify } from "yaml";
import type { AntiPatternRow } from "../queries/export/get-export-snapshot";

const day = (d: Date) => d.toISOString().slice(0, 10);
const minute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

/** A fenced block that no backtick run inside `text` can close. */
function fenced(text: string, lang = "text"): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}\n${text.replace(/\n$/, "")}\n${fence}`;
}

/** Plain text on one line for a table cell or list item: no Markdown, no HTML. */
function inline(text: string): string {
  return text.replace(/\s+/g, " ").replace(/[\\`*_[\]|<>&~]/g, (c) => `\\${c}`);
}

export function registryFile(entries: AntiPatternRow[]): string {
  const list = entries.map((e) => ({
    id: e.id, kind: e.kind, status: e.status, classification: e.classification, patternId: e.patternId, signature: e.signature,
    failureRate: Number(e.failureRate.toFixed(4)), occurrences: e.occurrences, firstSeen: day(e.firstSeenAt), lastSeen: day(e.lastSeenAt),
    countsFrom: e.countFrom ? e.countFrom.toISOString() : null,
  }));
  return ["# The anti-pattern registry (AUTO-005): recurring errors and failing patterns. Written by `patterns export`.", stringify({ antiPatterns: list })].join("\n");
}

function howToLift(e: AntiPatternRow): string[] {
  if (e.kind === "recurring_error") {
    return [
      "A recurring error is tracked, not quarantined: there is nothing to lift. Fix its cause; the fixes people",
      "apply on retries are learned (`patterns heal --error TEXT` lists them).",
    ];
  }
  if (e.status === "quarantined" || e.status === "proposed") {
    return [
      "Once the cause is fixed, a reviewer lifts it on the Anti-patterns page, or with `patterns lift PATTERN --reason TEXT`",
      "(PATTERN: the pattern above). Only failures after the lift count toward quarantining it again.",
    ];
  }
  if (e.status === "lifted") return [`Lifted${e.countFrom ? ` on ${minute(e.countFrom)}` : ""}: only failures since then count toward quarantining it again.`];
  return ["Not quarantined: nothing to lift. It is quarantined when its failure rate reaches the auto-quarantine setting."];
}

function evidenceText(raw: string): string {
  try {
    return stringify(JSON.parse(raw), { sortMapEntries: true });
  } catch {
    return raw;
  }
}

export function antiPatternPage(e: AntiPatternRow): string {
  const what = e.kind === "failing_pattern" ? "Failing pattern" : "Recurring error";
  const lines = [
    `# ${what}: ${inline(e.id)}`,
    "",
    "| | |",
    "|---|---|",
    `| status | ${e.status}${e.classification ? ` (${e.classification})` : ""} |`,
    ...(e.patternId ? [`| pattern | ${inline(e.patternId)} |`] : []),
    ...(e.kind === "failing_pattern" ? [`| failure rate | ${pct(e.failureRate)} |`] : []),
    `| occurrences | ${e.occurrences} |`,
    `| first seen | ${day(e.firstSeenAt)} |`,
    `| last seen | ${day(e.lastSeenAt)} |`,
    "",
  ];
  if (e.signature) lines.push("## Error signature", "", fenced(e.signature), "");
  lines.push("## Evidence", "", fenced(evidenceText(e.evidence), "yaml"), "", "## History", "");
  if (e.history.length === 0) lines.push("Nothing recorded yet.");
  for (const h of e.history) lines.push(`- ${minute(h.at)}: ${inline(h.action)} by ${inline(h.actor)}${h.reason ? `: ${inline(h.reason)}` : ""}`);
  lines.push("", "## How to lift", "", ...howToLift(e), "");
  return lines.join("\n");
}
