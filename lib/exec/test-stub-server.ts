// A scripted ingestion server for the exec client's tests: real HTTP on loopback, answering each request
// with the next scripted reply and keeping what it received, so retries, pauses and order can be checked.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Reply =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  /** Close the connection without an answer (a network error for the client). */
  | "hang-up"
  /** Never answer (the client's time limit ends it). */
  | "silence";

export interface StubServer {
  url: string;
  /** The bodies received, parsed, in order. */
  received: unknown[];
  /** The path (and query) of each request, in the same order. */
  paths: string[];
  close: () => Promise<void>;
}

/** Replies are taken in order; `fallback` answers once they run out (default 200 accepted). */
export async function startStubServer(script: Reply[], fallback: (body: unknown) => Reply = () => ({ status: 200, body: { accepted: 1, duplicates: 0 } })): Promise<StubServer> {
  const received: unknown[] = [];
  const paths: string[] = [];
  const queue = [...script];
  const open = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
      received.push(body);
      paths.push(req.url ?? "");
      const reply = queue.shift() ?? fallback(body);
      if (reply === "hang-up") return void req.socket.destroy();
      if (reply === "silence") return void open.add(res);
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers }).end(JSON.stringify(reply.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    paths,
    close: () =>
      new Promise((resolve) => {
        for (const res of open) res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A clock whose sleeps pass at once and are remembered: five minutes of back-off in a millisecond. */
export function fakeClock(start = Date.parse("2026-11-25T06:00:00Z")) {
  const clock = {
    t: start,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}
