// Streaming a part of a page under a skeleton needs JavaScript to swap the part in: a browser without it
// keeps the skeleton and never shows the part (React sends it in a hidden block). So a part streams only for
// browsers that have shown they run scripts (MarkScripted sets SCRIPTED_COOKIE once a page has hydrated);
// for anyone else, the first visit included, the part is awaited and sent in place. Same page either way.
import { cookies } from "next/headers";
import { Suspense, type ReactNode } from "react";
import { SCRIPTED_COOKIE } from "../table/scripted-cookie";

export async function ScriptedSuspense({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const scripted = (await cookies()).get(SCRIPTED_COOKIE)?.value === "1";
  if (!scripted) return <>{children}</>;
  return <Suspense fallback={fallback}>{children}</Suspense>;
}
