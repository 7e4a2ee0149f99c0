// The ingest hot path: checks an event against the contract and builds its row in one pass, without
// zod's copy of every object. It only ever says "certainly valid"; anything else (an invalid event,
// or one it is unsure about) returns null and goes through the zod schema, which stays the authority
// and the source of every error message. A property test holds the two to the same verdicts and rows.
import { executionEventSchema, inputsProblem, isLine, isText, LIMITS, startedAtProblem } from "./event-schema";
import { toRowFrom, type ExecutionRow, type FileRow } from "./normalize";

const KEYS = new Set(Object.keys(executionEventSchema.shape));
const startedAtSchema = executionEventSchema.shape.startedAt;

/** A one-line string of min…max characters (names, ids, paths). */
const isString = (v: unknown, min: number, max: number): v is string => typeof v === "string" && v.length >= min && v.length <= max && isLine(v);
const optString = (v: unknown, min: number, max: number) => v === undefined || isString(v, min, max);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function fits(s: string, limit: number): boolean {
  // Sure without encoding only when even 3 bytes per unit fit; otherwise let zod measure.
  return s.length * 3 <= limit;
}

function fastFiles(files: unknown): FileRow[] | null {
  if (!Array.isArray(files) || files.length > LIMITS.filesPerEvent) return null;
  const out: FileRow[] = new Array(files.length);
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (!isPlainObject(f)) return null;
    for (const k in f) if (k !== "path" && k !== "action" && k !== "content") return null;
    if (!isString(f.path, 1, LIMITS.pathLength)) return null;
    const action = f.action;
    if (action !== undefined && action !== "created" && action !== "modified") return null;
    const content = f.content;
    if (content !== undefined && (typeof content !== "string" || !fits(content, LIMITS.fileContentBytes) || !isText(content))) return null;
    out[i] = { path: f.path, action: action ?? "created", content: content ?? null };
  }
  return out;
}

/** The row for an event that is certainly valid; null when zod must decide. */
export function fastRow(e: unknown, receivedAt: number): ExecutionRow | null {
  if (!isPlainObject(e)) return null;
  if (e.fixCommand !== undefined) return null; // rare (recipes): the zod schema decides
  for (const k in e) if (!KEYS.has(k)) return null;
  const { id, patternId, operation, inputs, files, startedAt, durationMs, success, error, retryOf, fix, source } = e;
  if (!optString(id, 1, LIMITS.idLength)) return null;
  if (patternId !== null && !optString(patternId, 1, LIMITS.idLength)) return null;
  if (!isString(operation, 1, LIMITS.operationLength)) return null;
  if (typeof durationMs !== "number" || !Number.isSafeInteger(durationMs) || durationMs < 0 || durationMs > LIMITS.maxDurationMs) return null;
  if (typeof success !== "boolean") return null;
  if (!optString(retryOf, 1, LIMITS.idLength) || !optString(fix, 1, LIMITS.fixLength) || !optString(source, 1, LIMITS.sourceLength)) return null;
  if (typeof startedAt !== "string" || !startedAtSchema.safeParse(startedAt).success) return null;
  const startedAtMs = Date.parse(startedAt);
  if (startedAtProblem(startedAtMs, receivedAt) !== null) return null;
  let inputsJson: string | null = null;
  if (inputs !== undefined) {
    if (!isPlainObject(inputs) || inputsProblem(inputs) !== null) return null;
    inputsJson = JSON.stringify(inputs);
    if (!fits(inputsJson, LIMITS.inputsBytes)) return null;
  }
  let fileRows: FileRow[] = [];
  if (files !== undefined) {
    const checked = fastFiles(files);
    if (!checked) return null;
    fileRows = checked;
  }
  let errorType: string | null = null;
  let errorMessage: string | null = null;
  if (error !== undefined) {
    if (!isPlainObject(error)) return null;
    for (const k in error) if (k !== "type" && k !== "message") return null;
    const message = error.message;
    if (!optString(error.type, 0, LIMITS.errorTypeLength) || typeof message !== "string" || message.length > LIMITS.errorMessageLength || !isText(message)) return null;
    errorType = (error.type as string | undefined) ?? null;
    errorMessage = message;
  }
  return toRowFrom(
    {
      id: id as string | undefined,
      patternId: (patternId as string | null | undefined) ?? null,
      operation,
      inputsJson,
      files: fileRows,
      startedAt: startedAtMs,
      durationMs,
      success,
      errorType,
      errorMessage,
      retryOf: (retryOf as string | undefined) ?? null,
      fix: (fix as string | undefined) ?? null,
      source: (source as string | undefined) ?? null,
    },
    receivedAt,
  );
}
