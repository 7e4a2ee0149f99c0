// Where the project lives, so that the CLI finds prisma/ and data/ from any working directory.
// The CLI entry sets PATTERNS_HOME to its own checkout; the Next.js server runs from the root.
export function projectRoot(): string {
  return process.env.PATTERNS_HOME ?? process.cwd();
}
