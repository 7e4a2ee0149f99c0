// One group of settings: default, value in force, who changed it when, and a field to try a new value.
// "Preview" is a plain GET form (works without JavaScript): the page comes back with what the new value
// would change, and Save sits beside that preview. A refused value is shown beside its field.
import { LocalTime } from "@/components/ui/local-time";
import { TableScroll } from "@/components/ui/table-scroll";
import type { SettingRow } from "@/lib/queries/settings/get-setting-rows";
import { SETTING_LABELS, showSetting } from "./setting-labels";

export interface TriedValue {
  key: string;
  value: string;
  error?: string;
}

function ValueField({ row, tried }: { row: SettingRow; tried: TriedValue | null }) {
  const id = `value-${row.key}`;
  const label = SETTING_LABELS[row.key].label;
  const value = tried?.key === row.key ? tried.value : showSetting(row.value);
  const error = tried?.key === row.key ? tried.error : undefined;
  return (
    <form method="get" action="/settings#preview" className="setting-form" aria-label={`Preview a value of ${label}`}>
      <input type="hidden" name="key" value={row.key} />
      {typeof row.defaultValue === "boolean" ? (
        <select id={id} name="value" defaultValue={value === "true" || value === "on" ? "on" : "off"} aria-label={`New ${label}`}>
          <option value="on">on</option>
          <option value="off">off</option>
        </select>
      ) : (
        <input
          id={id}
          name="value"
          defaultValue={value}
          inputMode={typeof row.defaultValue === "number" ? "decimal" : undefined}
          className={typeof row.defaultValue === "string" ? "wide" : undefined}
          maxLength={200}
          aria-label={`New ${label}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      )}
      <button type="submit" className="button small secondary">
        Preview
      </button>
      {error ? (
        <span id={`${id}-error`} role="alert" className="error-text">
          {error}
        </span>
      ) : null}
    </form>
  );
}

export function SettingsTable({ rows, tried, label }: { rows: SettingRow[]; tried: TriedValue | null; label: string }) {
  return (
    <TableScroll label={`Settings: ${label}`}>
      <table className="data settings">
        <thead>
          <tr>
            <th>Setting</th>
            <th>Default</th>
            <th>Current</th>
            <th>Changed</th>
            <th>New value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} id={`setting-${row.key}`}>
              <td className="wrap">
                <strong>{SETTING_LABELS[row.key].label}</strong> <span className="mono muted">{row.key}</span>
                <div className="muted">{SETTING_LABELS[row.key].help}</div>
              </td>
              <td className="mono">{showSetting(row.defaultValue)}</td>
              <td className="mono" data-testid={`current-${row.key}`}>
                {showSetting(row.value)}
              </td>
              <td className="muted">
                {row.updatedAt ? (
                  <>
                    {row.updatedBy ?? "someone"}, <LocalTime at={row.updatedAt} />
                  </>
                ) : (
                  "never (default)"
                )}
              </td>
              <td>
                <ValueField row={row} tried={tried} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
