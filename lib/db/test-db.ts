// Integration tests' database: a fresh, migrated database of the provider chosen by TEST_DB
// (sqlite by default, postgresql in the CI's second pass), one per test file, dropped afterwards.
import { openDb, type DbHandle } from "./client";
import { migrate } from "./migrate";
import { tempPostgres, tempSqlite, type TempDatabase } from "./testing";

export type TestDialect = "sqlite" | "postgresql";

export function testDialect(): TestDialect {
  const value = (process.env.TEST_DB ?? "sqlite").toLowerCase();
  if (value === "sqlite" || value === "postgresql") return value;
  throw new Error(`TEST_DB: "${value}" is not sqlite or postgresql`);
}

export interface TestDb extends DbHandle {
  url: string;
  destroy: () => Promise<void>;
}

export async function createTestDb(dialect: TestDialect = testDialect()): Promise<TestDb> {
  const temp: TempDatabase = dialect === "sqlite" ? tempSqlite() : await tempPostgres();
  await migrate(temp.config);
  const handle = openDb(temp.config);
  return Object.assign(handle, {
    url: temp.url,
    destroy: async () => {
      await handle.close();
      await temp.drop();
    },
  });
}
