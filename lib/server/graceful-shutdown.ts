// A clean stop of the web server on SIGTERM/SIGINT: say "not ready" at once, stop taking connections, let
// the requests under way finish, stop the scheduler (a job run under way ends first), close the database,
// then exit. `npm start` (scripts/start.mjs) runs Next.js with NEXT_MANUAL_SIG_HANDLE so this is the one
// handler; under a bare `next start`, Next.js drains and exits by itself and this only stops the scheduler
// and the database on the way. Next.js does not hand out its HTTP server, so the servers and the requests
// in flight are learnt from Node's http diagnostics channel.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { logger } from "../log/logger";

interface ShutdownState {
  tracking: boolean;
  installed: boolean;
  shuttingDown: boolean;
  servers: Set<Server>;
  /** the responses not yet closed */
  inFlight: Set<ServerResponse>;
}

const holder = globalThis as unknown as { patternsShutdown?: ShutdownState };
const state = (holder.patternsShutdown ??= { tracking: false, installed: false, shuttingDown: false, servers: new Set(), inFlight: new Set() });

export function isShuttingDown(): boolean {
  return state.shuttingDown;
}

export interface ShutdownSteps {
  /** stops the scheduler and waits for the runs it started */
  stopScheduler: () => Promise<void>;
  closeDatabase: () => Promise<void>;
  /** how long requests and job runs under way get before the process exits anyway */
  graceMs?: number;
  exit?: (code: number) => void;
}

const within = <T>(ms: number, work: Promise<T>) => Promise.race([work.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);

function closeIdleConnections(): void {
  for (const server of state.servers) server.closeIdleConnections();
}

async function drainRequests(deadline: number): Promise<boolean> {
  for (const server of state.servers) server.close(); // no new connections
  // a response under way ends its connection: "close" where its headers are not out yet, and for the rest
  // the socket is closed once it goes idle (see trackRequests), or a 65 s keep-alive would outlive the drain
  for (const response of state.inFlight) if (!response.headersSent) response.setHeader("Connection", "close");
  closeIdleConnections();
  while (state.inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return state.inFlight.size === 0;
}

export async function shutDown(signal: string, steps: ShutdownSteps, ownsExit: boolean): Promise<void> {
  if (state.shuttingDown) return;
  state.shuttingDown = true;
  const graceMs = steps.graceMs ?? 25_000;
  const deadline = Date.now() + graceMs;
  const log = logger();
  log.info({ signal, inFlight: state.inFlight.size }, "shutting down");
  const drained = ownsExit ? await drainRequests(deadline) : true;
  const schedulerStopped = await within(Math.max(0, deadline - Date.now()), steps.stopScheduler()).catch(() => false);
  const databaseClosed = await within(5000, steps.closeDatabase()).catch(() => false);
  log.info({ signal, drained, schedulerStopped, databaseClosed, leftInFlight: state.inFlight.size }, "shut down");
  if (ownsExit) (steps.exit ?? process.exit)(0);
}

/** Learns the HTTP servers and the responses under way (once per process). */
export function trackRequests(): void {
  if (state.tracking) return;
  state.tracking = true;
  subscribe("http.server.request.start", (message) => {
    const { server, response } = message as { server: Server; request: IncomingMessage; response: ServerResponse };
    state.servers.add(server);
    state.inFlight.add(response);
    response.once("close", () => {
      state.inFlight.delete(response);
      if (state.shuttingDown) closeIdleConnections(); // its socket is idle now: keep-alive would hold the drain open
    });
    if (state.shuttingDown) response.setHeader("Connection", "close");
  });
}

/** Once per process: tracks the requests and handles the signals. */
export function installGracefulShutdown(steps: ShutdownSteps): void {
  if (state.installed) return;
  state.installed = true;
  trackRequests();
  const ownsExit = Boolean(process.env.NEXT_MANUAL_SIG_HANDLE);
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutDown(signal, steps, ownsExit));
}
