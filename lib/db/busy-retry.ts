// Why the server waits for SQLite's write lock differently from the CLI: better-sqlite3 waits for another
// process's lock inside the calling thread, so with the CLI's 10 s busy timeout a dashboard write made
// while `patterns ingest` or `patterns analyze` held the lock froze the whole server for 10 s, then failed.
// The server's connections wait SERVER_BUSY_TIMEOUT_MS at most; a transaction that finds the database busy
// is run again, whole, after a pause that leaves the event loop free (other requests are served meanwhile),
// until about a second has passed; then it fails with DatabaseUnavailableError("busy"), nothing written.
import { classifyDatabaseError, DatabaseUnavailableError } from "./unavailable";

/** How long one attempt of the server's may block its thread waiting for the write lock. */
export const SERVER_BUSY_TIMEOUT_MS = 50;
/** How long a write keeps trying before it is answered busy. */
export const BUSY_RETRY_BUDGET_MS = 1_000;

/**
 * `attempt` until it succeeds or fails for another reason than a busy database, pausing 25 ms, then twice
 * as long each time (at most 200 ms), while the budget lasts. Only for work that writes nothing when it
 * fails busy: a transaction, or a single statement.
 */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, budgetMs = BUSY_RETRY_BUDGET_MS): Promise<T> {
  const deadline = Date.now() + budgetMs;
  let pause = 25;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      const cause = classifyDatabaseError(error);
      if (cause?.reason !== "busy") throw error;
      if (Date.now() + pause > deadline) throw error instanceof DatabaseUnavailableError ? error : new DatabaseUnavailableError(cause);
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 200);
    }
  }
}

/**
 * The client with each interactive transaction (`$transaction(async (tx) => …)`) retried whole while the
 * database is busy. Statements outside one fail at once when busy; a batch (`$transaction([…])`) is left
 * as it is, its statements being made before it runs.
 */
export function retryingTransactions<C extends object>(client: C, budgetMs = BUSY_RETRY_BUDGET_MS): C {
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (prop !== "$transaction" || typeof value !== "function") return value;
      return (arg: unknown, ...rest: unknown[]) =>
        typeof arg === "function" ? retryWhileBusy(() => value.call(target, arg, ...rest) as Promise<unknown>, budgetMs) : value.call(target, arg, ...rest);
    },
  });
}
