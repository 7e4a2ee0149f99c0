// JSON kept in text columns (evidence, confidence parts, details) read back for a page: a value that does
// not parse shows as the fallback rather than failing the page.
export function parseStoredJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
