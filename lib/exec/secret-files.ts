// Which files `patterns exec` never uploads the content of: environment files, keys, certificates with
// private parts, and credential stores. Their path is still recorded (the run did create `.env`), with the
// content withheld, so the file list stays true without publishing the secret. Pure: paths in, verdict out.

/** Folders whose every file is secret, wherever they sit in the path. */
const SECRET_FOLDERS = new Set([".ssh", ".gnupg", ".aws", ".azure", ".kube"]);

const SECRET_NAMES: RegExp[] = [
  /^\.env/i, // .env, .env.local, .env.production, .envrc
  /\.env$/i, // prod.env
  /\.(pem|key|p8|p12|pfx|pkcs12|jks|keystore|ppk|tfstate|tfvars|kdbx)$/i,
  // ssh keys and their copies (id_rsa, id_deploy, id_deploy.bak): an ssh key may be called anything, so every
  // id_* name is, but for source code and documents (id_generator.ts)
  /^id_(?!.*\.(?:[cm]?[jt]sx?|py|rb|go|rs|java|kt|c|h|cc|cpp|cs|php|swift|scala|sql|md|html|css|svg|png|jpe?g|gif)$)/i,
  /^(\.?git-credentials|\.netrc|_netrc|\.pgpass|\.npmrc|\.pypirc|\.htpasswd|\.my\.cnf)$/i,
  /^credentials?([._-]|$)/i, // credentials, credentials.csv (a cloud console's key export), credential-prod.json
  /(^|[._-])secrets?([._-]|$)/i, // secrets.yaml, client_secret.json, app.secret
  /^service[-_]?account.*\.json$/i, // cloud service-account keys
];

/** True when a file at this path (relative or absolute, `/` or `\` separated) must not be uploaded. */
export function isSecretPath(path: string): boolean {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  const name = parts.at(-1);
  if (!name) return false;
  if (parts.slice(0, -1).some((p) => SECRET_FOLDERS.has(p.toLowerCase()))) return true;
  return SECRET_NAMES.some((re) => re.test(name));
}
