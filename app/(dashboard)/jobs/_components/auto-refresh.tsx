"use client";
// While a run is under way, re-renders the page from the server every couple of seconds, so its
// progress and then its outcome appear without a reload. Without JavaScript, a <meta refresh> does it.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function AutoRefresh({ everyMs }: { everyMs: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
