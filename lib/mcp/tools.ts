// The MCP tools an agent calls mid-run (DESIGN.md "Operating and agents"): which pattern fits what I am
// about to do, is this failure known and what fixed it, may I run pattern X, and record what I ran.
// Each reads or writes through the same queries and ingest path as the HTTP API and the CLI.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { DbHandle } from "../db/client";
import { getHealFixes } from "../queries/heal/get-heal-fixes";
import { getPatternStatus } from "../queries/patterns/get-pattern-status";
import { getSuggestions } from "../queries/suggest/get-suggestions";
import { SUGGEST_LIMITS, suggestContextSchema } from "../schemas/suggest";
import { errorSignature } from "../signature";
import { executionEventSchema } from "../telemetry/event-schema";
import { ingestEvents } from "../telemetry/ingest";
import { newExecutionId } from "../telemetry/normalize";
import { actorOf, authorizeTool, type McpPrincipal } from "./authorize";

export const TOOL_NAMES = ["suggest_patterns", "lookup_fix", "pattern_status", "record_execution"] as const;

/** A result an agent can read (one summary line, then the data as JSON) and a program can parse. */
function answer(summary: string, data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text: `${summary}\n${JSON.stringify(data, null, 2)}` }], structuredContent: data };
}

function refusal(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

const pct = (r: number) => `${Math.round(r * 100)}%`;

export const suggestInputSchema = suggestContextSchema.extend({
  limit: z.number().int().min(1).max(50).optional().describe("at most this many suggestions (default 10)"),
});
export const lookupFixInputSchema = z.strictObject({
  error: z.string().trim().min(1, "give the error message").max(SUGGEST_LIMITS.error).describe("the error message as the run printed it"),
});
export const patternStatusInputSchema = z.strictObject({
  patternId: z.string().trim().min(1, "give the pattern id").max(128).describe("the pattern's id, as in patterns list"),
});

export function registerTools(server: McpServer, db: DbHandle, principal: McpPrincipal): void {
  server.registerTool(
    "suggest_patterns",
    {
      title: "Suggest patterns",
      description: "The active patterns (and learned fixes, when an error is given) that fit what you are about to do, best first, each with its score and why.",
      inputSchema: suggestInputSchema,
      annotations: { readOnlyHint: true },
    },
    async ({ limit, ...context }) => {
      authorizeTool(principal, "read");
      const suggestions = await getSuggestions(db, context, { limit: limit ?? 10 });
      const best = suggestions[0];
      const summary = best
        ? `${suggestions.length} suggestion(s); best: ${best.patternId !== undefined ? `pattern ${best.patternId}` : `fix "${best.fix}"`} (score ${best.score.toFixed(2)}: ${best.reason})`
        : "no active pattern or learned fix fits this context";
      return answer(summary, { suggestions });
    },
  );

  server.registerTool(
    "lookup_fix",
    {
      title: "Look up a fix",
      description:
        "The fixes learned for an error: those of its own signature, then those of the nearest learned signatures (with how near), each with attempts, successes, success rate and its 95% interval, whether it is applied automatically, and its recipe (the command, given only once a reviewer approved that exact text).",
      inputSchema: lookupFixInputSchema,
      annotations: { readOnlyHint: true },
    },
    async ({ error }) => {
      authorizeTool(principal, "read");
      const fixes = await getHealFixes(db, error);
      const best = fixes[0];
      const summary = best
        ? `${fixes.length} known fix(es); best: "${best.fix}" ${best.successes}/${best.attempts} (${pct(best.successRate)}, 95% ${best.interval.low.toFixed(2)}–${best.interval.high.toFixed(2)})${best.autoApply ? ", applied automatically" : ""}${best.recipe?.command ? `; approved recipe: ${best.recipe.command}` : ""}; ${best.how}`
        : "no fix learned for this error or a near one yet";
      return answer(summary, { signature: errorSignature(error), fixes });
    },
  );

  server.registerTool(
    "pattern_status",
    {
      title: "Pattern status",
      description: "Where a pattern stands before you run it: status, recent success rate with its interval, the degrading flag and since when, and the quarantine with its reason.",
      inputSchema: patternStatusInputSchema,
      annotations: { readOnlyHint: true },
    },
    async ({ patternId }) => {
      authorizeTool(principal, "read");
      const status = await getPatternStatus(db, patternId);
      if (!status) return refusal(`no pattern "${patternId}" (patterns list shows the ids)`);
      const rate = status.recent.successRate === null ? "no runs" : `${pct(status.recent.successRate)} of ${status.recent.runs} runs`;
      const flags = [status.quarantined ? `quarantined: ${status.quarantineReason ?? "no reason recorded"}` : "", status.degrading ? `degrading since ${status.degradingSince?.slice(0, 10)}` : ""].filter(Boolean);
      return answer(`pattern ${status.id} is ${status.status}; last ${status.recent.days} days: ${rate}${flags.length ? `; ${flags.join("; ")}` : ""}`, { ...status });
    },
  );

  server.registerTool(
    "record_execution",
    {
      title: "Record an execution",
      description: "Records one execution event (the telemetry contract of POST /api/v1/executions, validated the same way). Send the failed run's id as retryOf and the fix you applied as fix on a retry, so the fix is learned.",
      inputSchema: executionEventSchema,
      annotations: { readOnlyHint: false, idempotentHint: true },
    },
    async (event) => {
      authorizeTool(principal, "ingest");
      const id = event.id ?? newExecutionId();
      const outcome = await ingestEvents(db, [{ ...event, id }], { actor: actorOf(principal), maxEvents: 1 });
      if (!outcome.ok) {
        const first = outcome.errors[0];
        return refusal(`the event was not recorded: ${first ? `${first.path ? `field ${first.path}: ` : ""}${first.message}` : "invalid"}`);
      }
      const registered = outcome.registeredPatterns.length ? `; registered pattern ${outcome.registeredPatterns.join(", ")}` : "";
      return answer(`${outcome.duplicates ? "already recorded" : "recorded"} as ${id}${registered}`, { id, accepted: outcome.accepted, duplicates: outcome.duplicates, registeredPatterns: outcome.registeredPatterns });
    },
  );
}
