import "server-only";
import { linesBetween, lineStarts, storedLogTextAsync } from "@/lib/raw-log";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { cachedImmutable, forgetImmutableKey } from "./immutable-cache";
import { judgeDetailSchema, type JudgeDetail } from "@/lib/validations/judge-detail";
import { findingsSchema, notesSchema, readStored, warningsSchema } from "@/lib/validations/stored";
import type { Finding } from "@/lib/analysis/types";
import type { ParseWarning } from "@/lib/parser/types";
import { FRAME_SECTIONS, MARK_VERDICTS, word, type BisectionType, type FrameSection, type GitVerdict, type MarkVerdict, type Outcome, type RunOutcome, type StepRole, type Verdict } from "@/lib/domain/words";
import { headWords, stepWords, type With } from "./read-back";

const bisectionSelect = {
  id: true,
  judgeVersion: true,
  uploadedAt: true,
  startedAt: true,
  type: true,
  outcome: true,
  startCommitHash: true,
  candidates: true,
  error: true,
  syzkallerCommit: true,
  host: true,
  revisionsTested: true,
  totalSeconds: true,
  buildSeconds: true,
  testSeconds: true,
  culpritSignature: true,
  parentSignature: true,
  errorProbability: true,
  flakyText: true,
  horizonMessage: true,
  recipientsTo: true,
  recipientsCc: true,
  bisectStartLine: true,
  bisectStartBad: true,
  bisectStartGood: true,
  bisectStartLeft: true,
  resultLine: true,
  truncated: true,
  headTruncated: true,
  lineCount: true,
  stepCount: true,
  warnings: true,
  verdict: true,
  verdictHeadline: true,
  findings: true,
  confidence: true,
  chanceWrong: true,
  judgeDetail: true,
  crashSignature: { select: { title: true } },
  startSignature: { select: { title: true } },
  culprit: {
    select: {
      hash: true,
      subject: true,
      author: true,
      authorEmail: true,
      dateText: true,
      date: true,
      message: true,
      mergeParents: true,
      filesChanged: true,
      insertions: true,
      deletions: true,
      // in the log's order: git's diffstat is in path order but for the paths it shortened to
      // `.../tail`, which sort first; rows stored before `position` was kept follow in path
      // order (byte-wise: the database's C collation). Without an order the rows come back as
      // the heap has them.
      files: { orderBy: [{ position: { sort: "asc", nulls: "last" } }, { path: "asc" }], select: { path: true, created: true, deleted: true, changes: true, insertions: true, deletions: true } },
    },
  },
  steps: {
    orderBy: { index: "asc" },
    select: {
      index: true,
      commitHash: true,
      role: true,
      release: true,
      subject: true,
      compiler: true,
      compilerType: true,
      kernelSignature: true,
      buildError: true,
      allRunsOutcome: true,
      allRunsTitle: true,
      allRunsLine: true,
      representativeCrash: true,
      falseNegativeChance: true,
      notes: true,
      verdict: true,
      verdictLine: true,
      revisionsLeft: true,
      revisionsLeftAtTest: true,
      untested: true,
      line: true,
      endLine: true,
      runs: {
        orderBy: [{ line: "asc" }],
        select: { index: true, outcome: true, title: true, line: true, endLine: true },
      },
    },
  },
  crash: {
    select: {
      line: true,
      endLine: true,
      header: true,
      guiltyFile: true,
      guiltyFrame: true,
      signature: { select: { title: true } },
    },
  },
  frames: {
    orderBy: { position: "asc" },
    select: {
      position: true,
      function: true,
      offset: true,
      size: true,
      file: true,
      line: true,
      inline: true,
      module: true,
      unreliable: true,
      section: true,
      context: true,
      logLine: true,
    },
  },
} satisfies Prisma.BisectionSelect;

/** What can change after a bisection is stored: developers' marks, and syzbot links a later
 *  paste attaches. Read on every request, never cached. */
const mutableSelect = {
  /** the judge that gave the cached verdict: a row re-judged since (lib/ingest/rejudge.ts) is read again */
  judgeVersion: true,
  syzbot: {
    select: {
      logXid: true,
      bugExtid: true,
      bugId: true,
      bugTitle: true,
      logUrl: true,
      bugUrl: true,
      consoleUrl: true,
      configUrl: true,
      syzReproUrl: true,
      cReproUrl: true,
    },
  },
  marks: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, who: true, verdict: true, realCulprit: true, note: true, loreLink: true, createdAt: true },
  },
} satisfies Prisma.BisectionSelect;

type BisectionRow = Prisma.BisectionGetPayload<{ select: typeof bisectionSelect }>;
type MutableRow = Prisma.BisectionGetPayload<{ select: typeof mutableSelect }>;

export type StoredRun = With<BisectionRow["steps"][number]["runs"][number], { outcome: RunOutcome }>;
export type StoredStep = With<
  BisectionRow["steps"][number],
  { role: StepRole; verdict: GitVerdict | null; allRunsOutcome: RunOutcome | null; notes: { text: string; line: number }[]; runs: StoredRun[] }
>;
export type StoredFrame = With<BisectionRow["frames"][number], { section: FrameSection }>;
export type StoredMark = With<MutableRow["marks"][number], { verdict: MarkVerdict }>;
export type StoredCommit = NonNullable<BisectionRow["culprit"]>;

