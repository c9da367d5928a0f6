// The flakiness matrix: crash titles (columns) against tested commits (rows). A cell is k:n,
// the runs at that commit that crashed with that title out of all its runs. Boot failures
// with a title are counted apart: they happen without the reproducer.
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
  /** no longer seen after this row while later commits still crashed with other titles */
  vanishedAfter: number | null;
  isStart: boolean;
  isFinal: boolean;
  cells: Map<number, SignatureCell>;
}

function cellOf(col: SignatureColumn, step: UiStep): SignatureCell {
  let c = col.cells.get(step.index);
  if (!c) {
    c = { k: 0, n: step.allRunsOutcome ? null : step.runs.length, all: false, boot: 0, allBoot: false };
    col.cells.set(step.index, c);
  }
  return c;
}

export function signatureColumns(steps: UiStep[], startTitle: string | null, finalTitle: string | null): SignatureColumn[] {
  const byTitle = new Map<string, SignatureColumn>();
  const column = (title: string) => {
    let col = byTitle.get(title);
    if (!col) {
      col = { title, rows: [], crashes: 0, runs: 0, allRows: 0, boot: 0, vanishedAfter: null, isStart: title === startTitle, isFinal: title === finalTitle, cells: new Map() };
      byTitle.set(title, col);
    }
    return col;
  };
  let lastCrashRow = -1;
  for (const step of steps) {
    const records = step.allRunsOutcome ? [{ outcome: step.allRunsOutcome, title: step.allRunsTitle }] : step.runs;
    for (const r of records) {
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
