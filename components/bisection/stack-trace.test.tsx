// A folded run of frames names its functions: the real frame of each group, and how many frames
// were inlined into them, so the count before the colon agrees with what follows (review3: "6
// syscall entry/exit frames:" named three functions).
import { describe, expect, it } from "vitest";
import { foldNames } from "./stack-trace";

type Groups = Parameters<typeof foldNames>[0];
const group = (fn: string, inlined: number) =>
  ({ head: { function: fn }, frames: [...Array.from({ length: inlined }, (_, i) => ({ function: `${fn}_inl${i}` })), { function: fn }] }) as unknown as Groups[number];

describe("foldNames", () => {
  it("names each real frame and counts the frames inlined in them", () => {
    expect(foldNames([group("do_syscall_64", 2), group("entry_SYSCALL_64_after_hwframe", 0), group("__x64_sys_ioctl", 1)], 6)).toBe(
      "do_syscall_64, entry_SYSCALL_64_after_hwframe, __x64_sys_ioctl (3 more inlined in them)",
    );
    expect(foldNames([group("dump_stack_lvl", 1)], 2)).toBe("dump_stack_lvl (1 more inlined in it)");
  });
  it("lists three functions at most, and no inline note when there is none", () => {
    expect(foldNames([group("a", 0), group("b", 0), group("c", 0), group("d", 0)], 4)).toBe("a, b, c, …");
  });
});
