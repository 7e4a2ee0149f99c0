// `patterns db migrate|info|backup|restore`: the database's maintenance. `info` says which database the
// app and the CLI use from here and where its migrations stand; backup and restore are SQLite's online
// backup (PostgreSQL has pg_dump and pg_restore, which the README shows).
import { resolve } from "node:path";
import type { Command } from "commander";
import { parseDatabaseUrl, type DatabaseConfig } from "../../db/config";
import { readLocalMigrations } from "../../db/migrate";
import { readMigrationState, type MigrationState } from "../../db/migration-state";
import { packageRoot } from "../../db/paths";
import { backupSqlite, BackupError, restoreSqlite } from "../../db/sqlite-backup";
import { CliError, databaseLocation, migrateCliDb, printJson } from "../context";

const PG_DUMP_HINT =
  "PostgreSQL has its own tools: pg_dump -Fc -d \"$DATABASE_URL\" -f patterns.dump, and pg_restore --clean --if-exists -d \"$DATABASE_URL\" patterns.dump (README: Backups)";

function sqliteOnly(config: DatabaseConfig, verb: string): Extract<DatabaseConfig, { dialect: "sqlite" }> {
  if (config.dialect !== "sqlite") throw new CliError(`db ${verb} is for the embedded SQLite database; ${PG_DUMP_HINT}`);
  return config;
}

const asCliError = (error: unknown): never => {
  throw error instanceof BackupError ? new CliError(error.message) : error;
};

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

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
      const result = await migrateCliDb(config);
      if (opts.json) printJson(result);
      else console.log(result.applied.length ? `applied ${result.applied.join(", ")} to ${databaseLocation(config)}` : `${databaseLocation(config)} is up to date`);
    });
  db.command("info")
    .description("which database the app and the CLI use (from any folder), its provider and its migrations")
    .option("--json", "print as JSON")
    .action(async (opts: { json?: boolean }) => {
      const config = parseDatabaseUrl(process.env.DATABASE_URL);
      const state = await readMigrationState(config);
      const info = {
        provider: config.dialect,
        location: databaseLocation(config),
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
  db.command("backup")
    .description("copy the SQLite database to FILE while the app keeps running (online backup)")
    .argument("<file>", "where to write the copy")
    .option("--force", "replace FILE if it exists")
    .option("--json", "print what was copied as JSON")
    .action(async (file: string, opts: { force?: boolean; json?: boolean }) => {
      const config = sqliteOnly(parseDatabaseUrl(process.env.DATABASE_URL), "backup");
      const summary = await backupSqlite(config, resolve(file), { overwrite: opts.force }).catch(asCliError);
      if (opts.json) return printJson(summary);
      console.log(`backed up ${config.file} to ${summary.file} (${mib(summary.bytes)}): ${summary.executions} executions, ${summary.patterns} patterns, migration ${summary.migration ?? "none"}`);
    });
  db.command("restore")
    .description("replace the SQLite database with a backup (refuses a file that is not one, or is ahead of this code)")
    .argument("<file>", "a file `patterns db backup` wrote")
    .option("--force", "replace a database that holds telemetry or patterns")
    .option("--json", "print what was restored as JSON")
    .action(async (file: string, opts: { force?: boolean; json?: boolean }) => {
      const config = sqliteOnly(parseDatabaseUrl(process.env.DATABASE_URL), "restore");
      const summary = await restoreSqlite(config, resolve(file), { force: opts.force }).catch(asCliError);
      if (opts.json) return printJson(summary);
      const before = summary.replaced ? ` (it held ${summary.replaced.executions} executions, ${summary.replaced.patterns} patterns)` : "";
      console.log(`restored ${resolve(file)} into ${config.file}${before}: ${summary.executions} executions, ${summary.patterns} patterns${summary.applied.length ? `; then applied ${summary.applied.join(", ")}` : ""}`);
    });
}
