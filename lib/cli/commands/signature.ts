// `patterns signature`: messages one per line on stdin → one template per line on stdout, same order.
// Reads and writes in whole blocks: reading line by line (readline) cost more than the signatures did.
import { once } from "node:events";
import { StringDecoder } from "node:string_decoder";
import type { Command } from "commander";
import { MAX_INPUT, errorSignature } from "../../signature";

export function registerSignature(program: Command): void {
  program
    .command("signature")
    .description("read messages one per line on stdin, write one template per line on stdout, same order")
    .action(() => writeSignatures(process.stdin, process.stdout));
}

/**
 * Writes the template of every line of `input` to `output`, one per line, in order. A line ends at
 * `\n` or `\r\n`; a last line without one counts too. Memory stays bounded on a line of any length:
 * only its first MAX_INPUT + 1 characters are kept, which give the same template as the whole line.
 * A reader that goes away (`| head`) ends the run quietly.
 */
export async function writeSignatures(
  input: AsyncIterable<Buffer | string>,
  output: NodeJS.WritableStream,
): Promise<void> {
  let failed: NodeJS.ErrnoException | null = null;
  const onError = (error: NodeJS.ErrnoException) => (failed = error);
  output.on("error", onError);
  const decoder = new StringDecoder("utf8");
  let rest = ""; // the start of a line whose end has not been read yet
  let overlong = false; // that line is already cut at its first MAX_INPUT + 1 characters
  try {
    for await (const chunk of input) {
      const text = typeof chunk === "string" ? chunk : decoder.write(chunk);
      let out = "";
      let from = 0;
      for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", from)) {
        // an overlong line's cut keeps its last character: dropping a `\r` there would change the cut
        const line = overlong ? rest : withoutCr(rest + text.slice(from, nl));
        out += errorSignature(line) + "\n";
        rest = "";
        overlong = false;
        from = nl + 1;
      }
      if (!overlong) {
        rest += from === 0 ? text : text.slice(from);
        if (rest.length > MAX_INPUT) {
          rest = rest.slice(0, MAX_INPUT + 1);
          overlong = true;
        }
      }
      if (failed) break;
      if (out.length > 0 && !output.write(out)) await once(output, "drain");
    }
    if (!overlong) rest = withoutCr(rest + decoder.end());
    if (rest.length > 0 && !failed) output.write(errorSignature(rest) + "\n");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPIPE") throw error;
  } finally {
    output.off("error", onError);
  }
  if (failed && (failed as NodeJS.ErrnoException).code !== "EPIPE") throw failed;
}

function withoutCr(line: string): string {
  return line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}
