// API tokens: each shown as pa_…wxyz with its scopes and expiry, who made it, when it was last used, whether it
// is revoked or expired; never a secret (only hashes exist).
import { LocalTime } from "@/components/ui/local-time";
import { TableScroll } from "@/components/ui/table-scroll";
import type { TokenInfo } from "@/lib/queries/tokens/get-tokens";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenForm } from "./revoke-token-form";

export function TokensSection({ tokens }: { tokens: TokenInfo[] }) {
  return (
    <section className="panel" id="tokens" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens ({tokens.length})</h2>
      <p className="muted note">For programs that send telemetry (POST /api/v1/executions, scope ingest), ask for suggestions and fixes (read) or trigger jobs from an outside cron (jobs); each acts under its own name.</p>
      {tokens.length === 0 ? (
        <p className="muted">No tokens yet.</p>
      ) : (
        <TableScroll label="API tokens">
          <table className="data">
            <thead>
              <tr>
                <th>Name</th>
                <th>Token</th>
                <th>Scopes</th>
                <th>Expires</th>
                <th>Created</th>
                <th>Last used</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.name} data-testid={`token-${t.name}`}>
                  <td className="mono wrap">{t.name}</td>
                  <td className="mono nowrap">{t.hint}</td>
                  <td className="mono">{t.scopes.join(", ")}</td>
                  <td className="muted">{t.expiresAt ? <LocalTime at={t.expiresAt} /> : "never"}</td>
                  <td className="muted">
                    {t.createdBy ?? "?"}, <LocalTime at={t.createdAt} />
                  </td>
                  <td className="muted">{t.lastUsedAt ? <LocalTime at={t.lastUsedAt} /> : "never"}</td>
                  <td>
                    {t.revokedAt ? (
                      <span className="badge bad">
                        revoked <LocalTime at={t.revokedAt} />
                      </span>
                    ) : t.status === "expired" ? (
                      <span className="badge bad">expired</span>
                    ) : (
                      <RevokeTokenForm name={t.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3 className="sub">Create a token</h3>
      <CreateTokenForm />
    </section>
  );
}
