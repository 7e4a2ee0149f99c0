// The few statistics the failure-side detectors decide with: a normal CDF, the Wilson score interval
// for a proportion, and the pooled two-proportion z-test. Pure numbers in, numbers out.

export interface Interval {
  low: number;
  high: number;
}

/**
 * Complementary error function to better than 1e-10 relative: below 3 through the positive-term series
 * erf(x) = 2/√π·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3·…·(2n+1)) (no cancellation), from 3 up through the
 * continued fraction of erfc, evaluated backwards. Relative accuracy matters here: p-values of 1e-4
 * and below are compared against thresholds, and an absolute-error fit would lose them in the tails.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) return 1 - erfSeries(x);
  let t = x;
  for (let k = 80; k >= 1; k--) t = x + k / 2 / t;
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * t);
}

function erfSeries(x: number): number {
  const twoX2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
    term *= twoX2 / (2 * n + 1);
    sum += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}

export function erf(x: number): number {
  return 1 - erfc(x);
}

/**
 * P(Z ≤ x) for a standard normal Z. The lower tail comes straight from erfc, so it keeps its digits;
 * the upper half mirrors it, which makes Φ(x) + Φ(−x) = 1 exact.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const tail = 0.5 * erfc(Math.abs(x) / Math.SQRT2);
  return x < 0 ? tail : 1 - tail;
}

/**
 * Wilson score interval for `successes` out of `n` at the normal quantile `z` (1.96 ≈ 95 %).
 * Unlike the plain "rate ± z·se" interval it stays inside [0, 1] and is honest at small n:
 * 3 of 3 only shows a true rate above ≈ 0.44. No observations → the whole range.
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): Interval {
  if (!(n > 0)) return { low: 0, high: 1 };
  const p = Math.min(1, Math.max(0, successes / n));
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // clamp away rounding just outside [0, 1] and keep low ≤ p ≤ high exactly at the ends
  return { low: p === 0 ? 0 : Math.max(0, centre - half), high: p === 1 ? 1 : Math.min(1, centre + half) };
}

export interface ProportionTest {
  /** (p1 − p2) / pooled standard error; 0 when either sample is empty or the pooled rate is 0 or 1. */
  z: number;
  /** Two-sided p-value: is p1 different from p2? */
  pValue: number;
  /** One-sided p-value for "p1 < p2" (small when the first proportion is lower). */
  pLower: number;
  /** One-sided p-value for "p1 > p2". */
  pHigher: number;
}

/**
 * Pooled two-proportion z-test of x1/n1 against x2/n2 (normal approximation). With `continuity`
 * (Yates), the difference shrinks by ½(1/n1 + 1/n2) first: with few events (4 failures in 38 against
 * none in 107) the plain test is over-confident, and the correction brings it close to Fisher's exact test.
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number, opts: { continuity?: boolean } = {}): ProportionTest {
  if (!(n1 > 0) || !(n2 > 0)) return { z: 0, pValue: 1, pLower: 0.5, pHigher: 0.5 };
  const diff = x1 / n1 - x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return { z: 0, pValue: 1, pLower: 0.5, pHigher: 0.5 };
  const shrink = opts.continuity ? 0.5 * (1 / n1 + 1 / n2) : 0;
  const z = Math.sign(diff) * Math.max(0, Math.abs(diff) - shrink) / se;
  const pLower = normalCdf(z);
  const pHigher = normalCdf(-z);
  return { z, pValue: Math.min(1, 2 * Math.min(pLower, pHigher)), pLower, pHigher };
}
