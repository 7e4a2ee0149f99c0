// What a command created or modified in the working tree: from git when the folder is a repository
// (untracked + changed files, compared before and after), else from a size/mtime scan of the tree.
// Only regular files count: a symbolic link is never followed (an untracked link to ~/.ssh/id_rsa must not
// be read), and contents are read without following links at any step.
import { execFileSync } from "node:child_process";
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

export type Snapshot = Map<string, string>; // path → fingerprint (size:mtime)

const SKIP_DIRS = new Set([".git", "node_modules", ".next", "dist", "build", ".cache", "coverage"]);
const MAX_SCAN = 20_000;

function fingerprint(path: string): string | null {
  try {
    const s = lstatSync(path);
    return s.isFile() ? `${s.size}:${s.mtimeMs}` : null;
  } catch {
    return null;
  }
}

/** The changed and untracked files under `cwd`, relative to it; null outside a git repository. */
function gitDirtyFiles(cwd: string): string[] | null {
  try {
    const git = (args: string[]) => execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 }).toString("utf8");
    // porcelain paths are relative to the repository's top, whatever folder git runs in
    const top = git(["rev-parse", "--show-toplevel"]).trim();
    const entries = git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."]).split("\0").filter(Boolean);
    const files: string[] = [];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const status = entry.slice(0, 2);
      const path = relative(cwd, join(top, entry.slice(3)));
      if (path && !path.startsWith(`..${sep}`) && !isAbsolute(path)) files.push(path.split(sep).join("/"));
      if (status.startsWith("R") || status.startsWith("C")) i++; // the next entry is the old name
    }
    return files;
  } catch {
    return null;
  }
}

function scanTree(root: string, dir = root, out: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (out.length >= MAX_SCAN) break;
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) scanTree(root, join(dir, e.name), out);
    } else if (e.isFile()) out.push(relative(root, join(dir, e.name)).split(sep).join("/"));
  }
  return out;
}

export interface TreeWatcher {
  mode: "git" | "scan";
  before: Snapshot;
  /** Files that appeared or changed since the watcher was made. */
  changes(): Array<{ path: string; action: "created" | "modified" }>;
}

export function watchTree(cwd: string): TreeWatcher {
  const dirty = gitDirtyFiles(cwd);
  const mode = dirty === null ? "scan" : "git";
  const list = () => (mode === "git" ? gitDirtyFiles(cwd) ?? [] : scanTree(cwd));
  const snap = (paths: string[]): Snapshot => {
    const m: Snapshot = new Map();
    for (const p of paths) {
      const f = fingerprint(join(cwd, p));
      if (f) m.set(p, f);
    }
    return m;
  };
  const before = snap(dirty ?? list());
  return {
    mode,
    before,
    changes() {
      const after = snap(list());
      const out: Array<{ path: string; action: "created" | "modified" }> = [];
      for (const [path, f] of after) {
        const old = before.get(path);
        if (old === f) continue;
        // In git mode a file clean before the run shows up only now: tracked → modified, else created.
        let action: "created" | "modified" = old ? "modified" : "created";
        if (!old && mode === "git") action = isTracked(cwd, path) ? "modified" : "created";
        out.push({ path, action });
      }
      return out.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

function isTracked(cwd: string, path: string): boolean {
  try {
    execFileSync("git", ["ls-files", "--error-unmatch", "--", path], { cwd, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Text content of a small regular file under `root`; null for binary, large, linked or vanished files.
 * No step follows a symbolic link: the file itself is opened with O_NOFOLLOW and must be the file lstat
 * saw, and its folder must be the real folder the path names under `root` (no linked folder on the way).
 */
export function readSmallText(root: string, path: string, limit = 64 * 1024): string | null {
  const full = join(root, path);
  let fd: number | undefined;
  try {
    const seen = lstatSync(full);
    if (!seen.isFile() || seen.size > limit) return null;
    // the folder must be where the path says, inside the root: no linked folder on the way
    const realRoot = realpathSync(root);
    const parent = resolve(realRoot, dirname(path));
    if (parent !== realRoot && !parent.startsWith(realRoot + sep)) return null;
    if (realpathSync(dirname(full)) !== parent) return null;
    fd = openSync(full, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.ino !== seen.ino || opened.dev !== seen.dev || opened.size > limit) return null;
    const buf = Buffer.alloc(opened.size);
    let read = 0;
    while (read < buf.length) {
      const n = readSync(fd, buf, read, buf.length - read, read);
      if (n === 0) break;
      read += n;
    }
    const bytes = buf.subarray(0, read);
    return bytes.includes(0) ? null : bytes.toString("utf8");
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
