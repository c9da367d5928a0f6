import { NextResponse } from "next/server";
import { getPrisma } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness with a database round trip. */
export async function GET() {
  const bisections = await getPrisma().bisection.count();
  return NextResponse.json({ ok: true, bisections });
}
