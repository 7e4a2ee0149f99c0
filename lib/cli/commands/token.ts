// `patterns token create|list|revoke`: API tokens. The secret is printed once, on creation; afterwards a
// token is shown as `pa_…wxyz` (its last 4 characters) with its scopes and expiry.
import type { Command } from "commander";
import { DEFAULT_SCOPES, TOKEN_SCOPES } from "../../auth/token-scopes";
import { createToken } from "../../mutations/create-token";
import { getTokens } from "../../queries/tokens/get-tokens";
import { revokeToken } from "../../mutations/revoke-token";
import { printJson, withDb } from "../context";

interface CreateOptions {
  json?: boolean;
  scope?: string;
  expires?: string;
}

export function registerToken(program: Command): void {
  const token = program.command("token").description("API tokens for the telemetry API");
  token
    .command("create")
    .argument("<name>", "a name to recognise the token by, e.g. ci or agent-1")
    .option("--scope <list>", `what it may do, comma-separated: ${TOKEN_SCOPES.join(", ")} (default ${DEFAULT_SCOPES.join(",")})`)
    .option("--expires <when>", "a duration (30d, 12h, 2w), a day (YYYY-MM-DD: through that day, UTC) or an ISO date-time; default never")
    .option("--json", "print { name, token, hint, scopes, expiresAt } as JSON")
    .description("create a token and print it once (only its hash is stored)")
    .action(async (name: string, opts: CreateOptions) => {
      const scopes = opts.scope === undefined ? undefined : opts.scope.split(",").map((s) => s.trim()).filter(Boolean);
      const created = await withDb((db) => createToken(db, { name, scopes, expires: opts.expires }, "cli"));
      const expiresAt = created.expiresAt?.toISOString() ?? null;
      if (opts.json) printJson({ name: created.name, token: created.secret, hint: created.hint, scopes: created.scopes, expiresAt });
      else {
        console.log(created.secret);
        const scope = `scopes ${created.scopes.join(",")}, ${expiresAt ? `expires ${expiresAt}` : "never expires"}`;
        process.stderr.write(`token "${created.name}" created (${scope}); it is shown only this once. Send it as: Authorization: Bearer <token>\n`);
      }
    });
  token
    .command("list")
    .option("--json", "print as JSON")
    .description("list tokens (name, pa_…last 4, scopes, expiry; never the secrets)")
    .action(async (opts: { json?: boolean }) => {
      const rows = await withDb((db) => getTokens(db));
      if (opts.json) {
        printJson(rows);
        return;
      }
      if (rows.length === 0) console.log("no tokens; create one with: patterns token create NAME");
      for (const r of rows) {
        const status = r.status === "revoked" ? `revoked ${r.revokedAt!.toISOString()}` : r.status === "expired" ? `expired ${r.expiresAt!.toISOString()}` : "active";
        const expiry = r.status === "active" ? (r.expiresAt ? `, expires ${r.expiresAt.toISOString()}` : ", no expiry") : "";
        const used = r.lastUsedAt ? `last used ${r.lastUsedAt.toISOString()}` : "never used";
        console.log(`${r.name.padEnd(24)} ${r.hint.padEnd(8)} ${r.scopes.join(",").padEnd(17)} ${status}${expiry}, ${used}`);
      }
    });
  token
    .command("revoke")
    .argument("<name>")
    .description("revoke a token: the API refuses it from now on")
    .action(async (name: string) => {
      await withDb((db) => revokeToken(db, name, "cli"));
      console.log(`token "${name}" revoked`);
    });
}
