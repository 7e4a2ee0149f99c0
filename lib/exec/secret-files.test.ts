// Which created files keep their content out of the event (their path is still recorded).
import { describe, expect, test } from "vitest";
import { isSecretPath } from "./secret-files";

describe("isSecretPath", () => {
  test.each([
    ".env",
    ".env.local",
    "app/.env.production",
    ".envrc",
    "config/prod.env",
    "certs/server.pem",
    "tls/server.key",
    "store.p12",
    "cert.pfx",
    "id_rsa",
    "id_rsa.pub",
    "keys/id_ed25519",
    "id_ecdsa_backup",
    "id_deploy",
    "id_deploy.bak",
    "keys/id_github.old",
    "home/.ssh/config",
    ".aws/credentials",
    "credentials",
    "credentials.json",
    "credentials.csv",
    "exports/credential-prod.yaml",
    ".git-credentials",
    ".netrc",
    ".npmrc",
    ".pgpass",
    "secrets.yaml",
    "config/client_secret.json",
    "service-account-prod.json",
    "infra/terraform.tfstate",
    "C:\\Users\\me\\.ssh\\known_hosts",
  ])("%s is secret", (path) => {
    expect(isSecretPath(path)).toBe(true);
  });

  test.each(["src/index.ts", "README.md", "src/env.ts", "docs/environment.md", "lib/keys.ts", "src/id_generator.ts", "docs/id_scheme.md", "credentialing.md", "public/key.svg", "secretary.txt", "tokens.json", "ssh/notes.md", ""])(
    "%s is not secret",
    (path) => {
      expect(isSecretPath(path)).toBe(false);
    },
  );
});
