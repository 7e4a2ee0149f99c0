import Link from "next/link";

export default function Unauthorized() {
  return (
    <main className="status-page panel">
      <h1>Sign in first</h1>
      <p>This needs you to be signed in.</p>
      <Link href="/sign-in">Sign in</Link>
    </main>
  );
}
