// Every page renders per request: its scripts carry the nonce of that request's Content-Security-Policy
// (proxy.ts), which a page prerendered at build time could not (its scripts would be refused).
import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pattern Automation", template: "%s · Pattern Automation" },
  description: "Turns automation telemetry into patterns, quarantines and self-healing fixes.",
  icons: { icon: "/favicon.svg" },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
