// Stores one parsed bisection in ONE SQL statement: a chain of data-modifying CTEs over column
// arrays (`unnest`). One statement is one transaction, so a log is stored whole or not at all,
// and an import pays one round trip per log instead of a dozen (see BENCHMARKS.md).
import { deflateLogAsync } from "@/lib/raw-log";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { BisectionLog, Frame, Step } from "@/lib/parser/types";
import type { Judgement } from "@/lib/analysis/types";
import { commitRows, crashGuilty, isCrashOutcome, searchText, signatureTitles, startTitle } from "./map";
import { JUDGEMENT_COLUMNS, judgementValues } from "./rows";
import { columnNames, typedValues } from "./sql-columns";

const col = <T, K extends keyof T>(rows: T[], key: K): T[K][] => rows.map((r) => r[key]);

/** The found commit as this log printed it, kept with this bisection only: the shared commit
 *  row (written first-wins with the other commits) carries nothing a later log could rewrite. */
function culpritCtes(log: BisectionLog): Prisma.Sql {
  const c = log.commit;
  if (!c) return Prisma.sql`culprit AS (SELECT 1 WHERE false), culprit_files AS (SELECT 1 WHERE false)`;
  return Prisma.sql`culprit AS (
    INSERT INTO "culprit" (bisection_id, hash, subject, author, author_email, date_text, date, message, merge_parents, files_changed, insertions, deletions)
    SELECT id, ${c.hash}, ${c.subject}, ${c.authorName || c.author}, ${c.authorEmail || null}, ${c.date || null},
      ${c.dateIso}::timestamp, ${c.message}, ${c.mergeParents}::text[], ${c.filesChanged}::int, ${c.insertions}::int, ${c.deletions}::int
    FROM bis RETURNING bisection_id),
  culprit_files AS (
    INSERT INTO "culprit_file" (bisection_id, path, created, deleted, changes, insertions, deletions, position)
    SELECT culprit.bisection_id, v.path, v.created, v.deleted, v.changes, v.insertions, v.deletions, v.n - 1
    FROM culprit, unnest(${col(c.files, "path")}::text[], ${col(c.files, "created")}::bool[],
      ${col(c.files, "deleted")}::bool[], ${col(c.files, "changes")}::int[], ${col(c.files, "insertions")}::int[],
      ${col(c.files, "deletions")}::int[]) WITH ORDINALITY AS v(path, created, deleted, changes, insertions, deletions, n)
    ON CONFLICT DO NOTHING)`;
}

function stepsCte(id: string, steps: Step[]): Prisma.Sql {
  return Prisma.sql`steps AS (
    INSERT INTO "step" (bisection_id, "index", commit_hash, role, release, subject, compiler, compiler_type,
      kernel_signature, build_error, all_runs_outcome, all_runs_title, all_runs_line, representative_crash,
      false_negative_chance, notes, verdict, verdict_line, revisions_left, revisions_left_at_test, untested, line, end_line)
    SELECT ${id}, * FROM unnest(
      ${col(steps, "index")}::int[], ${col(steps, "commit")}::text[], ${col(steps, "role")}::text[],
      ${col(steps, "release")}::text[], ${col(steps, "subject")}::text[], ${col(steps, "compiler")}::text[],
      ${col(steps, "compilerType")}::text[], ${col(steps, "kernelSignature")}::text[], ${col(steps, "buildError")}::text[],
      ${steps.map((s) => s.allRuns?.outcome ?? null)}::text[], ${steps.map((s) => s.allRuns?.title ?? null)}::text[],
      ${steps.map((s) => s.allRuns?.line ?? null)}::int[], ${steps.map((s) => s.representativeCrash?.title ?? null)}::text[],
      ${col(steps, "falseNegativeChance")}::float8[], ${steps.map((s) => JSON.stringify(s.notes))}::jsonb[],
      ${col(steps, "verdict")}::text[], ${col(steps, "verdictLine")}::int[], ${col(steps, "revisionsLeft")}::int[],
      ${col(steps, "revisionsLeftAtTest")}::int[], ${col(steps, "untested")}::bool[], ${col(steps, "line")}::int[], ${col(steps, "endLine")}::int[]))`;
}

function runsCte(id: string, steps: Step[]): Prisma.Sql {
  const runs = steps.flatMap((s) => s.runs.map((r) => ({ step: s.index, ...r, sig: r.title && isCrashOutcome(r.outcome) ? r.title : null })));
  return Prisma.sql`runs AS (
    INSERT INTO "run" (bisection_id, step_index, "index", outcome, title, signature_id, line, end_line)
    SELECT ${id}, v.step, v.idx, v.outcome, v.title, sig.id, v.line, v.end_line
    FROM unnest(${col(runs, "step")}::int[], ${col(runs, "index")}::int[], ${col(runs, "outcome")}::text[],
      ${col(runs, "title")}::text[], ${col(runs, "sig")}::text[], ${col(runs, "line")}::int[], ${col(runs, "endLine")}::int[])
      AS v(step, idx, outcome, title, sig, line, end_line)
    LEFT JOIN sig ON sig.title = v.sig)`;
}

