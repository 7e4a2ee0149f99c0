import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="status-page panel">
      <h1>Not allowed</h1>
      <p>Your role does not allow this. Ask an admin if you need it.</p>
      <Link href="/">Back to the overview</Link>
    </main>
  );
}
