// TEST-BLOCK shapes (§2.2, §2.3), each named after the real log era or file it came from.
import { describe, expect, it } from "vitest";
import { A, B, parse } from "./test-helpers";
import { parseVerdict } from "./test-block";



describe("test blocks", () => {
  it("2021 E5: `testing commit <sha> with gcc (GCC) 10.2.1`, 64-hex signature, per-run lines", () => {
    const log = parse([
      `bisecting cause commit starting from ${A}`,
      `testing commit ${A} with gcc (GCC) 10.2.1 20210217`,
      "kernel signature: ca1683d14591197deabb3d2412597340e2c481fc53d8646af4c40150afed3b81",
      "run #0: crashed: WARNING: refcount bug in sk_psock_get",
      "run #1: OK",
      "run #2: boot failed: WARNING in kvm_wait",
    ]);
    const s = log.steps[0];
    expect(s).toMatchObject({ role: "start", commit: A, compiler: "gcc (GCC) 10.2.1 20210217", compilerType: null, line: 2, endLine: 6 });
    expect(s.kernelSignature).toMatch(/^ca1683/);
    expect(s.runs.map((r) => [r.index, r.outcome, r.title, r.line])).toEqual([
      [0, "crashed", "WARNING: refcount bug in sk_psock_get", 4],
      [1, "ok", null, 5],
      [2, "boot-failed", "WARNING in kvm_wait", 6],
    ]);
    expect(log.warnings).toEqual([]);
  });

  it("2022+: `testing commit <sha> gcc` then a `compiler: Debian clang ...` line", () => {
    const log = parse([`bisecting cause commit starting from ${A}`, `testing commit ${A} gcc`, "compiler: Debian clang version 15.0.7, GNU ld (GNU Binutils for Debian) 2.35.2", "all runs: OK"]);
    expect(log.steps[0]).toMatchObject({ compilerType: "gcc", compiler: "Debian clang version 15.0.7, GNU ld (GNU Binutils for Debian) 2.35.2" });
    expect(log.steps[0].allRuns).toEqual({ outcome: "ok", title: null, line: 4 });
    expect(log.steps[0].runs).toEqual([]);
  });

  it("2019 Log_104d1df1a00000: one run record carries ssh output, CRs and an empty line", () => {
    const log = parse([
      `bisecting cause commit starting from ${A}`,
      `testing commit ${A} with gcc (GCC) 8.1.0`,
      "run #0: crashed: general protection fault in sctp_sched_prio_sched",
      'run #2: basic kernel testing failed: failed to copy test binary to VM: failed to run ["scp" "-P" "22"]: exit status 1',
      "ssh: connect to host 10.128.0.47 port 22: Connection timed out\r",
      "lost connection",
      "",
      "run #3: OK",
    ]);
    const runs = log.steps[0].runs;
    expect(runs).toHaveLength(3);
    expect(runs[1]).toMatchObject({ index: 2, outcome: "test-failed", line: 4, endLine: 6 });
    expect(runs[1].title).toBe('failed to copy test binary to VM: failed to run ["scp" "-P" "22"]: exit status 1\nssh: connect to host 10.128.0.47 port 22: Connection timed out\nlost connection');
    expect(log.warnings).toEqual([]);
  });

  it("2019-2023: a bare build error (no `failed building` prefix) after `compiler:`", () => {
    const log = parse([
      `bisecting cause commit starting from ${A}`,
      "testing release v4.16",
      `testing commit ${B}`,
      "compiler: gcc (GCC) 8.4.1 20210217",
      "orc_dump.c:106:2: error: 'elf_getshnum' is deprecated [-Werror=deprecated-declarations]",
      "elf.c:135:2: error: 'elf_getshnum' is deprecated [-Werror=deprecated-declarations]",
      "testing release v4.15",
    ]);
    expect(log.steps[0]).toMatchObject({ role: "release", release: "v4.16", runs: [], allRuns: null });
    expect(log.steps[0].buildError).toBe("orc_dump.c:106:2: error: 'elf_getshnum' is deprecated [-Werror=deprecated-declarations]\nelf.c:135:2: error: 'elf_getshnum' is deprecated [-Werror=deprecated-declarations]");
    expect(log.warnings).toEqual([]);
  });

  it("2023: `failed building <sha>:` with no `testing commit` (EnvForCommit failed), then skip", () => {
    const log = parse([
      `bisecting cause commit starting from ${A}`,
      `# git bisect start ${A} ${B}`,
      "Bisecting: 10 revisions left to test after this (roughly 3 steps)",
      `[${B}] net: fix`,
      "",
      "failed to cherry pick fixes: exit status 1",
      `failed building ${B}: failed to cherry pick fixes: exit status 1`,
      `# git bisect skip ${B}`,
    ]);
    const s = log.steps[0];
    expect(s).toMatchObject({ commit: B, untested: true, verdict: "skip", verdictLine: 8, runs: [] });
    expect(s.buildError).toBe("failed to cherry pick fixes: exit status 1\nfailed to cherry pick fixes: exit status 1");
    expect(log.warnings).toEqual([]);
  });

  it("2023 E8: representative crash, false negative chance, infra/ignore verdicts, notes", () => {
    const log = parse([
      `bisecting cause commit starting from ${A}`,
      `testing commit ${A} gcc`,
      "run #0: crashed: KASAN: use-after-free Read in foo",
      "run #1: infra problem: failed to create instance",
      "run #2: ignore: lost connection to test machine",
      "run #3: failed: failed to run binary in VM",
      "representative crash: KASAN: use-after-free Read in foo, types: [KASAN-USE-AFTER-FREE-READ WARNING]",
      "unable to determine the verdict: 3 good runs (wanted 5), for bad wanted 5 in total, got 4",
      "false negative chance: 0.001",
    ]);
    const s = log.steps[0];
    expect(s.runs.map((r) => r.outcome)).toEqual(["crashed", "infra", "ignored", "failed"]);
    expect(s.representativeCrash).toEqual({ title: "KASAN: use-after-free Read in foo", types: ["KASAN-USE-AFTER-FREE-READ", "WARNING"], line: 7 });
    expect(s.falseNegativeChance).toBe(0.001);
    expect(s.notes).toEqual([{ text: "unable to determine the verdict: 3 good runs (wanted 5), for bad wanted 5 in total, got 4", line: 8 }]);
    expect(log.warnings).toEqual([]);
  });

  it("2019-2023: `failed: <err>` after the signature is a note of that block", () => {
    const log = parse([`bisecting cause commit starting from ${A}`, `testing commit ${A} with gcc (GCC) 8.1.0`, "kernel signature: a82b391a81a88de812b522a44bb2463ecc23ed790744812ab38df6c8ee80ff1c", "failed: failed to create VM pool: failed to write image file"]);
    expect(log.steps[0].notes).toEqual([{ text: "failed: failed to create VM pool: failed to write image file", line: 4 }]);
  });

  it("reads every run verdict word", () => {
    expect(parseVerdict("basic kernel testing failed: failed to copy test binary to VM")).toEqual({ outcome: "test-failed", title: "failed to copy test binary to VM" });
    expect(parseVerdict("boot failed: can't ssh into the instance")).toEqual({ outcome: "boot-failed", title: "can't ssh into the instance" });
    expect(parseVerdict("OK")).toEqual({ outcome: "ok", title: null });
  });
});
