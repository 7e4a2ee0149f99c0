// Loads Prisma's schema engine compiled to WebAssembly and binds it to our driver adapters, because
// the native engine cannot be downloaded here (../shared/notes/prisma-offline.md). We instantiate
// the .wasm ourselves so this works on Node 20 without --experimental-wasm-modules.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type { DatabaseConfig } from "./config";

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let engineModule: Promise<{ SchemaEngine: typeof SchemaEngine }> | undefined;

async function loadEngineModule(): Promise<{ SchemaEngine: typeof SchemaEngine }> {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bindings = (await import(
    /* webpackIgnore: true */ pathToFileURL(join(pkgDir, "schema_engine_bg.js")).href
  )) as Bindings & Record<string, unknown>;
  const bytes = readFileSync(join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings as WebAssembly.ModuleImports });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return { SchemaEngine: bindings.SchemaEngine as unknown as typeof SchemaEngine };
}

/**
 * adapter-pg 7.10 cannot read PostgreSQL's internal "char" type (OID 18), which the engine meets when it
 * describes a schema with foreign keys (pg_constraint.confdeltype). Reported as text it reads fine.
 */
class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const fix = (res: pg.QueryResult | undefined) => {
      for (const field of res?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return res;
    };
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (err: unknown, res?: pg.QueryResult) => void;
      args[last] = (err: unknown, res?: pg.QueryResult) => callback(err, fix(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as (...a: any[]) => any)(...args);
    return result && typeof result.then === "function" ? result.then(fix) : result;
  }
}

/** Records every connection the engine opens so that closing the engine closes them too. */
function trackConnections<F extends { connect: () => Promise<unknown>; connectToShadowDb: () => Promise<unknown> }>(factory: F, opened: Array<{ dispose: () => Promise<void> }>): F {
  const track = async (connection: Promise<unknown>) => {
    const adapter = (await connection) as { dispose: () => Promise<void> };
    opened.push(adapter);
    return adapter;
  };
  return Object.assign(Object.create(factory) as F, {
    connect: () => track(factory.connect()),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  });
}

export function migrationAdapterFactory(config: DatabaseConfig, opened: Array<{ dispose: () => Promise<void> }> = []) {
  if (config.dialect === "sqlite") {
    const sqlite = new PrismaBetterSqlite3({ url: config.url, timeout: 10_000 }, { timestampFormat: "unixepoch-ms" });
    return bindMigrationAwareSqlAdapterFactory(trackConnections(sqlite, opened));
  }
  // A config object, not a connection string: with a string the shadow database resolves to the main one.
  const connection: pg.PoolConfig = { ...config.connection, max: 2, Client: CharAsTextClient as unknown as pg.PoolConfig["Client"] };
  const base = new PrismaPg(connection, { schema: config.schema });
  // adapter-pg 7.10 drops its shadow database before closing the shadow pool, which PostgreSQL refuses
  // ("being accessed by other users"); we create the shadow ourselves and close in the right order.
  const factory = Object.assign(Object.create(base) as PrismaPg, {
    async connectToShadowDb() {
      const admin = await base.connect();
      const database = `pa_shadow_${randomUUID().replace(/-/g, "")}`;
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadow = await new PrismaPg({ ...connection, database }).connect();
      return Object.assign(Object.create(shadow) as typeof shadow, {
        async dispose() {
          await shadow.dispose();
          await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
          await admin.dispose();
        },
      });
    },
  });
  return bindMigrationAwareSqlAdapterFactory(trackConnections(factory, opened));
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened. */
  close: () => Promise<void>;
}

export async function openSchemaEngine(config: DatabaseConfig, schemaText: string): Promise<OpenEngine> {
  engineModule ??= loadEngineModule();
  const { SchemaEngine: Engine } = await engineModule;
  const opened: Array<{ dispose: () => Promise<void> }> = [];
  const engine = await Engine.new({ datamodels: [["schema.prisma", schemaText]] }, () => {}, migrationAdapterFactory(config, opened));
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.allSettled(opened.splice(0).map((a) => a.dispose()));
    },
  };
}
