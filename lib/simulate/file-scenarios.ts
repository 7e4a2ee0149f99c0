// Seeded telemetry that plants AUTO-002 file families with known truth, so the miner and the analysis run
// can be scored: scaffolding runs that create files of one structure within hours (some writing a test
// file beside each), near-misses one code line off, the same structure again days later, rewrites sent
// as "modified", files sent without content, and unrelated files.
import { applyTransform } from "../detectors/templates";
import type { ExecutionEvent } from "../telemetry/event-schema";
import { createRandom } from "./random";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** One burst every 4 days: a burst and its late copy 3 days on are easy to tell apart in the figures. */
const FAMILY_EVERY = 4 * DAY;

export interface PlantedFamily {
  id: number;
  operation: string;
  /** Created within 20 hours of each other, one structure. */
  paths: string[];
}

export interface FileTruth {
  families: PlantedFamily[];
  /** A family's structure with one code line more, created alongside it: never part of a group. */
  nearMissPaths: string[];
  /** A family's structure again 3 days after its burst: outside the 24 h window, so not grouped. */
  lateCopyPaths: string[];
  /** A family's structure sent as "modified" during its burst: not a created file, so not mined. */
  modifiedPaths: string[];
  /** Files of structures of their own, and files sent without content. */
  noisePaths: string[];
}

export interface FileScenarioOptions {
  seed: number;
  now: number;
  /** Planted bursts (40); the history spans 4 days per burst, ending before `now`. */
  families?: number;
}

const WORDS = ["user", "profile", "order", "item", "invoice", "account", "report", "task", "queue", "billing", "search", "cart", "payment", "shipment"];
// line shapes: @N = the file's subject (from the run's inputs), @M a member name, @V a number, @Q a string
const SHAPES = [
  'import { @N } from "./@Q";', "export class @NService {", "  private @M = @V;", "  @M(): string {", '    return "@Q";', "  }", "}",
  "export function @M(@N: string) {", "  const @M = @N.@M(@V);", '  if (@M > @V) throw new Error("@Q");', "export const @M = [@V, @V];",
  "export interface @N {", "  @M: number;", "  @M?: string;", "// @Q", "export default @N;", "  for (const @M of @N) @M(@M);",
];
const CODE_SHAPES = SHAPES.filter((line) => !line.startsWith("//"));
const SCAFFOLDS: Array<[operation: string, folder: string]> = [
  ["scaffold_component", "src/components"], ["create_api_endpoint", "src/routes"], ["add_service", "src/services"],
  ["generate_model", "src/models"], ["create_handler", "src/handlers"], ["add_store", "src/stores"],
];
const NOISE_OPERATIONS = ["write_file", "refactor_module", "fix_bug", "extract_helper", "port_script"];

