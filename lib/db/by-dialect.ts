// Where SQL differs between SQLite and PostgreSQL, the two spellings sit side by side in one small table
// and the handle picks one (umami's runQuery({ [PRISMA]: …, [CLICKHOUSE]: … }) does the same).
import type { Dialect } from "./config";

export function byDialect<T>(db: { dialect: Dialect }, choices: Record<Dialect, T>): T {
  return choices[db.dialect];
}
