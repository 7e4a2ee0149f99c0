// The load generator of bench:load, run as its own process (it must not share the server's CPU time
// slices or event loop): posts batches of events with unique ids to one or more servers at a target rate,
// with a bounded number of requests in flight, for a fixed time, and records every request's outcome so
// the bench can check each acknowledged event against the database. Writes its report as JSON to a file.
import { writeFileSync } from "node:fs";
import { Agent, request } from "node:http";

export interface LoadRequest {
  /** Ids are `${prefix}-${first + k}` for k < count. */
  first: number;
  count: number;
  status: number;
  accepted: number;
  duplicates: number;
  ms: number;
  /** When it was sent, ms after the run started (the per-second figures of bench:load). */
  at: number;
}

export interface LoadReport {
  durationMs: number;
  requests: LoadRequest[];
  errors: string[];
}

export interface LoadOptions {
  urls: string[];
  token: string;
  prefix: string;
  durationMs: number;
  batch: number;
  /** Target events per second (requests are batches of `batch`). */
  rate: number;
  inFlight: number;
}

const DAY = 86_400_000;

const OPERATIONS = ["create_api_endpoint", "generate_migration", "run_tests", "deploy_preview"];
const NAMES = ["users", "orders", "teams"];

/**
 * A request's JSON, written as text: the generator shares the machine's two cores with the servers and the
 * database, and JSON.stringify of an object per event cost it 2.6 µs an event (1.0 µs as text, the same bytes).
 * (`prefix` is checked to need no escaping.)
 */
export function loadBody(prefix: string, first: number, count: number, now: number): string {
  let out = "[";
  for (let k = 0; k < count; k++) {
    const i = first + k;
    const failed = i % 9 === 0;
    out +=
      `${k ? "," : ""}{"id":"${prefix}-${i}"${i % 5 === 0 ? "" : `,"patternId":"load-pattern-${i % 40}"`},"operation":"${OPERATIONS[i % 4]}",` +
      `"inputs":{"name":"${NAMES[i % 3]}","attempt":${(i % 3) + 1}},"startedAt":"${new Date(now - (i % DAY)).toISOString()}","durationMs":${50 + (i % 60_000)},` +
      `"success":${!failed}${failed ? `,"error":{"type":"Error","message":"Timeout after ${(i % 60) * 1000}ms waiting for job ${i.toString(16)}"}` : ""},"source":"ci-${i % 3}"}`;
  }
  return `${out}]`;
}

export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  if (!/^[\w-]+$/.test(opts.prefix)) throw new Error(`load client: the id prefix "${opts.prefix}" must be letters, digits, _ or -`);
  // An idle socket is dropped after `timeout`, before the server drops it (PATTERNS_KEEP_ALIVE_SECONDS, 65 s by
  // default; Node's agent uses the server's `Keep-Alive: timeout=…` hint only to lower a timeout that is set).
  // Without one, a socket left idle at the bottom of the pool was reused just as the server closed it (after
  // Node's 5 s, then), and its request ended in ECONNRESET (0-2 per run). A request still waiting at the timeout
  // only emits 'timeout', which nothing here listens to: it is not aborted.
  const agent = new Agent({ keepAlive: true, maxSockets: opts.inFlight, timeout: 60_000 });
  const requests: LoadRequest[] = [];
  const errors: string[] = [];
  let next = 0;
  let inFlight = 0;
  let sent = 0;
  const started = performance.now();
  const post = (url: string, first: number) =>
    new Promise<void>((resolve) => {
      const payload = loadBody(opts.prefix, first, opts.batch, Date.now());
      const t0 = performance.now();
      const req = request(
        `${url}/api/v1/executions`,
        { method: "POST", agent, headers: { authorization: `Bearer ${opts.token}`, "content-type": "application/json", "content-length": Buffer.byteLength(payload) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const ms = performance.now() - t0;
            let accepted = 0;
            let duplicates = 0;
            if (res.statusCode === 200) ({ accepted, duplicates } = JSON.parse(Buffer.concat(chunks).toString()) as { accepted: number; duplicates: number });
            else if (errors.length < 20) errors.push(`${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 200)}`);
            requests.push({ first, count: opts.batch, status: res.statusCode ?? 0, accepted, duplicates, ms, at: t0 - started });
            resolve();
          });
        },
      );
      req.on("error", (e) => {
        if (errors.length < 20) errors.push(e.message);
        requests.push({ first, count: opts.batch, status: 0, accepted: 0, duplicates: 0, ms: performance.now() - t0, at: t0 - started });
        resolve();
      });
      req.end(payload);
    });
  await new Promise<void>((finish) => {
    const tick = () => {
      const elapsed = performance.now() - started;
      if (elapsed >= opts.durationMs) {
        const wait = () => (inFlight === 0 ? finish() : setTimeout(wait, 5));
        return wait();
      }
      const due = Math.floor(((elapsed / 1000) * opts.rate) / opts.batch);
      while (sent < due && inFlight < opts.inFlight) {
        const first = next;
        next += opts.batch;
        const url = opts.urls[sent % opts.urls.length]!;
        sent++;
        inFlight++;
        void post(url, first).then(() => inFlight--);
      }
      if (sent < due) sent = due; // behind and at the in-flight bound: what could not be sent is not owed later
      setTimeout(tick, 2);
    };
    tick();
  });
  agent.destroy();
  return { durationMs: performance.now() - started, requests, errors };
}

// As a process: node --import tsx bench/lib/load-client.ts '<options JSON>' <report file>
if (process.argv[1]?.endsWith("load-client.ts")) {
  const opts = JSON.parse(process.argv[2]!) as LoadOptions;
  const report = await runLoad(opts);
  writeFileSync(process.argv[3]!, JSON.stringify(report));
}
