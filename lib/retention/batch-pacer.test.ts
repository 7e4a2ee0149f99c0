import { describe, expect, it } from "vitest";
import { BatchPacer } from "./batch-pacer";

describe("the cleanup batch pacer", () => {
  it("grows batches toward the target duration, at most doubling, and shrinks slow ones", () => {
    const p = new BatchPacer("sqlite");
    expect(p.size).toBe(2_000);
    p.after(10, 2_000); // 6× faster than the 60 ms target: doubles, no more
    expect(p.size).toBe(4_000);
    p.after(120, 4_000); // twice the target: halves toward it
    expect(p.size).toBe(2_000);
    p.after(200, 500); // a short last batch that was slow (a busy disk): halve
    expect(p.size).toBe(1_000);
    for (let i = 0; i < 20; i++) p.after(1, p.size);
    expect(p.size).toBe(50_000);
  });

  it("on SQLite, rests longer than the busy handler's longest sleep after every 400 ms holding the lock", () => {
    const p = new BatchPacer("sqlite");
    const rests = [100, 100, 100, 100, 100, 100, 100, 100, 100].map((ms) => p.after(ms, 0));
    expect(rests).toEqual([0, 0, 0, 110, 0, 0, 0, 110, 0]);
    expect(Math.min(...rests.filter((r) => r > 0))).toBeGreaterThan(100);
  });

  it("on PostgreSQL never rests (deletes do not block inserts)", () => {
    const p = new BatchPacer("postgresql");
    expect([500, 500, 500].map((ms) => p.after(ms, p.size))).toEqual([0, 0, 0]);
  });
});
