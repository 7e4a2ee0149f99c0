// The checks an SDK client runs against the MCP server, shared by the stdio and the HTTP test so both
// transports are held to the same answers: tools listed with their schemas, each tool called on the
// simulated data, malformed input refused with a clear message and nothing written, resources read.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { SPEC_PATTERN, type McpFixture } from "./mcp-fixture";
import { LATEST_REPORT_URI, SPEC_URI_PREFIX } from "./resources";
import { TOOL_NAMES } from "./tools";

export interface CheckContext {
  client: () => Client;
  fixture: () => McpFixture;
  db: () => DbHandle;
  /** The actor the HTTP token or the local user records as. */
  actor: () => string;
}

type Structured = Record<string, unknown>;

export async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

const textContent = (c: object | undefined) => (c && "text" in c && typeof c.text === "string" ? c.text : "");

export const textOf = (r: CallToolResult) => r.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

export function describeToolChecks(ctx: CheckContext): void {
  it("lists the four tools, each with its input schema", async () => {
    const { tools } = await ctx.client().listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get("lookup_fix")!.inputSchema).toMatchObject({ type: "object", required: ["error"] });
    expect(byName.get("record_execution")!.inputSchema.required).toEqual(expect.arrayContaining(["operation", "startedAt", "durationMs", "success"]));
    expect(byName.get("suggest_patterns")!.annotations?.readOnlyHint).toBe(true);
  });

  it("suggest_patterns ranks the patterns that run an operation, with why", async () => {
    const r = await call(ctx.client(), "suggest_patterns", { operation: "healthy_task", inputs: { target: "users" }, limit: 20 });
    expect(r.isError).toBeFalsy();
    const suggestions = (r.structuredContent as { suggestions: Array<{ patternId?: string; score: number; reason: string; runs?: number }> }).suggestions;
    const healthy = suggestions.filter((s) => s.patternId?.startsWith("healthy-"));
    expect(healthy).toHaveLength(12);
    expect(healthy[0]!.reason).toMatch(/same operation "healthy_task".*described by its \d+ runs/);
    expect(textOf(r)).toMatch(/^\d+ suggestion\(s\); best: pattern /);
  });

  it("lookup_fix answers the fixes of a known error, best first, with their record", async () => {
    const { fix, signature, message } = ctx.fixture().fix;
    const r = await call(ctx.client(), "lookup_fix", { error: message });
    const data = r.structuredContent as { signature: string; fixes: Array<Structured & { interval: { low: number; high: number } }> };
    expect(data.signature).toBe(signature);
    expect(data.fixes[0]).toMatchObject({ fix, signature, match: "exact", autoApply: true });
    expect(data.fixes[0]!.interval.low).toBeGreaterThan(0.5);
    expect(data.fixes[0]!.attempts).toBeGreaterThanOrEqual(data.fixes[0]!.successes as number);
  });

  it("lookup_fix finds the nearest learned signature for a message it has never seen (issue 13)", async () => {
    const r = await call(ctx.client(), "lookup_fix", { error: "Timeout after 30s waiting for db" });
    const fixes = (r.structuredContent as { fixes: Structured[] }).fixes;
    expect(fixes[0]).toMatchObject({ signature: "Timeout after <*> waiting for <*>", match: "fits", autoApply: true });
    expect(textOf(r)).toMatch(/the message fits this signature/);
  });

  it("pattern_status tells a quarantined pattern with its reason, and an unknown id plainly", async () => {
    const q = ctx.fixture().quarantined!;
    const r = await call(ctx.client(), "pattern_status", { patternId: q.id });
    expect(r.structuredContent).toMatchObject({ id: q.id, status: "quarantined", quarantined: true, quarantineReason: q.reason });
    // the simulated runs are older than the recent window of the real clock; the latest runs still show
    const latest = (r.structuredContent as { latestRuns: { runs: number; successes: number; lastError: string | null } }).latestRuns;
    expect(latest.runs).toBe(20);
    expect(latest.successes).toBeLessThan(20);
    expect(latest.lastError).toBeTruthy();
    expect(textOf(r)).toMatch(new RegExp(`^pattern ${q.id} is quarantined`));
    const healthy = await call(ctx.client(), "pattern_status", { patternId: "healthy-1" });
    expect(healthy.structuredContent).toMatchObject({ status: "active", quarantined: false, quarantineReason: null, degrading: false });
    const missing = await call(ctx.client(), "pattern_status", { patternId: "no-such-pattern" });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toBe('no pattern "no-such-pattern" (patterns list shows the ids)');
  });

  it("record_execution stores the event through the ingest path, once", async () => {
    const event = { id: `mcp-${ctx.actor()}-1`, patternId: "healthy-2", operation: "healthy_task", startedAt: "2026-03-04T11:00:00Z", durationMs: 1200, success: true, source: "agent-test" };
    const first = await call(ctx.client(), "record_execution", event);
    expect(first.structuredContent).toMatchObject({ id: event.id, accepted: 1, duplicates: 0 });
    const again = await call(ctx.client(), "record_execution", event);
    expect(again.structuredContent).toMatchObject({ accepted: 0, duplicates: 1 });
    const row = await ctx.db().prisma.execution.findUnique({ where: { id: event.id } });
    expect(row).toMatchObject({ patternId: "healthy-2", operation: "healthy_task", durationMs: 1200, source: "agent-test" });
    // without an id the server gives one and says which
    const minted = await call(ctx.client(), "record_execution", { operation: "ad_hoc_probe", startedAt: "2026-03-04T11:05:00Z", durationMs: 5, success: false, error: { message: "boom" } });
    const id = (minted.structuredContent as { id: string }).id;
    expect(await ctx.db().prisma.execution.findUnique({ where: { id } })).toMatchObject({ operation: "ad_hoc_probe", errorMessage: "boom" });
  });

  it("refuses malformed input with a clear message and writes nothing", async () => {
    const before = await ctx.db().prisma.execution.count();
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ["record_execution", { operation: "x", startedAt: "yesterday", durationMs: 1, success: true }, /startedAt/],
      ["record_execution", { operation: "x", startedAt: "2026-03-04T11:00:00Z", durationMs: -1, success: true }, /must not be negative.*durationMs/],
      ["record_execution", { operation: "x", startedAt: "2026-03-04T11:00:00Z", durationMs: 1, success: true, colour: "red" }, /colour/],
      ["record_execution", { startedAt: "2026-03-04T11:00:00Z", durationMs: 1, success: true }, /operation/],
      ["lookup_fix", { error: "   " }, /give the error message/],
      ["suggest_patterns", { operation: "x", limit: 500 }, /limit/],
      ["suggest_patterns", { operation: "x", colour: "red" }, /colour/],
      ["pattern_status", {}, /patternId/],
    ];
    for (const [tool, args, message] of cases) {
      const r = await call(ctx.client(), tool, args);
      expect(r.isError, `${tool} ${JSON.stringify(args)}`).toBe(true);
      expect(textOf(r)).toMatch(/Input validation error/);
      expect(textOf(r)).toMatch(message);
    }
    expect(await ctx.db().prisma.execution.count()).toBe(before);
  });

  it("serves the active patterns' specs as YAML and the latest weekly report as Markdown", async () => {
    const { resources } = await ctx.client().listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain(`${SPEC_URI_PREFIX}${SPEC_PATTERN}`);
    expect(uris).toContain(LATEST_REPORT_URI);
    const spec = await ctx.client().readResource({ uri: `${SPEC_URI_PREFIX}${SPEC_PATTERN}` });
    expect(spec.contents[0]).toMatchObject({ mimeType: "application/yaml" });
    expect(textContent(spec.contents[0])).toMatch(/^name: deploy the api\noperation: deploy_api\n/);
    const report = await ctx.client().readResource({ uri: LATEST_REPORT_URI });
    expect(report.contents[0]).toMatchObject({ mimeType: "text/markdown" });
    expect(textContent(report.contents[0])).toMatch(/^# /);
    await expect(ctx.client().readResource({ uri: `${SPEC_URI_PREFIX}healthy-1` })).rejects.toThrow(/no active pattern "healthy-1" with a spec/);
  });
}
