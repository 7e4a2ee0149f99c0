// The drain on SIGTERM against a real HTTP server with a long keep-alive: a connection whose request was
// under way when the stop came must close once its response is out, or it would outlive the drain (65 s).
import { once } from "node:events";
import { Agent, createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import { shutDown, trackRequests } from "./graceful-shutdown";

it("after the drain no keep-alive connection is left open, whether its headers were out at the stop or not", async () => {
  trackRequests();
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const server = createServer((req, res) => {
    if (req.url === "/streaming") res.write("headers and a first chunk are out before the stop; "); // its headers are sent
    void released.then(() => res.end("done"));
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true });
  const serverClosed = once(server, "close"); // emitted only when every connection is gone
  try {
    const get = (path: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
        request({ host: "127.0.0.1", port, path, agent }, (res) => {
          let body = "";
          res.on("data", (d) => (body += String(d)));
          res.on("end", () => resolve({ headers: res.headers, body }));
        })
          .on("error", reject)
          .end();
      });
    const waiting = get("/waiting");
    const streaming = get("/streaming");
    await new Promise((r) => setTimeout(r, 100)); // both requests are at the server
    let exitCode: number | undefined;
    const stopping = shutDown("SIGTERM", { stopScheduler: async () => {}, closeDatabase: async () => {}, graceMs: 5_000, exit: (code) => (exitCode = code) }, true);
    setTimeout(release, 100);
    const [w, s] = await Promise.all([waiting, streaming]);
    await stopping;
    expect(exitCode).toBe(0);
    expect(w).toEqual({ headers: expect.objectContaining({ connection: "close" }), body: "done" });
    expect(s.body).toContain("done");
    expect(s.headers.connection).toBe("keep-alive"); // too late to say "close": the server closes it instead
    const closedInTime = await Promise.race([serverClosed.then(() => true), new Promise((r) => setTimeout(() => r(false), 2_000))]);
    expect(closedInTime).toBe(true);
  } finally {
    agent.destroy();
    server.closeAllConnections();
  }
});
