// Titles, subjects, authors, paths and function names end up in HTML attributes (tooltips,
// <meta> content) and in the Atom feed. A log is untrusted text: a title may carry terminal
// escapes or other control characters, which XML forbids and HTML calls a parse error. What
// is stored for display has each C0/C1 control (tab aside) replaced by U+FFFD; the raw log
// keeps every byte, and its line numbers do not change.
import type { BisectionLog, Step } from "@/lib/parser/types";

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

export function printable(s: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(s) ? s.replace(CONTROL, "\ufffd") : s;
}

const opt = (s: string | null): string | null => (s === null ? null : printable(s));

function step(s: Step): Step {
  return {
    ...s,
    subject: opt(s.subject),
    runs: s.runs.map((r) => (r.title === null ? r : { ...r, title: printable(r.title) })),
    allRuns: s.allRuns && { ...s.allRuns, title: opt(s.allRuns.title) },
    representativeCrash: s.representativeCrash && { ...s.representativeCrash, title: printable(s.representativeCrash.title) },
  };
}

/** The parse with its one-line display fields made printable (everything else as it was). */
export function displaySafe(log: BisectionLog): BisectionLog {
  const c = log.commit;
  return {
    ...log,
    steps: log.steps.map(step),
    bisectStart: log.bisectStart && { ...log.bisectStart, bad: printable(log.bisectStart.bad), good: printable(log.bisectStart.good) },
    commit: c && {
      ...c,
      subject: printable(c.subject),
      author: printable(c.author),
      authorName: printable(c.authorName),
      authorEmail: printable(c.authorEmail),
      files: c.files.map((f) => ({ ...f, path: printable(f.path) })),
    },
    crash: log.crash && {
      ...log.crash,
      title: printable(log.crash.title),
      frames: log.crash.frames.map((f) => ({ ...f, function: printable(f.function), file: opt(f.file) })),
    },
  };
}
