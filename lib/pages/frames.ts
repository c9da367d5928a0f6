// Shapes a flat frame list for reading, in report order (innermost first, as the kernel
// printed it): sections; inline frames grouped with the real frame after them, which
// contains them; stack-context changes; syscall entry/exit and the reporting machinery
// (dump_stack, print_report, __warn...) folded into one line that opens; and a stack the
// report prints again (a hung-task dump, a report repeated by the console) shown once, with
// the log lines of its copies.
import type { FrameSection } from "@/lib/domain/words";
import type { PageFrame } from "./types";

export interface FrameGroup<F extends PageFrame = PageFrame> {
  /** the real (non-inline) frame: the last of `frames` */
  head: F;
  /** the group in report order: inline frames first, then the frame that contains them */
  frames: F[];
}

export type FoldReason = "syscall" | "reporting";

export type FrameBlock<F extends PageFrame = PageFrame> =
  | { kind: "group"; group: FrameGroup<F> }
  | { kind: "fold"; reason: FoldReason; groups: FrameGroup<F>[]; frames: number }
  | { kind: "context"; from: string | null; to: string | null };

export interface FrameSectionView<F extends PageFrame = PageFrame> {
  section: FrameSection;
  blocks: FrameBlock<F>[];
  /** each later copy of this same stack (its first log line and section), folded into this one */
  copies: { line: number; section: FrameSection }[];
}

/** Entry/exit code every syscall passes through; it says nothing about the bug. */
const BOILERPLATE =
  /^(entry_SYSCALL_64\w*|entry_SYSENTER\w*|entry_INT80\w*|do_syscall_64|do_syscall_x64|do_int80_syscall_32|__do_fast_syscall_32|do_fast_syscall_32|__(x64|ia32|arm64)_sys_\w+|__?syscall_exit_to_user_mode\w*|syscall_exit_to_user_mode\w*|exit_to_user_mode\w*|irqentry_exit_to_user_mode|ret_from_fork\w*|el0_svc\w*|el0t_64_sync\w*|do_el0_svc|invoke_syscall)$/;

/** The code that prints a report rather than the code that went wrong. */
const REPORTING =
  /^(dump_stack\w*|__dump_stack|show_stack|sched_show_task|print_address_description\w*|print_report|print_error_description|kasan_report\w*|__kasan_report|end_report|panic|__warn|__warn_printk|warn_slowpath_fmt|warn_slowpath_null|check_panic_on_warn|report_bug|handle_bug|exc_invalid_op|asm_exc_invalid_op|do_error_trap|do_invalid_op|invalid_op|ubsan_epilogue|kmsan_report|__msan_warning|lockdep_rcu_suspicious|print_circular_bug\w*|print_usage_bug|print_deadlock_bug|print_unlock_imbalance_bug|debug_print_object|check_hung_task|check_hung_uninterruptible_tasks|nmi_cpu_backtrace|nmi_trigger_cpumask_backtrace|arch_trigger_cpumask_backtrace|trigger_all_cpu_backtrace)$/;

export function isBoilerplate(f: PageFrame): boolean {
  return BOILERPLATE.test(f.function);
}

export function isReporting(f: PageFrame): boolean {
  return REPORTING.test(f.function);
}

function groupsOf<F extends PageFrame>(frames: F[]): FrameGroup<F>[] {
  const out: FrameGroup<F>[] = [];
  let pending: F[] = [];
  for (const f of frames) {
    pending.push(f);
    if (f.inline) continue;
    out.push({ head: f, frames: pending });
    pending = [];
  }
  // inline frames with no containing frame after them stand alone
  for (const f of pending) out.push({ head: f, frames: [f] });
  return out;
}

function foldReason(g: FrameGroup<PageFrame>): FoldReason | null {
  if (isBoilerplate(g.head)) return "syscall";
  if (isReporting(g.head)) return "reporting";
  return null;
}

function blocksOf<F extends PageFrame>(groups: FrameGroup<F>[]): FrameBlock<F>[] {
  const out: FrameBlock<F>[] = [];
  let context: string | null = null;
  let fold: FrameGroup<F>[] = [];
  let reason: FoldReason | null = null;
  const flush = () => {
    const frames = fold.reduce((n, g) => n + g.frames.length, 0);
    if (reason && frames >= 2) out.push({ kind: "fold", reason, groups: fold, frames });
    else for (const g of fold) out.push({ kind: "group", group: g });
    fold = [];
    reason = null;
  };
  for (const g of groups) {
    if (g.head.context !== context) {
      flush();
      out.push({ kind: "context", from: context, to: g.head.context });
      context = g.head.context;
    }
    const r = foldReason(g);
    if (r !== reason) flush();
    if (r) {
      reason = r;
      fold.push(g);
    } else out.push({ kind: "group", group: g });
  }
  flush();
  return out;
}

/** Where a report says the same thing twice: the header's frame and the RIP line name the
 *  same place, so they count as one stack. */
function sectionKind(section: FrameSection): string {
  return section === "rip" ? "header" : section;
}

/** What makes two printed stacks the same: their kind and their frames, function by function. */
function stackKey(section: FrameSection, frames: PageFrame[]): string {
  let key = sectionKind(section);
  for (const f of frames) key += `\n${f.function}+${f.offset ?? ""} ${f.file ?? ""}:${f.line ?? ""}${f.inline ? " i" : ""}`;
  return key;
}

/** Contiguous frames of one section, in report order; a stack printed again is folded into
 *  its first copy. */
export function frameSections<F extends PageFrame>(frames: F[]): FrameSectionView<F>[] {
  const runs: { section: FrameSection; frames: F[] }[] = [];
  for (const f of frames) {
    const last = runs[runs.length - 1];
    // an instruction pointer is one place: RIP lines printed one after another are separate
    const prev = last?.frames[last.frames.length - 1];
    const newPlace = f.section === "rip" && prev !== undefined && !prev.inline;
    if (last && last.section === f.section && !newPlace) last.frames.push(f);
    else runs.push({ section: f.section, frames: [f] });
  }
  const out: FrameSectionView<F>[] = [];
  const first = new Map<string, FrameSectionView<F>>();
  for (const r of runs) {
    const key = stackKey(r.section, r.frames);
    const seen = first.get(key);
    if (seen) {
      seen.copies.push({ line: r.frames[0].logLine, section: r.section });
      continue;
    }
    const view: FrameSectionView<F> = { section: r.section, blocks: blocksOf(groupsOf(r.frames)), copies: [] };
    first.set(key, view);
    out.push(view);
  }
  return out;
}

export const FOLD_WORDS: Record<FoldReason, string> = {
  syscall: "syscall entry/exit",
  reporting: "reporting",
};

/** A frame's `+off/size` as the report printed it (`+0x545/0x2cb0`), "" without an offset. */
export function frameOffset(f: Pick<PageFrame, "offset" | "size">): string {
  const hex = (n: number | null) => (n === null ? "" : `0x${n.toString(16)}`);
  return f.offset === null ? "" : `+${hex(f.offset)}/${hex(f.size)}`;
}

/** Width in characters of the function column of a stack trace: its widest `function+off/size`
 *  (an unreliable frame's "? unreliable" note counted as 10), so every frame of the page starts
 *  its file at one x; the stylesheet caps it (app/globals.css, `.frame`). */
export function functionColumnWidth(frames: Pick<PageFrame, "function" | "offset" | "size" | "unreliable">[]): number {
  let w = 0;
  for (const f of frames) w = Math.max(w, f.function.length + frameOffset(f).length + (f.unreliable ? 10 : 0));
  return w;
}
