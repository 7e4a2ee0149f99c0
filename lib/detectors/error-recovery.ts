// AUTO-003 error-recovery learner: which fix resolves which error signature, how reliably, and whether
// it is trusted enough to be applied without a person. Works on running totals the analysis run keeps.
import { wilsonInterval } from "./stats";
import type { DetectorSettings, ExecutionFact, FixDecision, FixTally, RetryOutcome } from "./types";

/** A fix that fails more often than it works is no recipe, however often it has worked. */
export const SELF_HEAL_MIN_RATE = 0.5;
/** Gain auto-apply only when the 95 % Wilson lower bound of the success rate reaches this (9 of 9, 19 of 20). */
export const AUTO_APPLY_GAIN_LOWER_BOUND = 0.7;
/** Hysteresis: once auto-applied, keep it while the rate stays within this much below the setting. */
export const AUTO_APPLY_KEEP_MARGIN = 0.1;
/** ...and lose it at once after this many failures in a row (3 in a row at a true 90 % has p = 0.001). */
export const AUTO_APPLY_MAX_FAIL_STREAK = 3;

const EPS = 1e-9; // rates like 8/10 against 0.9 − 0.1 must compare as equal
const atLeast = (a: number, b: number) => a >= b - EPS;
const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** Retries with a fix, joined to the error signature of the failed run they retried (DESIGN.md). */
export function joinRetries(facts: readonly ExecutionFact[]): RetryOutcome[] {
  const byId = new Map<string, ExecutionFact>();
  for (const f of facts) byId.set(f.id, f);
  const out: RetryOutcome[] = [];
  for (const f of facts) {
    if (f.retryOf === null || f.fix === null) continue;
    const failed = byId.get(f.retryOf);
    if (!failed || failed.success || failed.errorKey === null || failed.errorSignature === null) continue;
    out.push({ errorKey: failed.errorKey, signature: failed.errorSignature, fix: f.fix, success: f.success, at: f.startedAt, ...(f.fixCommand ? { command: f.fixCommand } : {}) });
  }
  return out;
}

const tallyKey = (errorKey: string, fix: string) => `${errorKey}\u0000${fix}`;

/**
 * Folds new retry outcomes into stored tallies (running totals). The command kept is the latest
 * attempt's that named one: whether it may run is for a reviewer (lib/detectors/recipes.ts). Outcomes are applied in time order;
 * they should be newer than what `previous` already counts, or failStreak loses its meaning.
 * Result order: errorKey, then fix — stable, so a second run over the same data changes nothing.
 */
export function foldRetries(previous: readonly FixTally[], outcomes: readonly RetryOutcome[]): FixTally[] {
  const tallies = new Map<string, FixTally>();
  for (const t of previous) tallies.set(tallyKey(t.errorKey, t.fix), { ...t });
  const ordered = outcomes.map((o, i) => ({ o, i })).sort((a, b) => a.o.at - b.o.at || a.i - b.i);
  for (const { o } of ordered) {
    const key = tallyKey(o.errorKey, o.fix);
    const t = tallies.get(key) ?? { errorKey: o.errorKey, signature: o.signature, fix: o.fix, attempts: 0, successes: 0, lastAt: o.at, failStreak: 0, command: null };
    t.attempts += 1;
    t.successes += o.success ? 1 : 0;
    t.failStreak = o.success ? 0 : t.failStreak + 1;
    if (o.at >= t.lastAt) {
      t.lastAt = o.at;
      t.signature = o.signature;
      if (o.command) t.command = o.command;
    }
    tallies.set(key, t);
  }
  return [...tallies.values()].sort((a, b) => cmp(a.errorKey, b.errorKey) || cmp(a.fix, b.fix));
}

