// Server pages render their data through `guardPage`: when the database is down they show the
// readable "database unavailable, retrying" view (and the request is answered 503 by
// scripts/serve.ts) instead of an error boundary that cannot render without JavaScript.
import type { Metadata } from "next";
import type { ReactElement } from "react";
import { DatabaseUnavailable } from "@/components/database-unavailable";
import { databaseUnavailableReason, markDatabaseUnavailable } from "@/lib/db-errors";

export async function guardPage(render: () => Promise<ReactElement>): Promise<ReactElement> {
  try {
    return await render();
  } catch (e) {
    const reason = databaseUnavailableReason(e);
    if (reason === null) throw e; // notFound(), redirect() and real bugs go on as before
    markDatabaseUnavailable(reason);
    console.error(`[bisectview] database unavailable: ${reason}`);
    return <DatabaseUnavailable reason={reason} />;
  }
}

export async function guardMetadata(make: () => Promise<Metadata>): Promise<Metadata> {
  try {
    return await make();
  } catch (e) {
    const reason = databaseUnavailableReason(e);
    if (reason === null) throw e;
    markDatabaseUnavailable(reason);
    return { title: "Database unavailable", robots: { index: false } };
  }
}
