import { describe, expect, it } from "vitest";
import { relatedTitles } from "./related";

describe("relatedTitles", () => {
  it("keeps titles that name a place and drops those many unrelated bisections share", () => {
    expect(
      relatedTitles([
        "WARNING in kvm_wait",
        "INFO: rcu detected stall in corrupted",
        "lost connection to test machine",
        "no output from test machine",
        "SYZFATAL: executor failed NUM times: failed to create temp dir",
        "",
        "KASAN: use-after-free Read in task_active_pid_ns",
        "WARNING in kvm_wait",
      ]),
    ).toEqual(["WARNING in kvm_wait", "KASAN: use-after-free Read in task_active_pid_ns"]);
  });
});