function crashCtes(id: string, log: BisectionLog, judgement: Judgement): Prisma.Sql {
  const crash = log.crash;
  if (!crash) return Prisma.sql`crash AS (SELECT 1 WHERE false), frames AS (SELECT 1 WHERE false)`;
  const f: Frame[] = crash.frames;
  const guilty = crashGuilty(judgement, crash);
  return Prisma.sql`crash AS (
    INSERT INTO "crash_report" (bisection_id, signature_id, line, end_line, header, guilty_file, guilty_frame)
    SELECT ${id}, sig.id, ${crash.line}, ${crash.endLine}, ${crash.header}, ${guilty.file}, ${guilty.frame}::int
    FROM sig WHERE sig.title = ${crash.title} LIMIT 1),
  frames AS (
    INSERT INTO "frame" (bisection_id, position, "function", "offset", size, file, line, inline, module, unreliable, section, context, log_line)
    SELECT ${id}, * FROM unnest(${f.map((_, i) => i)}::int[], ${col(f, "function")}::text[], ${col(f, "offset")}::int[],
      ${col(f, "size")}::int[], ${col(f, "file")}::text[], ${col(f, "line")}::int[], ${col(f, "inline")}::bool[],
      ${col(f, "module")}::text[], ${col(f, "unreliable")}::bool[], ${col(f, "section")}::text[], ${col(f, "context")}::text[],
      ${col(f, "logLine")}::int[]))`;
}

type StoredRow = { id: string; hash: string; text: string };

/** The error the statement raises when its `sig` misses a title (see storeBisection). */
const SIGNATURE_RACE = "bisectview: crash signatures stored concurrently, retry";

export async function storeBisection(prisma: PrismaClient, row: StoredRow, log: BisectionLog, judgement: Judgement, bulk: boolean): Promise<void> {
  // A title that another upload inserted after this statement's snapshot was taken is neither
  // inserted here (ON CONFLICT) nor visible to `sig`'s SELECT, so the runs and the crash would be
  // stored without their signature. The statement then fails whole and runs again: its new
  // snapshot sees the other upload's committed title (each retry sees more of them).
  const deflated = await deflateLogAsync(row.text);
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeOnce(prisma, row, deflated, log, judgement, bulk);
    } catch (e) {
      if (!(attempt < 10 && e instanceof Error && e.message.includes(SIGNATURE_RACE))) throw e;
    }
  }
}

async function storeOnce(prisma: PrismaClient, row: StoredRow, deflated: Buffer, log: BisectionLog, judgement: Judgement, bulk: boolean): Promise<void> {
  const { id, hash, text } = row;
  const commits = commitRows(log);
  const titles = signatureTitles(log);
  const start = startTitle(log);
  await prisma.$executeRaw`
    WITH cfg AS (SELECT set_config('synchronous_commit', ${bulk ? "off" : "on"}, true)),
    commits AS (
      INSERT INTO "commit" (hash, subject)
      SELECT h, s FROM unnest(${col(commits, "hash")}::text[], ${col(commits, "subject")}::text[]) AS v(h, s)
      ON CONFLICT (hash) DO NOTHING),
    sig_new AS (
      INSERT INTO "crash_signature" (title) SELECT unnest(${titles}::text[]) ON CONFLICT (title) DO NOTHING RETURNING id, title),
    sig AS (SELECT id, title FROM sig_new UNION ALL SELECT id, title FROM "crash_signature" WHERE title = ANY(${titles}::text[])),
    bis AS (
      INSERT INTO "bisection" (id, content_hash, type, outcome, start_commit_hash, found_commit_hash, crash_signature_id,
        start_signature_id, candidates, error, syzkaller_commit, host, started_at, revisions_tested, total_seconds, build_seconds,
        test_seconds, culprit_signature, parent_signature, error_probability, flaky_text, horizon_message, recipients_to,
        recipients_cc, bisect_start_line, bisect_start_bad, bisect_start_good, bisect_start_left, result_line, truncated, head_truncated, line_count, step_count, warnings,
        search_text, ${columnNames(JUDGEMENT_COLUMNS)})
      VALUES (${id}, ${hash}, ${log.type}, ${log.outcome}, ${log.startCommit}, ${log.commit?.hash ?? null},
        (SELECT id FROM sig WHERE title = ${log.crash?.title ?? null} LIMIT 1), (SELECT id FROM sig WHERE title = ${start} LIMIT 1),
        ${log.candidates}::text[], ${log.error}, ${log.syzkallerCommit}, ${log.host}, (${log.startedAt}::timestamptz AT TIME ZONE 'UTC'), ${log.revisionsTested}::int,
        ${log.totalSeconds}::float8, ${log.buildSeconds}::float8, ${log.testSeconds}::float8, ${log.culpritSignature},
        ${log.parentSignature}, ${log.errorProbability}::float8, ${log.flaky?.text ?? null}, ${log.horizonCommitMessage},
        ${log.recipientsTo}::text[], ${log.recipientsCc}::text[], ${log.bisectStart?.line ?? null}::int,
        ${log.bisectStart?.bad ?? null}, ${log.bisectStart?.good ?? null}, ${log.bisectStart?.revisionsLeft ?? null}::int, ${log.resultLine}::int,
        ${log.truncated}, ${log.headTruncated}, ${log.lineCount}, ${log.steps.length}, ${JSON.stringify(log.warnings)}::jsonb,
        ${searchText(log)}, ${typedValues(JUDGEMENT_COLUMNS, judgementValues(judgement))})
      RETURNING id),
    raw AS (INSERT INTO "raw_log" (bisection_id, deflated, bytes) SELECT id, ${deflated}::bytea, ${Buffer.byteLength(text, "utf8")} FROM bis),
    ${culpritCtes(log)},
    ${stepsCte(id, log.steps)},
    ${runsCte(id, log.steps)},
    ${crashCtes(id, log, judgement)}
    SELECT CASE WHEN (SELECT count(*) FROM sig) = ${titles.length} THEN count(*)
      ELSE (${SIGNATURE_RACE + ": "} || (SELECT count(*) FROM sig))::bigint END FROM cfg`;
}

/** A unique violation on the bisection: the same log was stored concurrently. */
export function isUniqueViolation(e: unknown): boolean {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (e.code === "P2002") return true;
  const meta = JSON.stringify(e.meta ?? {});
  return e.code === "P2010" && /23505|unique/i.test(meta + e.message);
}
