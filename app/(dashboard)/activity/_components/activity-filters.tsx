// The Activity page's filters: a plain GET form, so the filters live in the URL (shareable, the back button
// works) and it works without JavaScript. A refused value is shown beside its field.
import Link from "next/link";
import { AUDIT_ACTIONS } from "@/lib/audit/audit";

export interface FilterValues {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** `keep`: the table's sort and page size when not the defaults, carried through a new filter */
export function ActivityFilters({ values, actors, errors, keep = {} }: { values: FilterValues; actors: string[]; errors: Record<string, string[]>; keep?: { sort?: string; size?: string } }) {
  const error = (field: string) =>
    errors[field] ? (
      <span className="error-text" id={`activity-${field}-error`}>
        {errors[field][0]}
      </span>
    ) : null;
  const described = (field: string) => (errors[field] ? `activity-${field}-error` : undefined);
  const knownActors = values.actor && !actors.includes(values.actor) ? [values.actor, ...actors] : actors;
  return (
    <form method="get" action="/activity" className="filter-bar" aria-label="Filter the activity">
      <label>
        Actor
        <select name="actor" defaultValue={values.actor ?? ""} aria-describedby={described("actor")}>
          <option value="">anyone</option>
          {knownActors.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        {error("actor")}
      </label>
      <label>
        Action
        <select name="action" defaultValue={values.action ?? ""} aria-describedby={described("action")}>
          <option value="">any</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        {error("action")}
      </label>
      <label>
        From (UTC day)
        <input type="date" name="from" defaultValue={values.from ?? ""} aria-describedby={described("from")} />
        {error("from")}
      </label>
      <label>
        To (UTC day)
        <input type="date" name="to" defaultValue={values.to ?? ""} aria-describedby={described("to")} />
        {error("to")}
      </label>
      {keep.sort ? <input type="hidden" name="sort" value={keep.sort} /> : null}
      {keep.size ? <input type="hidden" name="size" value={keep.size} /> : null}
      <div className="filter-actions">
        <button type="submit" className="button small">
          Filter
        </button>
        <Link href="/activity">Clear</Link>
      </div>
    </form>
  );
}
