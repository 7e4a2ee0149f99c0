// The ingestion route as `npm start` serves it (lib/api/node-http.ts serveDirect): a caller refused on its
// headers is answered before its body is read, whatever size it declares, and failed token checks are
// counted per socket address, so one client's guesses never lock another out, even naming the other's
// address in X-Forwarded-For. Raw sockets from several loopback addresses (Linux answers on all of 127/8)
// against a server on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent, request as httpRequest, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { serveRoutesOnTestDb, type RouteFixture } from "./route-fixture";
import { testDialect } from "../db/test-db";

const event = (id: string) => JSON.stringify({ id, operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 5, success: true });

interface Answer {
  status: number;
  headers: IncomingMessage["headers"];
  body: string;
  /** whether the server asked for the body (a request that waited for 100 Continue) */
  continued: boolean;
}

describe(`the direct ingestion path on ${testDialect()}`, () => {
  let api: RouteFixture;

  beforeAll(async () => {
    process.env.PATTERNS_TOKEN_FAILURE_LIMIT = "4";
    delete process.env.PATTERNS_CLIENT_IP_HEADER;
    api = await serveRoutesOnTestDb("direct", async () => {
      const { ingestExecutions } = await import("./ingest-executions");
      return { "/api/v1/executions": { POST: { direct: ingestExecutions } } };
    });
  });
  afterAll(async () => {
    await api?.close();
    delete process.env.PATTERNS_TOKEN_FAILURE_LIMIT;
  });

  /**
   * One POST on its own connection from `from`, sending `sent` of the body and holding the connection open
   * after it: the answer, or "no answer" if none came within `waitMs`. With `continueWith`, it asks for 100
   * Continue and sends that body only when told to (`continued` says whether it was).
   */
  function post(opts: { from?: string; token?: string; headers?: Record<string, string>; sent?: string; continueWith?: string; waitMs?: number }): Promise<Answer | "no answer"> {
    const url = new URL(`${api.server.url}/api/v1/executions`);
    // a keep-alive agent of its own: the client asks to keep the connection, so a close is the server's
    const agent = new Agent({ keepAlive: true });
    const asks = opts.continueWith === undefined ? {} : { expect: "100-continue", "content-length": String(Buffer.byteLength(opts.continueWith)) };
    return new Promise<Answer | "no answer">((resolve, reject) => {
      let continued = false;
      const req = httpRequest({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        agent,
        localAddress: opts.from ?? "127.0.0.1",
        headers: { "content-type": "application/json", ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...asks, ...opts.headers },
      });
      const timer = setTimeout(() => {
        req.destroy();
        resolve("no answer");
      }, opts.waitMs ?? 3_000);
      req.on("continue", () => {
        continued = true;
        req.end(opts.continueWith);
      });
      req.on("response", (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => {
          clearTimeout(timer);
          req.destroy();
          resolve({ status: res.statusCode!, headers: res.headers, body, continued });
        });
      });
      req.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      if (opts.sent !== undefined) req.write(opts.sent);
      else req.flushHeaders();
      if (opts.headers?.["content-length"] === undefined && opts.continueWith === undefined) req.end();
    }).finally(() => agent.destroy());
  }

  /** Raw bytes on a new connection from `from`: all the server sent until the connection closed (3 s at most). */
  function rawExchange(bytes: string, opts: { from?: string; halfClose?: boolean; enough?: (got: string) => boolean } = {}): Promise<string> {
    const url = new URL(api.server.url);
    return new Promise<string>((resolve, reject) => {
      let got = "";
      const socket = connect({ host: url.hostname, port: Number(url.port), localAddress: opts.from ?? "127.0.0.1" }, () => (opts.halfClose ? socket.end(bytes) : socket.write(bytes)));
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => {
        got += chunk;
        if (opts.enough?.(got)) socket.end();
      });
      socket.on("close", () => resolve(got));
      socket.on("error", reject);
      setTimeout(() => socket.destroy(), 3_000);
    });
  }

  /** An ingestion request as it goes on the wire. */
  const wire = (token: string, body: string) =>
    `POST /api/v1/executions HTTP/1.1\r\nHost: ${new URL(api.server.url).host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

  it("a wrong token declaring a 5 MB body is answered 401 before any of the body is sent, and the connection closed", async () => {
    const answer = await post({ from: "127.0.0.3", token: "pa_not-a-token", headers: { "content-length": "5000000" } });
    expect(answer).not.toBe("no answer");
    const { status, headers, body } = answer as Answer;
    expect(status).toBe(401);
    expect(headers.connection).toBe("close");
    expect(JSON.parse(body)).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("a body declared past the bound is answered 413 at once, before it is sent; nothing is stored", async () => {
    const answer = await post({ token: api.token, headers: { "content-length": String(11 * 1024 * 1024) }, sent: event("declared-too-large").slice(0, 10) });
    expect(answer).not.toBe("no answer");
    expect((answer as Answer).status).toBe(413);
    expect((answer as Answer).headers.connection).toBe("close");
    expect(await api.db.prisma.execution.count({ where: { id: "declared-too-large" } })).toBe(0);
  });

  it("a refused small body is read and thrown away after the answer: the connection serves the next request", async () => {
    const pipelined = wire("pa_wrong-token-then-a-good-one", event("refused-then-kept")) + wire(api.token, event("after-the-refusal"));
    const answers = await rawExchange(pipelined, { from: "127.0.0.7", enough: (got) => got.includes('{"accepted"') });
    expect(answers).toMatch(/^HTTP\/1\.1 401 [\s\S]*HTTP\/1\.1 200 [\s\S]*\{"accepted":1,"duplicates":0\}/);
    expect(answers).not.toMatch(/connection: close/i);
    expect(await api.db.prisma.execution.count({ where: { id: { in: ["refused-then-kept", "after-the-refusal"] } } })).toBe(1);

    // the same with a chunked body, whose size is known only at its end
    const body = event("chunked-refused");
    const chunked = `POST /api/v1/executions HTTP/1.1\r\nHost: ${new URL(api.server.url).host}\r\nAuthorization: Bearer pa_wrong-chunked\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const second = await rawExchange(chunked + wire(api.token, event("after-the-chunked-refusal")), { from: "127.0.0.9", enough: (got) => got.includes('{"accepted"') });
    expect(second).toMatch(/^HTTP\/1\.1 401 [\s\S]*HTTP\/1\.1 200 [\s\S]*\{"accepted":1,"duplicates":0\}/);
    expect(await api.db.prisma.execution.count({ where: { id: "after-the-chunked-refusal" } })).toBe(1);
  });

  it("bodies held in memory at once are bounded (256 MiB): past it a request is answered 503 busy before its body is read", async () => {
    // 30 clients with a valid token each declare 10,000,000 bytes and send 10: 26 fit, the other 4 are refused at once
    const round = () =>
      Promise.all(Array.from({ length: 30 }, () => post({ from: "127.0.0.8", token: api.token, headers: { "content-length": "10000000" }, sent: "[{\"id\":\"x", waitMs: 2_000 })));
    const answers = await round();
    const refused = answers.filter((a): a is Answer => a !== "no answer");
    expect(answers.filter((a) => a === "no answer")).toHaveLength(Math.floor((256 * 1024 * 1024) / 10_000_000));
    expect(refused.map((a) => a.status)).toEqual([503, 503, 503, 503]);
    expect(Number(refused[0]!.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(refused[0]!.body)).toMatchObject({ error: { code: "unavailable" }, reason: "busy" });
    // the waiting clients gone, their share is given back: the same again, not 30 refusals
    await new Promise((r) => setTimeout(r, 200));
    expect((await round()).filter((a) => a !== "no answer")).toHaveLength(4);
    expect(await post({ from: "127.0.0.8", token: api.token, sent: event("after-the-big-bodies") })).toMatchObject({ status: 200 });
  });

  it("a compressed body is refused 415 before it is read", async () => {
    const answer = await post({ token: api.token, headers: { "content-encoding": "gzip", "content-length": "1000" } });
    expect(answer).not.toBe("no answer");
    expect((answer as Answer).status).toBe(415);
  });

  it("failed token checks are counted per socket address: 127.0.0.2's guesses do not lock 127.0.0.1 out", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = await post({ from: "127.0.0.2", token: `pa_guess${i}`, sent: event(`guess-${i}`) });
      statuses.push(answer === "no answer" ? 0 : answer.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const ours = await post({ from: "127.0.0.1", token: api.token, sent: event("from-another-address") });
    expect(ours).toMatchObject({ status: 200 });
    expect(JSON.parse((ours as Answer).body)).toEqual({ accepted: 1, duplicates: 0 });
    const theirs = await post({ from: "127.0.0.2", token: api.token, sent: event("from-the-guesser") });
    expect(theirs).toMatchObject({ status: 429 });
    expect(await api.db.prisma.execution.count({ where: { id: { in: ["from-another-address", "from-the-guesser"] } } })).toBe(1);
  });

  it("a guesser naming another client's address in X-Forwarded-For spends its own budget, not that client's", async () => {
    for (let i = 0; i < 6; i++) await post({ from: "127.0.0.4", token: `pa_forged${i}`, headers: { "x-forwarded-for": "127.0.0.5" }, sent: event(`forged-${i}`) });
    const victim = await post({ from: "127.0.0.5", token: api.token, sent: event("victim-goes-on") });
    expect(victim).toMatchObject({ status: 200 });
  });

  it("Expect: 100-continue: a refused token is answered without asking for the body; a valid one is asked for it and stored", async () => {
    // refused: never told to send, and the connection closed (what the client sends next is not taken for the body)
    const refused = (await post({ from: "127.0.0.6", token: "pa_not-a-token-either", continueWith: event("never-sent") })) as Answer;
    expect({ status: refused.status, continued: refused.continued, connection: refused.headers.connection }).toEqual({ status: 401, continued: false, connection: "close" });
    const accepted = (await post({ token: api.token, continueWith: event("sent-after-continue") })) as Answer;
    expect({ status: accepted.status, continued: accepted.continued }).toEqual({ status: 200, continued: true });
    expect(await api.db.prisma.execution.count({ where: { id: { in: ["never-sent", "sent-after-continue"] } } })).toBe(1);
  });

  it("a client that half-closes its connection once its request is sent still gets the answer", async () => {
    const answer = await rawExchange(wire(api.token, event("half-closed")), { halfClose: true });
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('{"accepted":1,"duplicates":0}');
    expect(await api.db.prisma.execution.count({ where: { id: "half-closed" } })).toBe(1);
  });

  it("a valid request is read to its end and stored, its connection kept open", async () => {
    const answer = await post({ token: api.token, sent: event("in-pieces") });
    expect(answer).toMatchObject({ status: 200 });
    expect((answer as Answer).headers.connection).not.toBe("close");
    expect(await api.db.prisma.execution.count({ where: { id: "in-pieces" } })).toBe(1);
  });
});
