import type { NextConfig } from "next";

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
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
