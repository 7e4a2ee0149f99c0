import type { NextConfig } from "next";
import { EVERY_ANSWER_HEADERS, FILE_ANSWER_HEADERS } from "./lib/web/security-headers";

const nextConfig: NextConfig = {
  // Native and WebAssembly-backed database drivers load from node_modules at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
  typedRoutes: false,
  // `npm test` type-checks the whole project once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // forbidden() and unauthorized() answer 403 and 401, also to a server action posted without JavaScript
  experimental: { authInterrupts: true },
  // Every answer, the API's and static files' too; pages get the full set from proxy.ts (lib/web/security-headers.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(EVERY_ANSWER_HEADERS).map(([key, value]) => ({ key, value })),
      },
      // what proxy.ts's matcher leaves out gets a policy of its own (its 404 page included)
      ...["/_next/:path*", "/favicon.ico", "/favicon.svg"].map((source) => ({ source, headers: Object.entries(FILE_ANSWER_HEADERS).map(([key, value]) => ({ key, value })) })),
    ];
  },
};

export default nextConfig;
