// The flakiness matrix: crash titles (columns) against tested commits (rows). A cell is k:n,
// the runs at that commit that crashed with that title out of all its runs. Boot failures
// and basic-testing failures with a title are counted apart: they happen before the reproducer
// runs (a kernel that cannot boot or pass syzkaller's own checks blocks the bisection there).
import { groupKey, headline } from "@/lib/analysis/blocking";
import type { UiStep } from "./types";

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
  boot: number;
  /** basic-testing failures summed over rows (an `all runs:` row counts once) */
  basic: number;
  /** no longer seen after this row while later commits still crashed with other titles */
  vanishedAfter: number | null;
  isStart: boolean;
  isFinal: boolean;
  cells: Map<number, SignatureCell>;
}

function cellOf(col: SignatureColumn, step: UiStep): SignatureCell {
  let c = col.cells.get(step.index);
  if (!c) {
    c = { k: 0, n: step.allRunsOutcome ? null : step.runs.length, all: false, boot: 0, allBoot: false, basic: 0, allBasic: false };
    col.cells.set(step.index, c);
  }
  return c;
}

export function signatureColumns(steps: UiStep[], startTitle: string | null, finalTitle: string | null): SignatureColumn[] {
  const byTitle = new Map<string, SignatureColumn>();
  const column = (title: string, key = title) => {
    let col = byTitle.get(key);
    if (!col) {
      col = { title, rows: [], crashes: 0, runs: 0, allRows: 0, boot: 0, basic: 0, vanishedAfter: null, isStart: title === startTitle, isFinal: title === finalTitle, cells: new Map() };
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
      if (!r.title || (r.outcome !== "crashed" && r.outcome !== "boot-failed")) continue;
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
      col.boot += c.boot;
      col.basic += c.basic;
      if (c.all) col.allRows += 1;
      else if (c.k > 0 && c.n) {
        col.crashes += c.k;
        col.runs += c.n;
      }
    }
    const last = Math.max(...col.rows);
    if (last < lastCrashRow) col.vanishedAfter = last;
  }
  return cols;
}

/** Background shade for a k:n cell, in steps so the classes stay static for Tailwind. The
 *  strongest shade keeps text at AA contrast in both themes. */
const SHADES = ["", "bg-crash/10", "bg-crash/15", "bg-crash/20", "bg-crash/25", "bg-crash/30"];
export function shadeClass(c: SignatureCell): string {
  if (c.all) return SHADES[5];
  if (!c.n || c.k === 0) return "";
  return SHADES[Math.max(1, Math.round((c.k / c.n) * 5))];
}
