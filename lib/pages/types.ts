// The stored bisection as the page models read it: structural, so lib/data's rows, the
// parser's output in tests and hand-made fixtures all fit. Words are the domain's
// (lib/domain/words.ts), never bare strings.
import type { RunOutcome } from "@/lib/domain/words";
import type { ChangedFile, Frame, Run, Step } from "@/lib/parser/types";

/** A run as the parser reads it and lib/data stores it. */
export type PageRun = Run;

/** A step as lib/data stores it: the parser's Step with its commit as `commitHash` and its
 *  `all runs:` line flattened into three columns. */
export type PageStep = Pick<
  Step,
  "index" | "role" | "release" | "subject" | "compiler" | "compilerType" | "kernelSignature" | "buildError" | "notes" | "verdict" | "verdictLine" | "revisionsLeftAtTest" | "untested" | "line" | "endLine" | "runs"
> & {
  commitHash: string;
  allRunsOutcome: RunOutcome | null;
  allRunsTitle: string | null;
  allRunsLine: number | null;
};

/** A changed file as stored (the diffstat's log line is not kept). */
export type PageFile = Omit<ChangedFile, "line">;

export interface PageCommit {
  hash: string;
  subject: string | null;
  author: string | null;
  authorEmail: string | null;
  dateText: string | null;
  date: Date | string | null;
  message: string | null;
  mergeParents: string[];
  filesChanged: number | null;
  insertions: number | null;
  deletions: number | null;
  files: PageFile[];
}

/** A frame as the parser reads it, with its place in the report (lib/data's `position`). */
export interface PageFrame extends Frame {
  position: number;
}