/** A stored bisection as its own log tells it: the found commit's header and files come from
 *  this log's `culprit` rows, never from the commit row other logs share. Every word column is
 *  read as its word (lib/domain/words.ts, as the CHECK constraints hold them) and every JSON
 *  column through its schema (lib/validations/stored.ts); `judgeDetail` is null for rows stored
 *  before the column existed, or whose detail does not match its schema. */
export type BisectionDetail = With<
  Omit<BisectionRow, "culprit">,
  {
    type: BisectionType;
    outcome: Outcome;
    verdict: Verdict;
    findings: Finding[];
    warnings: ParseWarning[];
    judgeDetail: JudgeDetail | null;
    steps: StoredStep[];
    frames: StoredFrame[];
  }
> &
  With<MutableRow, { marks: StoredMark[] }> & { foundCommit: StoredCommit | null };

/** One bisection with everything its page shows. What its log says never changes, so that part
 *  is kept in a bounded cache by id (lib/data/immutable-cache.ts) with the judge version it was
 *  read at; marks, syzbot links and that version are read fresh. */
export async function getBisection(prisma: PrismaClient, id: string): Promise<BisectionDetail | null> {
  const [cached, mutable] = await Promise.all([
    immutableDetail(prisma, id),
    prisma.bisection.findUnique({ where: { id }, select: mutableSelect }),
  ]);
  if (!cached || !mutable) return null;
  // the log never changes, its judgement does when a newer judge re-judges the row
  let fixed = cached;
  if (cached.judgeVersion !== mutable.judgeVersion) {
    forgetImmutableKey(prisma, `detail:${id}`);
    const again = await immutableDetail(prisma, id);
    if (!again) return null;
    fixed = again;
  }
  const marks = mutable.marks.map((m) => ({ ...m, verdict: word(MARK_VERDICTS, m.verdict, `bisection ${id} mark ${m.id} verdict`) }));
  return { ...fixed, ...mutable, marks };
}

function immutableDetail(prisma: PrismaClient, id: string) {
  return cachedImmutable(
    prisma,
    `detail:${id}`,
    (b) => 1 + b.steps.length + b.steps.reduce((n, s) => n + s.runs.length, 0) + b.frames.length + (b.foundCommit?.files.length ?? 0),
    async () => {
      const row = await prisma.bisection.findUnique({ where: { id }, select: bisectionSelect });
      return row && readBack(id, row);
    },
  );
}

/** The row with its words and JSON columns checked and typed; an error naming the row and the
 *  column for anything this code does not know. */
function readBack(id: string, row: BisectionRow) {
  const at = `bisection ${id}`;
  const { culprit, judgeDetail, ...rest } = row;
  const steps = rest.steps.map((s): StoredStep => {
    const where = `${at} step ${s.index}`;
    return {
      ...stepWords(s, where),
      notes: readStored(notesSchema, s.notes, `${where} notes`),
      // a step without a subject of its own borrows the one this log printed for the culprit
      subject: s.subject === null && culprit && s.commitHash === culprit.hash ? culprit.subject : s.subject,
    };
  });
  for (const f of rest.frames) word(FRAME_SECTIONS, f.section, `${at} frame ${f.position} section`);
  const detail = judgeDetail === null ? null : judgeDetailSchema.safeParse(judgeDetail);
  return {
    ...headWords(rest),
    findings: readStored(findingsSchema, rest.findings, `${at} findings`),
    warnings: readStored(warningsSchema, rest.warnings, `${at} warnings`),
    steps,
    // every section was checked just above
    frames: rest.frames as StoredFrame[],
    foundCommit: culprit,
    judgeDetail: detail?.success ? detail.data : null,
  };
}

export async function getRawLog(prisma: PrismaClient, id: string): Promise<string | null> {
  const row = await prisma.rawLog.findUnique({ where: { bisectionId: id }, select: { text: true, deflated: true } });
  return row ? storedLogTextAsync(row) : null;
}

/** Lines `from`..`to` (1-based, inclusive) of a stored log, cut in the database so a page
 *  that shows a few lines of a 10 MB log does not fetch all of it. */
export async function getLogLines(prisma: PrismaClient, id: string, ranges: [number, number][]): Promise<string[]> {
  if (ranges.length === 0) return [];
  const lines = await cachedImmutable(
    prisma,
    `lines:${id}:${ranges.join(";")}`,
    (slices) => 1 + Math.ceil(slices.reduce((n, s) => n + s.length, 0) / 1000),
    async () => {
      const got = await logLinesUncached(prisma, id, ranges);
      return got.length ? got : null; // no raw log (yet): do not keep
    },
  );
  return lines ?? [];
}

/** A log stored as text (before 20261202040000) is cut in the database; a deflated one comes
 *  once (a fifth of its size) and is cut here. */
async function logLinesUncached(prisma: PrismaClient, id: string, ranges: [number, number][]): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ slice: string | null; deflated: Uint8Array | null }[]>`
    SELECT array_to_string((string_to_array(l.text, E'\\n'))[r.a:r.b], E'\\n') AS slice, CASE WHEN r.n = 1 THEN l.deflated END AS deflated
    FROM raw_log l, unnest(${ranges.map((r) => r[0])}::int[], ${ranges.map((r) => r[1])}::int[]) WITH ORDINALITY AS r(a, b, n)
    WHERE l.bisection_id = ${id}
    ORDER BY r.n`;
  const deflated = rows[0]?.deflated ?? null;
  if (deflated === null) return rows.map((r) => r.slice ?? "");
  const text = await storedLogTextAsync({ text: null, deflated });
  const starts = lineStarts(text);
  return ranges.map(([a, b]) => linesBetween(text, starts, a, b));
}
