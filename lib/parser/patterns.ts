// Every regex the parser runs on a bisection log, as data: one anchored pattern per record head,
// each with a real sample line (patterns.test.ts checks that every sample matches). The format
// and its eras are described in shared/reference/bisect-log-format.md; section numbers below
// refer to it. Regexes only ever see the first MAX_MATCH characters of a line.
import { RUN_OUTCOME, RUN_OUTCOMES } from "@/lib/domain/words";
import { arm32Line, authorLine, dateLine, failedBuildingLine, firstCommitLine, hostLine, representativeLine, type LineMatcher } from "./linear";

/** Longest prefix of a line that any regex is run on (guards against pathological lines). */
export const MAX_MATCH = 4096;

export interface Pattern {
  /** literal start of every matching line: the dispatcher compares it before running `re` */
  prefix: string;
  /** anchored and linear (linear.test.ts runs recheck on every one): a RegExp, or a hand-written
   *  matcher (linear.ts) where the natural regex backtracks */
  re: LineMatcher;
  sample: string;
}

const HEX40 = "[0-9a-f]{40}";

// The lazy `(.*?)\s*$` of `compiler:` and friends became `((?:.*\S)?)\s*$` (the group ends at
// the last non-blank char: one backtracking step per blank run, not per char); the others that
// backtracked are hand-written matchers in linear.ts. linear.test.ts checks each against the
// regex it replaced.

