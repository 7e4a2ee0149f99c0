// Streaming a listing under a skeleton needs JavaScript to swap the rows in: a browser without it would
// keep the skeleton and never see the rows (React sends them in a hidden block). So the page streams only
// for browsers that have shown they run scripts (the data table sets SCRIPTED_COOKIE once hydrated); for
// anyone else, the first visit included, the rows are awaited and sent in place. Same page, either way.
import { cookies } from "next/headers";
import { Suspense, type ReactNode } from "react";
import { SCRIPTED_COOKIE } from "./scripted-cookie";
import { TableSkeleton } from "./table-skeleton";

export async function TableSuspense({ label, stateKey, children }: { label: string; stateKey: string; children: ReactNode }) {
  const scripted = (await cookies()).get(SCRIPTED_COOKIE)?.value === "1";
  if (!scripted) return <>{children}</>;
  return (
    <Suspense key={stateKey} fallback={<TableSkeleton label={label} />}>
      {children}
    </Suspense>
  );
}
