export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <div className="mb-2 h-5 w-40 rounded bg-soft" />
      <div className="mb-2 h-9 w-full rounded bg-soft" />
      {Array.from({ length: 12 }, (_, i) => (
        <div key={i} className="mb-1 h-5 w-full rounded bg-soft" />
      ))}
      <span className="sr-only">Loading bisections…</span>
    </div>
  );
}
