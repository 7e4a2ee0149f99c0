// Bulk review: many candidates approved or rejected with one reason. Each row is its own transaction (a row
// already decided, or gone, fails alone and the others still go through), and the answer says per row what
// happened, so a reviewer sees exactly which of the chosen ones changed.
import type { DbHandle } from "../db/client";
import { decideCandidatesSchema, type DecideCandidatesInput } from "../schemas/decide-candidate";
import { InputError, parseInput } from "../schemas/parse-input";
import { decideCandidate, DecisionError } from "./decide-candidate";

export type BulkResult = { id: string; ok: true; patternId: string | null } | { id: string; ok: false; error: string };

export async function decideCandidates(db: DbHandle, input: DecideCandidatesInput, actor: string, now = new Date()): Promise<BulkResult[]> {
  const { ids, decision, reason } = parseInput(decideCandidatesSchema, input);
  const results: BulkResult[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      const done = await decideCandidate(db, { candidateId: id, decision, reason }, actor, now);
      results.push({ id, ok: true, patternId: done.patternId });
    } catch (error) {
      if (error instanceof DecisionError || error instanceof InputError) results.push({ id, ok: false, error: error.message });
      else throw error;
    }
  }
  return results;
}
