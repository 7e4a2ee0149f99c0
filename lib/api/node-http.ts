// Node's http objects to the Web Request/Response our route handlers take and give, and back: for the
// production server's direct routes (lib/server/web-server.ts) and the integration tests' small server
// (test-server.ts), which therefore test the same conversion. A direct route is handed the request's
// headers first and reads the body from the socket only if it wants it: a caller refused on its headers
// (its token, a declared size past the bound) is answered at once and its body never read.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { decodeBody, encodingRefusal, unavailableResponse, type BodyBytes, type BodySource } from "./respond";
import { unavailable } from "../db/unavailable";

/**
 * Sets up a server whose direct routes (`isDirect`) serve through serveDirect, as the production server and
 * the test server both do:
 * - a client that half-closes its connection once its request is sent (shutdown of its writing side, as
 *   `nc -N` and some scripts do) still reads the answer. By default Node aborts the request and ends the
 *   socket when the client's side ends, so a batch it had already stored was never acknowledged, and the
 *   client's retry doubled what had no id. `httpAllowHalfOpen` is Node's own switch (set by http.Server's
 *   constructor, absent from its types); ingest-direct.db.test.ts fails if a Node release drops it.
 * - Expect: 100-continue: a direct route sends the 100 only when it asks for the body, once the token has
 *   passed, so a refused client never sends it; everything else gets it at once, as Node would send it.
 */
export function serveLikeProduction(server: Server, isDirect: (req: IncomingMessage) => boolean): void {
  (server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (isDirect(req)) continuers.set(req, () => res.writeContinue());
    else res.writeContinue();
    server.emit("request", req, res);
  });
}

/** The declared Content-Length, or null when the body is chunked or the header is not a length. */
function declaredLength(req: IncomingMessage): number | null {
  const declared = Number(req.headers["content-length"] ?? "NaN");
  return Number.isFinite(declared) && declared >= 0 ? declared : null;
}

/** A route served straight from Node: the request without its body, and the way to read it. */
export type DirectHandler = (head: Request, body: BodySource) => Promise<Response>;

/**
 * A body no larger than this that a route answered without reading (a refused token) is read after the
 * answer and thrown away, as Node does on a kept connection: closing on a client still sending can reach it
 * as a reset instead of the answer, and a request it had pipelined behind would be handled but never
 * answered. A larger declared one closes the connection unread (Node stops reading the socket while a body
 * waits, so nothing behind it is handled).
 */
const DISCARD_AFTER_ANSWER_BYTES = 1024 * 1024;

/**
 * Whether a body the route did not start reading can be read after the answer and thrown away: declared
 * small, or chunked (its size unknown until its end; Node's requestTimeout bounds how long that takes). A body
 * read in part (past the route's bound) is not read further. (A client that asked for 100 Continue and was not
 * sent it will not send its body: Node closes that connection itself.)
 */
function bodyCanBeDiscarded(req: IncomingMessage, startedReading: boolean): boolean {
  if (startedReading) return false;
  const declared = declaredLength(req);
  return declared === null ? /chunked/i.test(String(req.headers["transfer-encoding"] ?? "")) : declared <= DISCARD_AFTER_ANSWER_BYTES;
}

/**
 * Answers one request through a direct route. An answer given before the body was read: a small or chunked
 * body is thrown away after it (bodyCanBeDiscarded), a larger one closes the connection unread. A client that
 * went away mid-body gets no answer.
 */
export async function serveDirect(handler: DirectHandler, req: IncomingMessage, res: ServerResponse, base: string, extraHeaders: Record<string, string> = {}): Promise<void> {
  let held = 0;
  try {
    let cut = false;
    let startedReading = false;
    const head = headWebRequest(req, base);
    const response = await handler(head, async (limit) => {
      const refused = encodingRefusal(head.headers);
      if (refused) return { ok: false, response: refused };
      const wants = Math.min(declaredLength(req) ?? Infinity, limit + 1);
      if (bodyBytesHeld + wants > BODY_BYTES_IN_MEMORY && wants > 0) return { ok: false, response: tooManyBodies() };
      held = wants;
      bodyBytesHeld += held;
      startedReading = true;
      const bytes = await readNodeBody(req, limit);
      cut = typeof bytes === "object" && !Buffer.isBuffer(bytes);
      return decodeBody(bytes, limit);
    });
    if (cut) return void res.destroy(); // nothing to answer, nothing stored
    if (!req.complete && !bodyCanBeDiscarded(req, startedReading)) res.setHeader("connection", "close");
    await sendWebResponse(res, response, extraHeaders);
  } catch {
    // the handlers answer their own errors (handleErrors); this is a socket that went away mid-answer
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end('{"error":"internal","message":"the server failed to answer"}');
    else res.destroy();
  } finally {
    bodyBytesHeld -= held;
  }
}

