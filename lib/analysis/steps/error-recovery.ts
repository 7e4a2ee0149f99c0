// AUTO-003 step: folds new retries into the per-(signature, fix) tallies, and keeps the self-healing
// patterns and their auto-apply marks in line with what the learner decides. A fix's command (recipes)
// is kept as telemetry last named it; a command that changed since a reviewer approved it stops running.
import { foldRetries, decideFix } from "../../detectors/error-recovery";
import type { FixTally } from "../../detectors/types";
import { signatureKey } from "../../signature";
import { detectorSettings } from "../../schemas/settings";
import { newRetryOutcomes } from "../read";
import type { AnalysisStep } from "../types";
import { auditRow, type AuditEventInput } from "../../audit/audit";
import { insertObjects, updateRows } from "../../db/raw";
import { selfHealSpecYaml } from "../self-heal-spec";

export function fixRowId(errorKey: string, fix: string): string {
  return `fix_${errorKey}_${signatureKey(fix)}`;
}

export function selfHealPatternId(errorKey: string, fix: string): string {
  return `heal-${errorKey.slice(0, 8)}-${signatureKey(fix).slice(0, 8)}`;
}

export const errorRecoveryStep: AnalysisStep = {
  name: "AUTO-003 error recovery",
  run: async (ctx) => {
    const outcomes = await newRetryOutcomes(ctx.db, ctx.fromSeq, ctx.toSeq);
    if (outcomes.length === 0) return { counts: {}, findings: [], persist: async () => {} };
    const settings = detectorSettings(ctx.settings);
    const ids = [...new Set(outcomes.map((o) => fixRowId(o.errorKey, o.fix)))];
    const stored = await ctx.db.prisma.errorPattern.findMany({ where: { id: { in: ids } } });
    const byId = new Map(stored.map((s) => [s.id, s]));
    const previous: FixTally[] = stored.map((s) => ({
      errorKey: s.signatureKey, signature: s.signature, fix: s.fix, attempts: s.attempts, successes: s.successes,
      lastAt: s.lastSeenAt.getTime(), failStreak: s.failStreak, command: s.fixCommand,
    }));
    const tallies = foldRetries(previous, outcomes);
    const patternIds = tallies.map((t) => selfHealPatternId(t.errorKey, t.fix));
    const existingPatterns = new Map((await ctx.db.prisma.pattern.findMany({ where: { id: { in: patternIds } } })).map((p) => [p.id, p]));
    const findings: string[] = [];
    const counts = { retriesLearned: outcomes.length, selfHealCreated: 0, autoApplyGained: 0, autoApplyLost: 0, recipeCommandsChanged: 0 };
    const plans = tallies.map((t) => {
      const id = fixRowId(t.errorKey, t.fix);
      const before = byId.get(id);
      const decision = decideFix(t, { autoApply: before?.autoApply ?? false }, settings);
      const patternId = selfHealPatternId(t.errorKey, t.fix);
      const pattern = existingPatterns.get(patternId);
      if (decision.selfHeal && !pattern) {
        counts.selfHealCreated++;
        findings.push(`self-healing fix "${t.fix}" for "${t.signature.slice(0, 80)}": ${decision.reason}`);
      }
      if (decision.autoApply && !before?.autoApply) counts.autoApplyGained++;
      if (!decision.autoApply && before?.autoApply) {
        counts.autoApplyLost++;
        findings.push(`fix "${t.fix}" is no longer applied automatically: ${decision.reason}`);
      }
      const command = t.command ?? null;
      // an approved command that telemetry now names differently stops running until approved again
      const approvalLost = !!before?.approvedCommand && before.fixCommand === before.approvedCommand && command !== before.approvedCommand;
      if (approvalLost) {
        counts.recipeCommandsChanged++;
        findings.push(`the command of fix "${t.fix}" changed since it was approved; it will not run until a reviewer approves the new one`);
      }
      return { id, t, before, decision, patternId, pattern, command, approvalLost };
    });
    return {
      counts,
      findings,
      persist: async (tx) => {
        const now = ctx.now;
        const dialect = ctx.db.dialect;
        // approvals are a reviewer's, not the learner's: one given since the read above is kept in the spec
        const withCommand = plans.filter((p) => p.command !== null).map((p) => p.id);
        const approvals = new Map(
          (withCommand.length ? await tx.errorPattern.findMany({ where: { id: { in: withCommand } }, select: { id: true, approvedCommand: true, approvedBy: true, approvedAt: true } }) : []).map((a) => [a.id, a]),
        );
        const audits: AuditEventInput[] = [];
        const created: Array<Record<string, string | boolean | Date>> = [];
        const updated: Array<{ key: string; set: Record<string, string | boolean | Date> }> = [];
        const fixes = plans.map(({ id, t, before, decision, patternId, pattern, command, approvalLost }) => {
          const approval = command === null ? undefined : approvals.get(id);
          const spec = selfHealSpecYaml({
            signature: t.signature, errorKey: t.errorKey, fix: t.fix, attempts: t.attempts, successes: t.successes, autoApply: decision.autoApply,
            fixCommand: command, approvedCommand: approval?.approvedCommand ?? null, approvedBy: approval?.approvedBy ?? null, approvedAt: approval?.approvedAt ?? null,
          });
          const linkPattern = decision.selfHeal || pattern ? patternId : null;
          if (decision.selfHeal && !pattern) {
            created.push({ id: patternId, name: `Self-heal: ${t.fix}`, kind: "self_heal", status: "active", origin: "detector", spec, autoApply: decision.autoApply, description: decision.reason, createdAt: now, updatedAt: now });
            audits.push({ id: `aud_${ctx.runId}_${patternId}_c`, at: now, actor: "system", action: "self_heal.create", target: { type: "pattern", id: patternId }, reason: decision.reason });
          } else if (pattern) {
            const status = decision.selfHeal ? (pattern.status === "archived" ? "active" : pattern.status) : "archived";
            updated.push({ key: patternId, set: { spec, autoApply: decision.autoApply, description: decision.reason, status, updatedAt: now } });
          }
          if ((before?.autoApply ?? false) !== decision.autoApply) {
            audits.push({ id: `aud_${ctx.runId}_${patternId}_a`, at: now, actor: "system", action: decision.autoApply ? "self_heal.auto_apply.on" : "self_heal.auto_apply.off", target: { type: "pattern", id: patternId }, reason: decision.reason });
          }
          if (approvalLost) {
            audits.push({
              id: `aud_${ctx.runId}_${id}_cmd`, at: now, actor: "system", action: "recipe.command_changed", target: { type: "fix", id },
              reason: "telemetry named another command for this fix; the approved one no longer runs",
              before: { command: before!.fixCommand }, after: { command }, details: { patternId: linkPattern, approvedBy: before!.approvedBy },
            });
          }
          const data = { signature: t.signature, attempts: t.attempts, successes: t.successes, failStreak: t.failStreak, autoApply: decision.autoApply, lastSeenAt: new Date(t.lastAt), patternId: linkPattern, fixCommand: command, updatedAt: now };
          return { id, before, create: { id, signatureKey: t.errorKey, fix: t.fix, createdAt: now, ...data }, data };
        });
        // in a few statements whatever the number of fixes (one at a time, a few hundred retries took 300 ms)
        await insertObjects(tx, dialect, "patterns", created);
        await updateRows(tx, dialect, "patterns", "id", { spec: "text", autoApply: "boolean", description: "text", status: "text", updatedAt: "timestamp(3)" }, updated);
        await insertObjects(tx, dialect, "error_patterns", fixes.filter((f) => !f.before).map((f) => f.create));
        await updateRows(
          tx, dialect, "error_patterns", "id",
          { signature: "text", attempts: "integer", successes: "integer", failStreak: "integer", autoApply: "boolean", lastSeenAt: "timestamp(3)", patternId: "text", fixCommand: "text", updatedAt: "timestamp(3)" },
          fixes.filter((f) => f.before).map((f) => ({ key: f.id, set: f.data })),
        );
        await insertObjects(tx, dialect, "audit_events", audits.map(auditRow));
      },
    };
  },
};
