// The roles, in a module without zod: client components list them, and building a zod object schema in the
// browser probes `new Function`, which the pages' Content-Security-Policy refuses (and reports as a violation).
export const ROLES = ["viewer", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];
