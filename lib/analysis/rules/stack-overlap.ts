// Stack overlap: a culprit that introduced a bug usually changes the code that crashes, or code
// next to it. A culprit that touches nothing on the crash stack, nor any directory of it, has to
// act at a distance (a new caller, a config, a timing change), which is possible but needs a look.
// Two kinds of report carry the bug elsewhere: a use-after-free or double free is as often the
// fault of the code that freed (or allocated) the object, so KASAN's "Freed by"/"Allocated by"
// stacks count; and a hang report's stack is where some task waited, not where the bug is, so
// distance from it proves nothing.
// Not for fix bisections: they have no crash report (bisect-log-format §3.3), so no stack.
import { uniqueSorted } from "@/lib/unique";
import type { CrashReport } from "@/lib/parser/types";
import { type Context } from "../context";
import { normalisePath } from "@/lib/domain/paths";
import { stackFiles } from "../guilty";
import { titleKey } from "../titles";
import type { Finding } from "../types";

/** Files of KASAN's allocation and free stacks, normalised. */
function objectStackFiles(crash: CrashReport): { file: string; line: number }[] {
  return crash.frames
    .filter((f) => f.file && (f.section === "allocated" || f.section === "freed"))
    .map((f) => ({ file: normalisePath(f.file as string), line: f.logLine }));
}

function dir(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

/** Old git printed raw lines for top-level directories only (`net`, `fs`): such a path covers a tree. */
function covers(changed: string, file: string): boolean {
  return changed === file || (!changed.includes(".") && file.startsWith(changed + "/"));
}

/** The first changed path (in commit order) that covers a file of `object`, with the first such
 *  file (in report order): what a scan of every pair gives, through the files sorted by path,
 *  where those a path covers are two runs (equal to it, or under `path/`). */
function firstCovered<C extends { path: string }, O extends { file: string }>(changed: C[], object: O[]): { changed: C; object: O } | null {
  if (object.length === 0) return null;
  const order = object.map((_, i) => i).sort((a, b) => (object[a].file < object[b].file ? -1 : object[a].file > object[b].file ? 1 : a - b));
  const lowerBound = (key: string) => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (object[order[mid]].file < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const c of changed) {
    let best = Infinity;
    for (let k = lowerBound(c.path); k < order.length && object[order[k]].file === c.path; k++) best = Math.min(best, order[k]);
    if (!c.path.includes(".")) {
      const under = `${c.path}/`;
      for (let k = lowerBound(under); k < order.length && object[order[k]].file.startsWith(under); k++) best = Math.min(best, order[k]);
    }
    if (best !== Infinity) return { changed: c, object: object[best] };
  }
  return null;
}

/** Where the culprit is against the crash, once per judgement (new-interface reads it too). */
const placed = new WeakMap<Context, Finding[]>();

export function stackOverlap(ctx: Context): Finding[] {
  let f = placed.get(ctx);
  if (!f) placed.set(ctx, (f = place(ctx)));
  return f;
}

/** The culprit touches nothing on the crash stack, nor any directory of it, nor the object's
 *  allocation or free stacks, and the report is no hang: stack-overlap's medium case. */
export function farFromCrash(ctx: Context): boolean {
  return stackOverlap(ctx).some((f) => f.severity === "medium");
}

function place(ctx: Context): Finding[] {
  const commit = ctx.log.commit;
  const crash = ctx.log.crash;
  if (ctx.fix || !commit || !crash || commit.files.length === 0 || !ctx.guilty) return [];
  const changed = commit.files.map((f, i) => ({ path: ctx.foundPaths[i], line: f.line }));
  const guilty = ctx.guilty.file;
  const guiltyLine = ctx.guilty.line;
  const hit = changed.find((c) => covers(c.path, guilty));
  if (hit)
    return [finding("info", `The culprit changes ${hit.path}, where the crash's guilty frame is.`, [guiltyLine, hit.line], hit.path === guilty ? "guilty-file" : "guilty-tree")];
  const stack = stackFiles(crash);
  for (const c of changed) {
    const onStack = stack.find((s) => covers(c.path, s));
    if (onStack) {
      const frame = crash.frames.find((f) => f.file && normalisePath(f.file) === onStack);
      return [finding("info", `The culprit changes ${c.path}, which is on the crash stack (guilty file ${guilty}).`, [c.line, frame?.logLine ?? guiltyLine], "on-stack")];
    }
  }
  const dirs = new Set([guilty, ...stack].map(dir));
  const near = changed.find((c) => dirs.has(dir(c.path)));
  if (near)
    return [finding("info", `The culprit changes ${near.path}, in the same directory as the crash stack, but not the guilty file ${guilty}.`, [near.line, guiltyLine], "same-directory")];
  const o = firstCovered(changed, objectStackFiles(crash));
  if (o) return [finding("info", `The culprit changes ${o.changed.path}, which allocated or freed the object the crash accessed.`, [o.changed.line, o.object.line], "object-stack")];
  if (titleKey(crash.title).hang)
    return [finding("info", `The culprit touches nothing on the stack of this hang report, but a hang's stack shows where a task waited, not where the bug is.`, [guiltyLine], "hang")];
  return [
    finding(
      "medium",
      `The culprit touches none of the ${new Set(stack).size} files on the crash stack nor their directories; the guilty file is ${guilty}.`,
      [guiltyLine, ...changed.map((c) => c.line).slice(0, 5)],
    ),
  ];
}

function finding(severity: Finding["severity"], message: string, lines: number[], kind?: string): Finding {
  return { rule: "stack-overlap", severity, message, lines: uniqueSorted(lines), ...(kind ? { kind } : {}) };
}
