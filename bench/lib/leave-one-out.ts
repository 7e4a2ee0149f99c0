// Leave-one-out evaluation of errorSignature over the labelled Loghub sets: what the rules score on a
// set they were not shaped by. Shared by lib/signature/leave-one-out.test.ts and bench/signature.ts.
import { templateWith } from "../../lib/signature/signature";
import { ALL_RULES, RULE_NAMES, type RuleName, type Rules, rulesWithout } from "../../lib/signature/rules";
import { groupingAccuracy } from "./loghub";

/** Messages and their true groups: a Loghub set, or any other labelled sample. */
export interface Sample {
  name: string;
  messages: readonly string[];
  eventIds: readonly string[];
}

export interface Fold {
  /** The set scored in this fold; the other sets are the training sets. */
  heldOut: string;
  /** GA with every rule on (the product's configuration), for comparison. */
  inSample: number;
  /** GA with the rules the training sets give no reason for switched off. */
  score: number;
  /** Those rules. */
  off: RuleName[];
}

/** Messages of `set` that `rules` groups correctly (GA times the set's size). */
export function correctCount(set: Sample, rules: Rules): number {
  const seen = new Map<string, string>(); // samples repeat messages; each distinct one is templated once
  const predicted = set.messages.map((m) => {
    let t = seen.get(m);
    if (t === undefined) seen.set(m, (t = templateWith(m, rules)));
    return t;
  });
  return Math.round(groupingAccuracy(predicted, set.eventIds) * set.messages.length);
}

/**
 * One fold per set. A rule stays on in a fold only when switching it off alone loses correctly
 * grouped messages on the training sets (the other sets), summed over them; a rule that helps only
 * the held-out set, or helps nowhere, or costs more than it gains, is off while that set is scored.
 * No rule is exempt, not even the value formats every parser knows: each must show its worth on data
 * other than the set it is scored on. Nothing is fitted: the gate has no threshold to tune.
 */
export function leaveOneOut(sets: readonly Sample[]): Fold[] {
  const base = sets.map((set) => correctCount(set, ALL_RULES));
  // loss[r][j]: messages of set j grouped correctly with every rule on but not with rule r off
  const loss = new Map<RuleName, number[]>();
  for (const rule of RULE_NAMES) {
    const without = rulesWithout([rule]);
    loss.set(
      rule,
      sets.map((set, j) => base[j] - correctCount(set, without)),
    );
  }
  return sets.map((held, k) => {
    const off = RULE_NAMES.filter((rule) => {
      const perSet = loss.get(rule)!;
      const trainingGain = perSet.reduce((sum, lost, j) => (j === k ? sum : sum + lost), 0);
      return trainingGain <= 0;
    });
    return {
      heldOut: held.name,
      inSample: base[k] / held.messages.length,
      score: correctCount(held, rulesWithout(off)) / held.messages.length,
      off,
    };
  });
}

/** The folds as a plain-text table: set, GA held out, GA in sample, rules off in the fold. */
export function formatFolds(folds: readonly Fold[]): string {
  const average = (pick: (f: Fold) => number) => folds.reduce((s, f) => s + pick(f), 0) / folds.length;
  const rows = folds.map((f) => [f.heldOut, f.score.toFixed(3), f.inSample.toFixed(3), f.off.join(", ") || "-"]);
  rows.push(["average", average((f) => f.score).toFixed(3), average((f) => f.inSample).toFixed(3), ""]);
  const header = ["held-out set", "GA held out", "GA all rules", "rules off in the fold (no gain on the other sets)"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 || i === 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.slice(0, -1).map(line), rule, line(rows[rows.length - 1])].join("\n");
}
