// A TCP proxy in front of the PostgreSQL server, for tests that take the database away from an app and
// bring it back: closed (nothing listens, every connection cut, as a stopped server) or black-holed (every
// connection cut, new ones accepted and never answered, as a host gone from the network, where a client
// waits for its own timeout). Test support only: the fault tests and the end-to-end journey of a page
// while the database is down.
import { createServer, connect, type Server, type Socket } from "node:net";

export interface PgFaultProxy {
  /** the port the app connects to (the same across stop and start) */
  port: () => number;
  /** forwards again: new connections reach the server */
  start: () => Promise<void>;
  /** nothing listens and every open connection is cut */
  stop: () => Promise<void>;
  /** every open connection is cut; new ones are accepted and hear nothing until start() */
  blackHole: () => void;
}

export async function pgFaultProxy(target: { host: string; port: number }): Promise<PgFaultProxy> {
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  let port = 0;
  let silent = false;
  const track = (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => s.destroy());
  };
  const cutAll = () => {
    for (const s of sockets) s.destroy();
  };
  const start = () => {
    silent = false;
    if (server) return Promise.resolve();
    return new Promise<void>((resolve) => {
      server = createServer((client) => {
        track(client);
        if (silent) return; // held open, never forwarded
        const upstream = connect(target.port, target.host);
        track(upstream);
        client.pipe(upstream).pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      cutAll();
      if (server) server.close(() => resolve());
      else resolve();
      server = null;
    });
  const blackHole = () => {
    silent = true;
    cutAll();
  };
  await start();
  return { port: () => port, start, stop, blackHole };
}
