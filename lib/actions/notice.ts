// After a form's action succeeds it redirects back with a notice in the URL (post/redirect/get): the same
// page then says what happened, with JavaScript or without, and reloading it does not post twice. Only
// known notices are shown; the subject (an id the person acted on) is rendered as text.

export const NOTICES = {
  lifted: "Quarantine lifted",
  approved: "Candidate approved",
  "approved-spec-kept": "Candidate approved; its pattern keeps the spec a person changed since (edit the spec while approving to replace it)",
  rejected: "Candidate rejected",
  reverted: "Auto-approval reverted; the candidate is pending again",
  "user-created": "User created",
  "role-changed": "Role changed",
  "setting-saved": "Setting saved",
  "token-revoked": "Token revoked",
  quarantined: "Pattern quarantined",
  "quarantine-confirmed": "Quarantine confirmed",
  archived: "Pattern archived",
  "baseline-set": "Baseline saved",
  "recipe-approved": "Command approved; it runs on the next matching failure (patterns exec --heal)",
  "recipe-approved-waiting": "Command approved; it runs once the fix earns the auto-apply mark",
  "recipe-revoked": "Approval withdrawn; the command no longer runs",
} as const;

export type NoticeKind = keyof typeof NOTICES;

export function noticeHref(path: string, kind: NoticeKind, subject: string): string {
  return `${path}?${new URLSearchParams({ notice: kind, subject }).toString()}`;
}

/** Where a refused plain-form post sends the browser: the page (keeping `keep`), with the refusal to show as text. */
export function errorHref(path: string, message: string, keep: Record<string, string> = {}, anchor = ""): string {
  return `${path}?${new URLSearchParams({ ...keep, error: message.slice(0, 300) }).toString()}${anchor ? `#${anchor}` : ""}`;
}

/** The refusal a page's search params carry (text, at most 300 characters), if any. */
export function readError(params: Record<string, string | string[] | undefined>): string | null {
  const error = params.error;
  return typeof error === "string" && error.trim() !== "" ? error.slice(0, 300) : null;
}

/** The notice a page's search params carry, if it is one we know. */
export function readNotice(params: Record<string, string | string[] | undefined>): { text: string; subject: string } | null {
  const kind = params.notice;
  if (typeof kind !== "string" || !Object.hasOwn(NOTICES, kind)) return null;
  const subject = typeof params.subject === "string" ? params.subject.slice(0, 200) : "";
  return { text: NOTICES[kind as NoticeKind], subject };
}
