// The files `patterns export` owns (DESIGN.md "Files written by patterns export"), relative to the
// directory given: folders, what each holds, and how an id becomes a file name and back. Ids come from
// telemetry too, so anything but letters, digits, "_", "-" and "." is percent-encoded: no id can name a
// path outside its folder, and the name decodes to the id exactly.
export const ROOT = "patterns";

export const FOLDERS = {
  drafts: `${ROOT}/drafts`,
  approved: `${ROOT}/specs/approved`,
  autoApproved: `${ROOT}/specs/auto_approved`,
  selfHeal: `${ROOT}/specs/self_heal`,
  antiPatterns: `${ROOT}/anti_patterns`,
  weekly: `${ROOT}/reports/weekly`,
} as const;

export const REGISTRY = `${FOLDERS.antiPatterns}/registry.yaml`;

/** Folder → the extension of the files export writes there; other files with it are removed as stale. */
export const MANAGED: ReadonlyArray<readonly [string, string]> = [
  [FOLDERS.drafts, ".yaml"],
  [FOLDERS.approved, ".yaml"],
  [FOLDERS.autoApproved, ".yaml"],
  [FOLDERS.selfHeal, ".yaml"],
  [FOLDERS.antiPatterns, ".md"],
  [FOLDERS.weekly, ".md"],
];

export function fileNameFor(id: string): string {
  return [...new TextEncoder().encode(id)]
    .map((b) => (/[A-Za-z0-9_.-]/.test(String.fromCharCode(b)) && b < 128 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`))
    .join("");
}

/** The id a file name stands for, or null when the name is not one fileNameFor could have written. */
export function idFromFileName(name: string): string | null {
  if (!/^(?:[A-Za-z0-9_.-]|%[0-9A-F]{2})+$/.test(name)) return null;
  try {
    const id = decodeURIComponent(name);
    return fileNameFor(id) === name ? id : null;
  } catch {
    return null;
  }
}
