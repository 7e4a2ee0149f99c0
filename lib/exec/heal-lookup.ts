// Where `patterns exec` asks what is known, before a run (the AUTO-006 suggestion) and after a failure
// (--heal: the fixes of the error's signature): the local database, or the server at PATTERNS_URL through
// POST /api/v1/suggest and GET /api/v1/heal. A server's answer is checked before exec acts on it; one that
// does not fit is treated as no answer, so nothing runs because of it.
import { z } from "zod";
import type { DbHandle } from "../db/client";
import { getHealFixes } from "../queries/heal/get-heal-fixes";
import { withPatternRecords } from "../queries/patterns/get-pattern-records";
import { getOperationHasPattern } from "../queries/suggest/get-operation-has-pattern";
import { getSuggestions } from "../queries/suggest/get-suggestions";
import { pickSuggestion, type KnownFix, type PatternHint, type SuggestionRow } from "./heal-messages";
import { apiEndpoint, printable } from "./remote-delivery";

export interface Lookup {
  /** The known fixes of an error message, best first. */
  fixes(errorText: string): Promise<KnownFix[]>;
  /** The pattern this run looks like (same operation), if any. */
  suggestion(context: { operation: string; inputs?: Record<string, unknown> }): Promise<PatternHint | null>;
}

export class LookupError extends Error {
  override name = "LookupError";
}

export function localLookup(getDb: () => Promise<DbHandle>): Lookup {
  return {
    fixes: async (errorText) => (await getHealFixes(await getDb(), errorText)).map((f) => ({ ...f, recipe: f.recipe })),
    suggestion: async (context) => {
      const db = await getDb();
      if ((await getOperationHasPattern(db, context.operation)) === false) return null;
      return pickSuggestion(await withPatternRecords(db, await getSuggestions(db, context, { limit: 1 })));
    },
  };
}

const recipeSchema = z.object({ status: z.enum(["awaiting_approval", "approved", "changed_since_approval"]), command: z.string().nullable(), runs: z.boolean() }).nullable();
const healAnswerSchema = z.array(
  z.object({
    fix: z.string(),
    attempts: z.number(),
    successes: z.number(),
    successRate: z.number(),
    interval: z.object({ low: z.number(), high: z.number() }),
    autoApply: z.boolean(),
    match: z.string().optional(),
    // a server from before recipes sends no recipe: then nothing runs
    recipe: recipeSchema.optional().transform((r) => r ?? null),
  }),
);
const suggestAnswerSchema = z.array(
  z.object({
    patternId: z.string().optional(),
    name: z.string().optional(),
    parts: z.object({ operation: z.number().optional() }).optional(),
    uses: z.number().optional(),
    successRate: z.number().nullable().optional(),
  }),
);

async function ask<S extends z.ZodType>(url: URL, init: RequestInit, schema: S, timeoutMs: number): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    throw new LookupError(`${url.origin} is unreachable (${(error as Error).name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : printable(cause?.code ?? (error as Error).message)})`);
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
    throw new LookupError(`${url.origin}${url.pathname} answered ${res.status}${typeof message === "string" ? `: ${printable(message)}` : ""}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new LookupError(`${url.origin}${url.pathname} answered something else than expected`);
  return parsed.data;
}

export function remoteLookup(url: string, token: string, opts: { timeoutMs?: number } = {}): Lookup {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const headers = { Authorization: `Bearer ${token}` };
  return {
    fixes: async (errorText) => {
      const endpoint = apiEndpoint(url, "api/v1/heal");
      endpoint.searchParams.set("error", errorText);
      return ask(endpoint, { headers }, healAnswerSchema, timeoutMs);
    },
    suggestion: async (context) => {
      const rows: SuggestionRow[] = await ask(
        apiEndpoint(url, "api/v1/suggest"),
        { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(context) },
        suggestAnswerSchema,
        timeoutMs,
      );
      return pickSuggestion(rows);
    },
  };
}
