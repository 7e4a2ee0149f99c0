// Examples of errorSignature per variable class: what becomes `<*>`, and what must stay a word.
import { describe, expect, it, test } from "vitest";
import { MAX_INPUT, PLACEHOLDER, errorSignature } from "./index";

describe("errorSignature: numbers, sizes, durations", () => {
  test.each([
    ["Timeout after 30000ms", "Timeout after <*>"],
    ["retry 3 of 5", "retry <*> of <*>"],
    ["offset -42 is invalid", "offset <*> is invalid"],
    ["ratio 1e-3 too small", "ratio <*> too small"],
    ["load <1 sec", "load <*>"],
    ["issue #1234 closed", "issue <*> closed"],
    ["took 0.25 s", "took <*>"],
    ["took 3 seconds", "took <*>"],
    ["wrote 64172MB", "wrote <*>"],
    ["allocated 512.00 MB, free 1.5 GiB", "allocated <*>, free <*>"],
    // a parenthesised restatement of a value is part of it
    ["sent 10542 bytes (10.2 KB)", "sent <*>"],
    ["sent 786 bytes", "sent <*>"],
  ])("%s", (message, template) => {
    expect(errorSignature(message)).toBe(template);
  });
});

describe("errorSignature: hex, hashes, UUIDs", () => {
  test.each([
    ["bad pointer 0x7ffe12ab", "bad pointer <*>"],
    ["commit 3f2a9c1 not found", "commit <*> not found"],
    ["sha 9b74c9897bac770ffc029102a200c5de", "sha <*>"],
    ["job 8f14e45f-ceea-467a-9af0-3c4c2a2b1f1d failed", "job <*> failed"],
    ["object QuorumServer@33557fe4 closed", "object QuorumServer@<*> closed"],
    ["mac FF:F2:9F:15:7E:6E changed", "mac <*> changed"],
  ])("%s", (message, template) => {
    expect(errorSignature(message)).toBe(template);
  });
});

describe("errorSignature: IPs, hosts, ports", () => {
  test.each([
    ["Connection refused to 10.0.0.3:5432 after 3 retries", "Connection refused to <*> after <*> retries"],
    ["connect ECONNREFUSED localhost:5432", "connect ECONNREFUSED <*>"],
    ["peer fe80::1ff:fe23:4567:890a down", "peer <*> down"],
    ["client /10.10.34.11:45307 closed", "client <*> closed"],
    ["resolve db-3.internal.example.com failed", "resolve <*> failed"],
    ["proxy bx.optimix.asia:443 closed", "proxy <*> closed"],
    ["rhost=biblioteka.wsi.edu.pl denied", "rhost=<*> denied"],
    // a file and line, and a word and number, are not host:port
    ["at index.js:42", "at index.js:<*>"],
    ["failed at step:3", "failed at step:<*>"],
    // dotted names in code are not hosts
    ["mapred.task.id is deprecated", "mapred.task.id is deprecated"],
    ["java.io.IOException: closed", "java.io.IOException: closed"],
  ])("%s", (message, template) => {
    expect(errorSignature(message)).toBe(template);
  });
});

describe("errorSignature: paths, URLs, e-mail", () => {
  test.each([
    ["ENOENT: no such file or directory, open '/tmp/x/y.json'", "ENOENT: no such file or directory, open '<*>'"],
    ["Error loading /bgl/apps/x.rts: invalid image", "Error loading <*>: invalid image"],
    ["cannot read C:\\Users\\bob\\a.txt", "cannot read <*>"],
    ["import src/lib/foo.ts failed", "import <*> failed"],
    ["module ./util/x not found", "module <*> not found"],
    ["chdir(/home/u/run) failed", "chdir(<*>) failed"],
    ["GET https://api.example.com/v1/users?id=7 failed", "GET <*> failed"],
    ["mail to alice@example.com bounced", "mail to <*> bounced"],
    // slashes between words are words
    ["input/output error", "input/output error"],
    ["reqpath:n/a", "reqpath:n/a"],
  ])("%s", (message, template) => {
    expect(errorSignature(message)).toBe(template);
  });
});

describe("errorSignature: quoted strings", () => {
  test.each([
    [
      "TypeError: Cannot read properties of undefined (reading 'foo')",
      "TypeError: Cannot read properties of undefined (reading '<*>')",
    ],
    ['unknown option "--frobnicate"', 'unknown option "<*>"'],
    ["name=`build step`", "name=`<*>`"],
    ['detail: "upstream connect error"', 'detail: "<*>"'],
    // JSON: keys stay, values go
    ['{"code":"ENOENT","errno":-2}', '{"code":"<*>","errno":<*>}'],
    // multi-word quoted text that is not a value is processed word by word (HTTP request lines)
    ['request "GET /v2/servers HTTP/1.1" status: 200', 'request "GET <*> HTTP/<*>" status: <*>'],
    ['"POST /v2/servers HTTP/1.1" status: 202', '"POST <*> HTTP/<*>" status: <*>'],
    // apostrophes are not quotes
    ["can't open file; it's missing", "can't open file; it's missing"],
    // octal-escaped quotes (syslog) are quotes
    ["Component \\042alt0\\042 is unavailable", 'Component "<*>" is unavailable'],
  ])("%s", (message, template) => {
    expect(errorSignature(message)).toBe(template);
  });
});

