import { NextResponse } from "next/server";
import { getPrisma } from "@/lib/db";
import { databaseUnavailableReason } from "@/lib/db-errors";
import { otherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

/** Liveness with a database round trip: 200 {ok, bisections}, or 503 saying what is down. */
export async function GET() {
  try {
    const bisections = await getPrisma().bisection.count();
    return NextResponse.json({ ok: true, database: "ok", bisections }, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    const reason = databaseUnavailableReason(e);
    console.error(`[bisectview] health: database ${reason === null ? "error" : "unreachable"}: ${reason ?? (e as Error).message}`);
    return NextResponse.json(
      { ok: false, database: reason === null ? `error: ${(e as Error).message.split("\n").filter(Boolean).pop()}` : `unreachable: ${reason}` },
      { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
    );
  }
}

// every other method: 405 with Allow and why
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], "json");
