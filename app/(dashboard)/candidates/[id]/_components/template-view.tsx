// A file template beside the files it was mined from: the template with its {{variables}} marked, then
// each example as plain text (file content is telemetry: rendered as text, never as HTML).
import Link from "next/link";
import type { ExampleFile } from "@/lib/queries/candidates/get-candidate";
import { templatePieces } from "../../_components/candidate-labels";

export function TemplateView({ template, examples }: { template: string; examples: ExampleFile[] }) {
  const variables = new Set(templatePieces(template).filter((p) => p.variable).map((p) => p.text));
  return (
    <div className="review-grid">
      <section className="panel" aria-labelledby="template-title">
        <h2 id="template-title">Template ({variables.size} variable{variables.size === 1 ? "" : "s"})</h2>
        <pre className="template-text" tabIndex={0} role="region" aria-label="Template text">
          {templatePieces(template).map((piece, i) => (piece.variable ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}
        </pre>
      </section>
      <section className="panel" aria-labelledby="examples-title">
        <h2 id="examples-title">Example files</h2>
        {examples.length === 0 ? <p className="muted">The example files are no longer stored (retention).</p> : null}
        {examples.map((file) => (
          <div key={file.path} className="example-file">
            <h3>
              <span className="mono">{file.path}</span>{" "}
              <Link href={`/executions?q=${encodeURIComponent(file.executionId)}`} className="muted">
                from run {file.executionId}
              </Link>
            </h3>
            <pre tabIndex={0} role="region" aria-label={`Example file ${file.path}`}>
              {file.content}
            </pre>
          </div>
        ))}
      </section>
    </div>
  );
}
