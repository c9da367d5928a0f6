// What kind of crash decided a verdict when it was not the bug. Three kinds, from the weakest
// evidence of the bug to the strongest:
//   unspecific: the titles name no place (`lost connection to test machine`, `no output from test
//     machine`, `SYZFATAL: ...`, `... in corrupted`): the machine or syzkaller failed, nothing
//     says the kernel carries the bug;
//   other-subsystem: a crash in code unrelated to the bug's (no shared name component);
//   unseen: a crash of the same subsystem but a place the start commit never crashed in.
import { relatedBug, specific, type TitleKey } from "./titles";

export type OffTargetKind = "unspecific" | "other-subsystem" | "unseen";

/** Titles syzbot gives to failures that are not a kernel bug's report (on top of titles.ts's
 *  unspecific ones): syzkaller's fatal errors and reports it could not parse. */
const MACHINE = /^(SYZFATAL|SYZFAIL|executor failed|failed to|unexpected kernel reboot|suspected kernel panic|kernel panic)|\bin corrupted$|^corrupted|^(no output|lost connection|timed out)/i;

export function unspecificTitle(t: TitleKey): boolean {
  return !specific(t) || MACHINE.test(t.title);
}

/** The kind of off-target crashes among `titles` (one step's crashes), against the bug's
 *  `reference` titles; the strongest kind present wins (a specific crash outweighs noise). */
export function offTargetKind(titles: TitleKey[], reference: TitleKey[]): OffTargetKind {
  const real = titles.filter((t) => !unspecificTitle(t));
  if (real.length === 0) return "unspecific";
  return real.some((t) => reference.some((r) => relatedBug(r, t))) ? "unseen" : "other-subsystem";
}
