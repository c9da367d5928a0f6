import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import { findGuiltyFrame } from "./guilty";
import { buildLog, CLEAN } from "./test-logs";
import { relatedBug, sameBug, titleKey } from "./titles";

function crashOf(report: string) {
  const r = parseBisectionLog(buildLog({ ...CLEAN, crash: { title: "KASAN: use-after-free Read in foo_bar", report } }));
  if (!r.ok) throw new Error(r.reason);
  return r.log.crash;
}

describe("findGuiltyFrame", () => {
  it("skips KASAN reporting, list helpers and headers, and prefers the access stack over alloc/free stacks", () => {
    const crash = crashOf(`BUG: KASAN: use-after-free in __list_del_entry_valid+0xcc/0xf0 lib/list_debug.c:51
Read of size 8 at addr ffff88801f1e8d28 by task syz-executor.0/8762

Call Trace:
 __dump_stack lib/dump_stack.c:79 [inline]
 dump_stack+0x107/0x163 lib/dump_stack.c:120
 kasan_report.cold+0x79/0xd5 mm/kasan/report.c:413
 __list_del_entry_valid+0xcc/0xf0 lib/list_debug.c:51
 list_del include/linux/list.h:146 [inline]
 foo_release+0x2e/0x90 ./drivers/foo/../foo/core.c:77
 __fput+0x283/0x920 fs/file_table.c:280

Allocated by task 8762:
 kmem_cache_alloc_trace+0x15d/0x2b0 mm/slub.c:2917
 bar_alloc+0x4d/0x100 drivers/bar/alloc.c:12

Freed by task 8762:
 kfree+0xdb/0x3a0 mm/slub.c:4124
 baz_free+0x20/0x40 drivers/baz/free.c:9
`);
    const g = findGuiltyFrame(crash);
    expect(g?.file).toBe("drivers/foo/core.c");
    expect(crash?.frames[g!.frameIndex!].function).toBe("foo_release");
  });
  it("returns null without a crash", () => expect(findGuiltyFrame(null)).toBeNull());
});

describe("titles: the same bug is the same place", () => {
  const same = (a: string, b: string) => sameBug(titleKey(a), titleKey(b));
  it("ignores the kind word and the dedup suffix", () => {
    expect(same("WARNING: refcount bug in sk_psock_get", "WARNING in sk_psock_get")).toBe(true);
    expect(same("KASAN: use-after-free Read in foo", "KASAN: slab-out-of-bounds Write in foo (2)")).toBe(true);
    expect(same("general protection fault in foo", "BUG: unable to handle kernel NULL pointer dereference in foo")).toBe(true);
    expect(same("UBSAN: shift-out-of-bounds in foo", "UBSAN: undefined-behaviour in foo.cold")).toBe(true);
  });
  it("tells different places apart, and never matches unspecific titles", () => {
    expect(same("WARNING: refcount bug in sk_psock_get", "WARNING in kvm_wait")).toBe(false);
    expect(same("no output from test machine", "no output from test machine")).toBe(false);
    expect(same("WARNING in corrupted", "WARNING in corrupted")).toBe(false);
    expect(same("kernel BUG at net/core/dev.c:NUM!", "kernel BUG at net/core/dev.c:NUM!")).toBe(true);
  });
  it("relates functions of one subsystem, renames and hangs", () => {
    const rel = (a: string, b: string) => relatedBug(titleKey(a), titleKey(b));
    expect(rel("KASAN: use-after-free Read in j1939_tp_txtimer", "KASAN: use-after-free Read in j1939_session_deactivate")).toBe(true);
    expect(rel("KASAN: use-after-free Read in fuse_request_end", "KASAN: use-after-free Read in request_end")).toBe(true);
    expect(rel("INFO: task hung in foo", "INFO: rcu detected stall in bar")).toBe(true);
    expect(rel("WARNING in sk_destruct", "WARNING in free_netdev")).toBe(false);
    expect(rel("BUG: bad usercopy in con_font_op", "KASAN: use-after-free Write in fbcon_get_font")).toBe(true);
    expect(rel("WARNING: locking bug in rxrpc_unbundle_conn", "kernel BUG at net/rxrpc/conn_object.c:NUM!")).toBe(true);
    expect(rel("WARNING in foo_free", "WARNING in bar_free")).toBe(false); // generic verbs do not relate

  });
});
