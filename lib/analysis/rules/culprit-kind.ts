// Culprits that cannot be the cause by construction: syzbot itself flags no-op, merge and
// release culprits as unreliable; a commit that only touches documentation, tools, selftests
// or another architecture does not change the kernel that crashed, and one that only touches
// Kconfig and Makefiles changes which code is built, not the code: the crashing code existed
// before it, so the bug is older and the culprit only brought it into syzbot's build.
// All apply to fix bisections, mirrored: a commit that does not change the kernel binary, a
// merge, a release commit or a documentation-only change cannot fix a crash either, and a
// Kconfig-only "fix" stops building the crashing code rather than fixing it. The architecture
// check needs the crash report, which fix bisections do not have, so it is skipped for them.
import type { FoundCommit } from "@/lib/parser/types";
import { type Context } from "../context";
import { stackFiles } from "../guilty";
import type { Finding } from "../types";

function culpritLines(c: FoundCommit): number[] {
  return [c.line];
}

export function noopCulprit(ctx: Context): Finding[] {
  const { culpritSignature: a, parentSignature: b, commit } = ctx.log;
  if (!commit || !a || a !== b) return [];
  return [
    {
      rule: "noop-culprit",
      severity: "high",
      message: `The ${ctx.found} and its parent build the same kernel binary (equal signatures), so the ${ctx.found} cannot change the crash.`,
      lines: stepsWithSignature(ctx, a),
    },
  ];
}

function stepsWithSignature(ctx: Context, sig: string): number[] {
  return ctx.log.steps.filter((s) => s.kernelSignature === sig).map((s) => s.line);
}

/** A merge commit: git's `Merge:` parents, or a merge's subject where the log printed none. */
export function isMerge(c: FoundCommit): boolean {
  return c.mergeParents.length > 0 || /^Merge (tag|branch|git|remote)/.test(c.subject);
}

export function mergeCulprit(ctx: Context): Finding[] {
  const c = ctx.log.commit;
  if (!c || !isMerge(c)) return [];
  return [
    {
      rule: "merge-culprit",
      severity: "high",
      message: `The ${ctx.found} is a merge commit; a merge rarely ${ctx.fix ? "fixes" : "introduces"} a bug itself, so the bisection probably went wrong on one of its sides.`,
      lines: culpritLines(c),
    },
  ];
}

export function releaseCulprit(ctx: Context): Finding[] {
  const c = ctx.log.commit;
  if (!c || !/^Linux \d+\.\d+(\.\d+)?(-rc\d+)?$/.test(c.subject.trim())) return [];
  return [
    {
      rule: "release-culprit",
      severity: "high",
      message: `The ${ctx.found} is the release commit “${c.subject}”, which only changes the version number.`,
      lines: culpritLines(c),
    },
  ];
}

/** Paths that are not built into the kernel under test. */
const OUT_OF_KERNEL = /^(Documentation|tools|samples|LICENSES)\/|\/selftests\/|^MAINTAINERS$|^CREDITS$|^\.mailmap$|\.(rst|txt|yaml)$/;

/** Build configuration: which code is compiled, not what it does. */
const BUILD_ONLY = /(^|\/)(Kconfig[\w.-]*|Makefile|Kbuild)$|(^|\/)configs\/[\w.-]+_defconfig$/;

export function scopeOnly(ctx: Context): Finding[] {
  const c = ctx.log.commit;
  if (!c || c.files.length === 0) return [];
  const paths = ctx.foundPaths;
  if (paths.every((p) => OUT_OF_KERNEL.test(p)))
    return [scopeFinding(ctx, c, "only touches documentation, tools or selftests, which are not part of the tested kernel")];
  if (ctx.fix) {
    if (paths.every((p) => OUT_OF_KERNEL.test(p) || BUILD_ONLY.test(p)))
      return [scopeFinding(ctx, c, "only changes Kconfig or Makefiles: it stops building the crashing code rather than fixing it")];
    return [];
  }
  const arch = crashArch(ctx);
  const archOf = (p: string) => /^arch\/([^/]+)\//.exec(p)?.[1] ?? null;
  if (paths.every((p) => OUT_OF_KERNEL.test(p) || (archOf(p) !== null && archOf(p) !== arch)))
    return [scopeFinding(ctx, c, `only touches code of another architecture than the crash's (${arch})`)];
  if (paths.every((p) => OUT_OF_KERNEL.test(p) || BUILD_ONLY.test(p)))
    return [scopeFinding(ctx, c, "only changes Kconfig or Makefiles: it decides which code is built, so the crashing code predates it and the bug is probably older")];
  return [];
}

/** Architecture of the crash: from arch/ paths on its stack, else from the report's shape. */
function crashArch(ctx: Context): string {
  for (const f of stackFiles(ctx.log.crash, 100)) {
    const m = /^arch\/([^/]+)\//.exec(f);
    if (m) return m[1];
  }
  return ctx.log.crash?.frames.some((f) => f.section === "rip") ? "x86" : ctx.log.crash?.frames.length ? "arm64" : "x86";
}

function scopeFinding(ctx: Context, c: FoundCommit, what: string): Finding {
  return { rule: "scope-only", severity: "high", message: `The ${ctx.found} ${what}.`, lines: [c.line, ...c.files.map((f) => f.line)] };
}
