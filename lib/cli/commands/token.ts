// `patterns token create|list|revoke`: API tokens. The secret is printed once, on creation.
import type { Command } from "commander";
import { createToken } from "../../mutations/create-token";
import { getTokens } from "../../queries/tokens/get-tokens";
import { revokeToken } from "../../mutations/revoke-token";
import { printJson, withDb } from "../context";

export function registerToken(program: Command): void {
  const token = program.command("token").description("API tokens for the telemetry API");
  token
    .command("create")
    .argument("<name>", "a name to recognise the token by, e.g. ci or agent-1")
    .option("--json", "print { name, token } as JSON")
    .description("create a token and print it once (only its hash is stored)")
    .action(async (name: string, opts: { json?: boolean }) => {
      const created = await withDb((db) => createToken(db, name, "cli"));
      if (opts.json) printJson({ name: created.name, token: created.secret, prefix: created.prefix });
      else {
        console.log(created.secret);
        process.stderr.write(`token "${created.name}" created; it is shown only this once. Send it as: Authorization: Bearer <token>\n`);
      }
    });
  token
    .command("list")
    .option("--json", "print as JSON")
    .description("list tokens (names and prefixes, never the secrets)")
    .action(async (opts: { json?: boolean }) => {
      const rows = await withDb((db) => getTokens(db));
      if (opts.json) {
        printJson(rows.map((r) => ({ ...r, status: r.revokedAt ? "revoked" : "active" })));
        return;
      }
      if (rows.length === 0) console.log("no tokens; create one with: patterns token create NAME");
      for (const r of rows) {
        const status = r.revokedAt ? `revoked ${r.revokedAt.toISOString()}` : "active";
        const used = r.lastUsedAt ? `last used ${r.lastUsedAt.toISOString()}` : "never used";
        console.log(`${r.name.padEnd(24)} ${r.prefix}…  ${status}, ${used}`);
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