export function simulateFileScenarios(opts: FileScenarioOptions): { events: ExecutionEvent[]; truth: FileTruth } {
  const r = createRandom(opts.seed);
  const familyCount = opts.families ?? 40;
  const start = opts.now - familyCount * FAMILY_EVERY - DAY;
  const events: ExecutionEvent[] = [];
  const truth: FileTruth = { families: [], nearMissPaths: [], lateCopyPaths: [], modifiedPaths: [], noisePaths: [] };

  const words = (max: number) => Array.from({ length: r.int(1, max) }, () => r.pick(WORDS)).join(" ");
  const usedNames = new Set<string>();
  const freshName = () => {
    for (;;) {
      const name = words(3);
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const fill = (shapes: readonly string[], subject: string) =>
    shapes.map((line) => line.replace(/@([NMVQ])/g, (_, slot: string) =>
      slot === "N" ? applyTransform("pascal", subject)
        : slot === "M" ? applyTransform("camel", words(2))
          : slot === "V" ? String(r.int(0, 999))
            : applyTransform("kebab", words(2)))).join("\n") + "\n";
  const structure = () => Array.from({ length: r.int(6, 13) }, () => r.pick(SHAPES));
  const run = (operation: string, at: number, inputs: Record<string, unknown>, files: NonNullable<ExecutionEvent["files"]>) => {
    events.push({
      id: `file${opts.seed}-${(events.length + 1).toString().padStart(5, "0")}`,
      operation, inputs, files, startedAt: new Date(at).toISOString(), durationMs: r.int(300, 20_000), success: true, source: "agent-claude",
    });
  };
  let nextFamily = 0;

  for (let k = 0; k < familyCount; k++) {
    const [operation, folder] = r.pick(SCAFFOLDS);
    const burst = start + k * FAMILY_EVERY;
    const shapes = structure();
    // a third of the scaffolds also write a test file: a second family, made by the same runs
    const testShapes = k % 3 === 1 ? structure() : null;
    const family: PlantedFamily = { id: nextFamily++, operation, paths: [] };
    const tests: PlantedFamily | null = testShapes ? { id: nextFamily++, operation, paths: [] } : null;
    const pathOf = (name: string, suffix = ".ts") => `${folder}/${applyTransform("kebab", name)}${suffix}`;
    const scaffold = (at: number, member: boolean) => {
      const name = freshName();
      const files = [{ path: pathOf(name), action: "created" as const, content: fill(shapes, name) }];
      (member ? family.paths : truth.lateCopyPaths).push(pathOf(name));
      if (tests && testShapes && member) {
        files.push({ path: pathOf(name, ".test.ts"), action: "created", content: fill(testShapes, name) });
        tests.paths.push(pathOf(name, ".test.ts"));
      }
      run(operation, at, { name, folder }, files);
    };
    for (let n = r.int(2, 5); n > 0; n--) scaffold(burst + r.int(0, 20 * HOUR), true);
    // now and then the same structure again days later: outside the window, so not part of the group
    if (k % 4 === 0) scaffold(burst + 3 * DAY, false);
    // a near-miss: one line of code more (a comment would not count), written by hand alongside
    const nearMiss = freshName();
    const cut = r.int(1, shapes.length - 1);
    const nearShapes = [...shapes.slice(0, cut), r.pick(CODE_SHAPES), ...shapes.slice(cut)];
    truth.nearMissPaths.push(pathOf(nearMiss));
    run("write_file", burst + r.int(1, 20 * HOUR), { path: pathOf(nearMiss) }, [{ path: pathOf(nearMiss), action: "created", content: fill(nearShapes, nearMiss) }]);
    // an existing file rewritten to the structure during the burst: modified, not created
    if (k % 5 === 2) {
      const name = freshName();
      const path = pathOf(name);
      truth.modifiedPaths.push(path);
      run("format_code", burst + r.int(0, 20 * HOUR), { path }, [{ path, action: "modified", content: fill(shapes, name) }]);
    }
    truth.families.push(family, ...(tests ? [tests] : []));
  }

  // unrelated work: one or two files of a structure of their own per run, some sent without content
  for (let k = 0; k < 45; k++) {
    const files = Array.from({ length: r.int(1, 2) }, () => {
      const name = freshName();
      const path = `src/lib/${applyTransform("kebab", name)}.ts`;
      truth.noisePaths.push(path);
      return r.chance(0.15) ? { path } : { path, action: "created" as const, content: fill(structure(), name) };
    });
    run(r.pick(NOISE_OPERATIONS), start + r.int(0, familyCount * FAMILY_EVERY), { target: files[0]!.path }, files);
  }

  events.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  return { events, truth };
}

export interface PairwiseScore {
  groups: number;
  /** Pairs of paths grouped together / of them in one planted family / pairs in planted families. */
  foundPairs: number;
  correctPairs: number;
  truePairs: number;
  precision: number;
  recall: number;
  /** Grouped paths that belong to no planted family (near-misses, late copies, rewrites, noise). */
  strays: string[];
}

/** Groups of paths (the miner's, or candidates' evidence) scored pair by pair against the planted families. */
export function scoreFileGroups(groups: ReadonlyArray<readonly string[]>, families: readonly PlantedFamily[]): PairwiseScore {
  const familyOf = new Map(families.flatMap((f) => f.paths.map((p) => [p, f.id] as const)));
  const truePairs = families.reduce((sum, f) => sum + (f.paths.length * (f.paths.length - 1)) / 2, 0);
  let foundPairs = 0;
  let correctPairs = 0;
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        foundPairs++;
        const a = familyOf.get(g[i]!);
        if (a !== undefined && a === familyOf.get(g[j]!)) correctPairs++;
      }
    }
  }
  return {
    groups: groups.length, foundPairs, correctPairs, truePairs,
    precision: foundPairs === 0 ? 1 : correctPairs / foundPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
    strays: groups.flat().filter((p) => !familyOf.has(p)),
  };
}
