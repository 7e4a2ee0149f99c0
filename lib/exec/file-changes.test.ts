// File-change detection on a real file system and a real git repository: links are never followed.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSmallText, watchTree } from "./file-changes";

let root: string;
let outside: string;
const KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n-----END OPENSSH PRIVATE KEY-----\n";

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "pa-changes-"));
  outside = join(root, "home");
  mkdirSync(join(outside, ".ssh"), { recursive: true });
  writeFileSync(join(outside, ".ssh", "id_ed25519"), KEY);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function gitRepo(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: dir, stdio: "ignore" });
  git("init", "-q");
  writeFileSync(join(dir, "tracked.txt"), "v1\n");
  git("add", ".");
  git("commit", "-qm", "init");
}

describe.each(["git", "scan"] as const)("watchTree in %s mode", (mode) => {
  it("lists files the command made, but not a link it made to a private key", () => {
    const work = join(root, "work");
    if (mode === "git") gitRepo(work);
    else mkdirSync(work);
    const watcher = watchTree(work);
    expect(watcher.mode).toBe(mode);
    writeFileSync(join(work, "made.txt"), "hello\n");
    symlinkSync(join(outside, ".ssh", "id_ed25519"), join(work, "notes.txt"));
    symlinkSync(join(outside, ".ssh"), join(work, "keys"));
    const changes = watcher.changes();
    expect(changes).toEqual([{ path: "made.txt", action: "created" }]);
  });
});

describe("watchTree in a subfolder of a repository", () => {
  it("gives paths relative to where it runs and leaves out the rest of the repository", () => {
    const repo = join(root, "repo");
    gitRepo(repo);
    mkdirSync(join(repo, "pkg"));
    const watcher = watchTree(join(repo, "pkg"));
    writeFileSync(join(repo, "pkg", "out.js"), "x\n");
    writeFileSync(join(repo, "tracked.txt"), "v2\n");
    writeFileSync(join(repo, "elsewhere.txt"), "y\n");
    expect(watcher.changes()).toEqual([{ path: "out.js", action: "created" }]);
  });
});

describe("readSmallText", () => {
  it("reads a small regular file", () => {
    writeFileSync(join(root, "a.txt"), "text\n");
    expect(readSmallText(root, "a.txt")).toBe("text\n");
  });

  it("does not read through a link, a linked folder, or a path that leaves the root", () => {
    symlinkSync(join(outside, ".ssh", "id_ed25519"), join(root, "link.txt"));
    symlinkSync(join(outside, ".ssh"), join(root, "dir"));
    const work = join(root, "work");
    mkdirSync(work);
    expect(readSmallText(root, "link.txt")).toBeNull();
    expect(readSmallText(root, "dir/id_ed25519")).toBeNull();
    expect(readSmallText(work, "../home/.ssh/id_ed25519")).toBeNull();
  });

  it("returns null for binary and large files", () => {
    writeFileSync(join(root, "bin"), Buffer.from([1, 0, 2]));
    writeFileSync(join(root, "big"), "x".repeat(65 * 1024));
    expect(readSmallText(root, "bin")).toBeNull();
    expect(readSmallText(root, "big")).toBeNull();
  });
});
