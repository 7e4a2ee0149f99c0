// The cookie a hydrated data table sets: this browser runs JavaScript, so listings may stream (table-suspense).
export const SCRIPTED_COOKIE = "pa_scripted";

export function markScripted(): void {
  if (!document.cookie.split("; ").includes(`${SCRIPTED_COOKIE}=1`)) document.cookie = `${SCRIPTED_COOKIE}=1; path=/; max-age=31536000; samesite=lax`;
}
