// The whole-value recognisers and the word rule, value by value.
import { describe, expect, test } from "vitest";
import {
  isAbsolutePath,
  isBareHex,
  isColonHex,
  isEmail,
  isHostPort,
  isHostname,
  isPrefixedHex,
  isRelativePath,
  isUrl,
  isUuid,
  startsNumeric,
} from "./classes";
import { maskToken, maskWord } from "./mask";

type Case = [string, boolean];

describe.each<[string, (s: string) => boolean, Case[]]>([
  ["startsNumeric", startsNumeric, [["42", true], ["-3", true], ["<1", true], ["#7", true], ["3.5s", true], ["x1", false], ["<*>", false], ["-", false]]],
  ["isBareHex", isBareHex, [["0246da8c", true], ["9B74C989", true], ["3f2a9c1", true], ["deadbeef", false], ["0246Da8c", false], ["abc12", false]]],
  ["isPrefixedHex", isPrefixedHex, [["0x1f", true], ["0XFF", true], ["0x", false], ["0xZZ", false], ["10", false]]],
  ["isUuid", isUuid, [["8f14e45f-ceea-467a-9af0-3c4c2a2b1f1d", true], ["8f14e45f-ceea-467a-9af0-3c4c2a2b1f1", false], ["g814e45f-ceea-467a-9af0-3c4c2a2b1f1d", false]]],
  ["isColonHex", isColonHex, [["FF:F2:9F:15:7E:6E", true], ["fe80::1", true], ["::1", true], ["std::vector", false], ["de:ad:be:ef", false]]],
  ["isUrl", isUrl, [["https://x.io/a", true], ["hdfs://10.0.0.1:9000/p", true], ["akka.tcp://sys@host:1", true], ["://x", false], ["a:b", false]]],
  ["isEmail", isEmail, [["alice@example.com", true], ["a.b+c@mail.co.uk", true], ["QuorumServer@33557fe4", false], ["@x.com", false]]],
  ["isAbsolutePath", isAbsolutePath, [["/tmp/x", true], ["~/x", true], ["./x", true], ["../x", true], ["C:\\x", true], ["\\\\srv\\x", true], ["/", false], ["a/b", false]]],
  ["isRelativePath", isRelativePath, [["src/a.ts", true], ["a/b/c", true], ["a/b/", true], ["n/a", false], ["input/output", false], ["TCP/IP", false], ["a/", false]]],
  ["isHostname", isHostname, [["db.example.com", true], ["82-68-1-2.dsl.zen.co.uk", true], ["biblioteka.wsi.edu.pl", true], ["main.rs", false], ["setup.py", false], ["mapred.task.id", false], ["java.io.IOException", false], ["localhost", false]]],
  ["isHostPort", isHostPort, [["bx.optimix.asia:443", true], ["10.0.0.1:80", true], ["localhost:5432", true], ["index.js:42", false], ["line:42", false], ["host:1", false]]],
])("%s", (_name, fn, cases) => {
  test.each(cases)("%s -> %s", (value, expected) => {
    expect(fn(value)).toBe(expected);
  });
});

describe("maskWord (pieces without delimiters)", () => {
  test.each([
    ["1234", "<*>"],
    ["bglio23", "<*>"],
    ["U01", "<*>"],
    ["rdd_6_1", "<*>"],
    ["node-D2", "<*>"],
    ["root7_local", "<*>"],
    ["a1b2c3", "<*>"],
    ["e6200003", "<*>"],
    ["eth0", "eth0"],
    ["Slf4jLogger", "Slf4jLogger"],
    ["TS2345", "TS2345"],
    ["instruction......0", "instruction......<*>"],
    ["Registered", "Registered"],
  ])("%s -> %s", (word, expected) => {
    expect(maskWord(word)).toBe(expected);
  });
});

describe("maskToken (wrappers, key=value, delimiters)", () => {
  test.each([
    ["(TID", "(TID"],
    ["1212).", "<*>)."],
    ["'/tmp/x',", "'<*>',"],
    ["[client", "[client"],
    ["code=0,", "code=<*>,"],
    ["ruser=", "ruser="],
    ["0=sup", "<*>"],
    ["x<*>=1", "<*>=<*>"],
    ["NodeCard(mLctn(R25-M1-N2),", "NodeCard(mLctn(<*>),"],
    ["lr:00004ed0", "lr:<*>"],
    ["network-vif-plugged:418c107f-95d6-4655-ae6b-90bca57d9a71", "network-vif-plugged:<*>"],
    ["HTTP/1.1", "HTTP/<*>"],
    ["power/control", "power/control"],
    ["[mice.c(1766)]:", "[mice.c(<*>)]:"],
    ["<*>", "<*>"],
  ])("%s -> %s", (token, expected) => {
    expect(maskToken(token)).toBe(expected);
  });
});
