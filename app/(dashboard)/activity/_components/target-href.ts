// Where an audit event's target lives in the dashboard, so each line of the log links to what it changed.
// Targets without a page of their own (the demo workspace) link nowhere.

export function targetHref(type: string, id: string): string | null {
  const one = (base: string) => `${base}/${encodeURIComponent(id)}`;
  switch (type) {
    case "candidate":
      return one("/candidates");
    case "pattern":
      return one("/patterns");
    case "anti_pattern":
      return "/anti-patterns";
    case "setting":
      return `/settings#setting-${encodeURIComponent(id)}`;
    case "api_token":
      return "/settings#tokens";
    case "user":
      return "/users";
    case "weekly_report": {
      // "<week>" or "<week>/<source>"
      const [week, source] = id.split("/", 2);
      return `/reports/${encodeURIComponent(week!)}${source ? `?${new URLSearchParams({ source }).toString()}` : ""}`;
    }
    case "job":
      return "/jobs";
    case "fix":
      return `/fixes#recipe-${encodeURIComponent(id)}`;
    default:
      return null;
  }
}

/** A before/after value as a person reads it: text as is, anything else as compact JSON, kept short. */
export function showValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
