// The guilty frame: the first frame of the crash that lies in code a maintainer owns, the way
// syzbot routes a report to a subsystem. Frames of reporting machinery, debugging tools,
// locking and list helpers, allocators, library code, headers and entry code are skipped,
// because a bug is reported *through* them, not *in* them.
import type { CrashReport, Frame, FrameSection } from "@/lib/parser/types";
import type { GuiltyFrame } from "./types";

/** Files that are never guilty. Each entry: why the crash passes through it. */
const GENERIC_FILES: { re: RegExp; why: string }[] = [
  { re: /^lib\//, why: "library code: dump_stack, bug.c, list_debug, nlattr, ubsan, ref_tracker" },
  { re: /^include\//, why: "inline helpers in headers; the caller is the user of the API" },
  { re: /^arch\/[^/]+\/include\//, why: "arch inline helpers (paravirt, atomics, uaccess)" },
  { re: /^kernel\/locking\//, why: "locking primitives and lockdep report on behalf of the caller" },
  { re: /^kernel\/panic\.c$/, why: "panic and __warn machinery" },
  { re: /^kernel\/printk\//, why: "printk" },
  { re: /^mm\/(kasan|kmsan|kfence)\//, why: "memory-error detectors' report paths" },
  { re: /^kernel\/kcsan\//, why: "data-race detector" },
  { re: /^mm\/(slab|slub|slab_common|page_alloc|util|vmalloc|kmemleak|page_owner|mempool|percpu)\.[ch]$/, why: "allocator wrappers" },
  { re: /^arch\/[^/]+\/kernel\/(traps|dumpstack(_64)?|stacktrace|unwind_\w+|process(_64)?)\.c$/, why: "trap and unwinder code" },
  { re: /^arch\/[^/]+\/kernel\/apic\/hw_nmi\.c$/, why: "NMI backtrace of stall reports" },
  { re: /^arch\/[^/]+\/(entry|lib)\//, why: "syscall/interrupt entry and arch string helpers" },
  { re: /^arch\/[^/]+\/kernel\/entry[\w-]*\.[cS]$/, why: "arm64 entry code" },
  { re: /^kernel\/entry\//, why: "generic entry code" },
  { re: /^kernel\/sched\//, why: "schedule() in hang reports, wakeup helpers" },
  { re: /^kernel\/rcu\//, why: "RCU callbacks and stall reports" },
  { re: /^kernel\/(hung_task|watchdog|softirq|irq_work|workqueue|kthread|smp|stacktrace|task_work)\.c$/, why: "deferred-work and reporting machinery" },
  { re: /^kernel\/(time|irq)\//, why: "timer and interrupt dispatch" },
  { re: /^kernel\/(fail_function|fault_inject)|^lib\/fault-inject/, why: "fault injection" },
  { re: /^fs\/(sysfs|kernfs)\//, why: "sysfs warns about duplicate names on behalf of the registering driver" },
];

/** Functions that are never guilty whatever file they are in. */
const GENERIC_FUNCTIONS: { re: RegExp; why: string }[] = [
  { re: /^_*(dump_stack|show_stack|print_\w*|printk|vprintk\w*|panic|warn\w*|report_bug|fixup_bug|do_error_trap|do_invalid_op|handle_bug)\b/, why: "reporting" },
  { re: /^_*(kasan|asan|kcsan|tsan|kmsan|msan|ubsan|kfence)_/, why: "sanitizer hooks (`__asan_report_load8_noabort`, `__ubsan_handle_*`)" },
  { re: /^_*(check_memory_region|memory_is_\w+|instrument_\w+)/, why: "KASAN instrumentation" },
  { re: /^_*(lock_acquire|lock_release|lockdep_\w+|mark_lock\w*|validate_chain|check_\w*deadlock|print_circular_bug|might_sleep|might_fault|__might_resched)/, why: "lockdep" },
  { re: /^_*(raw_)?(spin|read|write)_(un)?lock\w*|^_*mutex_\w+|^_*down_\w+|^_*up_\w+/, why: "lock helpers" },
  { re: /^_*(list|hlist)_\w+_valid|^_*list_(add|del)\w*/, why: "list debugging" },
  { re: /^_*(refcount_\w+|kref_\w+)/, why: "refcount helpers" },
  { re: /^_*(kmalloc|kfree|kzalloc|kcalloc|krealloc|kmem_cache_\w+|vmalloc|vfree|kvmalloc\w*|kvfree|slab_\w+|__slab\w*)/, why: "allocator wrappers" },
  { re: /^_*(memcpy|memset|memmove|strcpy|strncpy|strlen|copy_(to|from)_user\w*|_copy_\w+)$/, why: "string and uaccess helpers" },
  { re: /^(asm_)?(exc|do|entry)_\w*(syscall|SYSCALL|page_fault|int3|nmi|debug)\w*|^entry_SYSCALL/, why: "entry code" },
  { re: /^(should_fail\w*|fail_dump)$/, why: "fault injection" },
];

/** Sections in the order we trust them: the report's own place first, foreign stacks last. */
const SECTION_ORDER: FrameSection[] = ["header", "rip", "call-trace", "other-stack", "allocated", "freed"];

/** `./include/x.h` -> `include/x.h`; `arch/x86/kvm/../../../virt/kvm/kvm_main.c` -> `virt/kvm/kvm_main.c` */
export function normalisePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

export function isGenericFrame(frame: Frame): boolean {
  if (!frame.file) return true;
  const file = normalisePath(frame.file);
  if (GENERIC_FILES.some((r) => r.re.test(file))) return true;
  return GENERIC_FUNCTIONS.some((r) => r.re.test(frame.function));
}

/** The first non-generic, symbolized frame of the trusted sections; null when none. */
export function findGuiltyFrame(crash: CrashReport | null): GuiltyFrame | null {
  if (!crash) return null;
  for (const section of SECTION_ORDER) {
    for (let i = 0; i < crash.frames.length; i++) {
      const f = crash.frames[i];
      if (f.section !== section || f.unreliable || f.context === "user") continue;
      if (!isGenericFrame(f)) return { file: normalisePath(f.file as string), frameIndex: i };
    }
  }
  return null;
}

/** Files of the crash's own stacks (not allocation/free stacks), normalised, in order. */
export function stackFiles(crash: CrashReport | null, limit = 30): string[] {
  if (!crash) return [];
  const files: string[] = [];
  for (const f of crash.frames) {
    if (f.file && (f.section === "header" || f.section === "rip" || f.section === "call-trace")) files.push(normalisePath(f.file));
    if (files.length >= limit) break;
  }
  return files;
}
