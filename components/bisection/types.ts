// The shapes the bisection components read. Structural, so the page can pass what
// lib/data/bisection selects without components importing the data layer.
import type { Finding, Verdict } from "@/lib/analysis/types";

export type { Finding, Verdict };

export interface UiRun {
  index: number;
  outcome: string;
  title: string | null;
  line: number;
  endLine: number;
}

export interface UiStep {
  index: number;
  commitHash: string;
  role: string;
  release: string | null;
  subject: string | null;
  compiler: string | null;
  compilerType: string | null;
  kernelSignature: string | null;
  buildError: string | null;
  allRunsOutcome: string | null;
  allRunsTitle: string | null;
  allRunsLine: number | null;
  notes: unknown;
  verdict: string | null;
  verdictLine: number | null;
  revisionsLeft: number | null;
  untested: boolean;
  line: number;
  endLine: number;
  runs: UiRun[];
}

export interface UiFile {
  path: string;
  created: boolean;
  deleted: boolean;
  changes: number | null;
  insertions: number | null;
  deletions: number | null;
}

export interface UiCommit {
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
  files: UiFile[];
}

export interface UiFrame {
  position: number;
  function: string;
  offset: number | null;
  size: number | null;
  file: string | null;
  line: number | null;
  inline: boolean;
  module: string | null;
  unreliable: boolean;
  section: string;
  context: string | null;
  logLine: number;
}

/** Step subject as this log gave it (lib/data fills in the culprit's own header subject). */
export function stepSubject(s: UiStep): string | null {
  return s.subject;
}

/** The judge's stored detail (lib/validations/judge-detail.ts), structurally. */
export interface UiGuiltyRoute {
  file: string;
  frame: number | null;
  line: number;
  rule: string;
  why: string;
}

export interface UiStepTrust {
  commit: string;
  verdict: string;
  trusted: boolean;
  why: string | null;
  line: number;
}

export interface UiTrustedRange {
  reference: string[];
  steps: UiStepTrust[];
  good: string;
  bad: string;
  goodLine: number | null;
  badLine: number | null;
  candidates: number | null;
  stepsLeft: number | null;
  allTrusted: boolean;
  reproduces: boolean;
  script: string;
  hint: string;
}
