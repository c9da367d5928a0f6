// The flakiness matrix: crash titles (columns) against tested commits (rows). A cell is k/n,
// the runs at that commit that crashed with that title out of all its runs. Boot failures
// and basic-testing failures with a title are counted apart: they happen before the reproducer
// runs (a kernel that cannot boot or pass syzkaller's own checks blocks the bisection there).
import { groupKey, headline } from "@/lib/analysis/blocking";
import { RUN_OUTCOME } from "@/lib/domain/words";
import type { PageStep } from "./types";

export interface SignatureCell {
  /** crashed runs with this title */
  k: number;
  /** runs at this commit; null when the log only says `all runs:` */
  n: number | null;
  /** `all runs: crashed: <title>` */
  all: boolean;
  /** boot failures with this title */
  boot: number;
  /** `all runs: boot failed: <title>` */
  allBoot: boolean;
  /** runs that failed basic kernel testing with this title */
  basic: number;
  /** `all runs: basic kernel testing failed: <title>` */
  allBasic: boolean;
}

export interface SignatureColumn {
  title: string;
  /** step indexes (timeline rows) where it crashed or failed to boot */
  rows: number[];
  /** summed over rows with a known run count */
  crashes: number;
  runs: number;
  /** rows where every run crashed with it (`all runs:`) */
  allRows: number;
  /** boot failures summed over rows with run lines; rows where every run failed to boot with it */
  boot: number;
  bootAllRows: number;
  /** basic-testing failures the same way: counted runs, and `all runs:` rows (run count not logged) */
  basic: number;
  basicAllRows: number;
  /** no longer seen after this row while later commits still crashed with other titles */
  vanishedAfter: number | null;
  isStart: boolean;
  isFinal: boolean;
  cells: Map<number, SignatureCell>;
}

function cellOf(col: SignatureColumn, step: PageStep): SignatureCell {
  let c = col.cells.get(step.index);
  if (!c) {
    c = { k: 0, n: step.allRunsOutcome ? null : step.runs.length, all: false, boot: 0, allBoot: false, basic: 0, allBasic: false };
    col.cells.set(step.index, c);
  }
  return c;
}

export function signatureColumns(steps: PageStep[], startTitle: string | null, finalTitle: string | null): SignatureColumn[] {
  const byTitle = new Map<string, SignatureColumn>();
  const column = (title: string, key = title) => {
    let col = byTitle.get(key);
    if (!col) {
      col = { title, rows: [], crashes: 0, runs: 0, allRows: 0, boot: 0, bootAllRows: 0, basic: 0, basicAllRows: 0, vanishedAfter: null, isStart: title === startTitle, isFinal: title === finalTitle, cells: new Map() };
      byTitle.set(key, col);
    }
    return col;
  };
  // a basic-testing failure joins the column of the crash with its title, else one column per
  // title with its numbers ignored (machinery messages name an address per run)
  const basicColumn = (title: string) => {
    const one = headline(title);
    return byTitle.get(one) ?? column(one, groupKey("test-failed", one));
  };
  let lastCrashRow = -1;
  for (const step of steps) {
    const records = step.allRunsOutcome ? [{ outcome: step.allRunsOutcome, title: step.allRunsTitle }] : step.runs;
    for (const r of records) {
      if (r.title && r.outcome === "test-failed") {
        const cell = cellOf(basicColumn(r.title), step);
        cell.basic += 1;
        cell.allBasic = !!step.allRunsOutcome;
        continue;
      }
      if (!r.title || !RUN_OUTCOME[r.outcome].signature) continue;
      const cell = cellOf(column(r.title), step);
      if (r.outcome === "boot-failed") {
        cell.boot += 1;
        cell.allBoot = !!step.allRunsOutcome;
      }
      else if (step.allRunsOutcome) cell.all = true;
      else cell.k += 1;
      if (r.outcome === "crashed") lastCrashRow = Math.max(lastCrashRow, step.index);
    }
  }
  const cols = [...byTitle.values()];
  for (const col of cols) {
    for (const [row, c] of col.cells) {
      col.rows.push(row);
      // an `all runs:` row's run count is not logged: counted as a row, not as runs
      if (c.allBoot) col.bootAllRows += 1;
      else col.boot += c.boot;
      if (c.allBasic) col.basicAllRows += 1;
      else col.basic += c.basic;
      if (c.all) col.allRows += 1;
      else if (c.k > 0 && c.n) {
        col.crashes += c.k;
        col.runs += c.n;
      }
    }
    const last = col.rows.reduce((m, r) => Math.max(m, r), -Infinity);
    if (last < lastCrashRow) col.vanishedAfter = last;
  }
  return cols;
}

