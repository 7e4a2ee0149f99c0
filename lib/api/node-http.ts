// Node's http objects to the Web Request/Response our route handlers take and give, and back: for the
// production server's direct routes (lib/server/web-server.ts) and the integration tests' small server
// (test-server.ts), which therefore test the same conversion.
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The request with its body read first, in Node's terms, into one buffer: a Web stream over the socket cost
 * more than the rest of the ingestion route. At most `maxBytes` + 1 bytes are kept, enough for the handler
 * to see the body is too large and answer 413 itself. Null when the client went away before the end.
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

function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
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
