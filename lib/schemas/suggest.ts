// The context a caller asks suggestions for (AUTO-006): one strict schema shared by POST /api/v1/suggest
// and `patterns suggest`, so both reject the same input the same way.
import { z } from "zod";

export const SUGGEST_LIMITS = {
  operation: 200,
  inputsBytes: 16 * 1024,
  files: 1000,
  path: 1024,
  error: 16 * 1024,
} as const;

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");

export const suggestContextSchema = z.strictObject({
  operation: z.string().trim().min(1, "operation is required").max(SUGGEST_LIMITS.operation),
  inputs: z
    .record(z.string(), z.unknown())
    .refine((v) => jsonBytes(v) <= SUGGEST_LIMITS.inputsBytes, { message: `inputs must be at most ${SUGGEST_LIMITS.inputsBytes} bytes as JSON` })
    .optional(),
  files: z.array(z.string().min(1).max(SUGGEST_LIMITS.path)).max(SUGGEST_LIMITS.files).optional(),
  error: z.string().max(SUGGEST_LIMITS.error).optional(),
});

export type SuggestContextInput = z.infer<typeof suggestContextSchema>;

export interface FieldError {
  path: string;
  message: string;
}

/** zod issues as `{ path, message }` with a dotted path ("files.3"), the shape the route answers. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => {
    const where = i.path.map(String).join(".");
    // An unknown field is reported at the object; name the field itself, which is what the caller fixes.
    const path = i.code === "unrecognized_keys" ? i.keys.map((k) => (where ? `${where}.${k}` : k)).join(", ") : where;
    return { path, message: i.message };
  });
}
