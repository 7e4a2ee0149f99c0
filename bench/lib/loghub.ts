// Loads the labelled Loghub-2k samples and scores a grouping against them (grouping accuracy, GA).
// Shared by lib/signature/loghub.test.ts and bench/signature.ts; lives outside lib/signature because it reads files.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The eight data sets the project scores against, in a fixed order. */
export const LOGHUB_SETS = [
  "Apache",
  "BGL",
  "HPC",
  "Linux",
  "OpenStack",
  "Proxifier",
  "Spark",
  "Zookeeper",
] as const;
export type LoghubSet = (typeof LOGHUB_SETS)[number];

export interface LabelledSet {
  name: LoghubSet;
  messages: string[];
  /** Ground-truth group of each message (the `EventId` column), same order as `messages`. */
  eventIds: string[];
}

/** Where the samples live: $LOGHUB_DIR, else ../shared/data/loghub-2k, relative to the working directory. */
export function loghubDir(): string {
  return resolve(process.cwd(), process.env.LOGHUB_DIR ?? "../shared/data/loghub-2k");
}

export function loghubAvailable(dir = loghubDir()): boolean {
  return LOGHUB_SETS.every((name) => existsSync(join(dir, `${name}_2k.log_structured.csv`)));
}

/**
 * RFC 4180 CSV: fields separated by commas, optionally wrapped in double quotes; inside quotes a
 * doubled quote is a literal quote and commas/newlines are data. Accepts \n or \r\n row ends.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let field: string;
    if (text[i] === '"') {
      // quoted: runs of data between doubled quotes, joined with one quote each
      let value = "";
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) throw new Error(`unterminated quoted field at offset ${i}`);
        value += text.slice(from, q);
        if (text[q + 1] === '"') {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      field = value;
    } else {
      let j = i;
      while (j < n && text[j] !== "," && text[j] !== "\n" && text[j] !== "\r") j++;
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= n) break;
    const c = text[i];
    if (c === ",") {
      i++;
      if (i === n) row.push("");
      continue;
    }
    if (c === "\r" || c === "\n") {
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      rows.push(row);
      row = [];
      continue;
    }
    throw new Error(`unexpected character after quoted field at offset ${i}`);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

export function loadSet(name: LoghubSet, dir = loghubDir()): LabelledSet {
  const rows = parseCsv(readFileSync(join(dir, `${name}_2k.log_structured.csv`), "utf8"));
  const header = rows[0];
  const contentCol = header.indexOf("Content");
  const eventCol = header.indexOf("EventId");
  if (contentCol < 0 || eventCol < 0) throw new Error(`${name}: missing Content/EventId columns`);
  const messages: string[] = [];
  const eventIds: string[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.length === 1 && row[0] === "") continue; // blank trailing line
    if (row.length !== header.length) throw new Error(`${name}: row ${r} has ${row.length} fields`);
    messages.push(row[contentCol]);
    eventIds.push(row[eventCol]);
  }
  return { name, messages, eventIds };
}

export function loadAll(dir = loghubDir()): LabelledSet[] {
  return LOGHUB_SETS.map((name) => loadSet(name, dir));
}

/**
 * Grouping accuracy (Zhu et al., ICSE-SEIP 2019): a message is correct when the set of messages
 * sharing its predicted group is exactly the set sharing its true group. Returns the correct share.
 */
export function groupingAccuracy(predicted: readonly string[], truth: readonly string[]): number {
  if (predicted.length !== truth.length) throw new Error("predicted and truth differ in length");
  if (truth.length === 0) return 1;
  const truthSize = new Map<string, number>();
  for (const t of truth) truthSize.set(t, (truthSize.get(t) ?? 0) + 1);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < predicted.length; i++) {
    const g = groups.get(predicted[i]);
    if (g) g.push(i);
    else groups.set(predicted[i], [i]);
  }
  let correct = 0;
  for (const members of groups.values()) {
    const t = truth[members[0]];
    if (truthSize.get(t) !== members.length) continue;
    if (members.every((i) => truth[i] === t)) correct += members.length;
  }
  return correct / truth.length;
}
