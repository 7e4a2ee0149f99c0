// Finds the Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium,
// installed with apt-get when we are root on Debian. Otherwise stops with the one instruction to follow.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export function findChromium({ install = true } = {}) {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
  }
  const debian = "/usr/bin/chromium";
  if (existsSync(debian)) return debian;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (install && isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing Debian's package (apt-get install -y chromium)…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (existsSync(debian)) return debian;
  }
  throw new Error("Chromium not found. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium binary)");
}
