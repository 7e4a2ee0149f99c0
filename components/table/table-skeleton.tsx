// What a listing shows while its page of rows streams in (the Suspense fallback).
export function TableSkeleton({ rows = 8, label }: { rows?: number; label: string }) {
  return (
    <div className="table-skeleton" role="status" aria-label={`Loading ${label}`}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="table-skeleton-row" />
      ))}
    </div>
  );
}
