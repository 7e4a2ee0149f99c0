// The production web server behind `npm start`: Next.js serves the dashboard and the API, all but one
// route, which this server hands straight to the same handler Next.js would call: telemetry ingestion
// (POST /api/v1/executions), the one path every automation run posts to, with the request's headers first
// and its body read from the socket only once the token passes (lib/api/node-http.ts). Next.js's own work per request
// (routing, tracing, Web streams for the body) cost more than validating and storing 100 events did, and
// under load its extra CPU time on the event loop tripled the p99 (bench:load). Everything else, and every
// other method on that path (405 with Allow), goes to Next.js, whose instrumentation.ts still checks the
// environment, starts the scheduler and installs the graceful shutdown, which sees this server's requests
// too (it counts them through Node's http diagnostics channel). Pages and server actions get their request
// ids and log lines here (serveByNext).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { ingestExecutions } from "../api/ingest-executions";
import { serveDirect, serveLikeProduction, type DirectHandler } from "../api/node-http";
import { logRequestEnd, requestIdFrom } from "../api/request-log";
import { withLogContext } from "../log/logger";
import { getDb } from "../db/client";
import { keepAliveMs } from "./keep-alive";
import { requestWriter } from "../telemetry/request-writer";
import { EVERY_ANSWER_HEADERS, FILE_ANSWER_HEADERS } from "../web/security-headers";
import type { DatabaseConfig } from "../db/config";
import { checkReadiness } from "../db/readiness";
import { DatabaseGate, PAGE_RETRY_AFTER_SECONDS, unavailablePage } from "./database-gate";

export interface WebServerOptions {
  /** The project folder (.next/ and next.config.ts). */
  dir: string;
  port: number;
  /** Where to listen; unset: every interface, as `next start`. */
  hostname?: string;
}

/** The routes served here and not by Next.js: "METHOD /path" → handler (headers first, body on demand). */
const DIRECT_ROUTES: Record<string, DirectHandler> = {
  "POST /api/v1/executions": ingestExecutions,
};

/**
 * The request's path, as Next.js will route it: without the query or a fragment (which no browser sends, but
 * a client may), and from an absolute-form target (`POST http://host/path`) too, so no spelling of the
 * ingestion path slips past the direct route to Next.js.
 */
function pathOf(req: IncomingMessage): string {
  const url = req.url ?? "/";
  if (!url.startsWith("/")) {
    try {
      return new URL(url).pathname;
    } catch {
      return url;
    }
  }
  const end = url.search(/[?#]/);
  return end < 0 ? url : url.slice(0, end);
}

function directRoute(req: IncomingMessage): DirectHandler | undefined {
  return DIRECT_ROUTES[`${req.method} ${pathOf(req)}`];
}

/**
 * Everything but the direct route, through Next.js. Pages and server actions get what the machine routes
 * get from withRequestLog (lib/api/request-log.ts): a request id, echoed in X-Request-Id and carried by the
 * log lines written while they are served, and one line when the answer is sent. While the database is
 * down (lib/server/database-gate.ts) they are answered 503 at once instead. The API routes log themselves
 * and answer their own 503s; Next.js's own files (/_next/…) are not logged.
 */
async function serveByNext(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, gate: DatabaseGate, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = pathOf(req);
  if (path.startsWith("/api/") || path.startsWith("/_next/")) return void handle(req, res);
  const sent = req.headers["x-request-id"];
  const requestId = requestIdFrom(Array.isArray(sent) ? sent[0] : sent);
  res.setHeader("x-request-id", requestId);
  const started = performance.now();
  const method = req.method ?? "GET";
  res.once("finish", () => {
    withLogContext({ requestId }, () => logRequestEnd({ method, path, status: res.statusCode }, started));
    if (res.statusCode >= 500 && res.statusCode !== 503) void gate.pageFailed();
  });
  const down = await gate.refusal();
  if (down !== null) {
    const body = unavailablePage(down);
    res.writeHead(503, {
      ...EVERY_ANSWER_HEADERS,
      ...FILE_ANSWER_HEADERS,
      "content-type": "text/html; charset=utf-8",
      "content-length": String(Buffer.byteLength(body)),
      "cache-control": "no-store",
      "retry-after": String(PAGE_RETRY_AFTER_SECONDS),
      // a form's body, if any, is not read: the connection is not kept for a next request
      connection: "close",
    });
    return void res.end(method === "HEAD" ? undefined : body);
  }
  void withLogContext({ requestId }, () => handle(req, res));
}

/**
 * The pages' gate: the readiness probe (bounded, on its own connection) says whether the database answers.
 * Migrations that are not this code's are /api/ready's to report, not a reason to refuse every page.
 */
function pageGate(config: DatabaseConfig): DatabaseGate {
  return new DatabaseGate({
    check: async () => {
      const readiness = await checkReadiness(config, 900);
      return readiness.ready || readiness.answered ? null : readiness.reason;
    },
  });
}

export async function startWebServer(opts: WebServerOptions): Promise<Server> {
  const app = next({ dev: false, dir: opts.dir, hostname: opts.hostname ?? "localhost", port: opts.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const db = getDb();
  if (db.dialect === "sqlite") await requestWriter(db).warmUp();
  const gate = pageGate(db.config);
  const base = `http://${opts.hostname ?? "localhost"}:${opts.port}`;
  const server = createServer((req, res) => {
    const direct = directRoute(req);
    if (direct) void serveDirect(direct, req, res, base, { ...EVERY_ANSWER_HEADERS });
    else void serveByNext(handle, gate, req, res);
  });
  // half-closed clients answered; a direct route's 100 Continue sent when it asks for the body
  serveLikeProduction(server, (req) => directRoute(req) !== undefined);
  // idle time only: a request's own headers and body are bounded by headersTimeout and requestTimeout
  server.keepAliveTimeout = keepAliveMs();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(opts.port, opts.hostname, resolve));
  return server;
}

/** `node scripts/serve.mjs [-p PORT] [-H HOST]`, as `next start` takes them (PORT from the environment, else 3000). */
export async function main({ root }: { root: string }): Promise<void> {
  const args = process.argv.slice(2);
  const option = (flag: string, long: string) => {
    const i = args.findIndex((a) => a === flag || a === long);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`patterns: the port must be a whole number from 0 to 65535, not ${JSON.stringify(option("-p", "--port") ?? process.env.PORT)}\n`);
    process.exit(2);
  }
  const hostname = option("-H", "--hostname");
  // this process is ours, not `next start`'s: the graceful shutdown (lib/server/graceful-shutdown.ts,
  // installed by instrumentation.ts) handles SIGTERM and SIGINT and exits once drained
  process.env.NEXT_MANUAL_SIG_HANDLE = "1";
  await startWebServer({ dir: root, port, hostname });
  process.stdout.write(`Pattern Automation is serving on http://${hostname ?? "localhost"}:${port}\n`);
}
