import Link from "next/link";

export default function NotFound() {
  return (
    <main className="status-page panel">
      <h1>Not found</h1>
      <p>There is nothing at this address, or the request was not one this page accepts.</p>
      <Link href="/">Back to the overview</Link>
    </main>
  );
}
