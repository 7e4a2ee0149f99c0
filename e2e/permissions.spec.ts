// Who may do what, for every server action the build contains: each is called for real over HTTP (the way a
// form posts it) as nobody (a forged session cookie), a viewer, a reviewer and an admin. Refused calls write
// nothing and answer 401/403 (a plain form post: 303 to the sign-in page, or to /not-allowed, a 403); allowed
// ones get through. The list of actions is read from the build, so an
// action added without a row here fails this test, and one added without a role check fails its row.
// Every action also refuses, with 403 and before anything runs, a request whose Origin is missing, `null` or
// another site's (proxy.ts), as a plain form post and as a script's call carrying Next-Action.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect, signIn, test, type App, type Role } from "./fixtures";

test.use({ seed: "demo", role: null });

type Need = Role | "anyone";
interface Row {
  need: Need;
  /** "state": a useActionState form, called (state, form); "plain": a form action, called (form) */
  shape: "state" | "plain";
  fields: (ids: { patternId: string; candidateId: string; caller: string }) => Record<string, string>;
}

const TABLE: Record<string, Row> = {
  "lib/actions/quarantine/lift-quarantine.ts#liftQuarantineAction": { need: "reviewer", shape: "state", fields: ({ patternId }) => ({ patternId, reason: "permission table" }) },
  "lib/actions/candidates/decide-candidate.ts#decideCandidateAction": { need: "reviewer", shape: "state", fields: ({ candidateId }) => ({ candidateId, reason: "permission table", decision: "reject" }) },
  "lib/actions/candidates/decide-candidates.ts#decideCandidatesAction": { need: "reviewer", shape: "state", fields: ({ candidateId }) => ({ ids: candidateId, reason: "permission table", decision: "reject" }) },
  "lib/actions/candidates/revert-auto-approval.ts#revertAutoApprovalAction": { need: "reviewer", shape: "state", fields: () => ({ candidateId: "no-such-candidate", reason: "permission table" }) },
  "lib/actions/demo/load-demo-data.ts#loadDemoDataAction": { need: "admin", shape: "state", fields: () => ({}) },
  "lib/actions/jobs/run-job-now.ts#runJobNowAction": { need: "admin", shape: "plain", fields: () => ({ jobId: "no-such-job" }) },
  "lib/actions/reports/generate-weekly-report.ts#generateWeeklyReportAction": { need: "admin", shape: "plain", fields: () => ({ week: "1999-W01", source: "", regenerate: "0" }) },
  "lib/actions/users/create-user.ts#createUserAction": { need: "admin", shape: "state", fields: ({ caller }) => ({ email: `made-by-${caller}@e2e.example.com`, role: "viewer", password: "a long enough password" }) },
  "lib/actions/users/set-user-role.ts#setUserRoleAction": { need: "admin", shape: "state", fields: () => ({ userId: "usr_no_such_user", role: "viewer" }) },
  "lib/actions/patterns/unarchive-pattern.ts#unarchivePatternAction": { need: "reviewer", shape: "plain", fields: () => ({ patternId: "no-such-pattern", reason: "permission table" }) },
  "lib/actions/settings/update-setting.ts#updateSettingAction": { need: "admin", shape: "state", fields: () => ({ key: "retentionDays", value: "120", reason: "permission table" }) },
  "lib/actions/tokens/create-token.ts#createTokenAction": { need: "admin", shape: "state", fields: ({ caller }) => ({ name: `made-by-${caller}`, scope: "ingest" }) },
  "lib/actions/tokens/revoke-token.ts#revokeTokenAction": { need: "admin", shape: "state", fields: () => ({ name: "no-such-token" }) },
  "lib/actions/patterns/quarantine-pattern.ts#quarantinePatternAction": { need: "reviewer", shape: "plain", fields: ({ patternId }) => ({ patternId, reason: "permission table" }) },
  "lib/actions/patterns/archive-pattern.ts#archivePatternAction": { need: "reviewer", shape: "plain", fields: ({ patternId }) => ({ patternId, reason: "permission table" }) },
  "lib/actions/patterns/set-pattern-baseline.ts#setPatternBaselineAction": { need: "admin", shape: "plain", fields: ({ patternId }) => ({ patternId, seconds: "12.5" }) },
  "lib/actions/recipes/approve-recipe.ts#approveRecipeAction": { need: "reviewer", shape: "plain", fields: () => ({ recipeId: "no-such-recipe", commandSha: "0".repeat(64), from: "fixes" }) },
  "lib/actions/recipes/revoke-recipe.ts#revokeRecipeAction": { need: "reviewer", shape: "plain", fields: () => ({ recipeId: "no-such-recipe", reason: "permission table", from: "fixes" }) },
  "lib/actions/quarantine/confirm-quarantine.ts#confirmQuarantineAction": { need: "reviewer", shape: "plain", fields: ({ patternId }) => ({ patternId, reason: "permission table" }) },
  "lib/actions/auth/sign-in.ts#signInAction": { need: "anyone", shape: "state", fields: () => ({ email: "nobody@e2e.example.com", password: "not the password" }) },
  "lib/actions/auth/sign-out.ts#signOutAction": { need: "anyone", shape: "plain", fields: () => ({}) },
};

