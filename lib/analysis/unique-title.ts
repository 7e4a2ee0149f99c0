// Two candidates can share a title: two file families with one path shape (a handler and a different handler
// layout both under src/handlers/{{name}}.ts), or two clusters of one operation whose inputs differ ("Write
// file" by path and content, and by path and mode). A reviewer must still tell them apart, so a title already
// taken becomes the first free qualified form the caller offers ("Write file (mode, path)"), and failing
// those the next free " (2)", " (3)", … suffix.
export function uniqueTitle(base: string, taken: ReadonlySet<string>, opts: { qualified?: readonly string[]; max?: number } = {}): string {
  const max = opts.max ?? 200;
  const fit = (text: string, suffix = "") => `${text.slice(0, max - suffix.length)}${suffix}`;
  for (const title of [base, ...(opts.qualified ?? [])].map((t) => fit(t))) if (!taken.has(title)) return title;
  for (let n = 2; ; n++) {
    const title = fit(base, ` (${n})`);
    if (!taken.has(title)) return title;
  }
}
