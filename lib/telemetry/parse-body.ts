// Turns a request body (one event, a JSON array, or NDJSON) into a list of unvalidated events,
// or into errors that say where the text broke: which event, which line.
import type { EventError } from "./event-schema";

export type BodyFormat = "json" | "ndjson";

export type ParsedBody = { ok: true; events: unknown[] } | { ok: false; errors: EventError[] };

const NDJSON_TYPES = new Set(["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines"]);

/** The body format for a Content-Type header, or null when we do not accept it (415): only UTF-8 is read. */
export function bodyFormatFor(contentType: string | null): BodyFormat | null {
  const [head, ...params] = (contentType ?? "").split(";");
  const type = head!.trim().toLowerCase();
  for (const param of params) {
    const [name, value] = param.split("=").map((p) => p.trim().toLowerCase().replace(/^"|"$/g, ""));
    if (name === "charset" && value !== "utf-8" && value !== "utf8") return null;
  }
  if (type === "application/json") return "json";
  if (NDJSON_TYPES.has(type)) return "ndjson";
  return null;
}

/**
 * Where the JSON broke, in our words: the engine's message quotes the text it choked on, and what was
 * sent is never repeated back (it may be binary, huge, or someone else's secret).
 */
function syntaxMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Unexpected end of JSON input|Unterminated string/i.test(message)) return "invalid JSON: the text ends before the value does (truncated?)";
  const at = /at position (\d+)/.exec(message);
  return at ? `invalid JSON at character ${Number(at[1]) + 1}` : "invalid JSON";
}

/**
 * For a JSON array that failed to parse: the index of the first element that is not valid JSON on its
 * own (Node's parse errors do not always give a position). Strings and nesting are respected.
 */
export function firstBrokenElement(text: string): number {
  let depth = 0;
  let inString = false;
  let from = text.indexOf("[") + 1;
  let index = 0;
  const broken = (end: number) => {
    const piece = text.slice(from, end).trim();
    if (piece === "") return false;
    try {
      JSON.parse(piece);
      return false;
    } catch {
      return true;
    }
  };
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) depth++;
    else if ((c === 93 || c === 125) && depth > 0) depth--;
    else if ((c === 44 || c === 93) && depth === 0) {
      if (broken(i) || c === 93) return index;
      index++;
      from = i + 1;
    }
  }
  return index;
}

export function parseBody(text: string, format: BodyFormat): ParsedBody {
  if (text.trim() === "") return { ok: false, errors: [{ index: 0, path: "", message: "the body is empty: send one event, a JSON array of events, or NDJSON" }] };
  if (format === "ndjson") return parseNdjson(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const index = text.trimStart().startsWith("[") ? firstBrokenElement(text) : 0;
    return { ok: false, errors: [{ index, path: "", message: syntaxMessage(error) }] };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { ok: false, errors: [{ index: 0, path: "", message: "the array holds no events" }] };
    return { ok: true, events: value };
  }
  return { ok: true, events: [value] };
}

function parseNdjson(text: string): ParsedBody {
  const events: unknown[] = [];
  const errors: EventError[] = [];
  const lines = text.split("\n");
  for (let line = 0; line < lines.length; line++) {
    const raw = lines[line]!.trim();
    if (raw === "") continue;
    try {
      events.push(JSON.parse(raw));
    } catch (error) {
      const truncated = line === lines.length - 1 && !text.endsWith("\n") ? " (the last line looks truncated)" : "";
      errors.push({ index: events.length + errors.length, path: "", message: `line ${line + 1}: ${syntaxMessage(error)}${truncated}` });
      if (errors.length >= 100) break;
    }
  }
  if (errors.length) return { ok: false, errors };
  if (events.length === 0) return { ok: false, errors: [{ index: 0, path: "", message: "the body holds no events" }] };
  return { ok: true, events };
}
