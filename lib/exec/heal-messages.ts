// What `patterns exec` says around a run, as pure functions of what the lookups answered: the AUTO-006
// suggestion before it ("this looks like pattern X, 14 runs, 96 %") and, after a failure with --heal,
// the known fixes with their records when no recipe runs. Server and telemetry text is data: one line.
import { WEIGHTS } from "../detectors/suggest";
import type { HealCandidate } from "../detectors/recipes";

/** A suggestion row as the suggest query or POST /api/v1/suggest gives it. */
export interface SuggestionRow {
  patternId?: string;
  name?: string;
  parts?: { operation?: number };
  uses?: number;
  successRate?: number | null;
}

export interface PatternHint {
  patternId: string;
  name: string;
  uses: number;
  successRate: number | null;
}

/** A known fix as exec shows it. */
export interface KnownFix extends HealCandidate {
  successRate: number;
  interval: { low: number; high: number };
}

export function oneLine(text: string, max = 200): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

const pct = (r: number) => `${(Math.round(r * 1000) / 10).toFixed(1).replace(/\.0$/, "")} %`;

/** The best suggestion that is a pattern running this very operation, if any. */
export function pickSuggestion(rows: readonly SuggestionRow[]): PatternHint | null {
  const best = rows.find((r) => r.patternId !== undefined);
  if (!best || (best.parts?.operation ?? 0) < WEIGHTS.exactOperation - 1e-9) return null;
  return { patternId: best.patternId!, name: best.name ?? best.patternId!, uses: best.uses ?? 0, successRate: best.successRate ?? null };
}

export function suggestionLine(h: PatternHint): string {
  const id = oneLine(h.patternId, 128);
  const name = oneLine(h.name);
  const record = h.uses === 0 || h.successRate === null ? "no runs recorded as it yet" : `${h.uses} run${h.uses === 1 ? "" : "s"}, ${pct(h.successRate)} successful`;
  return `this looks like pattern ${id}${name !== id ? ` ("${name}")` : ""}, ${record}; add --pattern ${id} to record it as one of its runs`;
}

export function recordText(f: KnownFix): string {
  return `${f.successes} of ${f.attempts} succeeded, ${pct(f.successRate)}, 95 % interval ${f.interval.low.toFixed(2)}–${f.interval.high.toFixed(2)}`;
}

function recipeText(f: KnownFix): string {
  if (!f.recipe) return "no command";
  if (f.recipe.status === "approved") return f.recipe.runs ? "approved recipe" : "approved recipe, not auto-applied";
  return f.recipe.status === "changed_since_approval" ? "recipe changed since its approval" : "recipe awaiting approval";
}

/** The lines printed when no recipe runs: why, then the fixes best first (at most `max`). */
export function fixesReport(fixes: readonly KnownFix[], why: string, max = 5): string[] {
  if (!fixes.length) return [`not healed: ${why}`];
  const lines = [`not healed: ${why}`, "known fixes for this error, best first:"];
  fixes.slice(0, max).forEach((f, i) => {
    const near = f.match && f.match !== "exact" ? `, learned for a ${f.match === "fits" ? "matching" : "similar"} error` : "";
    lines.push(`  ${i + 1}. ${oneLine(f.fix)}: ${recordText(f)}${f.autoApply ? ", auto-apply" : ""}; ${recipeText(f)}${near}`);
  });
  if (fixes.length > max) lines.push(`  … and ${fixes.length - max} more (patterns heal --error …)`);
  return lines;
}
