// Known values (reference figures computed independently with SciPy's norm.cdf / norm.sf) and
// properties for the statistics every failure-side rule rests on.
import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { erf, normalCdf, twoProportionTest, wilsonInterval } from "./stats";

describe("normalCdf", () => {
  test.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [1.96, 0.9750021048517795],
    [-1.96, 0.024997895148220435],
    [2.5758293035489, 0.995],
    [-3.090232306, 0.0010000000005650428],
    [3.7190164854556804, 0.9999],
  ])("Φ(%d) = %d to 1e-12", (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected)).toBeLessThan(1e-12);
  });

  test.each([
    [-4, 3.167124183311986e-5],
    [-6, 9.865876450376946e-10],
  ])("keeps relative accuracy in the lower tail: Φ(%d)", (x, expected) => {
    expect(Math.abs(normalCdf(x) / expected - 1)).toBeLessThan(1e-9);
  });

  it("is symmetric and monotone", () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (x, d) => {
        expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(1e-12);
        expect(normalCdf(x + d)).toBeGreaterThanOrEqual(normalCdf(x));
      }),
    );
  });

  it("erf is odd and bounded", () => {
    expect(erf(0)).toBeCloseTo(0, 7);
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 14);
    expect(erf(-1)).toBeCloseTo(-0.8427007929497149, 14);
  });
});

describe("wilsonInterval", () => {
  test.each([
    [3, 3, 0.43849391955098227, 1],
    [8, 8, 0.6755843804891231, 1],
    [9, 9, 0.7008472464490407, 1],
    [9, 10, 0.5958436145024278, 0.9821242504842788],
    [18, 20, 0.6989617935882066, 0.9721341060158468],
    [19, 20, 0.7638641064874331, 0.9911187805671268],
    [4, 10, 0.16817758120350967, 0.6873304525498135],
    [5, 10, 0.23658959361548731, 0.7634104063845126],
    [20, 50, 0.2760818978624575, 0.5381881089724063],
    [0, 10, 0, 0.2775401687666166],
  ])("%d of %d at 95 %% → [%d, %d]", (s, n, low, high) => {
    const i = wilsonInterval(s, n);
    expect(i.low).toBeCloseTo(low, 10);
    expect(i.high).toBeCloseTo(high, 10);
  });

  it("n = 0 says nothing: the whole range", () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it("a wider z gives a wider interval", () => {
    const a = wilsonInterval(7, 10, 1.96);
    const b = wilsonInterval(7, 10, 2.576);
    expect(b.low).toBeLessThan(a.low);
    expect(b.high).toBeGreaterThan(a.high);
  });

  it("property: 0 ≤ low ≤ rate ≤ high ≤ 1, and more of the same evidence narrows it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const s = Math.round(f * n);
        const { low, high } = wilsonInterval(s, n);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(s / n + 1e-12);
        expect(high).toBeGreaterThanOrEqual(s / n - 1e-12);
        const wider = wilsonInterval(s * 4, n * 4);
        expect(wider.high - wider.low).toBeLessThanOrEqual(high - low + 1e-12);
      }),
    );
  });
});

describe("twoProportionTest", () => {
  // 44/200 vs 42/300: a textbook-sized example, z and p checked against SciPy.
  test.each([
    [44, 200, 42, 300, 2.322208541658958, 0.020221709283494437],
    [160, 200, 120, 200, 4.364357804719848, 1.2749674921097029e-5],
    [30, 50, 95, 100, -5.422176684690384, 5.887764274517265e-8],
  ])("%d/%d vs %d/%d → z %d, two-sided p %d", (x1, n1, x2, n2, z, p) => {
    const t = twoProportionTest(x1, n1, x2, n2);
    expect(t.z).toBeCloseTo(z, 9);
    expect(Math.abs(t.pValue / p - 1)).toBeLessThan(1e-5);
  });

  test.each([
    [44, 200, 42, 300, 2.2012601801142204, 0.9861411949392638],
    // few events: 34/38 against 107/107 — plain z says p = 0.00033, corrected 0.0024 (Fisher: 0.0042)
    [34, 38, 107, 107, -2.8268343960780173, 0.0023505316204631963],
  ])("with continuity correction %d/%d vs %d/%d → z %d, P(Z ≤ z) %d", (x1, n1, x2, n2, z, pLower) => {
    const t = twoProportionTest(x1, n1, x2, n2, { continuity: true });
    expect(t.z).toBeCloseTo(z, 9);
    expect(Math.abs(t.pLower / pLower - 1)).toBeLessThan(1e-6);
  });

  it("the continuity correction never makes a difference look bigger", () => {
    const sample = fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(sample, sample, ([x1, n1], [x2, n2]) => {
        const plain = twoProportionTest(x1, n1, x2, n2);
        const corrected = twoProportionTest(x1, n1, x2, n2, { continuity: true });
        expect(Math.abs(corrected.z)).toBeLessThanOrEqual(Math.abs(plain.z) + 1e-12);
      }),
    );
  });

  it("one-sided p-values point the right way", () => {
    const t = twoProportionTest(30, 50, 95, 100);
    expect(t.pLower).toBeLessThan(1e-7);
    expect(t.pHigher).toBeGreaterThan(0.999999);
  });

  test.each([
    [0, 0, 5, 10],
    [5, 10, 0, 0],
    [10, 10, 20, 20],
    [0, 10, 0, 20],
  ])("degenerate %d/%d vs %d/%d → z 0, p 1", (x1, n1, x2, n2) => {
    expect(twoProportionTest(x1, n1, x2, n2)).toEqual({ z: 0, pValue: 1, pLower: 0.5, pHigher: 0.5 });
  });

  it("property: swapping the samples negates z and keeps the two-sided p", () => {
    const sample = fc.integer({ min: 1, max: 400 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(sample, sample, ([x1, n1], [x2, n2]) => {
        const a = twoProportionTest(x1, n1, x2, n2);
        const b = twoProportionTest(x2, n2, x1, n1);
        expect(a.z + b.z).toBeCloseTo(0, 9);
        expect(a.pValue).toBeCloseTo(b.pValue, 9);
        expect(a.pValue).toBeGreaterThanOrEqual(0);
        expect(a.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });
});
