import { describe, expect, it } from "vitest";
import { mdText, renderReportMarkdown } from "./markdown";
import type { WeeklyReportData } from "./types";

const base: WeeklyReportData = {
  week: "2026-W47", from: "2026-11-16T00:00:00.000Z", to: "2026-11-23T00:00:00.000Z", source: null, generatedAt: "2026-11-25T12:00:00.000Z",
  hasData: true, executions: 10, successRate: 0.9, timeSavedMs: 3_600_000,
  changes: { executions: { value: 10, previous: 8 }, successRate: { value: 0.9, previous: null }, timeSavedMs: { value: 3_600_000, previous: 0 } },
  daily: [{ day: "2026-11-17", executions: 6, successes: 5 }, { day: "2026-11-20", executions: 4, successes: 4 }],
  patterns: [{ patternId: "<script>x</script>", name: "<script>alert(1)</script> | `rm`", uses: 10, successRate: 0.9, timeSavedMs: 3_600_000, baselineSource: "admin", baselineDurationMs: 400_000 }],
  byTimeSaved: [], underused: [], missedUses: [], opportunities: [], statusChanges: [],
  candidates: { proposed: 1, approved: 0, rejected: 0, autoApproved: 2 }, fixes: { applied: 0, succeeded: 0, successRate: null },
  followUps: [], previousReport: false, retentionDays: 90,
};

describe("the report's Markdown", () => {
  it("keeps telemetry text as text inside a table", () => {
    const md = renderReportMarkdown(base);
    expect(md).not.toContain("<script>");
    expect(md).toContain("| &lt;script&gt;alert(1)&lt;/script&gt; \\| \\`rm\\` | 10 | 90.0 % | 1.0 h | 400.0 s (admin) |");
    expect(mdText("a\nb_c")).toBe("a b\\_c");
  });

  it("charts all seven days in Mermaid, a day without runs as 0", () => {
    const md = renderReportMarkdown(base);
    expect(md).toContain('x-axis ["Mon 16", "Tue 17", "Wed 18", "Thu 19", "Fri 20", "Sat 21", "Sun 22"]');
    expect(md).toContain("bar [0, 6, 0, 0, 4, 0, 0]");
    expect(md).toContain("line [0, 5, 0, 0, 4, 0, 0]");
  });

  it("gives changes from the week before, or a dash without one", () => {
    const md = renderReportMarkdown(base);
    expect(md).toContain("| Executions | 10 | 8 | +2 (25.0 %) |");
    expect(md).toContain("| Success rate | 90.0 % | — | — |");
    expect(md).toContain("No report was stored for the week before");
  });

  it("is short for a week without data", () => {
    const md = renderReportMarkdown({ ...base, hasData: false, source: "team <b>" });
    expect(md).toContain("No executions were recorded in 2026-W47 for source team &lt;b&gt;");
    expect(md).not.toContain("## Summary");
  });
});
