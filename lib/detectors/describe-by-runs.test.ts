// A pattern without a spec, described by its runs: the main operation, parameters and invariants from
// the sampled inputs, the success rate over every run; and that such a pattern is then suggested.
import { describe, expect, it } from "vitest";
import { specFromRuns, type RunSample } from "./describe-by-runs";
import { buildSuggestionIndex, suggestPatterns } from "./suggest";

const sample = (id: string, inputs: Record<string, unknown> | null, durationMs = 100): RunSample => ({ id, inputs, durationMs });

describe("specFromRuns", () => {
  it("takes the most-run operation, its inputs as parameters and invariants, and the rate over all runs", () => {
    const spec = specFromRuns("healthy-1", {
      operations: [
        { operation: "healthy_task", runs: 14, successes: 13 },
        { operation: "ci_loop", runs: 2, successes: 0 },
      ],
      samples: [sample("e3", { target: "users", env: "prod" }, 300), sample("e2", { target: "orders", env: "prod" }, 100), sample("e1", { target: "users", env: "prod", dry: true }, 200)],
    })!;
    expect(spec).toMatchObject({
      name: "healthy-1",
      operation: "healthy_task",
      invariants: { env: "prod" },
      parameters: [
        { name: "dry", observed: ["true"], required: false },
        { name: "target", observed: ["users", "orders"], required: true },
      ],
      examples: ["e3", "e2", "e1"],
      medianDurationMs: 200,
    });
    expect(spec.successRate).toBeCloseTo(13 / 16);
    expect(spec.description).toBe("Described by its 16 runs (registered from telemetry, no spec written yet); also ci_loop (2).");
  });

  it("has nothing to say without runs, and makes no invariant of a single run", () => {
    expect(specFromRuns("p", { operations: [], samples: [] })).toBeNull();
    const spec = specFromRuns("p", { operations: [{ operation: "op", runs: 1, successes: 1 }], samples: [sample("e1", { a: 1 })] })!;
    expect(spec.invariants).toEqual({});
    expect(spec.parameters).toEqual([{ name: "a", observed: ["1"], required: true }]);
  });

  it("makes a pattern suggestable by the operation it runs, saying it was described by its runs", () => {
    const spec = specFromRuns("healthy-1", { operations: [{ operation: "healthy_task", runs: 14, successes: 14 }], samples: [sample("e1", { target: "users" })] })!;
    const [hit] = suggestPatterns(buildSuggestionIndex([{ id: "healthy-1", name: "healthy-1", kind: "execution", spec, runs: 14 }]), { operation: "healthy_task" });
    expect(hit).toMatchObject({ patternId: "healthy-1", runs: 14 });
    expect(hit!.reason).toMatch(/same operation "healthy_task".*described by its 14 runs, 100% successful/);
  });
});
