// The gate in front of the pages: it closes only when a failed page's check says the database is down,
// answers at once while closed, checks again at most once a second (one check at a time, the request that
// finds one due waiting for it), opens when a check passes, and renders the reason as text.
import { describe, expect, it } from "vitest";
import { DatabaseGate, unavailablePage } from "./database-gate";

function gateWith(results: Array<string | null | Error>) {
  let clock = 0;
  const calls: number[] = [];
  const gate = new DatabaseGate({
    check: async () => {
      calls.push(clock);
      const next = results.shift();
      if (next instanceof Error) throw next;
      return next ?? null;
    },
    now: () => clock,
    recheckMs: 1000,
  });
  return { gate, calls, advance: (ms: number) => void (clock += ms) };
}

describe("DatabaseGate", () => {
  it("serves pages until a failed page's check says the database is down; a page failing for another reason does not close it", async () => {
    const { gate, calls } = gateWith([null, "the database did not answer within 900 ms"]);
    expect(await gate.refusal()).toBeNull();
    expect(calls).toEqual([]); // no check while pages succeed
    await gate.pageFailed(); // a bug, not the database
    expect(await gate.refusal()).toBeNull();
    await gate.pageFailed();
    expect(await gate.refusal()).toBe("the database did not answer within 900 ms");
    expect(calls).toHaveLength(2);
  });

  it("while down, checks again at most once a recheck interval; the request that finds a check due waits for it, so the first after the return is served", async () => {
    const { gate, calls, advance } = gateWith(["down", "still down", null]);
    await gate.pageFailed();
    for (let i = 0; i < 10; i++) expect(await gate.refusal()).toBe("down"); // at once, no new check yet
    expect(calls).toHaveLength(1);
    advance(1000);
    expect(await gate.refusal()).toBe("still down"); // this request waited for the due check
    expect(calls).toHaveLength(2);
    advance(999);
    expect(await gate.refusal()).toBe("still down");
    expect(calls).toHaveLength(2);
    advance(1);
    expect(await gate.refusal()).toBeNull(); // back: this very request is served, no restart
    expect(calls).toHaveLength(3);
  });

  it("runs one check at a time: requests meanwhile are answered with what is known", async () => {
    let release: (value: string | null) => void = () => {};
    let clock = 0;
    let checks = 0;
    const gate = new DatabaseGate({ check: () => (checks++, new Promise((r) => (release = r))), now: () => clock, recheckMs: 1000 });
    const failed = gate.pageFailed();
    release("down");
    await failed;
    clock += 1000;
    const waiting = gate.refusal(); // starts the due check and waits for it
    expect(await gate.refusal()).toBe("down"); // another request meanwhile: no second check, no wait
    expect(checks).toBe(2);
    release(null);
    expect(await waiting).toBeNull();
  });

  it("a check that throws counts as down, with its message", async () => {
    const { gate } = gateWith([new Error("connect ECONNREFUSED 127.0.0.1:5432")]);
    await gate.pageFailed();
    expect(await gate.refusal()).toBe("the database check failed: connect ECONNREFUSED 127.0.0.1:5432");
  });
});

describe("unavailablePage", () => {
  it("shows the reason as text, with nothing to run or load", () => {
    const html = unavailablePage('relation "x" <script>alert(1)</script> & more');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    expect(html).not.toContain("<script");
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain("Reload this page in 5 seconds");
  });
});
