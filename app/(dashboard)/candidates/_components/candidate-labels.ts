// How a candidate's numbers read: evidence is a count of runs or of files ("4 files", never "files 4.00"),
// and a confidence part is a 0–1 score except for a file template's file count.
export function evidenceLabel(kind: string, count: number): string {
  const unit = kind === "file_template" ? "file" : "run";
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

const PART_LABELS: Record<string, string> = { count: "how many", similarity: "how alike", success: "succeeded", recency: "how recent" };
const PART_WEIGHTS: Record<string, number> = { count: 0.35, similarity: 0.2, success: 0.3, recency: 0.15 };

export interface ConfidencePart {
  key: string;
  label: string;
  value: string;
  /** 0–1 for a bar, or null for a count */
  score: number | null;
  weight: number | null;
}

export function confidenceParts(parts: Record<string, number>): ConfidencePart[] {
  return Object.entries(parts).map(([key, value]) => {
    if (key === "files") return { key, label: "example files", value: `${Math.round(value)} file${Math.round(value) === 1 ? "" : "s"}`, score: null, weight: null };
    return { key, label: PART_LABELS[key] ?? key, value: value.toFixed(2), score: Math.max(0, Math.min(1, value)), weight: PART_WEIGHTS[key] ?? null };
  });
}

export function statusTone(status: string): string {
  return status === "rejected" ? "bad" : status === "pending" ? "warn" : "ok";
}

/** A template's text cut into literal runs and `{{variables}}`, for highlighting. */
export function templatePieces(template: string): Array<{ text: string; variable: boolean }> {
  return template
    .split(/(\{\{[^{}\n]{1,80}\}\})/)
    .filter((piece) => piece !== "")
    .map((text) => ({ text, variable: /^\{\{[^{}\n]{1,80}\}\}$/.test(text) }));
}
