// Any /api/… path no route serves (an old or mistyped /api/v1 URL): JSON 404 for every method, never the
// dashboard's HTML page. More specific routes (api/v1/*, api/auth/*) always win over this one.
import { notFound } from "@/lib/api/methods";

export const dynamic = "force-dynamic";

export { notFound as GET, notFound as HEAD, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
