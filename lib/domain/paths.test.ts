import { describe, expect, it } from "vitest";
import { normalisePath } from "./paths";
import { sourceUrl } from "@/lib/format";

describe("normalisePath", () => {
  it("drops ./ and empty parts and resolves ..", () => {
    expect(normalisePath("arch/x86/kvm/../../../virt/kvm/kvm_main.c")).toBe("virt/kvm/kvm_main.c");
    expect(normalisePath("./include/linux/netlink.h")).toBe("include/linux/netlink.h");
    expect(normalisePath("fs//ext4/./inode.c")).toBe("fs/ext4/inode.c");
    expect(normalisePath("kernel/locking/lockdep.c")).toBe("kernel/locking/lockdep.c");
  });

  it("is what source links use, so a link names the file the judge compared", () => {
    expect(sourceUrl("arch/x86/kvm/../../../virt/kvm/kvm_main.c", "abc", 3361)).toBe(
      "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/virt/kvm/kvm_main.c?id=abc#n3361",
    );
    expect(sourceUrl("./include/linux/netlink.h", "abc")).toBe("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/include/linux/netlink.h?id=abc");
  });
});
