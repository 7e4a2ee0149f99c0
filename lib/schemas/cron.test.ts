import { describe, expect, it } from "vitest";
import { cronExpressionSchema } from "./cron";
import { DEFAULTS, settingsSchema } from "./settings";

describe("cron schedules in settings", () => {
  it.each(["0 */6 * * *", "30 0 * * 1", "0 3 1 * *", "*/5 * * * *", "15 2 * * MON-FRI"])("accepts %s", (value) => {
    expect(cronExpressionSchema.safeParse(value).success).toBe(true);
  });

  it.each([
    ["61 * * * *", "minute"],
    ["* * *", "not a cron schedule"],
    ["0 0 * * * *", "not a cron schedule"], // six fields (seconds) are refused: schedules are minute-level
    ["", "not a cron schedule"],
    ["0 0 31 2 *", "never comes due"], // 31 February
  ])("refuses %s, saying why", (value, why) => {
    const parsed = cronExpressionSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(why);
  });

  it("the defaults are valid settings", () => {
    expect(settingsSchema.parse(DEFAULTS)).toEqual(DEFAULTS);
  });
});