/**
 * The most the direct routes' bodies may hold in memory at once (each counted at its declared size, or the
 * route's bound when unsized, from when it is asked for until it is answered): 250 clients each sending
 * 10 MiB held 2.5 GB. Past it a request is answered 503 with Retry-After before its body is read; the
 * benchmark's 32 requests of 100 events in flight hold under 1 MiB.
 */
const BODY_BYTES_IN_MEMORY = 256 * 1024 * 1024;
let bodyBytesHeld = 0;

function tooManyBodies(): Response {
  return unavailableResponse(unavailable("busy", "the server is receiving too many large bodies at once; nothing was stored, try again shortly"));
}

/**
 * The body from the socket, at most `maxBytes`: "too_large" as soon as it is declared or read past that
 * (what follows is not kept), `{ cutOff }` when the client went away before its end.
 */
export function readNodeBody(req: IncomingMessage, maxBytes: number): Promise<BodyBytes> {
  if ((declaredLength(req) ?? 0) > maxBytes) return Promise.resolve("too_large");
  // gone before its body was asked for: whatever had arrived was dropped with the socket, and no event will come
  if (req.destroyed || (!req.complete && req.socket.destroyed)) return Promise.resolve({ cutOff: new Error("the client went away") });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyBytes) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    req.on("data", (chunk: Buffer) => {
      if (settled) return; // past the bound: the rest is not kept
      size += chunk.length;
      if (size > maxBytes) return finish("too_large");
      chunks.push(chunk);
    });
    const cutOff = () => finish({ cutOff: new Error("the client went away before the body's end") });
    // a client that sent Expect: 100-continue waits for this before it sends the body (serveLikeProduction)
    if (!req.complete) sendDeferredContinue(req);
    req.on("end", () => finish(Buffer.concat(chunks)));
    req.on("aborted", cutOff);
    req.on("error", cutOff);
    req.on("close", () => (req.complete ? finish(Buffer.concat(chunks)) : cutOff()));
  });
}

/**
 * The request's line and headers as a Web Request, with no body. X-Forwarded-For gets the socket's address
 * appended, as a proxy appends it: a client may claim any address, but not another client's key
 * (lib/auth/client-ip.ts counts failed token checks by the whole header).
 */
export function headWebRequest(req: IncomingMessage, base: string): Request {
  const headers = webHeaders(req);
  const address = req.socket.remoteAddress;
  const sent = req.headers["x-forwarded-for"];
  if (address && sent) headers.set("x-forwarded-for", `${Array.isArray(sent) ? sent.join(", ") : sent}, ${address}`);
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers });
}

/** The `100 Continue` a direct route's request is still owed, sent when the route asks for its body. */
const continuers = new WeakMap<IncomingMessage, () => void>();

function sendDeferredContinue(req: IncomingMessage): void {
  const send = continuers.get(req);
  continuers.delete(req);
  send?.();
}

/**
 * The request with its body read first, in Node's terms, into one buffer, for a handler written for Next.js
 * (it reads `request.body` itself): the test server's routes. At most `maxBytes` + 1 bytes are kept, enough
 * for the handler to see the body is too large and answer 413 itself. Null when the client went away first.
 */
export function bufferedWebRequest(req: IncomingMessage, base: string, maxBytes: number): Promise<Request | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (request: Request | null) => {
      if (settled) return;
      settled = true;
      resolve(request);
    };
    req.on("data", (chunk: Buffer) => {
      if (size > maxBytes) return; // already past the bound: the rest is not kept
      chunks.push(chunk);
      size += chunk.length;
      if (size > maxBytes) finish(webRequest(req, base, Buffer.concat(chunks)));
    });
    req.on("end", () => finish(webRequest(req, base, Buffer.concat(chunks))));
    req.on("aborted", () => finish(null));
    req.on("error", () => finish(null));
    req.on("close", () => finish(req.complete ? webRequest(req, base, Buffer.concat(chunks)) : null));
  });
}

function webRequest(req: IncomingMessage, base: string, body: Buffer): Request {
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers: webHeaders(req), body: body.length ? (body as Uint8Array<ArrayBuffer>) : undefined });
}

/**
 * The request's headers. X-Forwarded-For is filled with the socket's address when the client did not send
 * one, as Next.js does for the routes it serves: lib/auth/client-ip.ts counts failed token checks by it.
 */
function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const address = req.socket.remoteAddress;
  if (!headers.has("x-forwarded-for") && address) headers.set("x-forwarded-for", address);
  return headers;
}

/** Writes a handler's answer (status, headers, the whole body) to Node's response. */
export async function sendWebResponse(res: ServerResponse, response: Response, extraHeaders: Record<string, string> = {}): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[]> = { ...extraHeaders };
  response.headers.forEach((value, name) => {
    if (name === "set-cookie") return;
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}
