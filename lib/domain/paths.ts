// Source paths as a report or a diffstat prints them, made comparable: the judge matches stack
// files against the culprit's files with this, and the page marks frames "touched by culprit"
// and links sources with the same. Pure.

/** `./include/x.h` -> `include/x.h`; `arch/x86/kvm/../../../virt/kvm/kvm_main.c` -> `virt/kvm/kvm_main.c` */
export function normalisePath(path: string): string {
  // most paths are normal already (no empty, `.` or `..` part): a culprit may list 60,000 of
  // them, `.../tail` stats among them, so they are checked in one pass that allocates nothing
  if (isNormal(path)) return path;
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

/** No part of `path` is empty, `.` or `..` (and it is not empty). */
function isNormal(path: string): boolean {
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && path.charCodeAt(i) !== 47 /* / */) continue;
    const len = i - start;
    if (len === 0) return false;
    if (path.charCodeAt(start) === 46 /* . */ && (len === 1 || (len === 2 && path.charCodeAt(start + 1) === 46))) return false;
    start = i + 1;
  }
  return true;
}
