import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { handleErrors, jsonError } from "../api/respond";
import { serveRoutes, type TestServer } from "../api/test-server";
import { logger, makeLogger, replaceLogger, withLogContext } from "./logger";

function captured() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: makeLogger({ level: "debug", destination }) };
}

let restore: (() => void) | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  restore?.();
  await server?.close();
  server = undefined;
});

describe("the JSON log", () => {
  it("writes one JSON object per line with a level name and an ISO time", () => {
    const { lines, log } = captured();
    log.info({ n: 1 }, "hello");
    expect(lines).toEqual([expect.objectContaining({ level: "info", msg: "hello", n: 1, service: "pattern-automation", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })]);
  });

  it("redacts authorization headers, cookies, tokens and passwords at any of three depths", () => {
    const { lines, log } = captured();
    log.info({
      authorization: "Bearer pa_top",
      token: "pa_token",
      req: { headers: { authorization: "Bearer pa_secret", cookie: "session=abc", "set-cookie": "s=1", host: "example" } },
      user: { password: "hunter22hunter", name: "kept" },
      body: { inner: { secret: "deep" } },
    });
    const text = JSON.stringify(lines[0]);
    for (const secret of ["pa_top", "pa_token", "pa_secret", "session=abc", "s=1", "hunter22hunter", "deep"]) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ req: { headers: { host: "example", authorization: "[redacted]" } }, user: { name: "kept" } });
  });

  it("adds the ids of the surrounding context to every line, nested contexts adding to the outer", async () => {
    const { lines, log } = captured();
    await withLogContext({ jobId: "analyze", jobRunId: "job_1" }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      withLogContext({ analysisRunId: "run_1" }, () => log.info("inner"));
      log.info("outer");
    });
    log.info("outside");
    expect(lines.map((l) => [l.msg, l.jobRunId, l.analysisRunId])).toEqual([
      ["inner", "job_1", "run_1"],
      ["outer", "job_1", undefined],
      ["outside", undefined, undefined],
    ]);
  });
});

describe("request logging of the machine routes (real HTTP)", () => {
  it("gives each request an id, answers it in X-Request-Id, and logs the request's lines and its end with it", async () => {
    const { lines, log } = captured();
    restore = replaceLogger(log);
    server = await serveRoutes({
      "/ok": { GET: handleErrors(async () => (logger().info({ authorization: "Bearer pa_x" }, "working"), Response.json({ ok: true }))) },
      "/boom": { GET: handleErrors(async () => { throw new Error("disk on fire"); }) },
      "/bad": { GET: handleErrors(async () => jsonError(400, "bad", "no")) },
    });
    const ok = await fetch(`${server.url}/ok?error=private+text`);
    const id = ok.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const mine = lines.filter((l) => l.requestId === id);
    expect(mine.map((l) => l.msg)).toEqual(["working", "request"]);
    expect(mine[0]!.authorization).toBe("[redacted]");
    expect(mine[1]).toMatchObject({ level: "info", method: "GET", path: "/ok", status: 200, ms: expect.any(Number) });
    expect(JSON.stringify(lines)).not.toContain("private");

    const kept = await fetch(`${server.url}/bad`, { headers: { "x-request-id": "caller-42" } });
    expect(kept.headers.get("x-request-id")).toBe("caller-42");
    expect(lines.at(-1)).toMatchObject({ requestId: "caller-42", status: 400 });
    const replaced = await fetch(`${server.url}/bad`, { headers: { "x-request-id": "<script>" } });
    expect(replaced.headers.get("x-request-id")).not.toBe("<script>");

    const boom = await fetch(`${server.url}/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.json()).toMatchObject({ error: { code: "internal" } });
    const boomLines = lines.filter((l) => l.requestId === boom.headers.get("x-request-id"));
    expect(boomLines.map((l) => [l.level, l.msg])).toEqual([["error", "unexpected error while serving the request"], ["error", "request failed"]]);
    expect((boomLines[0]!.err as { message: string }).message).toBe("disk on fire");
  });
});