interface BuiltAction {
  key: string;
  id: string;
  path: string;
}

/** The server actions of the build, each with a page that serves it. */
function builtActions(): BuiltAction[] {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, "..", ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!;
    const path =
      worker
        .replace(/^app/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\/page$/, "")
        .replace(/\[week\]/, "2026-W01")
        .replace(/\[id\]/, "no-such-pattern") || "/";
    return { key: `${entry.filename}#${entry.exportedName}`, id, path };
  });
}

/** The multipart body a browser without JavaScript posts for this action. */
function formBody(action: BuiltAction, row: Row, fields: Record<string, string>): Record<string, string> {
  const envelope: Record<string, string> =
    row.shape === "state" ? { $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: action.id, bound: "$@1" }), "$ACTION_1:1": "[{}]" } : { [`$ACTION_ID_${action.id}`]: "" };
  return { ...envelope, ...fields };
}

const auditCount = (app: App): number => app.sql.value("SELECT count(*) AS n FROM audit_events");

const firstId = (app: App, sql: string): string => app.sql.get<{ id: string }>(sql)!.id;

const RANK: Record<Need, number> = { anyone: 0, viewer: 1, reviewer: 2, admin: 3 };

test("every server action is in the table", () => {
  const missing = builtActions()
    .map((a) => a.key)
    .filter((key) => !(key in TABLE));
  expect(missing, "actions with no row in e2e/permissions.spec.ts (say which role each needs)").toEqual([]);
});

test("each action × {nobody, viewer, reviewer, admin}: refused without the role, allowed with it", async ({ app, playwright }) => {
  test.setTimeout(240_000); // some 80 real posts
  const ids = {
    patternId: firstId(app, `SELECT patternId AS id FROM anti_patterns WHERE status = 'quarantined' AND patternId IS NOT NULL LIMIT 1`),
    candidateId: firstId(app, `SELECT id FROM pattern_candidates WHERE status = 'pending' LIMIT 1`),
  };
  const callers: Array<{ name: string; role: Role | null; request: APIRequestContext }> = [];
  // nobody: a session cookie that is not one (it gets past the proxy; the server must refuse it)
  callers.push({ name: "nobody", role: null, request: await playwright.request.newContext({ baseURL: app.url, extraHTTPHeaders: { cookie: "better-auth.session_token=forged.cookie" } }) });
  for (const role of ["viewer", "reviewer", "admin"] as const) {
    const request = await playwright.request.newContext({ baseURL: app.url });
    await signIn(request, app, role);
    callers.push({ name: role, role, request });
  }
  const outcomes: string[] = [];
  // signing out ends the caller's session: last
  const actions = builtActions().sort((a, b) => Number(a.key.endsWith("#signOutAction")) - Number(b.key.endsWith("#signOutAction")));
  for (const action of actions) {
    const row = TABLE[action.key]!;
    for (const caller of callers) {
      const before = auditCount(app);
      const response = await caller.request.post(action.path, { multipart: formBody(action, row, row.fields({ ...ids, caller: caller.name })), maxRedirects: 0, headers: { origin: app.url } });
      const status = response.status();
      outcomes.push(`${action.key} as ${caller.name}: ${status}`);
      const allowed = row.need === "anyone" || (caller.role !== null && RANK[caller.role] >= RANK[row.need]);
      if (allowed) {
        expect(status, `${action.key} as ${caller.name}`).toBeLessThan(500);
        expect([401, 403], `${action.key} as ${caller.name}`).not.toContain(status);
      } else {
        // a plain form post is sent on (303) to sign in, or to /not-allowed which answers 403
        const location = response.headers()["location"] ?? "";
        const refusal = caller.role === null ? { status: 401, page: "/sign-in" } : { status: 403, page: "/not-allowed" };
        expect(status === refusal.status || (status === 303 && location.startsWith(refusal.page)), `${action.key} as ${caller.name}: ${status} ${location}`).toBe(true);
        if (status === 303 && caller.role !== null) expect((await caller.request.get(location)).status()).toBe(403);
        expect(auditCount(app), `${action.key} as ${caller.name} wrote nothing`).toBe(before);
      }
    }
  }
  // the allowed calls did happen: the reviewer lifted and rejected, the admin made a user
  expect(app.sql.all(`SELECT actor FROM audit_events WHERE action = 'quarantine.lift'`)).toEqual([{ actor: "reviewer@e2e.example.com" }]);
  expect(app.sql.value(`SELECT count(*) AS n FROM users WHERE email = 'made-by-admin@e2e.example.com'`)).toBe(1);
  expect(app.sql.value(`SELECT count(*) AS n FROM users WHERE email LIKE 'made-by-%'`)).toBe(1);
  // the admin changed a setting and made a token; nobody else did
  expect(app.sql.all(`SELECT actor FROM audit_events WHERE action = 'setting.update'`)).toEqual([{ actor: "admin@e2e.example.com" }]);
  expect(app.sql.all(`SELECT name, createdBy FROM api_tokens WHERE name LIKE 'made-by-%'`)).toEqual([{ name: "made-by-admin", createdBy: "admin@e2e.example.com" }]);
  for (const caller of callers) await caller.request.dispose();
  await test.info().attach("outcomes", { body: outcomes.join("\n"), contentType: "text/plain" });
});

