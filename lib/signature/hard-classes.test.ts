// The classes that real logs get wrong most often, on made-up lines: bare-word names after a keyword,
// key=value runs of varying length, and the same message with or without a tail.
import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { errorSignature } from "./index";

/** Every message in a group has one template; it is returned for a closer look. */
function oneTemplate(messages: string[]): string {
  const templates = new Set(messages.map(errorSignature));
  expect([...templates]).toHaveLength(1);
  return [...templates][0];
}

describe("bare-word names after an entity noun", () => {
  test.each([
    [["session opened for user alice by (uid=0)", "session opened for user bob by (uid=1000)"], "session opened for user <*> by (uid=<*>)"],
    [
      ["Failed password for invalid user oracle from 10.1.2.3 port 51234 ssh2", "Failed password for invalid user admin from 192.168.0.9 port 22 ssh2"],
      "Failed password for invalid user <*> from <*> port <*> ssh2",
    ],
    [
      ["ssh: connect to host web port 22: Connection refused", "ssh: connect to host web-3 port 2222: Connection refused", "ssh: connect to host db7 port 22: Connection refused"],
      "ssh: connect to host <*> port <*>: Connection refused",
    ],
    [["Restarting service nginx", "Restarting service redis-server", "Restarting service NetworkManager"], "Restarting service <*>"],
    [["unknown host cache", "unknown host api.example.com"], "unknown host <*>"],
    [["no key for domain corp in keytab", "no key for domain example in keytab"], "no key for domain <*> in keytab"],
    [["mailbox of account jdoe is full", "mailbox of account mary.smith is full"], "mailbox of account <*> is full"],
    [["quota exceeded for user alice.", "quota exceeded for user bob."], "quota exceeded for user <*>."],
    // a noun that opens the message, and a name that does not end it
    [["User alice logged in", "User bob logged in"], "User <*> logged in"],
    [["Service nginx failed to start", "Service postgresql failed to start"], "Service <*> failed to start"],
  ])("%j -> %s", (messages, template) => {
    expect(oneTemplate(messages)).toBe(template);
  });

  test.each([
    // grammar after the noun
    "user not found",
    "host is down",
    "lookup failed for host in zone",
    // the noun opens the clause and the next word closes it: it says something about the noun
    "User unknown",
    "check pass; user unknown",
    "Server busy, retrying",
    "Service started",
    // a predicate or a compound noun after the noun
    "the service started",
    "Destination host unreachable",
    "the user account is locked",
    "unknown host key type",
    // Title Case phrases are names of things, not a noun and a name
    "503 Service Unavailable",
    "remote Host Key Verification Failed",
  ])("%s keeps its words", (message) => {
    expect(errorSignature(message)).toBe(message.replace(/\d+/g, "<*>"));
  });

  it("keeps different predicates apart", () => {
    expect(errorSignature("the service started")).not.toBe(errorSignature("the service stopped"));
    expect(errorSignature("Host unreachable")).not.toBe(errorSignature("Host reachable"));
  });
});

describe("key=value runs of varying length", () => {
  test.each([
    // a value of any length or shape: a list, a host:port, a size, a duration
    [
      ["retry peers=10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 attempt=2", "retry peers=db.example.com:5432 attempt=12"],
      "retry peers=<*> attempt=<*>",
    ],
    [["batch ids=[1, 2, 3] took=1.5s", "batch ids=[7] took=300ms"], "batch ids=[<*>] took=<*>"],
    [["upload size=512 MB rate=3.2 MB/s", "upload size=17 KB rate=800 KB/s"], "upload size=<*> rate=<*>"],
    // a key repeated a varying number of times
    [["flush shard=3 shard=7 shard=12", "flush shard=1"], "flush shard=<*>"],
    // pairs glued by , ; & keep every key
    [["opts a=1,b=2;c=3", "opts a=10,b=20;c=300"], "opts a=<*>,b=<*>;c=<*>"],
    [["query page=2&size=50&sort=name", "query page=10&size=5&sort=name"], "query page=<*>&size=<*>&sort=name"],
    // a value that holds an `=` itself
    [["cmdline root=UUID=1234-abcd ro", "cmdline root=UUID=9f8e-77aa ro"], "cmdline root=UUID=<*> ro"],
  ])("%j -> %s", (messages, template) => {
    expect(oneTemplate(messages)).toBe(template);
  });

  it("keeps the keys: a different set of keys is a different message", () => {
    expect(errorSignature("opts a=1,b=2")).not.toBe(errorSignature("opts a=1,c=2"));
    expect(errorSignature("update x=1 y=2")).not.toBe(errorSignature("update x=1"));
  });

  it("keeps a word value: it is a state, not a count (`state=open` vs `state=closed`)", () => {
    expect(errorSignature("port 3 state=open")).toBe("port <*> state=open");
    expect(errorSignature("port 3 state=open")).not.toBe(errorSignature("port 3 state=closed"));
  });
});

describe("the same message with and without a tail", () => {
  test.each([
    // a tail that only restates the value before it is part of that value
    [["sent 10542 bytes", "sent 786 bytes (0.8 KB)"], "sent <*>"],
    [["connection from 10.0.0.1 at noon", "connection from 10.0.0.1 (web.example.com) at noon"], "connection from <*> at noon"],
    [["lifetime <1 sec", "lifetime 00:02"], "lifetime <*>"],
  ])("%j -> %s", (messages, template) => {
    expect(oneTemplate(messages)).toBe(template);
  });

  it("keeps a tail that says more: a different event, with the same head", () => {
    const head = errorSignature("Link error");
    const tailed = errorSignature("Link error on broadcast tree 3");
    expect(tailed).not.toBe(head);
    expect(tailed.startsWith(head + " ")).toBe(true);
    expect(errorSignature("job 12 failed: exit code 137").startsWith(errorSignature("job 7 failed"))).toBe(true);
  });

  it("never changes the head's template when a tail is appended", () => {
    // heads end in a literal word, so a value run cannot merge across the join; the tail's words are
    // not the head's, so a repeated phrase cannot span it either
    const headWord = fc.constantFrom(
      "connection", "closed", "for", "user", "alice", "host", "to", "at", "10.0.0.1", "42", "3.5", "ms", "MB", "Jul",
      "Sun", "17", "12:30:48", "PDT", "(", ")", "x=1", "y=", "node-7", "eth0", "a,b", "[1,", "2]", "/tmp/x", "'q'", "May",
    );
    const tailWord = fc.constantFrom("retrying", "in", "5", "s", "code", "137", "peer", "reset", "by", "db.example.com", "[3]");
    const head = fc
      .tuple(fc.array(headWord, { maxLength: 8 }), fc.constantFrom("failed", "done", "aborted", "refused"))
      .map(([words, last]) => [...words, last].join(" "));
    const separator = fc.constantFrom(": ", " - ", " (", " [", ", ", "; ", " ");
    const tail = fc.array(tailWord, { minLength: 1, maxLength: 5 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(head, separator, tail, (h, sep, t) => {
        expect(errorSignature(h + sep + t).startsWith(errorSignature(h))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
