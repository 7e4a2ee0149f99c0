// Read-only MCP resources: each active pattern's spec as YAML (patterns://specs/{id}) and the latest
// weekly report as Markdown (patterns://reports/weekly/latest), so an agent can read what a pattern
// does and how the automation fared without a tool call per question.
import { ResourceTemplate, type McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { DbHandle } from "../db/client";
import { getActiveSpec, getActiveSpecList } from "../queries/patterns/get-active-specs";
import { getLatestWeeklyReport } from "../queries/reports/get-latest-weekly-report";
import { authorizeTool, type McpPrincipal } from "./authorize";

export const SPEC_URI_PREFIX = "patterns://specs/";
export const LATEST_REPORT_URI = "patterns://reports/weekly/latest";

export function registerResources(server: McpServer, db: DbHandle, principal: McpPrincipal): void {
  server.registerResource(
    "pattern-spec",
    new ResourceTemplate(`${SPEC_URI_PREFIX}{id}`, {
      list: async () => {
        authorizeTool(principal, "read");
        const specs = await getActiveSpecList(db);
        return { resources: specs.map((s) => ({ uri: `${SPEC_URI_PREFIX}${encodeURIComponent(s.id)}`, name: s.id, title: s.name, description: `${s.kind} pattern spec`, mimeType: "application/yaml" })) };
      },
    }),
    { title: "Active pattern spec", description: "The YAML spec of an active pattern (what it runs, its parameters and invariants)", mimeType: "application/yaml" },
    async (uri, { id }) => {
      authorizeTool(principal, "read");
      const patternId = decodeURIComponent(String(id));
      const spec = await getActiveSpec(db, patternId);
      if (!spec) throw new McpError(ErrorCode.InvalidParams, `no active pattern "${patternId}" with a spec`);
      return { contents: [{ uri: uri.href, mimeType: "application/yaml", text: spec.spec }] };
    },
  );

  server.registerResource(
    "weekly-report",
    LATEST_REPORT_URI,
    { title: "Latest weekly report", description: "The newest weekly report over every source (AUTO-004), as Markdown", mimeType: "text/markdown" },
    async (uri) => {
      authorizeTool(principal, "read");
      const report = await getLatestWeeklyReport(db);
      const text = report?.markdown ?? "No weekly report has been generated yet (patterns report, or the weekly job, makes one).\n";
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text }] };
    },
  );
}
