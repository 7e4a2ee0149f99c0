import { describe, expect, it } from "vitest";
import { detectExecutionPatterns, familyOf, keySetOf, type AdHocRun } from "../detectors/execution-patterns";
import { signatureKey } from "../signature";
import { clusterWeek, type WeekGroup } from "./adhoc-clusters";

const run = (i: number, operation: string, inputs: Record<string, unknown>, filePaths: string[] = []): AdHocRun & { seq: number } => ({
  seq: i, id: `r${i}`, operation, inputs, filePaths, startedAt: 1_700_000_000_000 + i * 60_000, durationMs: 1000 * i, success: true,
});

const runs = [
  ...[1, 2, 3].map((i) => run(i, `replay_webhooks_${48_200 + i}`, { target: `t${i}`, region: "eu" })),
  run(4, "replay_webhooks_50911", { target: "t4" }), // one optional input fewer: same cluster
  ...[5, 6, 7].map((i) => run(i, "replay_webhooks_51000", { target: `t${i}`, owner: "me" })), // another cluster of the family
  ...[8, 9, 10].map((i) => run(i, "write_summary", { name: `n${i}` }, [`reports/acme-${i}/summary.md`])),
];

function groupsOf(list: typeof runs): { groups: WeekGroup[]; samples: Map<number, AdHocRun> } {
  const by = new Map<string, WeekGroup>();
  for (const r of list) {
    const familyKey = signatureKey(familyOf(r));
    const k = `${familyKey}|${keySetOf(r)}`;
    const g = by.get(k) ?? { familyKey, keySet: keySetOf(r), source: null, runs: 0, durationMs: 0, sampleSeq: r.seq };
    g.runs++;
    g.durationMs += r.durationMs;
    g.sampleSeq = Math.min(g.sampleSeq, r.seq);
    by.set(k, g);
  }
  return { groups: [...by.values()], samples: new Map(list.map((r) => [r.seq, r])) };
}

describe("clusterWeek", () => {
  it("names each cluster with the group key AUTO-001 gives its candidate", () => {
    const candidates = detectExecutionPatterns(runs, { now: 1_700_001_000_000, minSize: 3 });
    const { groups, samples } = groupsOf(runs);
    const clusters = clusterWeek(groups, new Map(), samples);
    expect(clusters.map((c) => c.groupKey).sort()).toEqual(candidates.map((c) => c.groupKey).sort());
    for (const c of candidates) expect(clusters.find((x) => x.groupKey === c.groupKey)!.runs).toBe(c.size);
    expect(clusters.find((c) => c.runs === 4)!.operation).toBe("replay_webhooks_{{n}}");
  });

  it("clusters on the 30-day key-set counts when it has them", () => {
    // this week only {target} ran; over the month {target, region} dominated, so {target} joins its cluster
    const week = [run(11, "replay_webhooks_1234567", { target: "x" })];
    const { groups, samples } = groupsOf(week);
    const familyKey = groups[0]!.familyKey;
    const window = new Map([[familyKey, new Map([["region\u001ftarget", 9], ["target", 1]])]]);
    const monthly = detectExecutionPatterns(runs.slice(0, 4), { now: 1_700_001_000_000, minSize: 3 })[0]!;
    expect(clusterWeek(groups, window, samples)[0]!.groupKey).toBe(monthly.groupKey);
  });

  it("skips a family whose sample run is gone", () => {
    const { groups } = groupsOf(runs);
    expect(clusterWeek(groups, new Map(), new Map())).toEqual([]);
  });
});
