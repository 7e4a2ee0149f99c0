// Reading a direct route's body from the socket (lib/api/node-http.ts) in the states a real client can leave
// it in by the time the route asks for it, against a real server on loopback.
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { BodyBytes } from "./respond";
import { readNodeBody } from "./node-http";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Serves one request, asking for its body only after `askWhen` resolves; sends the raw request bytes. */
async function readAfter(raw: string, askWhen: (socketClosed: Promise<void>) => Promise<void>): Promise<BodyBytes | "hung"> {
  const read = new Promise<BodyBytes>((resolve) => {
    server = createServer((req) => {
      const closed = new Promise<void>((r) => req.socket.once("close", () => r()));
      void askWhen(closed).then(() => readNodeBody(req, 1000).then(resolve));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const client = connect((server!.address() as AddressInfo).port, "127.0.0.1");
  client.on("error", () => {});
  client.end(raw);
  return Promise.race([read, new Promise<"hung">((r) => setTimeout(() => r("hung"), 3_000))]);
}

const body = '{"id":"x"}';
const request = (length: number, sent: string) => `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n${sent}`;

describe("readNodeBody", () => {
  it("reads a body that is there", async () => {
    const got = await readAfter(request(body.length, body), async () => {});
    expect(Buffer.isBuffer(got) && got.toString()).toBe(body);
  });

  it("a client that sent its whole body and left before the route asked for it is cut off, not waited on forever", async () => {
    const got = await readAfter(request(body.length, body), async (closed) => {
      await closed;
      await new Promise((r) => setImmediate(r));
    });
    expect(got).toMatchObject({ cutOff: expect.any(Error) });
  });

  it("a client that left halfway through its body is cut off", async () => {
    const got = await readAfter(request(1000, body), async (closed) => void (await closed));
    expect(got).toMatchObject({ cutOff: expect.any(Error) });
  });

  it("a body declared past the bound is too large at once, whatever follows", async () => {
    expect(await readAfter(request(5000, body), async () => {})).toBe("too_large");
  });
});
