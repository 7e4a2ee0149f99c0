"use client";
// A confirmation that takes the focus when it appears (after a form redirected back), so keyboard and
// screen-reader users land on what just happened instead of at the top of the page. Without JavaScript it is
// the same message, announced as a status.
import { useEffect, useRef, type ReactNode } from "react";

export function StatusMessage({ className = "notice", children }: { className?: string; children: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} role="status" className={className} tabIndex={-1}>
      {children}
    </p>
  );
}
