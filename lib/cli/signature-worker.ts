// Worker thread of `patterns signature` on a large input: templates for one block of whole lines at a
// time; the command hands blocks out to several of these and writes their answers back in order.
import { parentPort } from "node:worker_threads";
import { templatesOf } from "./signature-lines";

export interface BlockRequest {
  id: number;
  block: Uint8Array;
}
export interface BlockReply {
  id: number;
  /** UTF-8 templates, one line each; its buffer is transferred, not copied. */
  out: Uint8Array;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

parentPort?.on("message", ({ id, block }: BlockRequest) => {
  const out = encoder.encode(templatesOf(decoder.decode(block)));
  const reply: BlockReply = { id, out };
  parentPort!.postMessage(reply, [out.buffer]);
});
