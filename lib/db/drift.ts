// The SQL that would take a database built from our migrations to prisma/schema.prisma: empty when
// migrations and schema agree (the drift test), the next migration otherwise (db:new-migration).
// SQLite: apply the migrations to the (temporary) database and introspect it. PostgreSQL: introspection
// fails with adapter-pg here, so the engine replays the migrations into a shadow database instead.
import { readFileSync } from "node:fs";
import type { DatabaseConfig } from "./config";
import { migrationsList, NO_FILTERS, readLocalMigrations, schemaFile } from "./migrate";
import { openSchemaEngine } from "./schema-engine";

export const EMPTY_MIGRATION = "-- This is an empty migration.";

/** `config` must point at a throw-away database: SQLite migrations are applied to it. */
export async function diffMigrationsToSchema(config: DatabaseConfig, root?: string): Promise<string> {
  const dialect = config.dialect;
  const path = schemaFile(dialect, root);
  const schema = readFileSync(path, "utf8");
  const files = [{ path, content: schema }];
  const { engine, close } = await openSchemaEngine(config, schema);
  try {
    const local = readLocalMigrations(dialect, root);
    const list = migrationsList(dialect, local, root);
    let from;
    if (local.length === 0) from = { tag: "empty" as const };
    else if (dialect === "sqlite") {
      await engine.applyMigrations({ migrationsList: list, filters: NO_FILTERS });
      from = { tag: "schemaDatasource" as const, files, configDir: "." };
    } else from = { tag: "migrations" as const, ...list };
    const out = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return (out.stdout ?? "").trim();
  } finally {
    await close();
  }
}