/** Per (errorKey, fix): attempts, successes, latest attempt and current failure streak. */
export function tallyRetries(outcomes: readonly RetryOutcome[]): FixTally[] {
  return foldRetries([], outcomes);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Self-heal: at least settings.minSuccessfulFixes successes and a success rate of at least 50 %.
 * Auto-apply, with hysteresis so a rate hovering at the line does not flap:
 * - gained when self-heal, rate ≥ settings.autoApplySuccessRate and the Wilson 95 % lower bound
 *   ≥ AUTO_APPLY_GAIN_LOWER_BOUND (0.70): 3 of 3 only shows a true rate above 0.44, 9 of 9 shows 0.70;
 * - kept while self-heal, rate ≥ setting − AUTO_APPLY_KEEP_MARGIN and fewer than 3 failures in a row;
 *   a fix that starts failing loses the mark at its third consecutive failure, however long its record.
 */
export function decideFix(
  tally: { attempts: number; successes: number; failStreak?: number },
  current: { autoApply: boolean },
  settings: DetectorSettings,
): FixDecision {
  const { attempts, successes } = tally;
  const streak = tally.failStreak ?? 0;
  const successRate = attempts > 0 ? successes / attempts : 0;
  const interval = wilsonInterval(successes, attempts);
  const record = `${successes} of ${attempts} succeeded (${pct(successRate)}, 95 % lower bound ${interval.low.toFixed(2)})`;

  if (successes < settings.minSuccessfulFixes) {
    return { selfHeal: false, autoApply: false, successRate, interval, reason: `${record}; needs ${settings.minSuccessfulFixes} successes to become a self-healing fix` };
  }
  if (!atLeast(successRate, SELF_HEAL_MIN_RATE)) {
    return { selfHeal: false, autoApply: false, successRate, interval, reason: `${record}; fails more often than it works` };
  }
  if (current.autoApply) {
    const keepRate = settings.autoApplySuccessRate - AUTO_APPLY_KEEP_MARGIN;
    if (streak >= AUTO_APPLY_MAX_FAIL_STREAK) {
      return { selfHeal: true, autoApply: false, successRate, interval, reason: `${record}; auto-apply withdrawn after ${streak} failures in a row` };
    }
    if (!atLeast(successRate, keepRate)) {
      return { selfHeal: true, autoApply: false, successRate, interval, reason: `${record}; auto-apply withdrawn: rate fell below ${pct(keepRate)}` };
    }
    return { selfHeal: true, autoApply: true, successRate, interval, reason: `${record}; stays auto-applied (≥ ${pct(keepRate)})` };
  }
  const gain =
    atLeast(successRate, settings.autoApplySuccessRate) &&
    atLeast(interval.low, AUTO_APPLY_GAIN_LOWER_BOUND) &&
    streak < AUTO_APPLY_MAX_FAIL_STREAK;
  const why = gain
    ? `auto-apply: rate ≥ ${pct(settings.autoApplySuccessRate)} and lower bound ≥ ${AUTO_APPLY_GAIN_LOWER_BOUND}`
    : `self-healing; auto-apply needs rate ≥ ${pct(settings.autoApplySuccessRate)} and lower bound ≥ ${AUTO_APPLY_GAIN_LOWER_BOUND}`;
  return { selfHeal: true, autoApply: gain, successRate, interval, reason: `${record}; ${why}` };
}

export type RankedFix = FixTally & FixDecision & { score: number };

/**
 * The fixes of one error signature, best first: by the Wilson lower bound of the success rate (a fix
 * with 40 of 42 outranks one with 2 of 2), then successes, then name. `autoApplied` names the fixes
 * that currently carry the auto-apply mark, so hysteresis applies.
 */
export function rankFixes(tallies: readonly FixTally[], settings: DetectorSettings, autoApplied: ReadonlySet<string> = new Set()): RankedFix[] {
  return tallies
    .map((t) => {
      const d = decideFix(t, { autoApply: autoApplied.has(t.fix) }, settings);
      return { ...t, ...d, score: d.interval.low };
    })
    .sort((a, b) => b.score - a.score || b.successes - a.successes || cmp(a.fix, b.fix));
}
