// The options every benchmark takes (--events N, --dialects sqlite,postgresql, --runs N, …), read one way:
// a value that is not what the option needs stops the run with exit 2, naming it, instead of a NaN or an
// unknown dialect surfacing in the middle of a long run.
const argv = process.argv.slice(2);

function stop(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

/** `--name VALUE`, or the fallback when the option is absent. */
export function arg(name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith("--")) stop(`--${name} needs a value`);
  return value;
}

/** A whole number option, at least `min`. */
export function countArg(name: string, fallback: number, min = 1): number {
  const text = arg(name, String(fallback));
  const n = Number(text.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < min) stop(`--${name} "${text}" is not a whole number of at least ${min}`);
  return n;
}

export type BenchDialect = "sqlite" | "postgresql";

/** `--dialects sqlite,postgresql`: which providers to measure. */
export function dialectsArg(fallback = "sqlite,postgresql"): BenchDialect[] {
  const list = arg("dialects", fallback).split(",").map((d) => d.trim());
  for (const d of list) if (d !== "sqlite" && d !== "postgresql") stop(`--dialects: "${d}" is not sqlite or postgresql`);
  return list as BenchDialect[];
}
