// groupSignatures: folding templates whose one differing word fills another template's value slot.
import { describe, expect, it } from "vitest";
import { errorSignature, groupSignatures } from "./index";

describe("groupSignatures", () => {
  it("returns one template per message, in order", () => {
    const messages = ["a 1", "b 2", "a 3"];
    expect(groupSignatures(messages)).toEqual(["a <*>", "b <*>", "a <*>"]);
    expect(groupSignatures([])).toEqual([]);
  });

  it("folds a plain-word value into the slot other messages of the phrase have", () => {
    const messages = [
      "FileSystem volume root14_tmp is no longer served by node node-45",
      "FileSystem volume root10_vol is no longer served by node node-224",
      "FileSystem volume cluster_usr_backup is no longer served by node node-160",
      "ciod: LOGIN chdir(/p/gb2/x/t800) failed: No such file or directory",
      "ciod: LOGIN chdir(pwd) failed: No such file or directory",
    ];
    // one message at a time, the plain words cannot be told from constants...
    expect(errorSignature(messages[2])).toContain("cluster_usr_backup");
    expect(errorSignature(messages[4])).toContain("chdir(pwd)");
    // ...a batch shows the slot
    const t = groupSignatures(messages);
    expect(new Set(t.slice(0, 3)).size).toBe(1);
    expect(t[0]).toBe("FileSystem volume <*> is no longer served by node <*>");
    expect(t[3]).toBe(t[4]);
    expect(t[3]).toBe("ciod: LOGIN chdir(<*>) failed: No such file or directory");
  });

  it("does not fold different constants that never take a value", () => {
    const messages = ["boot (command 2141)", "wait (command 2257)", "halt (command 1982)", "via interface ee0 up", "via interface alt0 up"];
    const t = groupSignatures(messages);
    expect(new Set(t).size).toBe(5);
  });

  it("needs enough shared literal words to fold", () => {
    // "<*> x" is too thin a phrase to absorb "y x"
    expect(groupSignatures(["1 x", "y x"])).toEqual(["<*> x", "y x"]);
  });

  it("does not depend on the order of the batch", () => {
    const messages = [
      "domain root14_tmp is served by node node-45",
      "domain cluster_usr_backup is served by node node-160",
      "domain root_domain is served by node node-1",
      "Started reading broadcast variable 16",
    ];
    const forward = groupSignatures(messages);
    const backward = groupSignatures([...messages].reverse()).reverse();
    expect(backward).toEqual(forward);
  });
});
