// Why the server waits for SQLite's write lock differently from the CLI: better-sqlite3 waits for another
// process's lock inside the calling thread, so with the CLI's 10 s busy timeout a dashboard write made
// while `patterns ingest` or `patterns analyze` held the lock froze the whole server for 10 s, then failed.
// The server's connections wait SERVER_BUSY_TIMEOUT_MS at most; a transaction or a single statement that
// finds the database busy is run again, whole, after a pause that leaves the event loop free (other requests
// are served meanwhile), until about a second has passed; then it fails with DatabaseUnavailableError("busy"),
// nothing written.
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

/** The client's raw statements: each one a single statement, written whole or not at all. */
const RAW_STATEMENTS = new Set(["$executeRaw", "$queryRaw", "$executeRawUnsafe", "$queryRawUnsafe"]);

type Lazy = PromiseLike<unknown> & { catch: unknown; finally: unknown };

/**
 * A query that is retried whole while the database is busy once awaited. Prisma's queries are lazy
 * ("PrismaPromise"): the first attempt is `first` itself, later ones are made again by `make`. Everything
 * else is inherited from `first`, so the query still works as an item of a batch `$transaction([…])`,
 * which runs it its own way (the batch itself is retried as a whole).
 */
function retryingQuery(first: Lazy, make: () => unknown, budgetMs: number): Lazy {
  let run: Promise<unknown> | undefined;
  let attempts = 0;
  const started = () => (run ??= retryWhileBusy(() => (attempts++ === 0 ? first : make()) as Promise<unknown>, budgetMs));
  return Object.create(first, {
    then: { value: (ok?: (v: unknown) => unknown, ko?: (e: unknown) => unknown) => started().then(ok, ko) },
    catch: { value: (ko?: (e: unknown) => unknown) => started().catch(ko) },
    finally: { value: (f?: () => void) => started().finally(f) },
  }) as Lazy;
}

const isQuery = (v: unknown): v is Lazy => typeof v === "object" && v !== null && (v as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === "PrismaPromise";

/** A function of the client or of a model whose queries are retried while the database is busy. */
function retryingFunction(fn: (...args: unknown[]) => unknown, self: object, budgetMs: number) {
  return (...args: unknown[]) => {
    const first = fn.apply(self, args);
    return isQuery(first) ? retryingQuery(first, () => fn.apply(self, args), budgetMs) : first;
  };
}

/**
 * The client with every write that fails busy retried whole (see retryWhileBusy): each interactive
 * transaction (`$transaction(async (tx) => …)`) and each batch (`$transaction([…])`), run again from
 * the start; and each statement made outside a transaction (`prisma.jobRun.create(…)`, `$executeRaw`…):
 * a sign-in's session row, a job's own bookkeeping, the settings read by every page. Statements inside a
 * transaction are not retried on their own: their transaction is.
 */
export function retryingWhileBusy<C extends object>(client: C, budgetMs = BUSY_RETRY_BUDGET_MS): C {
  const models = new Map<PropertyKey, unknown>();
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (prop === "$transaction" && typeof value === "function") {
        return (arg: unknown, ...rest: unknown[]) => retryWhileBusy(() => value.call(target, arg, ...rest) as Promise<unknown>, budgetMs);
      }
      if (typeof prop === "string" && RAW_STATEMENTS.has(prop) && typeof value === "function") return retryingFunction(value as (...a: unknown[]) => unknown, target, budgetMs);
      // a model (prisma.user, prisma.jobRun…): its query functions, retried
      if (typeof prop !== "string" || prop.startsWith("$") || prop.startsWith("_") || typeof value !== "object" || value === null) return value;
      if (!models.has(prop)) {
        models.set(
          prop,
          new Proxy(value, {
            get(model, name) {
              const fn: unknown = Reflect.get(model, name);
              return typeof fn === "function" ? retryingFunction(fn as (...a: unknown[]) => unknown, model, budgetMs) : fn;
            },
          }),
        );
      }
      return models.get(prop);
    },
  });
}
