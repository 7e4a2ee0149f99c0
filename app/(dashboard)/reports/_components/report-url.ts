// Links between report pages keep the source filter in the URL.
export function reportHref(week: string | null, source: string | null, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...(source ? { source } : {}), ...extra }).toString();
  return `/reports${week ? `/${encodeURIComponent(week)}` : ""}${query ? `?${query}` : ""}`;
}

/** The `source` search parameter, checked: at most 200 characters, "" meaning every source. */
export function sourceParam(value: string | string[] | undefined): string | null {
  return typeof value === "string" && value.trim() !== "" && value.length <= 200 ? value.trim() : null;
}
