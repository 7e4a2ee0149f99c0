// Serves route handlers over real HTTP for integration tests (Node's http server in front of the same
// Web Request/Response functions Next.js calls), so tests cross a real socket without a full build.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

export type Handler = (request: Request) => Promise<Response> | Response;

export interface TestServer {
  url: string;
  close: () => Promise<void>;
}

function toRequest(req: IncomingMessage, base: string): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", base), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    duplex: "half",
  } as RequestInit);
}

export async function serveRoutes(routes: Record<string, Partial<Record<"GET" | "POST", Handler>>>, port = 0): Promise<TestServer> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const handler = routes[path]?.[req.method as "GET" | "POST"];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    try {
      const response = await handler(toRequest(req, "http://127.0.0.1"));
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
