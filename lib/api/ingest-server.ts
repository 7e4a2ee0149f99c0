// A server process for the fault and crash tests: the real ingest route over node:http (the same Web
// Request/Response functions Next.js calls), so a test can kill -9 it, run it as another user, or point it
// at a database through a proxy it controls. DATABASE_URL picks the database, PORT the port (0: any).
// Prints "listening <url>" on stdout once it serves. Also GET /ping, to show the event loop is free.
import { getDb } from "../db/client";
import { requestWriter } from "../telemetry/request-writer";
import { serveRoutes } from "./test-server";

const { ingestExecutions } = await import("./ingest-executions");
const db = getDb();
if (db.dialect === "sqlite") await requestWriter(db).warmUp();
const server = await serveRoutes(
  { "/api/v1/executions": { POST: { direct: ingestExecutions } }, "/ping": { GET: () => new Response("pong") } },
  Number(process.env.PORT ?? 0),
);
process.stdout.write(`listening ${server.url}\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void server.close().then(() => process.exit(0)));
