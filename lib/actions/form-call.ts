// What every form's server action checks before reading a field. A browser posts (state, FormData) with
// JavaScript or without it; anything else was forged or mangled on the way (an object where the form
// belongs, a string where the state belongs). Such a call is answered 404 — the one 4xx a server action can
// give a plain form post — and nothing is written. Ids travel as form fields, never as bound arguments:
// binding in a client component is what hung the server on a no-JavaScript post (issue 9).
import { notFound } from "next/navigation";

/** The FormData of a `useActionState` form action called as (previous state, form data). */
export function formDataOf(previous: unknown, form: unknown): FormData {
  const stateOk = previous === undefined || previous === null || (typeof previous === "object" && !Array.isArray(previous));
  if (!stateOk || !(form instanceof FormData)) notFound();
  return form;
}

/** The FormData of a plain form action (no `useActionState`), called with the form data alone. */
export function plainFormData(form: unknown): FormData {
  if (!(form instanceof FormData)) notFound();
  return form;
}

/** The text value of each named field: a file or a missing field reads as undefined, for zod to refuse. */
export function textFields<K extends string>(form: FormData, names: readonly K[]): Record<K, string | undefined> {
  const out = {} as Record<K, string | undefined>;
  for (const name of names) {
    const value = form.get(name);
    out[name] = typeof value === "string" ? value : undefined;
  }
  return out;
}
