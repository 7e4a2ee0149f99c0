// Streaming a listing under a skeleton needs JavaScript to swap the rows in: a browser without it would
// keep the skeleton and never see the rows (React sends them in a hidden block). So the page streams only
// for browsers that have shown they run scripts (the data table sets SCRIPTED_COOKIE once hydrated); for
// anyone else, the first visit included, the rows are awaited and sent in place. Same page, either way.
import type { ReactNode } from "react";
import { ScriptedSuspense } from "../ui/scripted-suspense";
import { TableSkeleton } from "./table-skeleton";

export function TableSuspense({ label, stateKey, children }: { label: string; stateKey: string; children: ReactNode }) {
  return (
    <ScriptedSuspense key={stateKey} fallback={<TableSkeleton label={label} />}>
      {children}
    </ScriptedSuspense>
  );
}
