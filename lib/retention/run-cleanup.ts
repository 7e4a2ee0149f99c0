// PLACEHOLDER on the `jobs` branch: retention and archiving are built on the `retention` branch, which
// replaces this file at merge. Same signature, so the monthly cleanup job compiles against it.
import type { DbHandle } from "../db/client";

export interface CleanupOptions {
  now: Date;
  actor: string;
}

export type CleanupResult = Record<string, number>;

export async function runCleanup(_db: DbHandle, _opts: CleanupOptions): Promise<CleanupResult> {
  throw new Error("cleanup is not built yet");
}
