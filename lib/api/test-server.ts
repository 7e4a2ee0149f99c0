// Serves route handlers over real HTTP for integration tests (Node's http server in front of the same
// Web Request/Response functions Next.js calls, converted as the production server's direct routes are:
// lib/api/node-http.ts), so tests cross a real socket without a full build.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { bufferedWebRequest, sendWebResponse, serveDirect, serveLikeProduction, type DirectHandler } from "./node-http";

export type Handler = (request: Request) => Promise<Response> | Response;

/** A route served as the production server serves its direct routes: headers first, the body on demand. */
export interface Direct {
  direct: DirectHandler;
}

export interface TestServer {
  url: string;
  close: () => Promise<void>;
}

/** Handlers by path and method. */
export type Routes = Record<string, Partial<Record<"GET" | "POST", Handler | Direct>>>;

export async function serveRoutes(routes: Routes, port = 0): Promise<TestServer> {
  const handlerOf = (req: IncomingMessage) => routes[new URL(req.url ?? "/", "http://x").pathname]?.[req.method as "GET" | "POST"];
  const server: Server = createServer(async (req, res) => {
    const handler = handlerOf(req);
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    if (typeof handler === "object") return void serveDirect(handler.direct, req, res, "http://127.0.0.1");
    try {
      // bodies read as the production server reads them (lib/server/web-server.ts); the routes' own bounds are lower
      const request = await bufferedWebRequest(req, "http://127.0.0.1", 64 * 1024 * 1024);
      if (!request) return void res.destroy();
      await sendWebResponse(res, await handler(request));
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  serveLikeProduction(server, (req) => typeof handlerOf(req) === "object");
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