describe("errorSignature: dates and times", () => {
  test.each([
    ["at Sun Jul 17 12:30:48 2005", "at <*>"],
    ["at Wed Jul  6 18:00:56 2005", "at <*>"],
    ["since Thu Aug 04 15:31:25 PDT 2005 ok", "since <*> ok"],
    ["built 4 Dec 2005", "built <*>"],
    ["Date: Mon, 04 Dec 2023 10:00:00 GMT", "Date: <*>"],
    ["on 2024-05-01T12:03:04.123Z", "on <*>"],
    ["from 2017-05-16 05:00:00 to 2017-05-16 06:00:00", "from <*> to <*>"],
    ["lifetime 00:02", "lifetime <*>"],
    // month and weekday names without a number are words
    ["May not be empty", "May not be empty"],
    ["Sun is shining", "Sun is shining"],
  ])("%s", (message, template) => {
    expect(errorSignature(message)).toBe(template);
  });
});

describe("errorSignature: identifiers with digits", () => {
  test.each([
    ["task rdd_42_3 done", "task <*> done"],
    ["Block broadcast_25_piece0 stored", "Block <*> stored"],
    ["worker node-17 lost", "worker <*> lost"],
    ["domain root7_local full", "domain <*> full"],
    ["shard storage1231 down", "shard <*> down"],
    ["token a1b2c3d4 expired", "token <*> expired"],
    ["generating core.17150", "generating <*>"],
    ["program interrupt: illegal instruction......0", "program interrupt: illegal instruction......<*>"],
    // one glued digit names a thing; an upper-case code names an error class
    ["interface eth0 up", "interface eth0 up"],
    ["error TS2345: bad argument", "error TS2345: bad argument"],
  ])("%s", (message, template) => {
    expect(errorSignature(message)).toBe(template);
  });

  it("keeps differently named things apart", () => {
    expect(errorSignature("via interface alt0")).not.toBe(errorSignature("via interface ee0"));
  });
});

describe("errorSignature: key=value", () => {
  test.each([
    [
      "uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4 user=root",
      "uid=<*> euid=<*> tty=NODEVssh ruser= rhost=<*> user=root",
    ],
    ["enabled=true mode=fast", "enabled=<*> mode=fast"],
    ["PSR0=00001f01 PSR1=00000000", "PSR0=<*> PSR1=<*>"],
    ["Server environment:java.home=/usr/lib/jvm/jre", "Server environment:java.home=<*>"],
  ])("%s", (message, template) => {
    expect(errorSignature(message)).toBe(template);
  });
});

describe("errorSignature: lists and repeated phrases", () => {
  test.each([
    ["Changing acls to: [1, 2, 3, 4]", "Changing acls to: [<*>]"],
    ["Changing acls to: [7]", "Changing acls to: [<*>]"],
    ["connection from 1.2.3.4 (host8.example.net) at x", "connection from <*> at x"],
    ["connection from 1.2.3.4 () at x", "connection from <*> at x"],
    ["nodesets node-1 <ok> node-2 <ok> node-3 <ok>", "nodesets <*> <ok>"],
    ["nodesets node-1 <ok>", "nodesets <*> <ok>"],
    ["exceptions (5) iar 0x1, dear 0x2 (6) iar 0x3, dear 0x4 (7) iar 0x5, dear 0x6", "exceptions (<*>) iar <*>, dear <*>"],
    // a literal between values keeps them apart
    ["fan speeds ( 3552 3534 **** 3515 )", "fan speeds ( <*> **** <*> )"],
  ])("%s", (message, template) => {
    expect(errorSignature(message)).toBe(template);
  });
});

describe("errorSignature: names after entity nouns", () => {
  test.each([
    ["session opened for user bob by (uid=1000)", "session opened for user <*> by (uid=<*>)"],
    ["unknown host web", "unknown host <*>"],
    // function words after the noun are grammar, not names
    ["user not found", "user not found"],
    ["check pass; user unknown", "check pass; user unknown"],
    ["host is down", "host is down"],
  ])("%s", (message, template) => {
    expect(errorSignature(message)).toBe(template);
  });
});

describe("errorSignature: whole messages", () => {
  test.each([
    ["", ""],
    ["   ", ""],
    ["Registered BlockManager", "Registered BlockManager"],
    ["  padded\tand\n\nsplit  ", "padded and split"],
    ["\u001b[31mError\u001b[0m: build failed", "Error: build failed"],
    [
      "Error: Cannot find module 'react-dom/client'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1039:15)\n    at Object.<anonymous> (/app/src/index.js:10:15)",
      "Error: Cannot find module '<*>' at Module._resolveFilename (node:<*>) at Object.<anonymous> (<*>)",
    ],
    [
      "Job 8f14e45f-ceea-467a-9af0-3c4c2a2b1f1d failed on runner ubuntu-22.04 after 12m 3s",
      "Job <*> failed on runner <*> after <*>",
    ],
    ["src/components/Button.tsx(12,5): error TS2345: Argument of type 'string'", "<*>: error TS2345: Argument of type '<*>'"],
  ])("%j", (message, template) => {
    expect(errorSignature(message)).toBe(template);
  });

  it("groups messages of one kind and separates different kinds", () => {
    const a = errorSignature("Connection refused to 10.0.0.3:5432 after 3 retries");
    const b = errorSignature("Connection refused to db.example.com:6543 after 12 retries");
    const c = errorSignature("Connection reset by 10.0.0.3:5432 after 3 retries");
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it("uses the exported placeholder", () => {
    expect(errorSignature("x 1")).toBe(`x ${PLACEHOLDER}`);
  });

  it(`looks at the first ${MAX_INPUT} characters only`, () => {
    const head = "fatal: " + "word ".repeat(MAX_INPUT / 5);
    expect(errorSignature(head + "tail one")).toBe(errorSignature(head + "tail two"));
    const huge = "x".repeat(10 * 1024 * 1024);
    const t0 = Date.now();
    expect(errorSignature(huge).length).toBeLessThanOrEqual(MAX_INPUT);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
