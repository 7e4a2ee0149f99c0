// A URL the listing cannot honour (`?status=bogus`) says so, rather than quietly showing everything.
import Link from "next/link";

export function TableErrors({ errors, basePath }: { errors: string[]; basePath: string }) {
  return (
    <div role="alert" className="notice bad">
      <p>This view&apos;s address asks for something the list cannot show:</p>
      <ul>
        {errors.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
      <p>
        <Link href={basePath}>Show the whole list</Link> or change the filters above.
      </p>
    </div>
  );
}