export const P = {
  // §2.1 header
  host: { prefix: "", re: hostLine, sample: "ci starts bisection 2025-07-09 13:22:22.587055103 +0000 UTC m=+182.380303436" },
  bisectingCause: { prefix: "bisecting cause commit starting from ", re: /^bisecting cause commit starting from (\S+)/, sample: "bisecting cause commit starting from 9c54130cd25528028b2d38f6ada0c79e92210390" },
  bisectingFix: { prefix: "bisecting fixing commit since ", re: /^bisecting fixing commit since (\S+)/, sample: "bisecting fixing commit since 9c54130cd25528028b2d38f6ada0c79e92210390" },
  searchingCause: { prefix: "searching for guilty commit starting from ", re: /^searching for guilty commit starting from (\S+)/, sample: "searching for guilty commit starting from 9c54130cd25528028b2d38f6ada0c79e92210390" },
  searchingFix: { prefix: "searching for fixing commit since ", re: /^searching for fixing commit since (\S+)/, sample: "searching for fixing commit since 9c54130cd25528028b2d38f6ada0c79e92210390" },
  buildingSyzkaller: { prefix: "building syzkaller on ", re: /^building syzkaller on (\S+)/, sample: "building syzkaller on 6a81331a1d4c744da9204d02ec88d558f7eea9c9" },
  fetchTags: { prefix: "fetch other tags", re: /^fetch other tags and check if the commit is present/, sample: "fetch other tags and check if the commit is present" },
  fetchFailed: { prefix: "fetch failed with ", re: /^fetch failed with /, sample: "fetch failed with exit status 128" },
  rewritten: { prefix: "rewritten commit ", re: /^rewritten commit (\S+) reidentified by title '(.*)'$/, sample: "rewritten commit 9c54130cd25528028b2d38f6ada0c79e92210390 reidentified by title 'net: fix'" },
  ensuring: { prefix: "ensuring issue is reproducible on original commit ", re: /^ensuring issue is reproducible on original commit (\S+)/, sample: "ensuring issue is reproducible on original commit 489fa31ea873282b41046d412ec741f93946fc2d" },

  // §2.2 / §2.3 test block
  testingCommit: { prefix: "testing commit ", re: /^testing commit (\S+)(?: with (.*\S|.)| (\S+))?\s*$/, sample: "testing commit 9c54130cd25528028b2d38f6ada0c79e92210390 with gcc (GCC) 10.2.1 20210217" },
  compiler: { prefix: "compiler: ", re: /^compiler: ((?:.*\S)?)\s*$/, sample: "compiler: gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40" },
  kernelSignature: { prefix: "kernel signature:", re: /^kernel signature:\s+([0-9a-f]+)\s*$/, sample: "kernel signature: ca1683d14591197deabb3d2412597340e2c481fc53d8646af4c40150afed3b81" },
  run: { prefix: "run #", re: /^run #(\d+): (.*)$/, sample: "run #9: boot failed: WARNING in kvm_wait" },
  allRuns: { prefix: "all runs: ", re: /^all runs: (.*)$/, sample: "all runs: crashed: WARNING in kvm_wait" },
  failedBuilding: { prefix: "failed building ", re: failedBuildingLine, sample: "failed building 1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c: arch/x86/kvm/x86.c:12:3: error: foo" },
  representative: { prefix: "representative crash: ", re: representativeLine, sample: "representative crash: INFO: task hung in xfs_setfilesize, types: [HANG]" },
  falseNegative: { prefix: "false negative chance: ", re: /^false negative chance: ([0-9.]+)/, sample: "false negative chance: 0.001" },
  seemsFlaky: { prefix: "reproducer seems to be flaky", re: /^reproducer seems to be flaky/, sample: "reproducer seems to be flaky" },
  undetermined: { prefix: "unable to determine the verdict", re: /^unable to determine the verdict/, sample: "unable to determine the verdict: 3 good runs (wanted 5), for bad wanted 5 in total, got 4" },
  tooManyNeither: { prefix: "too many neither good nor bad results", re: /^too many neither good nor bad results/, sample: "too many neither good nor bad results, skipping this commit" },
  reproFailure: { prefix: "repro testing failure: ", re: /^repro testing failure: /, sample: "repro testing failure: failed to create VM pool" },
  failedTesting: { prefix: "failed testing reproducer on ", re: /^failed testing reproducer on /, sample: "failed testing reproducer on 9c54130cd25528028b2d38f6ada0c79e92210390: timed out" },
  failedNote: { prefix: "failed: ", re: /^failed: /, sample: "failed: failed to create VM pool: failed to write image file" },

  // §2.4 range finding and fix-bisection checks
  testingRelease: { prefix: "testing release ", re: /^testing release (\S+)/, sample: "testing release v5.11" },
  testingHead: { prefix: "testing current HEAD ", re: /^testing current HEAD (\S+)/, sample: "testing current HEAD 9c54130cd25528028b2d38f6ada0c79e92210390" },
  picked: { prefix: "picked ", re: /^picked \[.*\] out of \S+ release tags/, sample: "picked [v6.9 v6.8 v6.7] out of 32 release tags" },
  determiningMergeBase: { prefix: "determining the merge base between ", re: /^determining the merge base between /, sample: "determining the merge base between 9c54130cd25528028b2d38f6ada0c79e92210390 and f40ddce88593482919761f74910f42f4b84c004b" },
  expectedMergeBase: { prefix: "expected 1 merge base", re: /^expected 1 merge base, got \d+/, sample: "expected 1 merge base, got 2" },
  isMergeBase: { prefix: "", re: new RegExp(`^(${HEX40})/(.*) is a merge base`), sample: "f40ddce88593482919761f74910f42f4b84c004b/Linux 5.11 is a merge base, check if it has the bug" },
  mergeBaseNoCrash: { prefix: "reproducer does not crash the merge base", re: /^reproducer does not crash the merge base/, sample: "reproducer does not crash the merge base, so there's no known bad commit" },
  headErrors: { prefix: "HEAD had kernel build, boot or test errors", re: /^HEAD had kernel build, boot or test errors/, sample: "HEAD had kernel build, boot or test errors" },
  determineRevision: { prefix: "determine whether the revision", re: /^determine whether the revision contains the guilty commit/, sample: "determine whether the revision contains the guilty commit" },
  revisionCrashed: { prefix: "revision ", re: /^revision (\S+) crashed and is reachable/, sample: "revision 9c54130cd25528028b2d38f6ada0c79e92210390 crashed and is reachable" },
  checkingMergeBase: { prefix: "checking the merge base ", re: /^checking the merge base /, sample: "checking the merge base 9c54130cd25528028b2d38f6ada0c79e92210390" },
  noExistingResult: { prefix: "no existing result", re: /^no existing result, test the revision/, sample: "no existing result, test the revision" },
  notIntroduced: { prefix: "the bug was not introduced yet", re: /^the bug was not introduced yet/, sample: "the bug was not introduced yet; pretend that kernel crashed" },

  // §2.5 git bisect records and git's own output
  gitStart: { prefix: "# git bisect start ", re: /^# git bisect start (\S+) (\S+)/, sample: "# git bisect start 9c54130cd25528028b2d38f6ada0c79e92210390 f40ddce88593482919761f74910f42f4b84c004b" },
  gitVerdict: { prefix: "# git bisect ", re: /^# git bisect (good|bad|skip) (\S+)/, sample: "# git bisect bad c5a58f877ca645a3303f7a57476f2de837fdb97a" },
  gitBisecting: { prefix: "Bisecting: ", re: /^Bisecting: (?:(\d+) revisions? left to test|a merge base must be tested)/, sample: "Bisecting: 11797 revisions left to test after this (roughly 14 steps)" },
  gitSubject: { prefix: "[", re: /^\[([0-9a-f]{40})\] ?(.*)$/, sample: "[c5a58f877ca645a3303f7a57476f2de837fdb97a] Merge tag 'for-linus-5.12b-rc2-tag'" },
  gitWarning: { prefix: "warning: ", re: /^warning: /, sample: "warning: unable to access '/syzkaller/.config/git/ignore': Permission denied" },
  gitOnlySkipped: { prefix: "There are only 'skip'ped commits", re: /^There are only 'skip'ped commits left to test/, sample: "There are only 'skip'ped commits left to test." },
  gitCouldBeAny: { prefix: "The first ", re: /^The first (?:bad|good) commit could be any of:/, sample: "The first bad commit could be any of:" },
  gitCannotBisect: { prefix: "We cannot bisect more!", re: /^We cannot bisect more!/, sample: "We cannot bisect more!" },
  bareHash: { prefix: "", re: new RegExp(`^(${HEX40})\\s*$`), sample: "116e7dbe34b448775ba2c22b4cfe4ad9007131dd" },
  firstBadBlock: { prefix: "", re: new RegExp(`^(${HEX40}) is the first (?:bad|good) commit`), sample: "997acaf6b4b59c6a9c259740312a69ea549cc684 is the first bad commit" },

  // §3.1 culprit block (git show / diff-tree output)
  commitHash: { prefix: "commit ", re: /^commit ([0-9a-f]{7,40})/, sample: "commit 997acaf6b4b59c6a9c259740312a69ea549cc684" },
  commitMerge: { prefix: "Merge: ", re: /^Merge:((?: [0-9a-f]+)+)/, sample: "Merge: 114b5b355ec0 edf070a0fb45" },
  commitAuthor: { prefix: "Author: ", re: authorLine, sample: "Author: Mark Rutland <mark.rutland@arm.com>" },
  commitDate: { prefix: "Date: ", re: dateLine, sample: "Date:   Mon Jan 11 15:37:07 2021 +0000" },
  diffstat: { prefix: " ", re: /^ ([^|]+)\| +(?:(\d+)(?: ([+-]*))?|Bin\b.*)$/, sample: " include/linux/irqflags.h       | 12 ++++++++++++" },
  diffSummary: { prefix: " ", re: /^ (\d+) files? changed(?:, (\d+) insertions?\(\+\))?(?:, (\d+) deletions?\(-\))?/, sample: " 4 files changed, 32 insertions(+)" },
  createDelete: { prefix: " ", re: /^ (create|delete) mode \d+ (.*\S|.)\s*$/, sample: " create mode 100644 kernel/locking/irqflag-debug.c" },
  otherSummary: { prefix: " ", re: /^ (?:rename|copy|mode change|rewrite) /, sample: " rename drivers/{foo => bar}/x.c (100%)" },
  rawDiff: { prefix: ":", re: /^:\d{6} \d{6} [0-9a-f]+(?:\.\.\.)? [0-9a-f]+(?:\.\.\.)? ([A-Z])\d*\t([^\t]+)(?:\t(.+))?$/, sample: ":100644 100644 10f158ee95a3f1c4e2b0e4ae0a5d0a8ba24f3d5e 71a74555afdf7e6a5b3e6a1e5f0ac2c3d8e5c0a1 M\tMAINTAINERS" },

  // §2.7 kconfig minimization (generations A, B, C): lines without fields, recognised only
  configMinimized: { prefix: "# configuration already minimized", re: /^# configuration already minimized/, sample: "# configuration already minimized" },
  configBisectStart: { prefix: "# start config bisection", re: /^# start config bisection/, sample: "# start config bisection" },
  configBisectPl: { prefix: "# config-bisect.pl ", re: /^# config-bisect\.pl (?:-r|good|bad|skip|\S+):/, sample: "# config-bisect.pl -r:" },
  configBisectDone: { prefix: "# config_bisect.pl finished", re: /^# config_bisect\.pl finished/, sample: "# config_bisect.pl finished" },
  configFoundChanges: { prefix: "# found config option changes", re: /^# found config option changes/, sample: "# found config option changes [CONFIG_KASAN]" },
  baselineFailed: { prefix: "testing baseline config failed", re: /^testing baseline config failed/, sample: "testing baseline config failed: build error" },
  baselineCrashes: { prefix: "crash reproduces with baseline config", re: /^crash reproduces with baseline config/, sample: "crash reproduces with baseline config" },
  baselineUnable: { prefix: "unable to test using baseline config", re: /^unable to test using baseline config/, sample: "unable to test using baseline config, keep original config" },
  minimizeFailed: { prefix: "minimizing config failed", re: /^minimizing config failed/, sample: "minimizing config failed: exit status 1" },
  minimizedNoRepro: { prefix: "testing with generated minimized config", re: /^testing with generated minimized config/, sample: "testing with generated minimized config doesn't reproduce the crash" },
  kconfigStart: { prefix: "kconfig minimization: ", re: /^kconfig minimization: base=\d+ full=\d+/, sample: "kconfig minimization: base=1234 full=5678 leaves diff=321" },
  baseCrashes: { prefix: "base config crashes", re: /^base config crashes/, sample: "base config crashes" },
  tryingHalf: { prefix: "trying half: ", re: /^trying half: /, sample: "trying half: [CONFIG_A CONFIG_B]" },
  halfCrashed: { prefix: "half crashed", re: /^half crashed/, sample: "half crashed" },
  bothHalves: { prefix: "both halves did not crash", re: /^both halves did not crash/, sample: "both halves did not crash" },
  resultingConfigs: { prefix: "resulting configs: ", re: /^resulting configs: /, sample: "resulting configs: [CONFIG_A]" },
  onlyFull: { prefix: "only full config crashes", re: /^only full config crashes/, sample: "only full config crashes" },
  dropInstrumentation: { prefix: "check whether we can drop", re: /^check whether we can drop unnecessary instrumentation/, sample: "check whether we can drop unnecessary instrumentation" },
  disablingConfigs: { prefix: "disabling configs for ", re: /^disabling configs for \[.*\], they are not needed/, sample: "disabling configs for [memleak ubsan hang], they are not needed" },
  nothingToDisable: { prefix: "there was nothing we could disable", re: /^there was nothing we could disable/, sample: "there was nothing we could disable; skip" },
  withoutInstrumentation: { prefix: "the bug reproduces without", re: /^the bug reproduces without the instrumentation/, sample: "the bug reproduces without the instrumentation" },
  splitChunks: { prefix: "split chunk", re: /^split chunk(?:s \(needed=(?:true|false)\):| #\d+ of len \d+ into \d+ parts)/, sample: "split chunk #0 of len 321 into 5 parts" },
  withoutSubChunk: { prefix: "testing without sub-chunk ", re: /^testing without sub-chunk \d+\/\d+/, sample: "testing without sub-chunk 1/5" },
  chunkDropped: { prefix: "the chunk can be dropped", re: /^the chunk can be dropped/, sample: "the chunk can be dropped" },
  chunkNeeded: { prefix: "no need to test this chunk", re: /^no need to test this chunk/, sample: "no need to test this chunk, it's definitely needed" },
  chunkNoSplit: { prefix: "no way to further split the chunk", re: /^no way to further split the chunk/, sample: "no way to further split the chunk" },
  predicateLimit: { prefix: "we have reached the limit on predicate runs", re: /^we have reached the limit on predicate runs/, sample: "we have reached the limit on predicate runs (5); pretend it returns false" },
  minimizedTo: { prefix: "minimized to ", re: /^minimized to \d+ configs?/, sample: "minimized to 3 configs; suspects: [A B C]" },
  minimizationBadKconfig: { prefix: "config minimization failed", re: /^config minimization failed/, sample: "config minimization failed due to bad Kconfig exit status 1" },
  proceedingOriginal: { prefix: "proceeding with the original config", re: /^proceeding with the original config/, sample: "proceeding with the original config" },

  // §2.8 / §2.9 summary and result lines
  errorProbability: { prefix: "accumulated error probability: ", re: /^accumulated error probability: ([0-9.]+)/, sample: "accumulated error probability: 0.05" },
  detectFailed: { prefix: "failed to detect ", re: /^failed to detect (?:release|noop change): /, sample: "failed to detect release: exit status 1" },
  parentNotTested: { prefix: "parent commit ", re: /^parent commit (\S+) wasn't tested/, sample: "parent commit 2ef96a5bb12be62ef75b5828c0aab838ebb29cb8 wasn't tested" },
  culpritSignature: { prefix: "culprit signature:", re: /^culprit signature:\s+([0-9a-f]+)/, sample: "culprit signature: d97410920c25b0aa45d97b3ef5bf96ef6eb46b1a562b2dc990337fd4cada67ff" },
  parentSignature: { prefix: "parent ", re: /^parent\s+signature:\s+([0-9a-f]+)/, sample: "parent  signature: 7c8257325884b4d0090d3718fcc5a705f2aa6ce136cb0bccd37304dc7b8f9247" },
  previousSignature: { prefix: "previous signature:", re: /^previous signature:\s+([0-9a-f]+)/, sample: "previous signature: 6da6a80abdff645c4dcee910087f48bce866dde6" },
  reproIsFlaky: { prefix: "reproducer is flaky", re: /^reproducer is flaky(?: \(([0-9.]+) repro chance estimate\))?/, sample: "reproducer is flaky (0.37 repro chance estimate)" },
  flaggedFlaky: { prefix: "Reproducer flagged being flaky", re: /^Reproducer flagged being flaky/, sample: "Reproducer flagged being flaky" },
  revisionsTested: { prefix: "revisions tested: ", re: /^revisions tested: (\d+), total time: (\S+) \(build: (\S+), test: (\S+)\)/, sample: "revisions tested: 15, total time: 3h52m11.87855939s (build: 1h38m35.148598075s, test: 2h11m36.282389147s)" },
  firstCommit: { prefix: "first ", re: firstCommitLine, sample: "first bad commit: 997acaf6b4b59c6a9c259740312a69ea549cc684 lockdep: report broken irq restoration" },
  cc: { prefix: "cc: ", re: /^cc: \[(.*)\]/, sample: 'cc: ["a@b.org" "c@d.org"]' },
  recipients: { prefix: "recipients (", re: /^recipients \((to|cc)\): \[(.*)\]/, sample: 'recipients (to): ["linux-kernel@vger.kernel.org" "mark.rutland@arm.com"]' },
  crash: { prefix: "crash: ", re: /^crash: (.*)$/, sample: "crash: WARNING in kvm_wait" },
  inconclusive: { prefix: "bisection is inconclusive", re: /^bisection is inconclusive, the first (bad|good) commit could be any of/, sample: "bisection is inconclusive, the first bad commit could be any of:" },
  horizonOld: { prefix: "the crash ", re: /^the crash (?:already happened on the oldest tested release|still happens on HEAD)/, sample: "the crash already happened on the oldest tested release" },
  horizonOldest: { prefix: "oldest tested release already had the bug", re: /^oldest tested release already had the bug/, sample: "oldest tested release already had the bug or it had kernel test errors" },
  horizonNotFixed: { prefix: "crash still ", re: /^crash still (?:not fixed|happens)/, sample: "crash still not fixed or there were kernel test errors" },
  commitMsg: { prefix: "commit msg: ", re: /^commit msg: (.*)$/, sample: "commit msg: Linux 4.19" },
  error: { prefix: "error: ", re: /^error: (.*)$/, sample: "error: the crash wasn't reproduced on the original commit" },
} satisfies Record<string, Pattern>;

/** Go time.Duration term: `1h`, `38m`, `35.148598075s`, `850ms`, `6.3µs` (sticky: the terms must
 *  tile the text, and a global search would rescan a run of digits from every digit). */
export const DURATION_TERM = /(\d+(?:\.\d+)?)(h|ms|m|s|µs|us|ns)/y;
/** git default date: `Mon Jan 11 15:37:07 2021 +0000`. */
export const GIT_DATE = /^\w{3} (\w{3}) (\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4}) ([+-])(\d\d)(\d\d)$/;
/** run verdicts (§2.3): `crashed: WARNING in kvm_wait`, `boot failed: ...`, `OK`; syzkaller's
 *  words as lib/domain/words.ts lists them (letters and spaces: nothing to escape), i.e.
 *  `^(OK|crashed|boot failed|basic kernel testing failed|infra problem|ignore|failed)(?:: ?(.*))?$` */
export const VERDICT = new RegExp(`^(${RUN_OUTCOMES.map((o) => RUN_OUTCOME[o].log).join("|")})(?:: ?(.*))?$`);

// §8 crash report: stack sections, context markers and frame lines.
export const FP = {
  /** `Call Trace:` (x86), `Call trace:` (arm64), `Backtrace:` (arm32) */
  callTrace: { prefix: "", re: /^(?:Call [Tt]race:|Backtrace:)\s*/, sample: "Call Trace:" },
  allocated: { prefix: "Allocated", re: /^Allocated(?: by task \d+)?:\s*$/, sample: "Allocated by task 14958:" },
  freed: { prefix: "Freed", re: /^Freed(?: by task \d+)?:\s*$/, sample: "Freed by task 10609:" },
  /** any other stack title: lockdep chains, work creation, page_owner, KMSAN origins */
  otherStack: { prefix: "", re: /^(?:-> #\d+ .*:|[A-Za-z][^:]*:)$/, sample: "Last potentially related work creation:" },
  /** ` <IRQ>`, ` </IRQ>`, ` <TASK>`, `<EOI>` (old kernels put a frame after it on the same line) */
  context: { prefix: "<", re: /^<(\/?)([A-Z#_][A-Z0-9#_]*)>\s*/, sample: "<IRQ>" },
  contextEnd: { prefix: "", re: /<\/([A-Z#_][A-Z0-9#_]*)>\s*$/, sample: "R13: 0000000000000000 R14: 0000000000000000 </ENTRY_TRAMPOLINE>" },
  /** `RIP: 0010:f+0x1d/0x20 path:7`, `RIP: 0033:0x46ca23`, `RIP  [<ffffffff8d>] f+0x1/0x2`, `EIP: ...`, `IP: [<...>] ...` */
  rip: { prefix: "", re: /^(?:RIP|EIP|IP|NIP)(?::| ) ?(?:(\d{4}):)?\s*/, sample: "RIP: 0010:warn_bogus_irq_restore+0x1d/0x20 kernel/locking/irqflag-debug.c:7" },
  /** arm64 `pc : f+0x1/0x2 path:1`, `lr : ...`; arm32 `PC is at ...`, `LR is at ...` */
  pcLr: { prefix: "", re: /^(?:pc : |lr : |PC is at |LR is at )/, sample: "pc : __lock_acquire+0x6e0/0x5000 kernel/locking/lockdep.c:3825" },
  /** `WARNING: CPU: 0 PID: 8762 at kernel/locking/irqflag-debug.c:9 f+0x1d/0x20 path:7` */
  warningAt: { prefix: "WARNING: CPU: ", re: /^WARNING: CPU: \d+ (?:UID: \d+ )?PID: \d+ at \S+ /, sample: "WARNING: CPU: 0 PID: 8762 at kernel/locking/irqflag-debug.c:9 warn_bogus_irq_restore+0x1d/0x20 kernel/locking/irqflag-debug.c:7" },
  /** `BUG: KASAN: use-after-free in f+0x27/0x150 path:1` (also KMSAN, KCSAN, KFENCE) */
  bugIn: { prefix: "BUG: K", re: /^BUG: K[A-Z]+: [\w-]+(?: [\w-]+)* in /, sample: "BUG: KASAN: use-after-free in _atomic_dec_and_lock_irqsave+0x27/0x150 lib/dec_and_lock.c:50" },
  /** a frame after a label: lockdep `#0: ffff8880 (&mm->mmap_lock){++++}-{3:3}, at: f path:1 [inline]`,
   *  `Kernel panic - not syncing: ... corrupted in: f+0x169/0x170 path:293`, ODEBUG `hint: f+0x0/0x10`,
   *  `caller is f+0xe/0xf0`, `NMI backtrace for cpu 0 skipped: idling at f path:51 [inline]`,
   *  `Bad FPU state detected at f path:344 [inline], reinitializing FPU registers.` */
  labelled: { prefix: "", re: /^.*?(?: at:| in:|hint:|caller is|idling at|detected at) (?=\S)/, sample: " #0: ffff888146f29420 (&type->s_umount_key#30){++++}-{3:3}, at: deactivate_super+0xad/0xd0 fs/super.c:365" },
  /** console prefix left in old reports: `[  246.107021] `, `[  246.107021][ T1234] ` */
  console: { prefix: "[", re: /^\[ *\d+\.\d+\](?:\[ *[CT]\d+\])? ?/, sample: "[  246.107021] [<ffffffff81216576>] save_stack_trace+0x16/0x20 arch/x86/kernel/stacktrace.c:57" },
  /** `hardirqs last  enabled at (1234): [<ffffffff81>] f+0x1/0x2 path:1` */
  irqsLast: { prefix: "", re: /^(?:hard|soft)irqs last\s+(?:en|dis)abled at \(\d+\): /, sample: "hardirqs last  enabled at (123): [<ffffffff8100>] __up_console_sem+0xae/0xc0 kernel/printk/printk.c:254" },
  /** arm32 `[<8010a4e0>] (dump_backtrace) from [<8010a7f8>] (show_stack+0x18/0x1c path:253)` */
  arm32: { prefix: "[<", re: arm32Line, sample: "[<8010a4e0>] (dump_backtrace) from [<8010a7f8>] (show_stack+0x18/0x1c arch/arm/kernel/traps.c:253)" },
  /** frame body: `[? ][[<addr>] ][? ]func[+0xOFF/0xSIZE][ path:line][ [inline]][ [module]]` (sticky) */
  body: {
    prefix: "",
    re: /(\? )?((?:\[<[0-9a-fx]+>\]\s*)*)(\? )?([A-Za-z_.$][\w.$]*(?:::[\w.$<>]+)*)(?:\+0x([0-9a-f]+)\/0x([0-9a-f]+))?(?: ([^\s:()[\]]+):(-?\d+))?( \[inline\])?(?: \[([\w.-]+)(?: [^\]]*)?\])?/y,
    sample: "? kvm_wait+0xc3/0xe0 arch/x86/kernel/kvm.c:837 [kvm]",
  },
  /** the oops headline of a report */
  header: {
    prefix: "",
    re: /^(?:[a-z0-9_]+: )?(?:BUG:|WARNING:|INFO:|ODEBUG:|KASAN:|UBSAN:|KMSAN:|KCSAN:|KFENCE:|general protection fault|kernel BUG|Kernel panic|Unable to handle kernel|Internal error:|divide error|invalid opcode|stack segment|unregister_netdevice:|unreferenced object|panic:|BUG |WARNING |Oops)/,
    sample: "WARNING: CPU: 0 PID: 8762 at kernel/locking/irqflag-debug.c:9 warn_bogus_irq_restore kernel/locking/irqflag-debug.c:9 [inline]",
  },
} satisfies Record<string, Pattern>;
