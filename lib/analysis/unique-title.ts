// Two file families can share a path shape (a handler and a different handler layout both under
// src/handlers/{{name}}.ts); a reviewer must still tell their candidates apart, so a title already taken
// gets the next free " (2)", " (3)", … suffix.
export function uniqueTitle(base: string, taken: ReadonlySet<string>, max = 200): string {
  const fit = (suffix: string) => `${base.slice(0, max - suffix.length)}${suffix}`;
  if (!taken.has(fit(""))) return fit("");
  for (let n = 2; ; n++) {
    const title = fit(` (${n})`);
    if (!taken.has(title)) return title;
  }
}
