// Detector commit: a commit that adds or sharpens a debugging check makes an old bug visible.
// Bisection then blames the check, not the bug (docs/syzbot.md: "bisection to the addition/
// improvement of the tool"). Two kinds of evidence: the crash is reported from code the culprit
// created, or the culprit changes a debug facility.
// Not for fix bisections: there is no crash report to place the reporting code, and a fix that
// touches a debug facility is usually the fix of a report in it, not a sign of a wrong result.
import { uniqueSorted } from "@/lib/unique";
import type { ChangedFile } from "@/lib/parser/types";
import { type Context } from "../context";
import { normalisePath } from "@/lib/domain/paths";
import type { Finding } from "../types";

/** `kernel/locking/<name with "debug">.[ch]` (`spinlock_debug.c`, `mutex-debug.c`), tested without the backtracking `[\w-]*debug[\w-]*`. */
const LOCKING_FILE = /^kernel\/locking\/([\w-]*)\.[ch]$/;
const lockingDebug = { test: (path: string) => LOCKING_FILE.exec(path)?.[1].includes("debug") === true };

/** Files that belong to debug facilities. */
const DEBUG_FILES: { test(path: string): boolean }[] = [
  /(^|\/)Kconfig\.(debug|kasan|ubsan|kcsan|kmsan|kfence|kgdb)$/, // debug Kconfig menus
  /^mm\/(kasan|kmsan|kfence)\//, // memory-error detectors
  /^kernel\/kcsan\//, // data-race detector
  /^lib\/(ubsan|debugobjects|list_debug|ref_tracker|refcount)\.c$/, // checkers in lib/
  /^kernel\/locking\/lockdep[\w.]*\.[ch]$/, // lockdep
  lockingDebug, // lock debugging
  /^include\/linux\/(kasan|kcsan|kmsan|kfence|ubsan|lockdep|ref_tracker|debugobjects)[\w-]*\.h$/,
];

/** Where every DEBUG_FILES path lives: tested first with prefixes, so a culprit of 60,000 files
 *  elsewhere costs no regex each (lib/analysis/rules.test.ts holds the patterns' cases). */
function mayBeDebugFile(path: string): boolean {
  return path.startsWith("mm/") || path.startsWith("kernel/") || path.startsWith("lib/") || path.startsWith("include/linux/") || path.includes("Kconfig.");
}

/** Does a (normalised) path belong to a debug facility? */
export function isDebugFile(path: string): boolean {
  return mayBeDebugFile(path) && DEBUG_FILES.some((re) => re.test(path));
}

/** A debug facility named in a subject or message (names, not ordinary English words). */
const FACILITY = /\bCONFIG_DEBUG_\w+|\b(?:lockdep|KASAN|KCSAN|UBSAN|KMSAN|KFENCE|kmemleak|ref_?tracker|debugobjects)\b/i;
/** Verbs that introduce a new check... */
const VERB = /\b(?:add|adds|added|introduce|introduces|introduced|enable|enables|enabled)\b/gi;
/** ...and the check itself: the kernel's assertion macros, spelt as the kernel spells them. A
 *  commit that "adds an assertion" or "a warning" in words is not thereby a debug facility. */
const CHECK_MACRO = /\b(?:WARN|WARN_ON\w*|WARN_ONCE|BUG_ON|VM_BUG_ON\w*|VM_WARN_ON\w*|DEBUG_LOCKS_WARN_ON|lockdep_assert\w*|might_sleep)\b/;

/** The words of a subject or message that announce a new or stricter debugging check. */
/** Every CHECK_MACRO match holds one of these: a text without them needs no look after its verbs
 *  (a message of 500,000 "add"s would otherwise be read 500,000 times). */
const MACRO_PARTS = ["WARN", "BUG_ON", "lockdep_assert", "might_sleep"];

export function debugWording(text: string): string | null {
  const f = FACILITY.exec(text);
  if (f) return f[0];
  if (!MACRO_PARTS.some((p) => text.includes(p))) return null;
  for (const v of text.matchAll(VERB)) {
    const after = text.slice(v.index, v.index + v[0].length + 40);
    const cut = after.search(/[.\n]/);
    const m = CHECK_MACRO.exec(cut < 0 ? after : after.slice(0, cut));
    if (m) return `${v[0]} … ${m[0]}`;
  }
  return null;
}

export function detectorCommit(ctx: Context): Finding[] {
  const commit = ctx.log.commit;
  const crash = ctx.log.crash;
  if (!commit || ctx.fix) return [];
  // frames above the guilty one: the reporting code. A created *guilty* file means the culprit
  // wrote the buggy code, which is no sign of a detector.
  // (the guilty file may come from a line that is no parsed frame, e.g. `UBSAN: ... in f.c:164:28`:
  // then the frames above it are those before its line)
  const g = ctx.guilty;
  const top = !crash ? [] : !g ? crash.frames.slice(0, 5) : crash.frames.filter((f, i) => (g.frameIndex !== null ? i < g.frameIndex : f.logLine < g.line));
  // made only when a frame can be looked up in it (a culprit may create 60,000 files)
  const paths = ctx.foundPaths;
  const created = top.some((f) => f.file) ? new Set(paths.filter((_, i) => commit.files[i].created)) : new Set<string>();
  const inCreated = top.filter((f) => f.file && created.has(normalisePath(f.file)) && normalisePath(f.file) !== g?.file);
  if (inCreated.length > 0) {
    const file = normalisePath(inCreated[0].file as string);
    return [
      {
        rule: "detector-commit",
        severity: "high",
        message: `The crash is raised in ${file}, a file the culprit created: the culprit added the code that reports the crash, the bug itself may be older.`,
        lines: uniqueSorted([commit.line, ...commit.files.filter((_, i) => created.has(paths[i])).map((f) => f.line), inCreated[0].logLine]),
      },
    ];
  }
  const debugFiles: ChangedFile[] = commit.files.filter((_, i) => isDebugFile(paths[i]));
  const inSubject = debugWording(commit.subject);
  const words = inSubject ?? debugWording(commit.message);
  if (debugFiles.length === 0 && !words) return [];
  const guiltyTouched = ctx.guilty !== null && paths.includes(ctx.guilty.file);
  const what = debugFiles.length > 0 ? `changes ${debugFiles.map((f) => f.path).join(", ")}` : `mentions “${words}”`;
  return [
    {
      rule: "detector-commit",
      severity: guiltyTouched ? "low" : debugFiles.length > 0 || inSubject ? "medium" : "low",
      message: `The culprit ${what}, so it may have added the check that reports the crash rather than the bug${guiltyTouched ? " (it also changes the guilty file)" : ""}.`,
      lines: uniqueSorted([commit.line, ...debugFiles.map((f) => f.line)]),
    },
  ];
}