test("every server action refuses a request with no Origin, Origin: null or another site's: 403, nothing runs", async ({ app, playwright }) => {
  test.setTimeout(240_000); // some 160 forged posts
  const ids = {
    patternId: firstId(app, `SELECT patternId AS id FROM anti_patterns WHERE status = 'quarantined' AND patternId IS NOT NULL LIMIT 1`),
    candidateId: firstId(app, `SELECT id FROM pattern_candidates WHERE status = 'pending' LIMIT 1`),
  };
  // an admin, who may do everything: only the origin is wrong
  const request = await playwright.request.newContext({ baseURL: app.url });
  await signIn(request, app, "admin");
  const forged: Array<Record<string, string>> = [{}, { origin: "null" }, { origin: "https://evil.example" }, { origin: app.url.replace("127.0.0.1", "localhost") }];
  for (const action of builtActions()) {
    const row = TABLE[action.key]!;
    for (const headers of forged) {
      const before = auditCount(app);
      const plain = await request.post(action.path, { multipart: formBody(action, row, row.fields({ ...ids, caller: "admin" })), maxRedirects: 0, headers });
      expect(plain.status(), `${action.key} posted as a form with ${JSON.stringify(headers)}`).toBe(403);
      expect(await plain.text()).toMatch(/^Refused: /);
      // the shape a script's call takes (fetch with Next-Action and the encoded arguments)
      const scripted = await request.post(action.path, {
        data: JSON.stringify([{}, "$K1"]),
        maxRedirects: 0,
        headers: { ...headers, "next-action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      });
      expect(scripted.status(), `${action.key} called by script with ${JSON.stringify(headers)}`).toBe(403);
      expect(auditCount(app), `${action.key} with ${JSON.stringify(headers)} wrote nothing`).toBe(before);
    }
  }
  // nothing at all was made, and the session survived the forged sign-out
  expect(app.sql.value(`SELECT count(*) AS n FROM api_tokens`)).toBe(0);
  expect(app.sql.value(`SELECT count(*) AS n FROM users WHERE email LIKE 'made-by-%'`)).toBe(0);
  expect((await request.get("/settings", { maxRedirects: 0 })).status()).toBe(200);
  // the same post from the app's own origin goes through
  const token = builtActions().find((a) => a.key.endsWith("#createTokenAction"))!;
  const own = await request.post(token.path, { multipart: formBody(token, TABLE[token.key]!, { name: "from-this-site", scope: "read" }), maxRedirects: 0, headers: { origin: app.url } });
  expect(own.status()).toBe(200);
  expect(app.sql.all(`SELECT name, scopes FROM api_tokens`)).toEqual([{ name: "from-this-site", scopes: "read" }]);
  await request.dispose();
});
