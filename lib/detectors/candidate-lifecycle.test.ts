import { describe, expect, it } from "vitest";
import { candidateFate, worthReading } from "./candidate-lifecycle";

describe("worthReading", () => {
  it.each([
    ["new and big enough", undefined, 5, true],
    ["too small", undefined, 4, false],
    ["pending, grown", { status: "pending", evidenceCount: 5 }, 6, true],
    ["approved by a person: holds", { status: "approved", evidenceCount: 5 }, 50, false],
    ["approved by the system: holds", { status: "auto_approved", evidenceCount: 5 }, 50, false],
    ["rejected, grown by 2 only", { status: "rejected", evidenceCount: 5 }, 7, false],
    ["rejected, grown to just under double", { status: "rejected", evidenceCount: 5 }, 9, false],
    ["rejected, doubled and by 3 or more", { status: "rejected", evidenceCount: 5 }, 10, true],
  ])("%s", (_name, prior, size, expected) => {
    expect(worthReading(prior, size, 5)).toBe(expected);
  });
});

describe("candidateFate", () => {
  const cautious = { aggressive: false, threshold: 0.75, reverted: false };
  const aggressive = { ...cautious, aggressive: true };
  it.each([
    ["a new cluster is proposed", undefined, { confidence: 0.6 }, cautious, { action: "propose", auto: false }],
    ["a confident new cluster is approved in aggressive mode", undefined, { confidence: 0.8 }, aggressive, { action: "propose", auto: true }],
    ["below the threshold it waits", undefined, { confidence: 0.74 }, aggressive, { action: "propose", auto: false }],
    ["a pending one is refreshed", { status: "pending" }, { confidence: 0.6 }, cautious, { action: "refresh", auto: false }],
    ["a pending one grown confident is approved", { status: "pending" }, { confidence: 0.9 }, aggressive, { action: "refresh", auto: true }],
    ["a reverted auto-approval waits for a person", { status: "pending" }, { confidence: 0.9 }, { ...aggressive, reverted: true }, { action: "refresh", auto: false }],
    ["a rejected one grown materially is reopened", { status: "rejected" }, { confidence: 0.6 }, cautious, { action: "reopen", auto: false }],
    ["a pending one that no longer looks like one thing is withdrawn", { status: "pending" }, null, cautious, { action: "withdraw", auto: false }],
    ["a decided one is never withdrawn", { status: "rejected" }, null, aggressive, { action: "keep", auto: false }],
    ["an approved one is kept", { status: "approved" }, { confidence: 0.9 }, aggressive, { action: "keep", auto: false }],
  ] as const)("%s", (_name, prior, described, opts, expected) => {
    expect(candidateFate(prior, described, opts)).toEqual(expected);
  });
});
