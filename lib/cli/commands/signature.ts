// `patterns signature`: messages one per line on stdin → one template per line on stdout, same order.
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { errorSignature } from "../../signature";

export function registerSignature(program: Command): void {
  program
    .command("signature")
    .description("read messages one per line on stdin, write one template per line on stdout, same order")
    .action(async () => {
      const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      let buffer = "";
      for await (const line of lines) {
        buffer += errorSignature(line) + "\n";
        if (buffer.length > 65_536) {
          if (!process.stdout.write(buffer)) await new Promise((resolve) => process.stdout.once("drain", resolve));
          buffer = "";
        }
      }
      process.stdout.write(buffer);
    });
}
