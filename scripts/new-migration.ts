// Writes the next migration for both providers: the SQL that takes the existing migrations to the
// current prisma/schema.prisma, computed by the WebAssembly schema engine's diff.
// Usage: npm run db:new-migration -- <name>   (needs PostgreSQL at PG_ADMIN_URL or the default)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDatabaseUrl, type Dialect } from "../lib/db/config";
import { diffMigrationsToSchema, EMPTY_MIGRATION as EMPTY } from "../lib/db/drift";
import { migrationsDir } from "../lib/db/migrate";
import { withTempPostgres } from "../lib/db/testing";

function write(dialect: Dialect, name: string, stamp: string, sql: string) {
  const dir = migrationsDir(dialect);
  mkdirSync(join(dir, `${stamp}_${name}`), { recursive: true });
  writeFileSync(join(dir, "migration_lock.toml"), `# Written by scripts/new-migration.ts\nprovider = "${dialect}"\n`);
  writeFileSync(join(dir, `${stamp}_${name}`, "migration.sql"), sql + "\n");
  console.log(`wrote prisma/migrations/${dialect}/${stamp}_${name}/migration.sql`);
}

/**
 * SQLite redefines a table by creating new_<t>, dropping <t> and renaming new_<t> to <t>; the rename is
 * refused while a view (prisma/migrations/sqlite/*_report_views) names the dropped table. The legacy
 * rename leaves views alone, and they read the new table by its name once the rename is done.
 */
function keepViewsWorking(sql: string): string {
  return sql.includes("-- RedefineTables") ? `PRAGMA legacy_alter_table=ON;\n${sql}\nPRAGMA legacy_alter_table=OFF;` : sql;
}

async function main() {
  const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  if (!name) {
    console.error("usage: npm run db:new-migration -- <name>");
    process.exit(2);
  }
  // The PostgreSQL schema is derived from prisma/schema.prisma; derive it (and the clients) now, or its
  // diff would be taken against the schema as it was at install.
  execFileSync(process.execPath, [join(import.meta.dirname, "generate-client.mjs")], { stdio: "inherit" });
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const tmp = mkdtempSync(join(tmpdir(), "pa-diff-"));
  try {
    const sqliteSql = await diffMigrationsToSchema(parseDatabaseUrl(`file:${join(tmp, "diff.db")}`));
    const pgSql = await withTempPostgres((config) => diffMigrationsToSchema(config));
    if (sqliteSql === EMPTY && pgSql === EMPTY) {
      console.log("schema and migrations agree: nothing to write");
      return;
    }
    if (sqliteSql !== EMPTY) write("sqlite", name, stamp, keepViewsWorking(sqliteSql));
    if (pgSql !== EMPTY) write("postgresql", name, stamp, pgSql);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
