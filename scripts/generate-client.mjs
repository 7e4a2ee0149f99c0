// Derives the PostgreSQL schema from prisma/schema.prisma (only the provider and output differ)
// and generates both Prisma clients offline. Run by `npm ci` (postinstall) and by hand after
// editing the schema. PRISMA_SCHEMA_ENGINE_BINARY=/bin/true stops prisma from downloading an
// engine that `generate` never runs (see ../shared/notes/prisma-offline.md).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sqliteSchema = join(root, "prisma", "schema.prisma");
const pgSchema = join(root, "prisma", "postgresql", "schema.prisma");

export function derivePostgresSchema(text) {
  const out = text
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../lib/db/generated/sqlite"', 'output       = "../../lib/db/generated/postgresql"')
    .replace(/^\/\/ The whole data model[\s\S]*?\n\n/, "// GENERATED from ../schema.prisma by scripts/generate-client.mjs: edit that file, not this one.\n\n");
  if (!out.includes('"postgresql"') || !out.includes("generated/postgresql")) {
    throw new Error("prisma/schema.prisma: provider or output line not found; update scripts/generate-client.mjs");
  }
  return out;
}

function main() {
  mkdirSync(dirname(pgSchema), { recursive: true });
  writeFileSync(pgSchema, derivePostgresSchema(readFileSync(sqliteSchema, "utf8")));
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true", PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
  const prisma = join(root, "node_modules", "prisma", "build", "index.js");
  for (const schema of [sqliteSchema, pgSchema]) {
    execFileSync(process.execPath, [prisma, "generate", "--schema", schema], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  }
  console.log("prisma clients generated (sqlite, postgresql)");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
