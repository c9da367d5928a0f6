// The many-row inserts of one bisection (steps, runs, frames), each as one statement over
// column arrays (`unnest`). Prisma's createMany spends ~100 ms of CPU per corpus log turning
// thousands of scalars into query parameters; a dozen array parameters cost next to nothing.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { BisectionLog, Frame } from "@/lib/parser/types";
import { isCrashOutcome } from "./map";

function column<T, K extends keyof T>(rows: T[], key: K): T[K][] {
  return rows.map((r) => r[key]);
}

export async function insertSteps(tx: PrismaClient, id: string, log: BisectionLog, sigs: Map<string, number>): Promise<void> {
  const steps = log.steps;
  if (steps.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "step" (bisection_id, "index", commit_hash, role, release, subject, compiler, compiler_type,
      kernel_signature, build_error, all_runs_outcome, all_runs_title, all_runs_line, representative_crash,
      false_negative_chance, notes, verdict, verdict_line, revisions_left, untested, line, end_line)
    SELECT ${id}, * FROM unnest(
      ${column(steps, "index")}::int[], ${column(steps, "commit")}::text[], ${column(steps, "role")}::text[],
      ${column(steps, "release")}::text[], ${column(steps, "subject")}::text[], ${column(steps, "compiler")}::text[],
      ${column(steps, "compilerType")}::text[], ${column(steps, "kernelSignature")}::text[], ${column(steps, "buildError")}::text[],
      ${steps.map((s) => s.allRuns?.outcome ?? null)}::text[], ${steps.map((s) => s.allRuns?.title ?? null)}::text[],
      ${steps.map((s) => s.allRuns?.line ?? null)}::int[], ${steps.map((s) => s.representativeCrash?.title ?? null)}::text[],
      ${column(steps, "falseNegativeChance")}::float8[], ${steps.map((s) => JSON.stringify(s.notes))}::jsonb[],
      ${column(steps, "verdict")}::text[], ${column(steps, "verdictLine")}::int[], ${column(steps, "revisionsLeft")}::int[],
      ${column(steps, "untested")}::bool[], ${column(steps, "line")}::int[], ${column(steps, "endLine")}::int[])`;
  const runs = steps.flatMap((s) => s.runs.map((r) => ({ step: s.index, ...r })));
  if (runs.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "run" (bisection_id, step_index, "index", outcome, title, signature_id, line, end_line)
    SELECT ${id}, * FROM unnest(
      ${column(runs, "step")}::int[], ${column(runs, "index")}::int[], ${column(runs, "outcome")}::text[],
      ${column(runs, "title")}::text[],
      ${runs.map((r) => (r.title && isCrashOutcome(r.outcome) ? (sigs.get(r.title) ?? null) : null))}::int[],
      ${column(runs, "line")}::int[], ${column(runs, "endLine")}::int[])`;
}

export async function insertFrames(tx: PrismaClient, id: string, frames: Frame[]): Promise<void> {
  if (frames.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "frame" (bisection_id, position, "function", "offset", size, file, line, inline, module, unreliable,
      section, context, log_line)
    SELECT ${id}, * FROM unnest(
      ${frames.map((_, i) => i)}::int[], ${column(frames, "function")}::text[], ${column(frames, "offset")}::int[],
      ${column(frames, "size")}::int[], ${column(frames, "file")}::text[], ${column(frames, "line")}::int[],
      ${column(frames, "inline")}::bool[], ${column(frames, "module")}::text[], ${column(frames, "unreliable")}::bool[],
      ${column(frames, "section")}::text[], ${column(frames, "context")}::text[], ${column(frames, "logLine")}::int[])`;
}
