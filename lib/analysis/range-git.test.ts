// The replay script against real git: a linear history of 64 commits where commit 40 brings the
// bug, bisected by real `git bisect` with the bisection's own output written in syzbot's log
// format. Where every verdict is trusted, `git bisect replay` of the judge's script ends on the
// same first bad commit; where an unrelated crash ("WARNING in kvm_wait") drove a bad verdict,
// the replayed range holds exactly the commits the judge says are left.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import { trustedRange } from "./range";

const BUG = "KASAN: use-after-free Read in foo_bar";
const GCC = "gcc (GCC) 10.2.1 20210217";
const INTRODUCED = 40;

let dir: string;
let commits: string[] = [];
const git = (...args: string[]) =>
  execFileSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_DATE: "2021-01-11T15:37:07Z", GIT_COMMITTER_DATE: "2021-01-11T15:37:07Z" } });

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "bisectview-replay-"));
  git("init", "-q");
  git("config", "user.email", "ann@example.org");
  git("config", "user.name", "Ann Dev");
  for (let i = 0; i < 64; i++) {
    writeFileSync(path.join(dir, "bar.c"), `int v = ${i};\n`);
    git("add", "bar.c");
    git("commit", "-qm", `foo: change ${i}`);
  }
  commits = git("rev-list", "--reverse", "HEAD").trim().split("\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bisect commits[1..63] with `crashOf(i)` deciding each test, and write the log as syzbot does. */
function bisect(crashOf: (i: number) => string | null): string {
  const start = commits[63];
  const good = commits[0];
  const out = [`bisecting cause commit starting from ${start}`, `building syzkaller on ${"9".repeat(40)}`];
  out.push(`testing commit ${start} with ${GCC}`, `kernel signature: ${"a".repeat(64)}`, `all runs: crashed: ${BUG}`);
  out.push("testing release v5.11", `testing commit ${good} with ${GCC}`, `kernel signature: ${"b".repeat(64)}`, "all runs: OK");
  out.push(`# git bisect start ${start} ${good}`);
  let said = git("bisect", "start", start, good);
  for (let n = 0; n < 20; n++) {
    out.push(...said.trim().split("\n"));
    const first = /^([0-9a-f]{40}) is the first bad commit/m.exec(said);
    if (first) {
      // syzbot's summary after git's own output
      const subject = git("log", "-1", "--format=%s", first[1]).trim();
      out.push("", `culprit signature: ${"c".repeat(64)}`, `parent  signature: ${"d".repeat(64)}`);
      out.push(`revisions tested: ${n + 2}, total time: 1h2m3.5s (build: 30m1s, test: 30m2s)`);
      out.push(`first bad commit: ${first[1]} ${subject}`, 'recipients (to): ["ann@example.org"]', "recipients (cc): []");
      break;
    }
    const h = /^\[([0-9a-f]{40})\]/m.exec(said)![1];
    const crash = crashOf(commits.indexOf(h));
    out.push(`testing commit ${h} with ${GCC}`, `kernel signature: ${h}${h.slice(0, 24)}`, crash ? `all runs: crashed: ${crash}` : "all runs: OK");
    out.push(`# git bisect ${crash ? "bad" : "good"} ${h}`);
    said = git("bisect", crash ? "bad" : "good", h);
  }
  git("bisect", "reset");
  return out.join("\n") + "\n";
}

function rangeOf(text: string) {
  const r = parseBisectionLog(text);
  if (!r.ok) throw new Error(r.reason);
  return { log: r.log, range: trustedRange(r.log)! };
}

function replay(script: string): string {
  const file = path.join(dir, "..", `${path.basename(dir)}.replay`);
  writeFileSync(file, script);
  try {
    return git("bisect", "replay", file);
  } finally {
    rmSync(file);
  }
}

describe("replay script against real git", () => {
  it("reproduces the first bad commit when every verdict is trusted", () => {
    const text = bisect((i) => (i >= INTRODUCED ? BUG : null));
    const { log, range } = rangeOf(text);
    expect(log.commit?.hash).toBe(commits[INTRODUCED]);
    expect(range.allTrusted).toBe(true);
    expect(range.candidates).toBe(1);
    const said = replay(range.script);
    expect(said).toContain(`${commits[INTRODUCED]} is the first bad commit`);
    git("bisect", "reset");
  });

  it("leaves exactly the commits it says when an unrelated crash drove a bad verdict", () => {
    // commits 30-39 crash with another subsystem's bug: git is sent below the real culprit
    const text = bisect((i) => (i >= INTRODUCED ? BUG : i >= 30 ? "WARNING in kvm_wait" : null));
    const { log, range } = rangeOf(text);
    expect(log.commit?.hash).not.toBe(commits[INTRODUCED]);
    expect(range.allTrusted).toBe(false);
    expect(range.steps.filter((s) => !s.trusted).every((s) => s.why === "crashed only with “WARNING in kvm_wait”")).toBe(true);
    const said = replay(range.script);
    expect(said).not.toContain("is the first bad commit");
    const goods = git("for-each-ref", "--format=%(objectname)", "refs/bisect/").trim().split("\n").filter((h) => h !== git("rev-parse", "refs/bisect/bad").trim());
    const left = Number(git("rev-list", "--count", "refs/bisect/bad", "--not", ...goods).trim());
    expect(left).toBe(range.candidates);
    // the real culprit is still in the replayed range
    expect(git("rev-list", "refs/bisect/bad", "--not", ...goods)).toContain(commits[INTRODUCED]);
    git("bisect", "reset");
  });
});
