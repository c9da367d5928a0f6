// What a page shows while PostgreSQL is unreachable: what happened, that it retries by itself
// (a meta refresh, so it works without JavaScript), and what an operator can check.
export function DatabaseUnavailable({ reason, retrySeconds = 5 }: { reason: string; retrySeconds?: number }) {
  return (
    <div role="alert" className="rounded border border-line bg-bad-bg p-3 text-bad-fg" data-testid="database-unavailable">
      <meta httpEquiv="refresh" content={String(retrySeconds)} />
      <h1 className="font-semibold">Database unavailable, retrying</h1>
      <p>
        Bisectview cannot reach its PostgreSQL database right now, so this page cannot be shown. It reloads by itself
        every {retrySeconds} seconds and comes back as soon as the database answers again.
      </p>
      <p className="mt-1 text-sm">
        Reason: <code className="font-mono">{reason}</code>. Operators: <code className="font-mono">/api/health</code> says
        what is down.
      </p>
    </div>
  );
}
