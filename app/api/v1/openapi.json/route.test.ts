import { describe, expect, it } from "vitest";
import { executionEventSchema } from "@/lib/telemetry/event-schema";
import { GET } from "./route";

describe("GET /api/v1/openapi.json", () => {
  it("describes the ingest endpoint with the event schema generated from zod", async () => {
    const doc = (await GET().json()) as {
      openapi: string;
      paths: Record<string, { post: { responses: Record<string, unknown> } }>;
      components: { schemas: { ExecutionEvent: { required: string[]; properties: Record<string, { maxLength?: number }>; additionalProperties: boolean } } };
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths["/api/v1/executions"]!.post.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "413", "415"]));
    const event = doc.components.schemas.ExecutionEvent;
    expect(event.required.sort()).toEqual(["durationMs", "operation", "startedAt", "success"]);
    expect(Object.keys(event.properties).sort()).toEqual(Object.keys(executionEventSchema.shape).sort());
    expect(event.properties.operation!.maxLength).toBe(200);
    expect(event.additionalProperties).toBe(false);
  });

  it("describes health and readiness as public", async () => {
    const doc = (await GET().json()) as { paths: Record<string, { get?: { security?: unknown[]; responses: Record<string, unknown> } }> };
    expect(doc.paths["/api/health"]!.get!.security).toEqual([]);
    expect(Object.keys(doc.paths["/api/ready"]!.get!.responses)).toEqual(["200", "503"]);
  });
});
