// New interface: a reproducer can only reach a bug through the interfaces it calls. A culprit
// that adds to the user-space API (a header under include/uapi/: a new syscall, ioctl, socket
// option, netlink attribute or device) and touches nothing near the crash most often gave the
// reproducer its way in: before it, the reproducer's call failed and nothing crashed, so the
// bisection stops there whatever the age of the bug. The study behind the corpus (Gu et al.,
// FSE 2024) puts half of the wrong cause bisections down to a reproducer that cannot reach the
// bug before some later commit; the raw-gadget USB interface and new socket options are the
// corpus's cases of this one. A uapi change beside the crash is the opposite case, a new feature
// with its own bug, and says nothing.
// Not for fix bisections: stack-overlap does not run there (no crash report).
import { uniqueSorted } from "@/lib/unique";
import { type Context } from "../context";
import type { Finding } from "../types";
import { isMerge } from "./culprit-kind";
import { farFromCrash } from "./stack-overlap";

/** A user-space API header, as the kernel lays them out (include/uapi/, arch/<arch>/include/uapi/;
 *  a `.h`, not the directory's Kbuild). */
export function isUapiHeader(path: string): boolean {
  if (!path.endsWith(".h")) return false;
  if (path.startsWith("include/uapi/")) return true;
  if (!path.startsWith("arch/")) return false;
  const slash = path.indexOf("/", 5);
  return slash > 5 && path.startsWith("/include/uapi/", slash);
}

/** Headers named in one sentence (a culprit may change hundreds). */
const NAMED = 3;

export function newInterface(ctx: Context): Finding[] {
  const commit = ctx.log.commit;
  // a merge brings in many commits at once: merge-culprit already says so, and which one added
  // the interface is not this log's to tell
  if (ctx.fix || !commit || isMerge(commit)) return [];
  const uapi = ctx.foundPaths.flatMap((p, i) => (isUapiHeader(p) ? [{ path: p, line: commit.files[i].line }] : []));
  if (uapi.length === 0 || !farFromCrash(ctx)) return [];
  const named = uapi.slice(0, NAMED).map((u) => u.path).join(", ") + (uapi.length > NAMED ? ` and ${uapi.length - NAMED} more` : "");
  return [
    {
      rule: "new-interface",
      severity: "medium",
      message: `The culprit changes the user-space API (${named}) and nothing near the crash: it more likely gave the reproducer a new way in than wrote the bug, which may be older.`,
      lines: uniqueSorted([commit.line, ...uapi.slice(0, NAMED).map((u) => u.line)]),
    },
  ];
}
