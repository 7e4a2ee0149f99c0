// What an API token may do, in a module without server imports so the Settings form can list the scopes too.
// `ingest`: POST /api/v1/executions (and recording executions over MCP); `read`: the suggest and heal answers
// (and MCP's read tools); `jobs`: trigger scheduled jobs (POST /api/v1/jobs/<id>/run), which run with the
// database's full authority, so a token has it only when an admin asks for it.
export const TOKEN_SCOPES = ["ingest", "read", "jobs"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export const DEFAULT_SCOPES: readonly TokenScope[] = ["ingest", "read"];

export const SCOPE_MEANINGS: Record<TokenScope, string> = {
  ingest: "send telemetry",
  read: "ask for suggestions and fixes",
  jobs: "run scheduled jobs",
};

/** The scopes a stored column holds ("ingest,read"), unknown words dropped. */
export function parseScopes(stored: string): TokenScope[] {
  return stored.split(",").filter((s): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s));
}

/** The stored form: known scopes in TOKEN_SCOPES order, comma-separated. */
export function formatScopes(scopes: readonly TokenScope[]): string {
  return TOKEN_SCOPES.filter((s) => scopes.includes(s)).join(",");
}
