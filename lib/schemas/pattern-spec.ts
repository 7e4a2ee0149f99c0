// The YAML spec of a pattern (what a candidate proposes and an approved pattern keeps): one zod schema,
// so a spec read back from YAML is checked exactly as the one written.
import { parse, stringify } from "yaml";
import { z } from "zod";

export const parameterSchema = z.strictObject({
  name: z.string().min(1),
  /** Values seen in the evidence, most frequent first (at most 20). */
  observed: z.array(z.string()).max(20),
  required: z.boolean(),
});

export const patternSpecSchema = z.strictObject({
  name: z.string().min(1).max(200),
  operation: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  parameters: z.array(parameterSchema),
  /** Inputs that had the same value in every example. */
  invariants: z.record(z.string(), z.unknown()),
  /** Path shapes of the files the runs produced, variable segments as {{name}}. */
  files: z.array(z.string()).optional(),
  examples: z.array(z.string()).max(10),
  successRate: z.number().min(0).max(1),
  medianDurationMs: z.number().int().min(0),
});

export type PatternSpec = z.infer<typeof patternSpecSchema>;

export function specToYaml(spec: PatternSpec): string {
  return stringify(patternSpecSchema.parse(spec), { sortMapEntries: false });
}

export function specFromYaml(text: string): PatternSpec {
  return patternSpecSchema.parse(parse(text));
}
