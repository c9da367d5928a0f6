import { NextResponse } from "next/server";
import { getPrisma } from "@/lib/db";
import { exportLabels } from "@/lib/data/marks";
import { withDatabase } from "@/lib/db-errors";
import { otherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

/** Developers' marks as labels in the shape of the corpus's labels.json (`npm run bench -- judge` reads it). */
export const GET = withDatabase(async function GET() {
  return NextResponse.json(await exportLabels(getPrisma()));
});

// every other method: 405 with Allow and why
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], "json");
