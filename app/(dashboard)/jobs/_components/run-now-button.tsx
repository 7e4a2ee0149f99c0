"use client";
// The submit button of a "Run now" form: says it is starting while the post is on its way (with JS).
import { useFormStatus } from "react-dom";

export function RunNowButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button small" disabled={pending}>
      {pending ? "Starting…" : label}
    </button>
  );
}