/** How dark a k/n cell is shaded, 0 (none) to 5 (every run crashed with it). */
export function shade(c: SignatureCell): number {
  if (c.all) return 5;
  if (!c.n || c.k === 0) return 0;
  return Math.max(1, Math.round((c.k / c.n) * 5));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Where a column's title was seen, short (`46/70 runs + all at 1`) and in words, in counts the
 *  log gives: `run #N` lines are counted, an `all runs:` line is one commit whose run count the
 *  log does not say. */
export function columnRate(col: SignatureColumn): { text: string; title: string } {
  const parts: string[] = [];
  const where = plural(col.rows.length, "commit");
  if (col.runs > 0) parts.push(`${col.crashes} of ${col.runs} runs (${Math.round((col.crashes / col.runs) * 100)}%)`);
  if (col.allRows > 0) parts.push(`all runs at ${plural(col.allRows, "commit")} (run count not logged)`);
  if (col.boot > 0) parts.push(plural(col.boot, "boot failure"));
  if (col.bootAllRows > 0) parts.push(`every run failed to boot at ${plural(col.bootAllRows, "commit")} (run count not logged)`);
  if (col.basic > 0) parts.push(plural(col.basic, "basic-testing failure"));
  if (col.basicAllRows > 0) parts.push(`every run failed basic testing at ${plural(col.basicAllRows, "commit")} (run count not logged)`);
  const text =
    col.runs > 0
      ? `${col.crashes}/${col.runs} runs${col.allRows > 0 ? ` + all at ${col.allRows}` : ""}`
      : col.allRows > 0
        ? `all runs at ${col.allRows}`
        : col.basic > 0 || col.basicAllRows > 0
          ? "basic testing only"
          : "boot only";
  return { text, title: `${col.title}: ${parts.join(", ")} where seen (${where})` };
}

/** A column's boot or basic-testing failures in the units the log gives: `×3` counted runs,
 *  `×38 + all at 5` with `all runs:` rows, `all at 3` with only those. */
export function lostCount(runs: number, allRows: number): string {
  if (allRows === 0) return `×${runs}`;
  return runs > 0 ? `×${runs} + all at ${allRows}` : `all at ${allRows}`;
}

/** A cell in words (its tooltip): `#7: WARNING in kvm_wait: 6 of 10 runs, 1 boot failure`. */
export function cellTitle(col: SignatureColumn, row: number, c: SignatureCell): string {
  const crashes = c.all ? "all runs" : `${c.k} of ${c.n ?? "?"} runs`;
  const boots = c.allBoot ? "every run failed to boot with it" : c.boot ? `${c.boot} boot failure${c.boot === 1 ? "" : "s"}` : "";
  const basic = c.allBasic ? "every run failed basic kernel testing with it" : c.basic ? `${c.basic} of ${c.n ?? "?"} runs failed basic kernel testing with it` : "";
  return `#${row}: ${col.title}: ${[c.k || c.all ? crashes : "no crashes", boots, basic].filter(Boolean).join(", ")}`;
}

/** The key of the matrix column at `i`: A to Z, then 27, 28, ... (a log has a dozen titles at
 *  most in practice). */
export function sigKey(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : String(i + 1);
}
