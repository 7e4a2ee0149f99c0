// `patterns db migrate|info|backup|restore`: the database's maintenance. `info` says which database the
// app and the CLI use from here and where its migrations stand; backup and restore are SQLite's online
// backup (PostgreSQL has pg_dump and pg_restore, which the README shows).
import type { Command } from "commander";
import { parseDatabaseUrl, type DatabaseConfig } from "../../db/config";
import { migrate, readLocalMigrations } from "../../db/migrate";
import { readMigrationState, type MigrationState } from "../../db/migration-state";
import { packageRoot } from "../../db/paths";
import { printJson } from "../context";

function describeLocation(config: DatabaseConfig): string {
  if (config.dialect === "sqlite") return config.file;
  const c = config.connection;
  return `postgresql://${encodeURIComponent(c.user)}@${c.host}:${c.port}/${encodeURIComponent(c.database)}${config.schema !== "public" ? `?schema=${config.schema}` : ""}`;
}

/** Which setting chose the database: the one to change to point elsewhere. */
function chosenBy(env: NodeJS.ProcessEnv): "DATABASE_URL" | "PATTERNS_HOME" | "default" {
  if (env.DATABASE_URL?.trim()) return "DATABASE_URL";
  return env.PATTERNS_HOME?.trim() ? "PATTERNS_HOME" : "default";
}

function migrationLine(state: MigrationState | null): string {
  if (!state) return "none yet: the file is created and migrated on first use";
  if (state.problem) return `refused: ${state.problem}`;
  const base = `${state.applied.length} applied${state.latest ? `, latest ${state.latest}` : ""}`;
  return state.pending.length ? `${base}; ${state.pending.length} pending (${state.pending.join(", ")}), applied by the next command or start` : `${base}; up to date`;
}

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("database maintenance");
  db.command("migrate")
    .description("apply pending migrations (refuses a database ahead of this code or with edited migrations)")
    .option("--json", "print the result as JSON")
    .action(async (opts: { json?: boolean }) => {
      const config = parseDatabaseUrl(process.env.DATABASE_URL);
      const result = await migrate(config);
      if (opts.json) printJson(result);
      else console.log(result.applied.length ? `applied ${result.applied.join(", ")} to ${describeLocation(config)}` : `${describeLocation(config)} is up to date`);
    });
  db.command("info")
    .description("which database the app and the CLI use (from any folder), its provider and its migrations")
    .option("--json", "print as JSON")
    .action(async (opts: { json?: boolean }) => {
      const config = parseDatabaseUrl(process.env.DATABASE_URL);
      const state = await readMigrationState(config);
      const info = {
        provider: config.dialect,
        location: describeLocation(config),
        chosenBy: chosenBy(process.env),
        packageRoot: packageRoot(),
        exists: state !== null,
        migrations: state ?? { current: false, applied: [], pending: readLocalMigrations(config.dialect).map((m) => m.name), latest: null, problem: null },
      };
      if (opts.json) return printJson(info);
      console.log(`database    ${info.location}`);
      console.log(`provider    ${config.dialect === "sqlite" ? "SQLite (embedded)" : "PostgreSQL"}`);
      console.log(`chosen by   ${info.chosenBy === "default" ? `the default (data/ in ${info.packageRoot})` : info.chosenBy}`);
      console.log(`migrations  ${migrationLine(state)}`);
    });
}
