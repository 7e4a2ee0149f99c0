// Shown instead of empty charts until the first telemetry arrives: how to send it, or load the demo.
import { LoadDemoButton } from "./load-demo-button";

function examples(baseUrl: string) {
  const curl = `curl -X POST ${baseUrl}/api/v1/executions \\
  -H "Authorization: Bearer $PATTERNS_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '{"id":"run-1","operation":"create_api_endpoint","inputs":{"name":"users"},
       "startedAt":"${new Date().toISOString().slice(0, 19)}Z","durationMs":1830,"success":true}'`;
  const ts = `const res = await fetch("${baseUrl}/api/v1/executions", {
  method: "POST",
  headers: { Authorization: \`Bearer \${process.env.PATTERNS_TOKEN}\`, "Content-Type": "application/json" },
  body: JSON.stringify([{ id: crypto.randomUUID(), operation: "create_api_endpoint",
    inputs: { name: "users" }, startedAt: new Date().toISOString(), durationMs: 1830, success: true }]),
});
console.log(await res.json()); // { accepted: 1, duplicates: 0 }`;
  return { curl, ts };
}

export function Onboarding({ baseUrl, canLoadDemo }: { baseUrl: string; canLoadDemo: boolean }) {
  const { curl, ts } = examples(baseUrl);
  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      <div>
        <h1 id="onboarding-title">Welcome to Pattern Automation</h1>
        <p className="subtitle">
          No telemetry yet. Send the executions of your scripts, agents and CI jobs, and this page fills with patterns, failures and fixes.
        </p>
      </div>
      <ol className="steps">
        <li>
          <h2>Create an API token</h2>
          <p className="muted">Run this in the project folder; the token is printed once and only its hash is stored.</p>
          <pre>npm run patterns -- token create my-ci</pre>
        </li>
        <li>
          <h2>Send an execution</h2>
          <p className="muted">
            One event, a JSON array or NDJSON (<code>application/x-ndjson</code>), up to 10,000 events per request. The schema is at{" "}
            <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
          </p>
          <pre>{curl}</pre>
          <p className="muted">The same from TypeScript:</p>
          <pre>{ts}</pre>
        </li>
        <li>
          <h2>Or record any command</h2>
          <pre>npm run patterns -- exec --operation build_docs -- npm run docs</pre>
        </li>
        <li>
          <h2>Just looking? Load the demo workspace</h2>
          <p className="muted">Six weeks of simulated telemetry: healthy patterns, a flaky one, one that degrades, one that broke, and retries with fixes.</p>
          {canLoadDemo ? <LoadDemoButton /> : <p className="muted">An admin can load it.</p>}
        </li>
      </ol>
    </section>
  );
}
