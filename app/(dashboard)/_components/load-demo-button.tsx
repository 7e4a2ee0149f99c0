"use client";
import { useActionState } from "react";
import { loadDemoDataAction, type LoadDemoState } from "@/lib/actions/demo/load-demo-data";

export function LoadDemoButton() {
  const [state, action, pending] = useActionState<LoadDemoState, FormData>(loadDemoDataAction, {}, "/");
  return (
    <form action={action}>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Loading demo data…" : "Load demo data"}
      </button>
      {state.error ? (
        <p role="alert" className="error-text">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
