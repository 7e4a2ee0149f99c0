// Pages read the database as they render. When it cannot answer (a PostgreSQL host gone from the network, a
// stopped server), each page waited for the pool's connect timeout (10 s) and then answered 500, with no
// word on when to come back, and every page after it did the same. The production server keeps this gate in
// front of the pages (lib/server/web-server.ts): a page that answers 5xx makes it check the database (the
// readiness probe, bounded in time); while that check says the database does not answer, pages and their
// forms are answered 503 with Retry-After and the reason. A request that comes a second or more after the
// last check waits for a new one (bounded by the probe's own deadline) and is served if the database is
// back: no restart, and no one refused after it returned. The API routes answer their own 503s
// (lib/api/respond.ts handleErrors).
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";

/** Whether the database can serve: null when it can, else why not (one line for people). */
export type DatabaseCheck = () => Promise<string | null>;

export interface DatabaseGateOptions {
  check: DatabaseCheck;
  /** the least time between two checks while the database is down */
  recheckMs?: number;
  now?: () => number;
}

export class DatabaseGate {
  private down: string | null = null;
  private checking: Promise<void> | null = null;
  private checkedAt = 0;
  private readonly check: DatabaseCheck;
  private readonly recheckMs: number;
  private readonly now: () => number;

  constructor(opts: DatabaseGateOptions) {
    this.check = opts.check;
    this.recheckMs = opts.recheckMs ?? 1000;
    this.now = opts.now ?? Date.now;
  }

  /**
   * Why pages are refused now, or null to serve them. While refused, a request that comes when a check is due
   * waits for it, so the first request after the database is back is served; others are answered at once.
   */
  async refusal(): Promise<string | null> {
    if (this.down !== null && !this.checking && this.now() - this.checkedAt >= this.recheckMs) await this.recheck();
    return this.down;
  }

  /** A page answered 5xx: find out whether the database is why (one check at a time). */
  pageFailed(): Promise<void> {
    return this.recheck();
  }

  private recheck(): Promise<void> {
    this.checking ??= this.check()
      .then(
        (reason) => void (this.down = reason),
        (error: unknown) => void (this.down = `the database check failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        this.checkedAt = this.now();
        this.checking = null;
      });
    return this.checking;
  }
}

/** Seconds a person (or a browser's retry) should wait before loading the page again. */
export const PAGE_RETRY_AFTER_SECONDS = 5;

/** The 503 page: self-contained (no script, no style, nothing to load), the reason rendered as text. */
export function unavailablePage(reason: string): string {
  const page = h(
    "html",
    { lang: "en" },
    h("head", null, h("meta", { charSet: "utf-8" }), h("title", null, "Database unavailable · Pattern Automation")),
    h(
      "body",
      null,
      h(
        "main",
        null,
        h("h1", null, "The database is unavailable"),
        h("p", null, reason),
        h("p", null, `Nothing was changed. Reload this page in ${PAGE_RETRY_AFTER_SECONDS} seconds: it is served as soon as the database answers again.`),
      ),
    ),
  );
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}
