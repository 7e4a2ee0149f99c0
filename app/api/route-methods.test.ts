// Every API route answers every method: the ones it serves, and for the others a JSON 405 whose Allow
// header lists exactly the ones it serves (Next.js alone would answer 405 with no Allow and no body).
// OPTIONS lists the same. A new route that forgets `otherMethods` fails here.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { allowHeader, HTTP_METHODS, type HttpMethod } from "@/lib/api/methods";

const apiDir = join(process.cwd(), "app", "api");
const routeFiles = (readdirSync(apiDir, { recursive: true }) as string[]).filter((f) => f.endsWith("route.ts")).map((f) => join(apiDir, f));
const catchAll = join(apiDir, "[...path]", "route.ts");

type Module = Partial<Record<HttpMethod | "OPTIONS", ((r: Request) => Response | Promise<Response>) & { refusesMethod?: true }>>;

describe("API routes and methods", () => {
  it("finds the routes", () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(8);
  });

  it.each(routeFiles.filter((f) => f !== catchAll).map((f) => [relative(apiDir, f), f]))("%s answers every method", async (_name, file) => {
    const mod = (await import(file)) as Module;
    const served = HTTP_METHODS.filter((m) => mod[m] && !mod[m]!.refusesMethod);
    expect(served.length).toBeGreaterThan(0);
    for (const method of HTTP_METHODS) {
      if (method === "HEAD" && served.includes("GET")) continue; // Next.js answers HEAD with GET
      expect(mod[method], `${method} is not exported: Next.js would answer 405 without Allow`).toBeDefined();
      if (served.includes(method)) continue;
      const response = await mod[method]!(new Request("http://x/api/y", { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe(allowHeader(served));
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
    }
    // Next.js's own OPTIONS would list the refusing exports as allowed
    expect(mod.OPTIONS, "OPTIONS is not exported").toBeDefined();
    const options = await mod.OPTIONS!(new Request("http://x/api/y", { method: "OPTIONS" }));
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe(allowHeader(served));
  });

  it("answers unknown paths with JSON 404 for every method", async () => {
    const mod = (await import(catchAll)) as Module & { OPTIONS?: (r: Request) => Response };
    for (const method of [...HTTP_METHODS, "OPTIONS"] as const) {
      const response = await (mod as Record<string, (r: Request) => Response>)[method]!(new Request("http://x/api/v1/nope", { method }));
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/json");
      if (method !== "HEAD") expect(((await response.json()) as { error: { message: string } }).error.message).toContain("/api/v1/nope");
    }
  });
});
