// Shapes a flat frame list for reading: sections, inline frames gathered under the frame
// that contains them (they come first in the report), stack-context changes, and syscall
// entry/exit boilerplate folded away.
import type { UiFrame } from "./types";

export interface FrameGroup {
  /** the real (non-inline) frame */
  head: UiFrame;
  /** inline frames it contains, in report order (innermost first) */
  inlined: UiFrame[];
}

export type FrameBlock =
  | { kind: "group"; group: FrameGroup }
  | { kind: "fold"; groups: FrameGroup[]; frames: number }
  | { kind: "context"; from: string | null; to: string | null };

export interface FrameSectionView {
  section: string;
  blocks: FrameBlock[];
}

/** Entry/exit code every syscall passes through; it says nothing about the bug. */
const BOILERPLATE =
  /^(entry_SYSCALL_64\w*|entry_SYSENTER\w*|entry_INT80\w*|do_syscall_64|do_syscall_x64|do_int80_syscall_32|__do_fast_syscall_32|do_fast_syscall_32|__(x64|ia32|arm64)_sys_\w+|__?syscall_exit_to_user_mode\w*|syscall_exit_to_user_mode\w*|exit_to_user_mode\w*|irqentry_exit_to_user_mode|ret_from_fork\w*|el0_svc\w*|el0t_64_sync\w*|do_el0_svc|invoke_syscall)$/;

export function isBoilerplate(f: UiFrame): boolean {
  return BOILERPLATE.test(f.function);
}

function groupsOf(frames: UiFrame[]): FrameGroup[] {
  const out: FrameGroup[] = [];
  let pending: UiFrame[] = [];
  for (const f of frames) {
    if (f.inline) {
      pending.push(f);
      continue;
    }
    out.push({ head: f, inlined: pending });
    pending = [];
  }
  // inline frames with no containing frame after them stand alone
  for (const f of pending) out.push({ head: f, inlined: [] });
  return out;
}

function blocksOf(groups: FrameGroup[]): FrameBlock[] {
  const out: FrameBlock[] = [];
  let context: string | null = null;
  let fold: FrameGroup[] = [];
  const flush = () => {
    const frames = fold.reduce((n, g) => n + 1 + g.inlined.length, 0);
    if (frames >= 2) out.push({ kind: "fold", groups: fold, frames });
    else for (const g of fold) out.push({ kind: "group", group: g });
    fold = [];
  };
  for (const g of groups) {
    if (g.head.context !== context) {
      flush();
      out.push({ kind: "context", from: context, to: g.head.context });
      context = g.head.context;
    }
    if (isBoilerplate(g.head)) fold.push(g);
    else {
      flush();
      out.push({ kind: "group", group: g });
    }
  }
  flush();
  return out;
}

/** Contiguous frames of one section, in report order. */
export function frameSections(frames: UiFrame[]): FrameSectionView[] {
  const runs: { section: string; frames: UiFrame[] }[] = [];
  for (const f of frames) {
    const last = runs[runs.length - 1];
    if (last && last.section === f.section) last.frames.push(f);
    else runs.push({ section: f.section, frames: [f] });
  }
  return runs.map((r) => ({ section: r.section, blocks: blocksOf(groupsOf(r.frames)) }));
}

export const SECTION_WORDS: Record<string, string> = {
  header: "Reported at",
  rip: "Instruction pointer (RIP / pc)",
  "call-trace": "Call trace",
  allocated: "Allocated by",
  freed: "Freed by",
  "other-stack": "Other stack",
};
