// `patterns db migrate`: apply pending migrations to DATABASE_URL (also `npm run db:migrate`).
import type { Command } from "commander";
import { parseDatabaseUrl } from "../../db/config";
import { migrate } from "../../db/migrate";
import { printJson } from "../context";

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("database maintenance");
  db.command("migrate")
    .description("apply pending migrations (refuses a database ahead of this code or with edited migrations)")
    .option("--json", "print the result as JSON")
    .action(async (opts: { json?: boolean }) => {
      const config = parseDatabaseUrl(process.env.DATABASE_URL);
      const result = await migrate(config);
      if (opts.json) printJson(result);
      else {
        const where = config.dialect === "sqlite" ? config.file : `${config.connection.host}/${config.connection.database}`;
        console.log(result.applied.length ? `applied ${result.applied.join(", ")} to ${where}` : `${where} is up to date`);
      }
    });
}
