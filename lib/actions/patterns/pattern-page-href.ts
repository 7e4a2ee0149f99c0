// Where the pattern page's plain forms send the browser back to: the page, with a notice on success or
// the refusal's text on failure (both rendered as text by the page, never as markup).
import { errorHref, noticeHref, type NoticeKind } from "../notice";

export function patternPagePath(patternId: string): string {
  return `/patterns/${encodeURIComponent(patternId)}`;
}

export function patternNoticeHref(patternId: string, kind: NoticeKind): string {
  return noticeHref(patternPagePath(patternId), kind, patternId);
}

/** The page with an error to show; a missing or malformed id goes back to the listing instead. */
export function patternErrorHref(patternId: unknown, message: string): string {
  const ok = typeof patternId === "string" && patternId.trim().length > 0 && patternId.length <= 200;
  const path = ok ? patternPagePath(patternId.trim()) : "/patterns";
  return errorHref(path, message, {}, "actions");
}
