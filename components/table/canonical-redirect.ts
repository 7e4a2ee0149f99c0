// Listing pages call this first: a URL that spells its view in a roundabout way (what a GET form submits)
// is redirected to the short one, so the address bar shows a URL worth sharing.
import { redirect } from "next/navigation";
import { canonicalQuery, type TableSpec } from "./url-state";

export function redirectToCanonical(spec: TableSpec, basePath: string, params: Record<string, string | string[] | undefined>): void {
  const query = canonicalQuery(spec, params);
  if (query !== null) redirect(`${basePath}${query}`);
}
